// Layer 3: the me tab of the real weapp build, against the real emulator.
import { calls, env, renderPage, settle, waitFor, followNavigation } from './harness'
import { withEmulator } from './emulator'

withEmulator()

afterEach(() => {
  env.system = {}
})

test('demo-resident sees her nickname, community and the resident role, and can apply to volunteer', async () => {
  const page = renderPage('pages/me/index', { persona: 'demo-resident' })
  const text = await settle(page)
  expect(page.texts('.hm-title')[0]).toBe('林阿姨')
  expect(text).toContain('社区：军门社区')
  expect(page.texts('.hm-badge')).toEqual(expect.arrayContaining(['居民']))
  expect(page.texts('.hm-badge')).not.toContain('社工/网格员')
  // staff-only entry is hidden
  expect(text).not.toContain('志愿者申请审核')
  await page.tap({ text: '申请成为志愿者' })
  expect(calls('navigateTo')).toEqual([{ url: '/packages/user/pages/apply/index' }])
  expect(await settle(followNavigation())).toContain('提交申请')
  expect(env.errors).toEqual([])
})

test('demo-volunteer sees the volunteer role and the approved status', async () => {
  const page = renderPage('pages/me/index', { persona: 'demo-volunteer' })
  const text = await settle(page)
  expect(page.texts('.hm-title')[0]).toBe('陈志远')
  expect(page.texts('.hm-badge')).toEqual(expect.arrayContaining(['居民', '志愿者', '已成为志愿者']))
  expect(text).not.toContain('申请成为志愿者')
})

test('demo-staff sees the staff role and the application queue entry, which opens the staff subpackage', async () => {
  const page = renderPage('pages/me/index', { persona: 'demo-staff' })
  await settle(page)
  expect(page.texts('.hm-badge')).toEqual(expect.arrayContaining(['社工/网格员']))
  await page.tap({ text: '志愿者申请审核' })
  expect(calls('navigateTo')).toEqual([{ url: '/packages/staff/pages/applications/index' }])
  const queue = followNavigation()
  expect(queue.route).toBe('packages/staff/pages/applications/index')
  expect(await settle(queue)).toContain('王晓梅')
})

test('demo-resident (seeded with large font) gets the large text class from her profile', async () => {
  const page = renderPage('pages/me/index', { persona: 'demo-resident' })
  await settle(page)
  expect(page.root.dom.querySelector('.hm-page')!.classList.contains('hm-large')).toBe(true)
})

test("follows WeChat's font size: large text class when fontSizeSetting is above the default", async () => {
  // a new user has no profile preference: only WeChat's setting decides
  const persona = `dev-new-${Date.now().toString(36)}`
  const normal = renderPage('pages/me/index', { persona })
  await settle(normal)
  expect(normal.root.dom.querySelector('.hm-page')!.classList.contains('hm-large')).toBe(false)

  env.system = { fontSizeSetting: 22 }
  const large = renderPage('pages/me/index', { persona })
  await settle(large)
  expect(large.root.dom.querySelector('.hm-page')!.classList.contains('hm-large')).toBe(true)
})

test('the large-font switch saves the choice locally and to the profile, and survives a restart', async () => {
  const page = renderPage('pages/me/index', { persona: 'demo-volunteer' })
  await settle(page)
  expect(page.root.dom.querySelector('.hm-page')!.classList.contains('hm-large')).toBe(false)
  await page.trigger('wx-switch', 'change', { value: true })
  await waitFor(() => page.root.dom.querySelector('.hm-page.hm-large'))
  expect(env.storage.get('hemei.largeFont')).toBe('1')
  await waitFor(() => env.cloudCalls.some((c) => c.data?.action === 'updateProfile' && c.result?.ok === true))

  // a cold start without the local choice still gets it from the saved profile
  env.storage.delete('hemei.largeFont')
  const again = renderPage('pages/me/index', { persona: 'demo-volunteer' })
  await settle(again)
  expect(again.root.dom.querySelector('.hm-page')!.classList.contains('hm-large')).toBe(true)
  expect(env.errors).toEqual([])
})
