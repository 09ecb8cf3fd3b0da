/**
 * The one clock and China's calendar, for the functions, the emulator, the seeds and the tests.
 *
 * "Today" is China's day (Asia/Shanghai, UTC+8 all year: China has no daylight saving), whatever `TZ` the
 * machine has; CloudBase functions run in UTC. dayjs with its `utc` plugin and a fixed `utcOffset(480)`
 * (not the `timezone` plugin, which needs Intl time zones).
 *
 * The clock is the real time unless `HEMEI_CLOCK` is set (local runs and tests only):
 * - a signed offset in milliseconds (`-3600000`, `+86400000`): the clock runs that far from real time;
 * - an ISO instant (`2026-12-01T17:30:00Z`): the clock reads that instant when the process starts and runs on.
 * A process that starts others (the emulator's function workers, jest's global setup) passes its offset
 * down with `clockEnv()`, so every process reads the same time.
 */
import dayjs, { type Dayjs } from 'dayjs'
import utc from 'dayjs/plugin/utc'
import { isoWeekdayOf } from '../../src/contracts/weekdays'

dayjs.extend(utc)

/** China's offset from UTC in minutes (UTC+8, no daylight saving). */
const CHINA_OFFSET_MINUTES = 480
export const DAY_MS = 24 * 3600 * 1000
const DAY_FORMAT = 'YYYY-MM-DD'

/** The clock's offset from real time (ms) that a `HEMEI_CLOCK` value asks for; 0 when unset. */
export function parseClock(spec: string | undefined, realNow = Date.now()): number {
  const s = (spec || '').trim()
  if (!s) return 0
  if (/^[+-]?\d+$/.test(s)) return Number(s)
  const at = Date.parse(s)
  if (Number.isNaN(at) || !/T.*(Z|[+-]\d{2}:?\d{2})$/i.test(s)) throw new Error(`HEMEI_CLOCK must be an offset in ms or an ISO instant with a zone (e.g. 2026-12-01T17:30:00Z), got "${s}"`)
  return at - realNow
}

// The offset is parsed again only when HEMEI_CLOCK changes: the emulator moves its clock (and, per invocation,
// its function workers' clock) forward by setting it (setClockOffset; emu.advanceClock).
let clockSpec = process.env.HEMEI_CLOCK
let offsetMs = parseClock(clockSpec)

/** The clock's offset from real time in ms (0 in production). */
export function clockOffset(): number {
  const spec = process.env.HEMEI_CLOCK
  if (spec !== clockSpec) {
    clockSpec = spec
    offsetMs = parseClock(spec)
  }
  return offsetMs
}

/** Local runs only: sets this process's clock to run `ms` from real time (the emulator's advanceClock). */
export function setClockOffset(ms: number): void {
  process.env.HEMEI_CLOCK = String(Math.round(ms))
}

/** Environment for a child process or worker so that it reads the same clock as this process. */
export function clockEnv(): Record<string, string> {
  const offset = clockOffset()
  return offset ? { HEMEI_CLOCK: String(offset) } : {}
}

/** The one clock: now, as epoch milliseconds. */
export function nowMs(): number {
  return Date.now() + clockOffset()
}

/** The one clock: now, as a Date. */
export function now(): Date {
  return new Date(nowMs())
}

/** An instant seen in China's time. */
function inChina(at: Date | number | string = nowMs()): Dayjs {
  return dayjs(at).utcOffset(CHINA_OFFSET_MINUTES)
}

/** The calendar day YYYY-MM-DD in China of `at` (default: now on the one clock). */
export function chinaDay(at: Date | number = nowMs()): string {
  return inChina(at).format(DAY_FORMAT)
}

/** The clock time HH:mm in China of `at`. */
export function chinaTime(at: Date | number | string): string {
  return inChina(at).format('HH:mm')
}

/** The instant of a China day (YYYY-MM-DD) and time (HH:mm, default the day's start), whatever the machine's TZ. */
export function chinaInstant(day: string, time = '00:00'): Date {
  return new Date(`${day}T${time}:00+08:00`)
}

/** The day `n` days after `day` (YYYY-MM-DD; n may be negative). */
export function addDays(day: string, n: number): string {
  return dayjs.utc(day).add(n, 'day').format(DAY_FORMAT)
}

/** The Monday (YYYY-MM-DD) of the China week (Monday first) holding `day`. */
export function mondayOf(day: string): string {
  return addDays(day, 1 - isoWeekdayOf(day))
}

/** True when `day` is written YYYY-MM-DD and is a real calendar date (not 2026-02-30): the contracts' one check. */
export { isCalendarDay as isRealDay } from '../../src/contracts/common'

/** A stored date (Date, ISO string, epoch ms or EJSON) as an ISO string; '' when it is none. */
export function iso(d: unknown): string {
  if (d instanceof Date) return d.toISOString()
  if (typeof d === 'string' || typeof d === 'number') {
    const t = new Date(d)
    return Number.isNaN(t.getTime()) ? '' : t.toISOString()
  }
  const ej = (d as { $date?: unknown })?.$date
  if (ej !== undefined) return iso(typeof ej === 'object' && ej ? Number((ej as { $numberLong?: string }).$numberLong) : ej)
  return ''
}
