/** Calendar helpers in China time (UTC+8), the time the users live in. */
const CHINA_OFFSET_MS = 8 * 3600 * 1000
export const DAY_MS = 24 * 3600 * 1000

/** `now` as a calendar day YYYY-MM-DD in China time. */
export function chinaDay(now: Date): string {
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10)
}

/** True when `day` (YYYY-MM-DD) is a real calendar date (not 2026-02-30). */
export function isRealDay(day: string): boolean {
  const d = new Date(`${day}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day
}

/** A stored date (Date, ISO string or EJSON) as an ISO string. */
export function iso(d: unknown): string {
  if (d instanceof Date) return d.toISOString()
  if (typeof d === 'string' || typeof d === 'number') return new Date(d).toISOString()
  const ej = (d as { $date?: unknown })?.$date
  if (ej !== undefined) return iso(typeof ej === 'object' && ej ? Number((ej as { $numberLong?: string }).$numberLong) : ej)
  return ''
}
