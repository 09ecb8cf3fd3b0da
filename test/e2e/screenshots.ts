// README screenshots from the browser stories: into docs/screenshots/ with HEMEI_SCREENSHOTS=1, else into
// test-results/e2e/screenshots/. Real screenshots need a Chinese font (without one, Chromium draws boxes).
import { execFileSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { toastGone } from './app'

const root = path.resolve(__dirname, '../..')
const SHOTS = process.env.HEMEI_SCREENSHOTS ? path.join(root, 'docs/screenshots') : path.join(root, 'test-results/e2e/screenshots')

/** Whether fontconfig knows a font with Chinese glyphs. */
function hasChineseFont(): boolean {
  try {
    return execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' }).trim().length > 0
  } catch {
    return false
  }
}

/** Refuses to take the README's screenshots without a Chinese font. */
export function requireChineseFontForScreenshots(): void {
  if (process.env.HEMEI_SCREENSHOTS && !hasChineseFont()) {
    throw new Error('README screenshots need a Chinese font: apt-get install -y fonts-wqy-microhei')
  }
}

/** The phone's screen (375×812 CSS px) as `<name>.png`, once toasts have gone and nothing moves. */
export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true })
  await toastGone(page)
  // Shoot once nothing moves and the top page sits at the screen's left edge.
  await page.waitForFunction(() => {
    const pages = Array.from(document.querySelectorAll('.taro_page')).filter((e) => e.getClientRects().length > 0)
    const top = pages[pages.length - 1]
    return !!top && Math.abs(top.getBoundingClientRect().left) < 1 && document.getAnimations().every((a) => a.playState !== 'running' && !a.pending)
  })
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), scale: 'css' })
}
