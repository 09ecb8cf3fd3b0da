import { WEEKDAY_LABELS } from '@/contracts/weekdays'
import type { PosterItem } from '@/contracts'

/** A China day YYYY-MM-DD as the poster's day header, e.g. 周二 12月1日. */
export function dayHeader(day: string): string {
  const d = new Date(`${day}T00:00:00Z`)
  return `${WEEKDAY_LABELS[d.getUTCDay() || 7]} ${d.getUTCMonth() + 1}月${d.getUTCDate()}日`
}

/** The week's range, e.g. 11月30日 – 12月6日. */
export function weekLine(from: string, to: string): string {
  const md = (day: string) => `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`
  return `${md(from)} – ${md(to)}`
}

/** One occurrence's line: time, title, place, and the mark of a cancelled or moved one. */
export function itemLine(i: PosterItem): string {
  const mark = i.cancelled ? '（本次取消）' : i.moved ? '（时间地点有调整）' : ''
  return `${i.time}  ${i.title}  ${i.place}${mark}`
}

export const POSTER_TITLE = '长者活动安排'
export const POSTER_SCAN_HINT = '微信扫码，查看本周活动、报名'
