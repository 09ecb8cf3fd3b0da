// The one clock and China's calendar (cloud/lib/dates.ts): the same answers under any TZ.
import { addDays, chinaDay, clockEnv, clockOffset, isRealDay, iso, nowMs, parseClock } from '../../cloud/lib/dates'
import { chinaToday, inDays, testNow } from '../clock'

test('China’s day turns at 16:00 UTC, whatever TZ this machine has', () => {
  expect(chinaDay(new Date('2026-12-01T15:59:59.999Z'))).toBe('2026-12-01')
  expect(chinaDay(new Date('2026-12-01T16:00:00Z'))).toBe('2026-12-02')
  expect(chinaDay(Date.parse('2026-12-31T17:30:00Z'))).toBe('2027-01-01')
})

test('day arithmetic crosses months, years and leap days', () => {
  expect(addDays('2026-02-28', 1)).toBe('2026-03-01')
  expect(addDays('2028-02-28', 1)).toBe('2028-02-29')
  expect(addDays('2027-01-01', -1)).toBe('2026-12-31')
})

test('isRealDay accepts only real YYYY-MM-DD days', () => {
  expect(isRealDay('2028-02-29')).toBe(true)
  for (const bad of ['2026-02-29', '2026-02-30', '2026-13-01', '2026-1-01', '2026-01-01T00:00:00Z', '']) expect(isRealDay(bad)).toBe(false)
})

test('iso reads Dates, ISO strings, epoch ms and EJSON; nothing else', () => {
  const s = '2026-11-28T01:00:00.000Z'
  expect([iso(new Date(s)), iso(s), iso(Date.parse(s)), iso({ $date: { $numberLong: String(Date.parse(s)) } })]).toEqual([s, s, s, s])
  expect(iso('not a date')).toBe('')
  expect(iso(null)).toBe('')
})

test('HEMEI_CLOCK is an offset in ms or an ISO instant with a zone', () => {
  const real = Date.parse('2026-12-01T09:00:00Z')
  expect(parseClock(undefined, real)).toBe(0)
  expect(parseClock('-3600000', real)).toBe(-3_600_000)
  expect(parseClock('2026-12-01T17:30:00Z', real)).toBe(8.5 * 3_600_000)
  expect(parseClock('2026-12-02T01:30:00+08:00', real)).toBe(8.5 * 3_600_000)
  expect(() => parseClock('2026-12-01 17:30', real)).toThrow(/HEMEI_CLOCK/)
})

test('the tests read the clock the functions read, and hand it on exactly', () => {
  const offset = clockOffset()
  expect(Math.abs(testNow() - (Date.now() + offset))).toBeLessThan(1000)
  expect(Math.abs(nowMs() - testNow())).toBeLessThan(1000)
  expect(clockEnv()).toEqual(offset ? { HEMEI_CLOCK: String(offset) } : {})
  expect(chinaToday()).toBe(chinaDay(nowMs()))
  expect(inDays(1)).toBe(addDays(chinaToday(), 1))
})
