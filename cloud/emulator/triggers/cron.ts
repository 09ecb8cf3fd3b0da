/**
 * CloudBase's timer-trigger cron (WeChat docs, 云函数 › 定时触发器): seven fields — second, minute, hour, day,
 * month, weekday (0 = Sunday … 6, or SUN–SAT), year (1970–2099) — with the wildcards `, - * /` only; day and
 * weekday both given are OR'ed; the schedule is in UTC+8. Parsed by croner (11.x reads the seventh field, the
 * year, itself: mode '7-part'), after the checks croner would not make (it also takes `? L W #` and weekday 7).
 */
import { Cron } from 'croner'

const FIELDS = ['second', 'minute', 'hour', 'day', 'month', 'weekday', 'year'] as const
const MONTHS = 'JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC'
const WEEKDAYS = 'SUN|MON|TUE|WED|THU|FRI|SAT'
/** One field: numbers (or names, for month and weekday) joined by `, - /`, or `*`. */
const TOKEN: Record<(typeof FIELDS)[number], RegExp> = {
  second: /^[\d*,/-]+$/,
  minute: /^[\d*,/-]+$/,
  hour: /^[\d*,/-]+$/,
  day: /^[\d*,/-]+$/,
  month: new RegExp(`^(?:[\\d*,/-]|${MONTHS})+$`, 'i'),
  weekday: new RegExp(`^(?:[\\d*,/-]|${WEEKDAYS})+$`, 'i'),
  year: /^[\d*,/-]+$/,
}
/** China's offset from UTC in minutes: the triggers' time zone. */
const UTC8 = 480

/** A cron that CloudBase would refuse, with the reason in words. */
export class CronError extends Error {}

/** Parses a CloudBase timer cron; throws CronError with a clear reason when CloudBase would refuse it. */
export function parseTimerCron(expr: string): Cron {
  const parts = String(expr ?? '')
    .trim()
    .split(/\s+/)
    .filter(Boolean)
  if (parts.length !== 7) throw new CronError(`"${expr}" has ${parts.length} field(s); a CloudBase timer cron has 7: second minute hour day month weekday year`)
  parts.forEach((p, i) => {
    if (!TOKEN[FIELDS[i]].test(p)) throw new CronError(`"${expr}": the ${FIELDS[i]} field "${p}" may hold only numbers${i === 4 || i === 5 ? ', names' : ''} and , - * /`)
  })
  for (const n of parts[5].match(/\d+/g) ?? []) if (Number(n) > 6) throw new CronError(`"${expr}": weekday ${n} is out of range (0–6, 0 = Sunday)`)
  for (const n of parts[6].split(/[,-]/).map((s) => s.split('/')[0])) {
    if (n !== '*' && (!/^\d+$/.test(n) || Number(n) < 1970 || Number(n) > 2099)) throw new CronError(`"${expr}": year "${n}" is out of range (1970–2099)`)
  }
  try {
    return new Cron(parts.join(' '), { mode: '7-part', utcOffset: UTC8, sloppyRanges: true, domAndDow: false, paused: true })
  } catch (err) {
    throw Object.assign(new CronError(`"${expr}": ${(err as Error).message}`), { cause: err })
  }
}

/** The first run strictly after `afterMs` (epoch ms), or null when the cron never fires again. */
export function nextRun(cron: Cron, afterMs: number): number | null {
  const next = cron.nextRun(new Date(afterMs))
  return next ? next.getTime() : null
}
