// Layer 3: the home tab of the real weapp build, against the real emulator.
import { calls, env, renderPage, settle, followNavigation, useEmulator, waitForText } from './harness'
import { withEmulator } from './emulator'

const emulator = withEmulator()

const TILES = ['微心愿墙', '四点钟学校', '长者活动', '志愿服务']

test('shows the demo resident her community, her greeting and the four service tiles', async () => {
  const page = renderPage('pages/home/index', { persona: 'demo-resident' })
  const text = await settle(page)
  expect(text).toContain('军门社区')
  expect(text).toContain('林阿姨，您好')
  expect(text).not.toContain('欢迎来到和美社区')
  expect(page.texts('.hm-tile-name')).toEqual(TILES)
  expect(env.errors).toEqual([])
})

test('the data comes through wx.cloud.callFunction as the persona under test', async () => {
  const page = renderPage('pages/home/index', { persona: 'demo-volunteer' })
  const text = await settle(page)
  // app.ts initialises cloud once at launch
  expect(calls('cloud.init')).toHaveLength(1)
  const me = env.cloudCalls.find((c) => c.name === 'user' && c.data?.action === 'me')
  expect(me).toBeDefined()
  expect(me!.result).toMatchObject({ ok: true, data: { signedUp: true } })
  // another persona, another user: identity is the X-Hemei-Openid the harness sends
  expect(text).toContain('陈志远，您好')
  expect(text).not.toContain('林阿姨')
})

test('tapping a tile opens its domain in its subpackage (navigateTo)', async () => {
  const page = renderPage('pages/home/index', { persona: 'demo-resident' })
  await settle(page)
  await page.tap({ text: '长者活动' })
  expect(calls('navigateTo')).toEqual([expect.objectContaining({ url: '/packages/elder/pages/week/index' })])
  expect(calls('showToast')).toEqual([])
})

test('a new user is asked to sign up, and the button opens the signup page in its subpackage', async () => {
  const page = renderPage('pages/home/index', { persona: `dev-new-${Date.now().toString(36)}` })
  const text = await settle(page)
  expect(text).toContain('欢迎来到和美社区')
  expect(text).not.toContain('军门社区')
  // the tiles are there for everyone
  expect(page.texts('.hm-tile-name')).toEqual(TILES)
  await page.tap({ text: '立即注册' })
  expect(calls('navigateTo')).toEqual([{ url: '/packages/user/pages/signup/index' }])
  const signup = followNavigation()
  expect(signup.route).toBe('packages/user/pages/signup/index')
  expect(await settle(signup)).toContain('同意并注册')
  expect(env.errors).toEqual([])
})

test('when the cloud is unreachable it shows the error state, and 重试 recovers', async () => {
  useEmulator('http://127.0.0.1:9') // nothing listens on the discard port
  try {
    const page = renderPage('pages/home/index', { persona: 'demo-resident' })
    const text = await settle(page)
    expect(text).toContain('重试')
    expect(text).not.toContain('军门社区')
    useEmulator(emulator().url)
    await page.tap({ text: '重试' })
    await waitForText(page, '军门社区')
  } finally {
    useEmulator(emulator().url)
    env.errors.length = 0
  }
})
