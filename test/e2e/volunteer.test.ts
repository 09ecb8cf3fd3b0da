// The volunteer stories, as new users and a community worker would live them, through the h5 UI only.
import { applyToVolunteer, chooseEarlierUser, choosePersona, current, fill, goTab, openQueue, shownOpenid, signUpAsNewUser, toastGone } from './app'
import { byText, confirmModal, openApp, see, story, tap, useStack } from './harness'

const stack = useStack()

const STAFF = '郑社工（军门、庆城社工）'

test('a new user signs up in 军门, applies, is approved by 郑社工, and becomes a volunteer', async () => {
  const NICKNAME = '小周'
  const REAL_NAME = '周晓东'
  const page = await stack.newPage()
  await story(page, 'volunteer-approved', async () => {
    await openApp(stack, page)

    // A brand-new identity from the local persona picker signs up in 军门社区.
    const openid = await signUpAsNewUser(page, '军门社区', NICKNAME)
    expect(openid).toMatch(/^dev-new-/)

    // 我的 shows a resident of 军门社区.
    await goTab(page, '我的')
    const me = current(page)
    await see(me, NICKNAME)
    await see(me, '社区：军门社区')
    await see(me, '居民')

    // Apply to volunteer: real name, phone, a skill → 审核中.
    await applyToVolunteer(page, REAL_NAME, '13912345678', '陪伴聊天')

    // Switch to 郑社工 (staff of 军门): the application is in the queue, with the full phone; approve it.
    await choosePersona(page, STAFF)
    await see(current(page), '社工/网格员')
    const queue = await openQueue(page)
    const card = queue.locator('[data-testid="application"]').filter({ hasText: REAL_NAME })
    await card.waitFor({ state: 'visible' })
    await see(card, '军门社区')
    await see(card, '手机：13912345678')
    await see(card, '陪伴聊天')
    await tap(card, '通过')
    await confirmModal(page, '通过')
    await card.waitFor({ state: 'detached' })
    await toastGone(page)
    // It now sits under 已通过.
    await tap(queue, '已通过')
    await queue.locator('[data-testid="application"]').filter({ hasText: REAL_NAME }).waitFor({ state: 'visible' })

    // Back (the phone's back gesture), and back to the new user through the picker's 最近使用.
    await page.goBack()
    await chooseEarlierUser(page, openid, NICKNAME)
    const after = current(page)
    expect(await shownOpenid(page)).toBe(openid)
    await see(after, NICKNAME)
    await see(after, '已成为志愿者')
    await see(after, '志愿者')
  })
})

test('on two phones: a 庆城 applicant is turned down with a reason, and sees why', async () => {
  const NICKNAME = '小陈'
  const REAL_NAME = '陈晓燕'
  const REASON = '本季度名额已满，欢迎下季度再报名'
  const phone = await stack.newPhone()
  await story(phone, 'volunteer-rejected-applicant', async () => {
    await openApp(stack, phone)
    await signUpAsNewUser(phone, '庆城社区', NICKNAME)
    await applyToVolunteer(phone, REAL_NAME, '13687654321', '课业辅导')
  })

  // The community office's own phone.
  const office = await stack.newPhone()
  await story(office, 'volunteer-rejected-office', async () => {
    await openApp(stack, office)
    await choosePersona(office, STAFF)
    const queue = await openQueue(office)
    const card = queue.locator('[data-testid="application"]').filter({ hasText: REAL_NAME })
    await card.waitFor({ state: 'visible' })
    await see(card, '庆城社区')
    // 不通过 asks for the reason (in h5, the browser's prompt).
    office.once('dialog', (d) => void d.accept(REASON))
    await tap(card, '不通过')
    await card.waitFor({ state: 'detached' })
    await tap(queue, '未通过')
    const rejected = queue.locator('[data-testid="application"]').filter({ hasText: REAL_NAME })
    await rejected.waitFor({ state: 'visible' })
    await see(rejected, `原因：${REASON}`)
  })

  // Back on the applicant's phone: 我的 refreshes when shown again.
  await story(phone, 'volunteer-rejected-seen', async () => {
    await goTab(phone, '首页')
    await goTab(phone, '我的')
    const me = current(phone)
    await see(me, '未通过')
    await see(me, `原因：${REASON}`)
    await see(me, '重新申请')
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

test('a page left at once (back within 0.1 s) leaves 我的 showing, not a blank page', async () => {
  // The cause of this file's old flake (15 s waiting for 切换演示身份（本地） after the picker): Taro's h5 router
  // hid 我的 on a timer from the slide that had just taken it away, after 我的 was shown again. The h5 build
  // now has no page slide (app.config.ts).
  const page = await stack.newPhone()
  await story(page, 'quick-back', async () => {
    await openApp(stack, page)
    await goTab(page, '我的')
    for (let i = 0; i < 4; i++) {
      await tap(current(page), '切换演示身份（本地）')
      await page.waitForTimeout(100)
      await page.goBack()
      await byText(current(page), '切换演示身份（本地）').waitFor({ state: 'visible', timeout: 3000 })
    }
  })
})
