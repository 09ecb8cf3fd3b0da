/**
 * Fires the functions' timer triggers on schedule against the emulator's one clock (cloud/lib/dates.ts).
 *
 * CloudBase's timer is a push model: at each time the cron names, it invokes the function asynchronously, whether
 * or not the previous run has ended; a run that fails is retried (twice, 1 and 2 minutes later). It does not
 * coalesce: a clock that moves on by an hour sees every minute's run. So `advance(ms)` fires each run that fell
 * due, once each and in order, with the clock set to that run's time, then leaves the clock `ms` ahead. Beyond
 * MAX_RUNS_PER_ADVANCE runs of one trigger, only the latest ones fire (an emulator limit, logged): a job that is
 * catch-up safe does the same work either way.
 */
import { clockOffset, nowMs, setClockOffset } from '../../lib/dates'
import { nextRun } from './cron'
import type { TimerTrigger } from './config'

/** At most this many runs of one trigger per advance (a day of a once-a-minute trigger). */
export const MAX_RUNS_PER_ADVANCE = 1440
/** setTimeout's longest delay. */
const MAX_DELAY = 2 ** 31 - 1

/** What the emulator does to fire one run (core.fireTrigger). */
export type FireRun = (trigger: TimerTrigger, atMs: number) => Promise<unknown>

/** The timer triggers of the loaded functions and the runs they fire. */
export class Timers {
  private byFn = new Map<string, TimerTrigger>()
  /** Runs up to this instant (the emulator's clock) have been fired. */
  private firedUpTo = nowMs()
  private timer: NodeJS.Timeout | undefined
  private advancing: Promise<void> = Promise.resolve()
  private running = false

  constructor(
    triggers: TimerTrigger[],
    private fire: FireRun,
    private log: (line: string) => void,
  ) {
    for (const t of triggers) this.byFn.set(t.fn, t)
  }

  /** The timer trigger of `fn`, if its config.json declares one. */
  of(fn: string): TimerTrigger | undefined {
    return this.byFn.get(fn)
  }

  /** Every declared timer trigger. */
  list(): TimerTrigger[] {
    return [...this.byFn.values()]
  }

  /** Starts firing on schedule (real time passing on the emulator's clock). */
  start(): void {
    this.running = true
    this.firedUpTo = nowMs()
    this.arm()
  }

  /** Stops firing on schedule. */
  stop(): void {
    this.running = false
    if (this.timer) clearTimeout(this.timer)
    this.timer = undefined
  }

  /**
   * Moves the clock `ms` forward and fires the runs that fell due meanwhile (see the file's comment); resolves when
   * they ended. `fire: false` moves the clock without firing them (they are skipped, not deferred): for a test whose
   * subject is not a job, e.g. a code that expires, where a day of every-minute runs would only cost time.
   */
  advance(ms: number, opts: { fire?: boolean } = {}): Promise<void> {
    if (!(ms >= 0) || !Number.isFinite(ms)) return Promise.reject(new Error(`advanceClock: ms must be a finite number ≥ 0 (the clock only moves forward), got ${ms}`))
    const step = this.advancing.then(() => this.advanceNow(ms, opts.fire ?? true))
    this.advancing = step.catch(() => undefined)
    return step
  }

  private async advanceNow(ms: number, fire: boolean): Promise<void> {
    if (this.timer) clearTimeout(this.timer)
    this.timer = undefined
    const base = clockOffset()
    const from = Math.max(this.firedUpTo, nowMs())
    const to = nowMs() + ms
    const runs: { t: TimerTrigger; at: number }[] = []
    for (const t of fire ? this.byFn.values() : []) {
      const due = this.dueBetween(t, from, to)
      if (due.skipped) this.log(`timer ${t.fn}/${t.name}: ${due.skipped} earlier run(s) not fired (more than ${MAX_RUNS_PER_ADVANCE} fell due in one advance)`)
      for (const at of due.at) runs.push({ t, at })
    }
    runs.sort((a, b) => a.at - b.at)
    try {
      for (const r of runs) {
        // The run sees the clock at its own time, as it would have in real time.
        if (nowMs() < r.at) setClockOffset(r.at - Date.now())
        await this.fire(r.t, r.at)
      }
    } finally {
      setClockOffset(Math.max(base + ms, clockOffset()))
      this.firedUpTo = Math.max(to, this.firedUpTo)
      this.arm()
    }
  }

  /** The runs of `t` in (from, to], the latest MAX_RUNS_PER_ADVANCE of them. */
  private dueBetween(t: TimerTrigger, from: number, to: number): { at: number[]; skipped: number } {
    const at: number[] = []
    let skipped = 0
    for (let next = nextRun(t.cron, from); next !== null && next <= to; next = nextRun(t.cron, next)) {
      at.push(next)
      if (at.length > MAX_RUNS_PER_ADVANCE) {
        at.shift()
        skipped++
      }
    }
    return { at, skipped }
  }

  /** Sets a real-time timer for the next run of any trigger. */
  private arm(): void {
    if (!this.running || this.timer) return
    let next: number | null = null
    for (const t of this.byFn.values()) {
      const n = nextRun(t.cron, this.firedUpTo)
      if (n !== null && (next === null || n < next)) next = n
    }
    if (next === null) return
    this.timer = setTimeout(() => this.tick(), Math.min(Math.max(next - nowMs(), 0), MAX_DELAY))
    this.timer.unref()
  }

  /** Fires the runs that are due now (each without waiting for the others to end, as CloudBase does). */
  private tick(): void {
    this.timer = undefined
    const now = nowMs()
    for (const t of this.byFn.values()) {
      const { at } = this.dueBetween(t, this.firedUpTo, now)
      for (const a of at) void this.fire(t, a).catch((err) => this.log(`timer ${t.fn}/${t.name} failed: ${String(err)}`))
    }
    this.firedUpTo = Math.max(now, this.firedUpTo)
    this.arm()
  }
}
