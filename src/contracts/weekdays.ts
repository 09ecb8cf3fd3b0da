/** ISO weekdays (1 = Monday … 7 = Sunday), as the China day helpers count them. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const
export type Weekday = (typeof WEEKDAYS)[number]

/** Weekday names by ISO number: 1 = Monday … 7 = Sunday (index 0 unused). One home for the volunteer repeat rule and
 * the 4 o'clock school's session days. */
/** The ISO weekday (1 = Monday … 7 = Sunday) of a China day YYYY-MM-DD, whatever the machine's TZ. */
export function isoWeekdayOf(day: string): Weekday {
  return (new Date(`${day}T00:00:00Z`).getUTCDay() || 7) as Weekday
}

export const WEEKDAY_LABELS = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'] as const
