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
