// The one clock in the test layers (cloud/lib/dates.ts reads HEMEI_CLOCK: an offset in ms or an ISO instant).
// - pinClock(): in jest's parent process (global setup), turn an ISO instant into an exact offset, so that
//   test workers, emulator processes and function workers all read the same time.
// - useClientClock(): in a test file's sandbox, run the client's Date (the pages' "today") on that clock
//   with jest's modern fake timers, faking Date only; timers stay real.

/** Offset in ms that HEMEI_CLOCK asks for (same rules as parseClock in cloud/lib/dates.ts). */
function clockOffset() {
  const spec = (process.env.HEMEI_CLOCK || '').trim()
  if (!spec) return 0
  if (/^[+-]?\d+$/.test(spec)) return Number(spec)
  const at = Date.parse(spec)
  if (Number.isNaN(at)) throw new Error(`HEMEI_CLOCK must be an offset in ms or an ISO instant, got "${spec}"`)
  return at - Date.now()
}

/** Pins HEMEI_CLOCK to an exact offset for every process started after this one. */
function pinClock() {
  const offset = clockOffset()
  if (offset) process.env.HEMEI_CLOCK = String(offset)
}

const NOT_DATE = [
  'hrtime',
  'nextTick',
  'performance',
  'queueMicrotask',
  'requestAnimationFrame',
  'cancelAnimationFrame',
  'requestIdleCallback',
  'cancelIdleCallback',
  'setImmediate',
  'clearImmediate',
  'setInterval',
  'clearInterval',
  'setTimeout',
  'clearTimeout',
]

/** Runs this sandbox's Date on the one clock (when HEMEI_CLOCK is set); test/clock.ts then reads Date as is. */
function useClientClock() {
  const offset = clockOffset()
  if (!offset) return
  jest.useFakeTimers({ now: Date.now() + offset, advanceTimers: true, doNotFake: NOT_DATE })
  globalThis.__hemeiClockInDate = true
}

module.exports = { clockOffset, pinClock, useClientClock }
