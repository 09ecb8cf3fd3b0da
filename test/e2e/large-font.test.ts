// Elder-friendly mode: the 大字模式 switch on 我的 makes body text at least 18 pt-equivalent, and the
// setting follows the user to other pages. Also takes the README's screenshots (home and 我的, normal
// and large): into docs/screenshots/ with HEMEI_SCREENSHOTS=1, else into test-results/e2e/screenshots/.
import type { Locator, Page } from 'playwright-core'
import { choosePersona, current, goTab } from './app'
import { openApp, see, story, useStack } from './harness'
import { requireChineseFontForScreenshots, shot } from './screenshots'

/**
 * 工信部 适老化 spec: main text ≥ 18 dp/pt. Those are device-independent points, i.e. CSS px on a phone
 * (WeChat: 36rpx on a 375-wide screen). Override with HEMEI_E2E_MIN_LARGE_PX.
 */
const MIN_LARGE_PX = Number(process.env.HEMEI_E2E_MIN_LARGE_PX || 18)

beforeAll(requireChineseFontForScreenshots)
const stack = useStack()

const px = (el: Locator) => el.evaluate((e) => parseFloat(getComputedStyle(e).fontSize))

/** The element's computed font size once it is within [lo, hi] px (or what it is after 5 s, for the assertion). */
async function fontSizeWithin(page: Page, el: Locator, lo: number, hi = Infinity): Promise<number> {
  const handle = await el.elementHandle()
  await page
    .waitForFunction(
      ({ e, lo, hi }) => {
        const size = parseFloat(getComputedStyle(e as Element).fontSize)
        return size >= lo && size <= (hi ?? Infinity)
      },
      { e: handle, lo, hi: Number.isFinite(hi) ? hi : null },
      { timeout: 5000 },
    )
    .catch(() => undefined)
  return px(el)
}

test('大字模式 makes body text at least 18 pt-equivalent, on 我的 and on 首页', async () => {
  const page = await stack.newPage()
  await story(page, 'large-font', async () => {
    await openApp(stack, page)
    await choosePersona(page, '林阿姨（居民）')
    const me = current(page)
    await see(me, '社区：军门社区')
    const body = me.getByText('隐私保护指引', { exact: true })
    const toggle = me.locator('.hm-row').filter({ hasText: '大字模式' }).getByRole('checkbox')

    // Start from normal size (林阿姨's saved profile may have large font on).
    if (await toggle.isChecked()) {
      const before = await px(body)
      await toggle.click()
      await fontSizeWithin(page, body, 0, before - 1)
    }
    expect(await toggle.isChecked()).toBe(false)
    const normal = await px(body)
    await shot(page, 'me')
    await goTab(page, '首页')
    await see(current(page), /林阿姨，您好/)
    await shot(page, 'home')
    // The tab bar is ours (src/ui/h5TabBar.ts), never Taro's heavier <taro-tabbar> (docs/ARCHITECTURE.md).
    expect(await page.evaluate(() => !!customElements.get('taro-tabbar'))).toBe(false)

    // Switch it on.
    await goTab(page, '我的')
    await toggle.click()
    const large = await fontSizeWithin(page, body, MIN_LARGE_PX)
    console.log(`body text: normal ${normal}px, large ${large}px (minimum ${MIN_LARGE_PX}px)`)
    expect(large).toBeGreaterThanOrEqual(MIN_LARGE_PX)
    expect(large).toBeGreaterThan(normal)
    await shot(page, 'me-large')

    // Tap targets (buttons, list rows) are at least 60 CSS px tall in large mode (适老化: 60×60 dp).
    const heights = await me
      .locator('.hm-btn, .hm-row')
      .evaluateAll((els) => els.filter((e) => e.getClientRects().length > 0).map((e) => [(e.textContent || '').trim().slice(0, 12), Math.round(e.getBoundingClientRect().height)] as const))
    expect(heights.length).toBeGreaterThan(0)
    expect(heights.filter(([, h]) => h < 60)).toEqual([])

    // 首页 follows.
    await goTab(page, '首页')
    await see(current(page), /林阿姨，您好/)
    const tile = current(page).getByText('说出小心愿，志愿者来帮忙', { exact: true })
    expect(await fontSizeWithin(page, tile, MIN_LARGE_PX)).toBeGreaterThanOrEqual(MIN_LARGE_PX)
    await shot(page, 'home-large')
  })
})
