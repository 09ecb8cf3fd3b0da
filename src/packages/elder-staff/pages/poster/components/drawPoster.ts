import type { ElderPoster } from '@/contracts'
import { dayHeader, itemLine, POSTER_SCAN_HINT, POSTER_TITLE, weekLine } from './posterText'

/** The poster image: A4 portrait at 150 dpi. */
export const POSTER_W = 1240
export const POSTER_H = 1754
const MARGIN = 80
const CODE = 300

/** The part of a 2d canvas context the poster uses. */
export interface PosterCtx {
  fillStyle: string | unknown
  font: string
  textBaseline: string
  fillRect(x: number, y: number, w: number, h: number): void
  fillText(text: string, x: number, y: number, maxWidth?: number): void
  drawImage(image: unknown, x: number, y: number, w: number, h: number): void
}

/**
 * Draws the poster on a 2d context: the community and the week as headings, each day's activities in very large
 * type (smaller only when the week is busy, so it stays one page), and the week page's code at the bottom.
 */
export function drawPoster(ctx: PosterCtx, p: ElderPoster, code: unknown): void {
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, POSTER_W, POSTER_H)
  ctx.fillStyle = '#000000'
  ctx.textBaseline = 'top'
  ctx.font = 'bold 72px sans-serif'
  ctx.fillText(`${p.communityName} ${POSTER_TITLE}`, MARGIN, MARGIN, POSTER_W - 2 * MARGIN)
  ctx.font = '44px sans-serif'
  ctx.fillText(weekLine(p.from, p.to), MARGIN, MARGIN + 96)
  const top = MARGIN + 180
  const bottom = POSTER_H - MARGIN - CODE - 40
  const lines = p.days.reduce((n, d) => n + 1 + d.items.length, 0) || 1
  const line = Math.min(64, Math.floor((bottom - top) / lines))
  const size = Math.floor(line * 0.78)
  let y = top
  if (!p.days.length) {
    ctx.font = `${size}px sans-serif`
    ctx.fillText('这一周没有安排活动', MARGIN, y)
  }
  for (const d of p.days) {
    ctx.font = `bold ${size}px sans-serif`
    ctx.fillText(dayHeader(d.day), MARGIN, y)
    y += line
    ctx.font = `${size}px sans-serif`
    for (const i of d.items) {
      ctx.fillText(itemLine(i), MARGIN + 40, y, POSTER_W - 2 * MARGIN - 40)
      y += line
    }
  }
  const codeY = POSTER_H - MARGIN - CODE
  ctx.drawImage(code, MARGIN, codeY, CODE, CODE)
  ctx.font = '44px sans-serif'
  ctx.fillText(POSTER_SCAN_HINT, MARGIN + CODE + 40, codeY + CODE / 2 - 22)
}
