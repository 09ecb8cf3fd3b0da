/**
 * Days and times for the pages, in China's time: "today" is China's day (UTC+8, no daylight saving)
 * whatever time zone the device or browser is set to. dayjs with the `utc` plugin and a fixed
 * `utcOffset(480)` (the `timezone` plugin needs Intl time zones that older WeChat clients lack).
 */
import dayjs, { type Dayjs } from 'dayjs'
import utc from 'dayjs/plugin/utc'
import relativeTime from 'dayjs/plugin/relativeTime'
import 'dayjs/locale/zh-cn'

dayjs.extend(utc)
dayjs.extend(relativeTime)
dayjs.locale('zh-cn')

const CHINA_OFFSET_MINUTES = 480
const DAY = /^\d{4}-\d{2}-\d{2}$/

/** An instant (default now), or a calendar day YYYY-MM-DD as that day, seen in China's time. */
function inChina(at?: string | number | Date): Dayjs {
  if (typeof at === 'string' && DAY.test(at)) return dayjs.utc(at).utcOffset(CHINA_OFFSET_MINUTES, true)
  return dayjs(at).utcOffset(CHINA_OFFSET_MINUTES)
}

/** How long ago, in Chinese (e.g. 3 天前). */
export function ago(iso: string | undefined): string {
  if (!iso) return ''
  const d = dayjs(iso)
  return d.isValid() ? d.fromNow() : ''
}

/** Today in China as YYYY-MM-DD. */
export function today(): string {
  return inChina().format('YYYY-MM-DD')
}

/** The day `n` days after the calendar day `day` (YYYY-MM-DD). */
export function shiftDay(day: string, n: number): string {
  return inChina(day).add(n, 'day').format('YYYY-MM-DD')
}

/** `days` after China's today, as YYYY-MM-DD. */
export function daysFromToday(days: number): string {
  return inChina().add(days, 'day').format('YYYY-MM-DD')
}

/** An instant (ISO) as China's clock time, HH:mm (empty when missing or invalid). */
export function formatTime(iso: string | undefined): string {
  if (!iso) return ''
  const d = inChina(iso)
  return d.isValid() ? d.format('HH:mm') : ''
}

/** An instant (ISO) as China's day and time, YYYY-MM-DD HH:mm (empty when missing or invalid). */
export function formatDayTime(iso: string | undefined): string {
  if (!iso) return ''
  const d = inChina(iso)
  return d.isValid() ? d.format('YYYY-MM-DD HH:mm') : ''
}

/** A day (YYYY-MM-DD) or an instant (ISO) as China's calendar day, e.g. 2026年11月28日. */
export function formatDay(iso: string | undefined): string {
  if (!iso) return ''
  const d = inChina(iso)
  return d.isValid() ? d.format('YYYY年M月D日') : iso
}
