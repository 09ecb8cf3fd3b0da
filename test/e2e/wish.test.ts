// The wish wall story (DESIGN.md §1), on four phones, through the h5 UI only: 林阿姨 posts a wish;
// 郑社工 approves it; 陈志远 (volunteer) claims it, only then sees her phone and address, and fulfils it;
// 黄志强, a second volunteer with the wish open at the same time, taps 认领 too late and is told 已被认领;
// 林阿姨 confirms with a thank-you that the wall then shows. Then screenshots of the wall and the closed
// wish (wish-wall, wish-detail, and -large in 大字模式): into docs/screenshots/ with HEMEI_SCREENSHOTS=1,
// else into test-results/e2e/screenshots/.
import type { Locator, Page } from 'playwright-core'
import { choosePersona, current, fill, goTab, toastGone } from './app'
import { confirmModal, openApp, see, story, tap, useStack } from './harness'
import { requireChineseFontForScreenshots, shot } from './screenshots'

beforeAll(requireChineseFontForScreenshots)
const stack = useStack()

const TITLE = '帮忙修理厨房水龙头'
const PHONE = '13800001234'
const ADDRESS = '军门社区3号楼2单元501'
const THANKS = '谢谢陈师傅，水龙头不漏了！'

/** The wish's card on the page the user is looking at. */
function wishCard(page: Page) {
  return current(page).locator('[data-testid="wish-card"]').filter({ hasText: TITLE })
}

/** Neither her phone nor her address is on this page. */
async function noContact(detail: Locator) {
  expect(await detail.getByText(PHONE).count()).toBe(0)
  expect(await detail.getByText(ADDRESS).count()).toBe(0)
  expect(await detail.locator('[data-testid="contact"]').count()).toBe(0)
}

/** No 认领 button (the claim form is closed too). */
async function noClaimButton(detail: Locator) {
  expect(await detail.getByText('认领', { exact: true }).locator('visible=true').count()).toBe(0)
  expect(await detail.locator('[data-testid="claim-form"]').count()).toBe(0)
}

/** 首页 → 微心愿墙. */
async function openWall(page: Page) {
  await goTab(page, '首页')
  await tap(current(page), '微心愿墙')
  await see(current(page), '发布心愿')
}

test('a wish goes from posted to approved, claimed (a second volunteer is refused), fulfilled and confirmed; screenshots', async () => {
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

  // 陈志远 finds it on the wall and opens it: no phone, no address before the claim.
  const volunteer = await stack.newPhone()
  await story(volunteer, 'wish-claim-open', async () => {
    await openApp(stack, volunteer)
    await choosePersona(volunteer, '陈志远（志愿者）')
    await openWall(volunteer)
    const card = wishCard(volunteer)
    await card.waitFor({ state: 'visible' })
    await see(card, '待认领')
    await see(card, /林阿姨 · 军门社区/)
    await card.click()
    const detail = current(volunteer)
    await see(detail, TITLE)
    await see(detail, '认领')
    await noContact(detail)
  })

  // 黄志强, a second volunteer, opens the same wish at the same time: it is still open for him too.
  const second = await stack.newPhone()
  await story(second, 'wish-second-open', async () => {
    await openApp(stack, second)
    await choosePersona(second, '黄志强（志愿者）')
    await openWall(second)
    const card = wishCard(second)
    await card.waitFor({ state: 'visible' })
    await see(card, '待认领')
    await card.click()
    const detail = current(second)
    await see(detail, TITLE)
    await see(detail, '认领')
    await noContact(detail)
  })

  // 陈志远 claims it first, and only then sees her contact.
  await story(volunteer, 'wish-claim', async () => {
    const detail = current(volunteer)
    await tap(detail, '认领')
    await see(detail, '认领这个心愿')
    await tap(detail, '确认认领')
    await see(detail, `电话：${PHONE}`)
    await see(detail, `地址：${ADDRESS}`)
    await see(detail, '已认领')
    await toastGone(volunteer)
  })

  // 黄志强 taps 认领 on his (now stale) page: refused with 已被认领, no contact, no 认领 button. Opened again
  // from the wall, the wish shows 已认领 by 陈志远, still without her contact.
  await story(second, 'wish-second-refused', async () => {
    const detail = current(second)
    await tap(detail, '认领')
    await see(detail, '认领这个心愿')
    await tap(detail, '确认认领')
    const modal = second.locator('.taro-modal__content').locator('visible=true').first()
    await modal.waitFor({ state: 'visible' })
    await see(modal, '已被认领')
    await see(modal, /^这个心愿已被认领/)
    await confirmModal(second, '知道了')
    await see(detail, /这个心愿刚刚被其他人认领了/)
    await see(detail, '认领人：陈志远')
    await noContact(detail)
    await noClaimButton(detail)
    await openWall(second)
    const card = wishCard(second)
    await see(card, '已认领')
    await card.click()
    const again = current(second)
    await see(again, TITLE)
    await see(again, '已认领')
    await see(again, '认领人：陈志远')
    await noContact(again)
    await noClaimButton(again)
  })

  // 陈志远 fulfils it.
  await story(volunteer, 'wish-fulfil', async () => {
    const detail = current(volunteer)
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
    const onWall = wishCard(resident)
    await onWall.waitFor({ state: 'visible' })
    await see(onWall, '已圆满')
    await see(onWall, `感谢：${THANKS}`)
  })

  // Screenshots of the wall and the closed wish with its thanks, at normal and large font (README).
  // On 黄志强's phone (neither the wisher nor the claimant): no contact on the detail page.
  const page = second
  await story(page, 'wish-screenshots', async () => {
    await goTab(page, '我的')
    await see(current(page), '黄志强')
    const toggle = current(page).locator('.hm-row').filter({ hasText: '大字模式' }).getByRole('checkbox')
    expect(await toggle.isChecked()).toBe(false)

    const wallAndDetail = async (suffix: string) => {
      await openWall(page)
      // (Page wraps every page in .hm-page, with .hm-large in 大字模式.)
      await current(page)
        .locator(suffix ? '.hm-page.hm-large' : '.hm-page:not(.hm-large)')
        .first()
        .waitFor({ state: 'visible' })
      const card = wishCard(page)
      await see(card, '已圆满')
      await see(card, `感谢：${THANKS}`)
      await shot(page, `wish-wall${suffix}`)
      await card.click()
      const detail = current(page)
      await see(detail, TITLE)
      await see(detail, '已圆满')
      const thanks = await see(detail, `“${THANKS}”`)
      await noContact(detail)
      // The thank-you in view, with as much of the wish above it as fits.
      await thanks.evaluate((e) => e.scrollIntoView({ block: 'end', inline: 'nearest' }))
      await shot(page, `wish-detail${suffix}`)
    }
    await wallAndDetail('')

    // 我的 → 大字模式, then the same two screens.
    await goTab(page, '我的')
    await toggle.click()
    expect(await toggle.isChecked()).toBe(true)
    await wallAndDetail('-large')
  })
})
