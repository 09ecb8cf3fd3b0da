/** Weekday names by ISO number: 1 = Monday … 7 = Sunday (index 0 unused). One home for the volunteer repeat rule and
 * the 4 o'clock school's session days. */
export const WEEKDAY_LABELS = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'] as const
