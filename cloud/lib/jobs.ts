/**
 * Scheduled jobs behind the one timer trigger (the `scheduler` function, docs/ARCHITECTURE.md "Triggers and jobs").
 *
 * Each domain registers its jobs in `cloud/domain/<domain>/jobs.ts`. A job is idempotent and catch-up safe: it finds
 * its due work by an indexed query (never "what changed since the last run"), acts with conditional updates, and
 * answers what it did. `runDueJobs` keeps one schedule document (`jobs/schedule`: each job's next due time):
 * - nothing due: ONE database request (the schedule read);
 * - due: one conditional update claims every due job at once (two overlapping runs: only one claims), the jobs
 *   run, and one `job_runs` record says what each did (when any did something or failed); a job that left work
 *   (`more`) or failed is due again at once.
 */
import type { Database } from './cloud'
import { isDuplicateKeyError } from './dbErrors'

/** What a job gets: the database and the run's clock; no user, no roles: a trigger is the system. */
export interface JobCtx {
  db: Database
  now: Date
}

/** What a job did. */
export interface JobOutcome {
  /** Items acted on (flagged, purged, …). */
  done: number
  /** The ids acted on, when few enough to record. */
  ids?: string[]
  /** Work is left (a batch limit): run again at the next trigger instead of waiting for the period. */
  more?: boolean
}

/** One scheduled job. */
export interface Job {
  /** Unique, letters/digits/_ (a key of the schedule document), e.g. `wishOverdueClaims`. */
  name: string
  /** Due at most every this many minutes, on boundaries counted from China's midnight (60: each hour; 1440: each day at 00:00 UTC+8). */
  everyMinutes: number
  /** Finds the due work by an indexed query and does it with conditional updates. */
  run(ctx: JobCtx): Promise<JobOutcome>
}

/** A job's line in a run's record. */
export interface JobReport extends JobOutcome {
  ms: number
  error?: string
}

/** What one scheduler run did: the jobs it ran (none when nothing was due or another run claimed them). */
export interface RunSummary {
  due: string[]
  claimed: boolean
  jobs: Record<string, JobReport>
}

export const JOBS = 'jobs'
export const JOB_RUNS = 'job_runs'
const SCHEDULE_ID = 'schedule'
const NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/
const CHINA_OFFSET_MS = 8 * 3600 * 1000

interface ScheduleDoc {
  _id: string
  next: Record<string, Date>
}

/** Checks a job list (unique, well-formed names; a whole number of minutes) and returns it. */
export function defineJobs(jobs: readonly Job[]): readonly Job[] {
  const seen = new Set<string>()
  for (const j of jobs) {
    if (!NAME.test(j.name) || seen.has(j.name)) throw new Error(`job name "${j.name}" is malformed or used twice`)
    if (!Number.isInteger(j.everyMinutes) || j.everyMinutes < 1) throw new Error(`job ${j.name}: everyMinutes must be a whole number ≥ 1`)
    seen.add(j.name)
  }
  return jobs
}

/** The job's next due time after a run at `now`: the next period boundary, counted from China's midnight. */
export function nextDue(job: Pick<Job, 'everyMinutes'>, now: Date): Date {
  const period = job.everyMinutes * 60_000
  const china = now.getTime() + CHINA_OFFSET_MS
  return new Date((Math.floor(china / period) + 1) * period - CHINA_OFFSET_MS)
}

/** Runs the jobs that are due (see the file's comment); never throws for a job's own failure. */
export async function runDueJobs(jobs: readonly Job[], ctx: JobCtx): Promise<RunSummary> {
  const col = ctx.db.collection(JOBS)
  const schedule = (await col.doc(SCHEDULE_ID).get()).data as ScheduleDoc | null
  const dueAt = (j: Job) => schedule?.next?.[j.name]
  const due = jobs.filter((j) => {
    const at = dueAt(j)
    return !at || new Date(at).getTime() <= ctx.now.getTime()
  })
  const summary: RunSummary = { due: due.map((j) => j.name), claimed: false, jobs: {} }
  if (!due.length) return summary

  // Claim every due job in one conditional update: only the run that read the same due times wins.
  const next = Object.fromEntries(due.map((j) => [j.name, nextDue(j, ctx.now)]))
  if (!(await claim(ctx, schedule, due, next))) return summary
  summary.claimed = true

  const again: string[] = []
  for (const job of due) {
    const started = Date.now()
    try {
      const out = await job.run(ctx)
      summary.jobs[job.name] = { ...out, ms: Date.now() - started }
      if (out.more) again.push(job.name)
    } catch (err) {
      const e = err as { errMsg?: unknown; message?: unknown }
      summary.jobs[job.name] = { done: 0, ms: Date.now() - started, error: String(e?.errMsg ?? e?.message ?? err).slice(0, 200) }
      again.push(job.name)
    }
  }
  if (again.length) await col.doc(SCHEDULE_ID).update({ data: { next: Object.fromEntries(again.map((n) => [n, ctx.now])) } })
  // The record of a run that did something (a minute-by-minute job finding nothing leaves no trace).
  if (Object.values(summary.jobs).some((j) => j.done > 0 || j.error)) await ctx.db.collection(JOB_RUNS).add({ data: { at: ctx.now, jobs: summary.jobs } })
  return summary
}

/** Takes the due jobs for this run; false when another run took them first. */
async function claim(ctx: JobCtx, schedule: ScheduleDoc | null, due: readonly Job[], next: Record<string, Date>): Promise<boolean> {
  const col = ctx.db.collection(JOBS)
  if (!schedule) {
    try {
      await col.add({ data: { _id: SCHEDULE_ID, next } })
      return true
    } catch (err) {
      if (isDuplicateKeyError(err)) return false
      throw err
    }
  }
  const _ = ctx.db.command
  const where: Record<string, unknown> = { _id: SCHEDULE_ID }
  for (const j of due) where[`next.${j.name}`] = schedule.next?.[j.name] ?? _.exists(false)
  const res = await col.where(where).update({ data: { next } })
  return res.stats.updated === 1
}
