// The wish wall story (DESIGN.md §1), on three phones, through the h5 UI only: 林阿姨 posts a wish;
// 郑社工 approves it; 陈志远 (volunteer) claims it, only then sees her phone and address, and fulfils it;
// 林阿姨 confirms with a thank-you that the wall then shows.
import { choosePersona, current, fill, goTab, toastGone } from './app'
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

const TITLE = '帮忙修理厨房水龙头'
const PHONE = '13800001234'
const ADDRESS = '军门社区3号楼2单元501'
const THANKS = '谢谢陈师傅，水龙头不漏了！'

/** 首页 → 微心愿墙. */
async function openWall(page: import('playwright-core').Page) {
  await goTab(page, '首页')
  await tap(current(page), '微心愿墙')
  await see(current(page), '发布心愿')
}

test('a wish goes from posted to approved, claimed, fulfilled and confirmed', async () => {
  // 林阿姨 posts a wish.
  const resident = await stack.newPage()
  await story(resident, 'wish-post', async () => {
    await openApp(stack, resident)
    await choosePersona(resident, '林阿姨（居民）')
    await openWall(resident)
    await tap(current(resident), '发布心愿')
    const form = current(resident)
    await see(form, '心愿标题')
    await fill(form, '例如：想请人帮忙修一下门锁', TITLE)
    await fill(form, '说说您需要什么帮助', '厨房水龙头一直滴水，自己拧不紧，想请懂维修的邻居帮忙看看。')
    await tap(form, '家电维修')
    await fill(form, '您的姓氏，例如：林', '林')
    await see(form, '心愿墙上显示为：林阿姨')
    await fill(form, '请输入11位手机号', PHONE)
    await fill(form, '例如：军门社区3号楼2单元501', ADDRESS)
    await tap(form, '提交心愿')
    // 我的心愿: waiting for review.
    const mine = current(resident)
    const card = mine.locator('[data-testid="wish-card"]').filter({ hasText: TITLE })
    await card.waitFor({ state: 'visible' })
    await see(card, '待审核')
    await toastGone(resident)
  })

  // 郑社工 approves it in the wish queue.
  const office = await stack.newPhone()
  await story(office, 'wish-review', async () => {
    await openApp(stack, office)
    await choosePersona(office, '郑社工（军门、庆城社工）')
    await tap(current(office), '心愿审核')
    const queue = current(office)
    await see(queue, '待审核')
    const card = queue.locator('[data-testid="queue-wish"]').filter({ hasText: TITLE })
    await card.waitFor({ state: 'visible' })
    await tap(card, '通过')
    await confirmModal(office, '通过')
    await card.waitFor({ state: 'detached' })
  })

  // 陈志远 finds it on the wall, claims it, and fulfils it.
  const volunteer = await stack.newPhone()
  await story(volunteer, 'wish-claim', async () => {
    await openApp(stack, volunteer)
    await choosePersona(volunteer, '陈志远（志愿者）')
    await openWall(volunteer)
    const card = current(volunteer).locator('[data-testid="wish-card"]').filter({ hasText: TITLE })
    await card.waitFor({ state: 'visible' })
    await see(card, '待认领')
    await see(card, /林阿姨 · 军门社区/)
    await card.click()
    const detail = current(volunteer)
    await see(detail, TITLE)
    await see(detail, '认领')
    // Before the claim: no phone, no address.
    expect(await detail.getByText(PHONE).count()).toBe(0)
    expect(await detail.getByText(ADDRESS).count()).toBe(0)
    await tap(detail, '认领')
    await see(detail, '认领这个心愿')
    await tap(detail, '确认认领')
    // After the claim: her contact, for the claimant only.
    await see(detail, `电话：${PHONE}`)
    await see(detail, `地址：${ADDRESS}`)
    await see(detail, '已认领')
    await toastGone(volunteer)
    await tap(detail, '完成心愿')
    await fill(detail, '说说您是怎么帮忙的', '换了新的阀芯，试过不再滴水。')
    await tap(detail, '提交完成')
    await see(detail, '已完成')
    await toastGone(volunteer)
  })

  // 林阿姨 confirms and thanks; the wall shows it fulfilled with her thanks.
  await story(resident, 'wish-confirm', async () => {
    await goTab(resident, '我的')
    await tap(current(resident), '我的心愿')
    const card = current(resident).locator('[data-testid="wish-card"]').filter({ hasText: TITLE })
    await card.waitFor({ state: 'visible' })
    await see(card, '已完成')
    await card.click()
    const detail = current(resident)
    await see(detail, TITLE)
    await tap(detail, '确认完成')
    await fill(detail, '例如：谢谢小王，门修好了！', THANKS)
    await tap(detail, '确认完成')
    await see(detail, '已圆满')
    await see(detail, new RegExp(THANKS))
    await toastGone(resident)
    // The wall shows it, with her thanks.
    await openWall(resident)
    const onWall = current(resident).locator('[data-testid="wish-card"]').filter({ hasText: TITLE })
    await onWall.waitFor({ state: 'visible' })
    await see(onWall, '已圆满')
    await see(onWall, `感谢：${THANKS}`)
  })
})
