/**
 * The tests' view of the one clock (cloud/lib/dates.ts, HEMEI_CLOCK): the same "now" and China's day that
 * the functions, the emulator and its seeds use. Tests build days from here, never from the machine's local day.
 */
import { addDays, chinaDay, nowMs } from '../cloud/lib/dates'

/** Now on the one clock, in ms. In the page and weapp layers Date itself already runs on it (test/jest/clock.cjs). */
export function testNow(): number {
  return (globalThis as { __hemeiClockInDate?: boolean }).__hemeiClockInDate ? Date.now() : nowMs()
}

/** China's today, YYYY-MM-DD. */
export function chinaToday(): string {
  return chinaDay(testNow())
}

/** The day `n` days after China's today, YYYY-MM-DD (n may be negative). */
export function inDays(n: number): string {
  return addDays(chinaToday(), n)
}
