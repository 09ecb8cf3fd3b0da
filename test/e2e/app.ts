// What a person does in the h5 app, step by step, found by visible Chinese text: tabs, the local persona
// picker, WeUI pickers, form fields. No private hooks: every step is a tap, a drag or typing.
import type { Locator, Page } from 'playwright-core'
import { callAs } from './backstage'
import { appMounted, openApp, see, tap, timed, type Stack } from './harness'

/** True when the app shows a tab page (the start page, 首页 or 我的), which has the tab bar. */
const onTabPage = (page: Page) => page.evaluate(() => /^(#\/?)?(pages\/(home|me)\/index)?(\?.*)?$/.test(location.hash))

/** Waits until Taro's router shows exactly the page of the current route (a back or a tab switch has finished). */
export async function routeSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const route = location.hash.replace(/^#/, '').split('?')[0] || '/pages/home/index'
    const shown = Array.from(document.querySelectorAll('.taro_page')).filter((e) => getComputedStyle(e).display !== 'none')
    return shown.length === 1 && shown[0].id.split('?')[0] === route
  })
}

/** Taps a tab of the tab bar (首页 / 我的); from a page without it, goes back (the phone's back gesture) first. */
export async function goTab(page: Page, label: '首页' | '我的'): Promise<void> {
  await timed(`tab ${label}`, async () => {
    // Back by the route, each back once the router has finished the last one, rather than after a fixed wait
    // for the tab bar: a slow tab page must not be taken for a sub-page (going back from it leaves the app).
    await routeSettled(page)
    for (let backs = 0; backs < 5 && !(await onTabPage(page)); backs++) {
      await page.goBack()
      await routeSettled(page)
    }
    await page.locator('.weui-tabbar__item').filter({ hasText: label }).locator('visible=true').first().click()
    // Done when the tab's page is the one shown: a step right after must not find the last page, still visible.
    await page.waitForFunction((route) => (location.hash.replace(/^#/, '').split('?')[0] || '/pages/home/index') === route, TAB_ROUTES[label])
    await routeSettled(page)
  })
}

/** The tab pages' routes (src/app.config.ts tabBar). */
const TAB_ROUTES = { 首页: '/pages/home/index', 我的: '/pages/me/index' } as const

/** The page the user is looking at (Taro h5 keeps earlier pages in the DOM, hidden). */
export function current(page: Page): Locator {
  return page.locator('.taro_page').locator('visible=true').last()
}

/** 我的 → 切换演示身份（本地）: the h5-only persona picker. */
export async function openPersonaPicker(page: Page): Promise<void> {
  await goTab(page, '我的')
  await tap(current(page), '切换演示身份（本地）')
  await see(current(page), '选择演示身份')
}

/** Picks a demo persona by its label (or 新用户); the picker then returns to 我的. */
export async function choosePersona(page: Page, label: string | RegExp): Promise<void> {
  await openPersonaPicker(page)
  await tap(current(page), label)
  await see(current(page), '切换演示身份（本地）')
}

/**
 * Returns to an identity used earlier (e.g. a new user made a few steps before): the picker should list
 * it, by nickname or openid, as a person would expect of an account switcher.
 */
export async function chooseEarlierUser(page: Page, openid: string, nickname: string): Promise<void> {
  await openPersonaPicker(page)
  const picker = current(page)
  const entries = picker.locator('.hm-card, .hm-row, taro-button-core')
  const entry = entries
    .filter({ hasText: openid })
    .or(entries.filter({ hasText: nickname }))
    .locator('visible=true')
    .first()
  try {
    await entry.waitFor({ state: 'visible', timeout: 5000 })
  } catch {
    throw new Error(`the persona picker offers no way back to ${openid} (${nickname}): it should list identities used before`)
  }
  await entry.click()
  await see(current(page), '切换演示身份（本地）')
}

/** The openid the app currently calls as, as 我的 shows it ("dev-new-… ›"). */
export async function shownOpenid(page: Page): Promise<string> {
  const row = current(page).locator('.hm-row').filter({ hasText: '切换演示身份（本地）' }).first()
  const text = (await row.locator('.hm-sub').first().textContent()) || ''
  return text.replace('›', '').trim()
}

/** Types into the text field that shows this placeholder. */
export async function fill(scope: Page | Locator, placeholder: string, value: string): Promise<void> {
  // Taro's <taro-input-core> carries the placeholder too; type into the real field inside it.
  const input = scope.locator(`input[placeholder="${placeholder}"], textarea[placeholder="${placeholder}"]`).locator('visible=true').first()
  await input.waitFor({ state: 'visible' })
  await input.click()
  await input.fill(value)
}

/**
 * Chooses an option in a WeUI selector picker the way a person does: open it, drag the wheel until the
 * option shows, tap it (the wheel centres it), then tap 确定.
 */
export async function pickOption(page: Page, opener: Locator, option: string | RegExp): Promise<void> {
  await opener.click()
  const sheet = page.locator('.weui-picker').locator('visible=true').first()
  await sheet.waitFor({ state: 'visible' })
  const wheel = sheet.locator('.weui-picker__bd')
  // The sheet slides up and the wheel glides after each drag or tap: measure only when it is still.
  const still = () =>
    page.waitForFunction(() => {
      const el = Array.from(document.querySelectorAll('.weui-picker')).find((e) => e.getClientRects().length > 0)
      return !!el && el.getAnimations({ subtree: true }).every((a) => a.playState !== 'running' && !a.pending)
    })
  await still()
  const item = sheet.locator('.weui-picker__item').filter({ hasText: option }).first()
  for (let drags = 0; ; drags++) {
    const w = await wheel.boundingBox()
    const b = await item.boundingBox()
    if (!w || !b) throw new Error('picker is not laid out')
    const y = b.y + b.height / 2
    if (y > w.y + 8 && y < w.y + w.height - 8) {
      await page.mouse.move(w.x + w.width / 2, y)
      await page.mouse.down()
      await page.mouse.up()
      await still()
      break
    }
    if (drags > 40) throw new Error(`picker option not reached: ${option}`)
    // Drag the wheel by up to four rows towards the option.
    const dy = Math.max(-136, Math.min(136, w.y + w.height / 2 - y))
    const x = w.x + w.width / 2
    const y0 = w.y + w.height / 2
    await page.mouse.move(x, y0)
    await page.mouse.down()
    await page.mouse.move(x, y0 + dy / 2)
    await page.mouse.move(x, y0 + dy)
    await page.mouse.up()
    await still()
  }
  // The tapped row is under the indicator before we confirm.
  const pattern = typeof option === 'string' ? option.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : option.source
  await page.waitForFunction(
    ({ pattern }) => {
      const ind = Array.from(document.querySelectorAll('.weui-picker__indicator'))
        .find((e) => e.getClientRects().length > 0)
        ?.getBoundingClientRect()
      if (!ind) return false
      const at = document.elementsFromPoint(ind.left + ind.width / 2, ind.top + ind.height / 2)
      const row = at.find((e) => e.classList.contains('weui-picker__item'))
      return !!row && new RegExp(pattern).test(row.textContent || '')
    },
    { pattern },
  )
  await sheet.locator('.weui-picker__action').filter({ hasText: '确定' }).click()
  await sheet.waitFor({ state: 'hidden' })
}

/** As a brand-new user: the picker's 新用户, then sign up (agree, community, nickname). Returns the openid. */
export async function signUpAsNewUser(page: Page, community: string, nickname: string): Promise<string> {
  await choosePersona(page, '新用户')
  const me = current(page)
  await see(me, '您还没有注册')
  const openid = await shownOpenid(page)
  await tap(me, '立即注册')
  const signup = current(page)
  await see(signup, '欢迎加入和美社区')
  await tap(signup, /我已阅读并同意隐私保护指引/)
  await pickOption(page, signup.getByText('请选择社区', { exact: true }), new RegExp(`^${community}（`))
  await see(signup, community)
  await fill(signup, '例如：林阿姨', nickname)
  await tap(signup, '同意并注册')
  // Home greets the new resident of that community.
  const home = current(page)
  await see(home, new RegExp(`^${nickname}，您好`))
  await see(home, community)
  await toastGone(page)
  return openid
}

/** From 我的: apply to volunteer with a real name, a phone, a birth date and one skill; back on 我的 it is 审核中. */
export async function applyToVolunteer(page: Page, realName: string, phone: string, skill: string): Promise<void> {
  await goTab(page, '我的')
  await tap(current(page), '申请成为志愿者')
  const apply = current(page)
  await see(apply, '申请成为志愿者')
  await fill(apply, '请输入真实姓名', realName)
  await fill(apply, '请输入11位手机号', phone)
  await fill(apply, '例如 1990-01-01', '1975-06-01')
  await tap(apply, skill)
  await see(apply, `✓ ${skill}`)
  await tap(apply, '提交申请')
  await see(current(page), '审核中')
  await toastGone(page)
}

/** 我的 → 志愿者申请审核 (staff only): the queue, on its 待审核 tab. */
export async function openQueue(page: Page): Promise<Locator> {
  await goTab(page, '我的')
  await tap(current(page), '志愿者申请审核')
  const queue = current(page)
  await see(queue, '待审核')
  return queue
}

/** The toast Taro h5 shows (e.g. 注册成功), once it has gone. */
export async function toastGone(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const toasts = Array.from(document.querySelectorAll<HTMLElement>('.taro__toast'))
    return toasts.every((t) => getComputedStyle(t).display === 'none' || getComputedStyle(t).opacity === '0')
  })
}

/** Opens the app as 郑社工 (demo staff of 军门 and 庆城) and goes to 我的, where staff's tools are. */
export async function openAsStaff(stack: Stack, page: Page): Promise<void> {
  await openApp(stack, page)
  await choosePersona(page, '郑社工（军门、庆城社工）')
  await goTab(page, '我的')
}

export { see, tap }

/** Types into the text field whose accessible name is `label` (a TextField's label, e.g. 孩子姓名). */
export async function fillLabelled(scope: Page | Locator, label: string, value: string): Promise<void> {
  const name = `[aria-label="${label}"]`
  const input = scope.locator(`input${name}, textarea${name}, ${name} input, ${name} textarea`).locator('visible=true').first()
  await input.waitFor({ state: 'visible' })
  await input.click()
  await input.fill(value)
}

/** Saves 大字模式 on or off in `openid`'s profile and reloads the page, which follows it (a phone with no choice of its own). */
export async function largeFontAs(stack: Stack, page: Page, openid: string, on: boolean): Promise<void> {
  await callAs(stack, openid, 'user', 'updateProfile', { largeFont: on })
  await page.reload()
  await appMounted(page)
  const large = current(page).locator('.hm-large').first()
  if (on) await large.waitFor()
  else expect(await large.count()).toBe(0)
}
