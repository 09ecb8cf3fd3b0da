// Layer 3: a new user signs up in the real weapp build (form events: tap, picker change, input), against the real emulator.
import { calls, env, followNavigation, renderPage, settle, waitFor, waitForText } from './harness'
import { withEmulator } from './emulator'

withEmulator()

test('a new user signs up: the form refuses until complete, then registers and home shows the community', async () => {
  const persona = `dev-new-${Date.now().toString(36)}`
  const page = renderPage('packages/user/pages/signup/index', { persona })
  expect(await settle(page)).toContain('欢迎加入和美社区')
  const list = env.cloudCalls.find((c) => c.data?.action === 'listCommunities')?.result?.data?.communities as { name: string }[]
  expect(list?.length).toBeGreaterThan(0)
  const junmen = list.findIndex((c) => c.name === '军门社区')
  expect(junmen).toBeGreaterThanOrEqual(0)

  // submitting an empty form: field errors, and nothing sent
  await page.tap({ text: '同意并注册' })
  const errors = await waitFor(() => {
    const e = page.texts('.hm-error')
    return e.length >= 3 ? e : null
  })
  expect(errors).toEqual(expect.arrayContaining(['请先阅读并同意隐私保护指引', '请选择您所在的社区']))
  expect(env.cloudCalls.some((c) => c.data?.action === 'signUp')).toBe(false)

  // fill it in: agree, pick 军门社区, type a nickname
  await page.tap({ text: '☐ 我已阅读并同意隐私保护指引' })
  await waitForText(page, '☑ 我已阅读并同意隐私保护指引')
  // (data-* attributes stay in the dataset in weapp: find the picker by tag; the first one is the community)
  await page.trigger('wx-picker', 'change', { value: junmen })
  await waitFor(() => page.texts('.hm-picker')[0]?.startsWith('军门社区'))
  await page.trigger('wx-input', 'input', { value: '小李', cursor: 2, keyCode: 0 })

  await page.tap({ text: '同意并注册' })
  await waitFor(() => calls('switchTab').length === 1)
  const signUp = env.cloudCalls.find((c) => c.data?.action === 'signUp')
  expect(signUp?.data?.input).toMatchObject({ privacyAgreed: true, nickname: '小李' })
  expect(signUp?.result).toMatchObject({ ok: true })
  expect(calls('showToast')).toEqual(expect.arrayContaining([expect.objectContaining({ title: '注册成功' })]))
  expect(calls('switchTab')).toEqual([{ url: '/pages/home/index' }])

  const home = followNavigation()
  const text = await settle(home)
  expect(text).toContain('军门社区')
  expect(text).toContain('小李，您好')
  expect(text).not.toContain('欢迎来到和美社区')
  expect(env.errors).toEqual([])
})
