// The hours ledger's pure rules (issue 10, part C): how a shift's minutes are computed, how hours are shown, and
// the star level. Zod-free, so the server, the pages and the tests share them cheaply.
import { STAR_HOURS } from './rules'

/** One check-in/check-out pair as instants (epoch ms); a pair without a check-out counts nothing. */
export interface PairSpan {
  inMs: number
  outMs?: number
}

/**
 * The minutes a shift earns: each pair clipped to the slot window [startMs, endMs], overlapping pairs counted once,
 * summed, rounded down to whole minutes and capped at the slot's credit. Travel outside the window never counts.
 */
export function shiftMinutes(pairs: readonly PairSpan[], startMs: number, endMs: number, creditMinutes: number): number {
  const spans = pairs
    .filter((p) => p.outMs !== undefined && p.outMs > p.inMs)
    .map((p) => [Math.max(p.inMs, startMs), Math.min(p.outMs!, endMs)] as const)
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0])
  let total = 0
  let curStart = -Infinity
  let curEnd = -Infinity
  for (const [a, b] of spans) {
    if (a > curEnd) {
      if (curEnd > curStart) total += curEnd - curStart
      curStart = a
      curEnd = b
    } else if (b > curEnd) curEnd = b
  }
  if (curEnd > curStart) total += curEnd - curStart
  return Math.min(Math.floor(total / 60_000), Math.max(0, creditMinutes))
}

/** Hours to 0.1 h, as shown everywhere (minutes are what is stored): 95 → "1.6". */
export function formatHours(minutes: number): string {
  const tenths = Math.round((minutes / 60) * 10)
  return (tenths / 10).toFixed(1)
}

/** A volunteer's star level and the progress to the next. */
export interface StarLevel {
  /** 0 (none yet) to 5. */
  stars: number
  /** The hours of the next level, or null at five stars. */
  nextHours: number | null
  /** Hours still needed for the next level (0.1 h), or null at five stars. */
  hoursToNext: number | null
  /** Progress from this level's threshold to the next, 0–1 (1 at five stars). */
  progress: number
}

/** The star level of `minutes` of confirmed hours (100/300/600/1,000/1,500 h → one to five stars). */
export function starLevel(minutes: number): StarLevel {
  const hours = Math.max(0, minutes) / 60
  let stars = 0
  while (stars < STAR_HOURS.length && hours >= STAR_HOURS[stars]) stars++
  if (stars === STAR_HOURS.length) return { stars, nextHours: null, hoursToNext: null, progress: 1 }
  const from = stars === 0 ? 0 : STAR_HOURS[stars - 1]
  const next = STAR_HOURS[stars]
  return { stars, nextHours: next, hoursToNext: Math.ceil((next - hours) * 10 - 1e-9) / 10, progress: Math.min(1, (hours - from) / (next - from)) }
}
