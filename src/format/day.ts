import dayjs from 'dayjs'
import relativeTime from 'dayjs/plugin/relativeTime'
import 'dayjs/locale/zh-cn'

dayjs.extend(relativeTime)
dayjs.locale('zh-cn')

/** How long ago, in Chinese (e.g. 3 天前). */
export function ago(iso: string | undefined): string {
  if (!iso) return ''
  const d = dayjs(iso)
  return d.isValid() ? d.fromNow() : ''
}

/** Today as YYYY-MM-DD (local time). */
export function today(): string {
  return dayjs().format('YYYY-MM-DD')
}

/** `days` from today as YYYY-MM-DD. */
export function daysFromToday(days: number): string {
  return dayjs().add(days, 'day').format('YYYY-MM-DD')
}

/** A day (YYYY-MM-DD) or an instant (ISO) as a Chinese date, e.g. 2026年11月28日. */
export function formatDay(iso: string | undefined): string {
  if (!iso) return ''
  const d = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? dayjs(iso, 'YYYY-MM-DD') : dayjs(iso)
  return d.isValid() ? d.format('YYYY年M月D日') : iso
}
