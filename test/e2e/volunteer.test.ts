// The volunteer story, as a new user and a community worker would live it, through the h5 UI only:
// on one phone a new user signs up in 军门社区 and applies to volunteer; on another, 郑社工 (staff of
// 军门) approves the application in the queue; back on the first phone, 我的 shows the volunteer role.
import { choosePersona, current, fill, goTab, pickOption, shownOpenid, toastGone } from './app'
import { confirmModal, openApp, see, startStack, story, tap, type Stack } from './harness'

let stack: Stack
beforeAll(async () => {
  stack = await startStack()
})
afterAll(async () => {
  await stack?.close()
})
afterEach(() => {
  expect(stack.pageErrors.splice(0)).toEqual([])
})

const NICKNAME = '小周'
const REAL_NAME = '周晓东'
const STAFF = '郑社工（军门、庆城社工）'

test('a new user signs up, applies, is approved by staff, and becomes a volunteer', async () => {
  const page = await stack.newPage()
  let openid = ''
  await story(page, 'volunteer-new-user', async () => {
    await openApp(stack, page)

    // A brand-new identity from the local persona picker.
    await choosePersona(page, '新用户')
    const me = current(page)
    await see(me, '您还没有注册')
    openid = await shownOpenid(page)
    expect(openid).toMatch(/^dev-new-/)

    // Sign up: agree to the privacy guide, choose 军门社区, give a nickname.
    await tap(me, '立即注册')
    const signup = current(page)
    await see(signup, '欢迎加入和美社区')
    await tap(signup, /我已阅读并同意隐私保护指引/)
    await pickOption(page, signup.getByText('请选择社区', { exact: true }), '军门社区（东街街道）')
    await see(signup, '军门社区')
    await fill(signup, '例如：林阿姨', NICKNAME)
    await tap(signup, '同意并注册')

    // Home greets the new resident of 军门社区.
    const home = current(page)
    await see(home, new RegExp(`^${NICKNAME}，您好`))
    await see(home, '军门社区')
    await toastGone(page)

    // 我的 shows a resident of 军门社区.
    await goTab(page, '我的')
    const profile = current(page)
    await see(profile, NICKNAME)
    await see(profile, '社区：军门社区')
    await see(profile, '居民')

    // Apply to volunteer: real name, phone, a skill.
    await tap(profile, '申请成为志愿者')
    const apply = current(page)
    await see(apply, '申请成为志愿者')
    await fill(apply, '请输入真实姓名', REAL_NAME)
    await fill(apply, '请输入11位手机号', '13912345678')
    await tap(apply, '陪伴聊天')
    await see(apply, '✓ 陪伴聊天')
    await tap(apply, '提交申请')

    // Back on 我的: the application is under review.
    await see(current(page), '审核中')
    await toastGone(page)
  })

  // On the community office's phone, 郑社工 opens the queue and approves it.
  const office = await stack.newPhone()
  await story(office, 'volunteer-staff', async () => {
    await openApp(stack, office)
    await choosePersona(office, STAFF)
    const staffMe = current(office)
    await see(staffMe, '社工/网格员')
    await tap(staffMe, '志愿者申请审核')
    const queue = current(office)
    await see(queue, '待审核')
    const card = queue.locator('[data-testid="application"]').filter({ hasText: REAL_NAME })
    await card.waitFor({ state: 'visible' })
    await see(card, '军门社区')
    await see(card, '手机：13912345678')
    await tap(card, '通过')
    await confirmModal(office, '通过')
    await card.waitFor({ state: 'detached' })
    // It now sits under 已通过.
    await tap(queue, '已通过')
    await queue.locator('[data-testid="application"]').filter({ hasText: REAL_NAME }).waitFor({ state: 'visible' })
  })

  // Back on the new user's phone, still the same user: 我的 refreshes when shown again.
  await story(page, 'volunteer-approved', async () => {
    await goTab(page, '首页')
    await goTab(page, '我的')
    const after = current(page)
    expect(await shownOpenid(page)).toBe(openid)
    await see(after, NICKNAME)
    await see(after, '已成为志愿者')
    await see(after, '志愿者')
  })
})

test('sign-up asks for the privacy agreement and a community before anything is saved', async () => {
  const page = await stack.newPhone()
  await story(page, 'signup-refused', async () => {
    await openApp(stack, page)
    await choosePersona(page, '新用户')
    await tap(current(page), '立即注册')
    const signup = current(page)
    await see(signup, '欢迎加入和美社区')
    await fill(signup, '例如：林阿姨', '小李')
    await tap(signup, '同意并注册')
    await see(signup, '请先阅读并同意隐私保护指引')
    await see(signup, '请选择您所在的社区')
    // Nothing was saved: 我的 still asks the user to sign up.
    await page.goBack()
    await see(current(page), '您还没有注册')
  })
})
