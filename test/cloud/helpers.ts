// Shared setup for the handler tests: a real emulator on a temp dir, the built functions, raw results.
import { mkdtempSync, rmSync } from 'fs'
import { tmpdir } from 'os'
import { join } from 'path'
import { randomBytes } from 'crypto'
import { startEmulator } from '../../cloud/emulator'
import { nowMs } from '../../cloud/lib/dates'
import { isMutation, type Community, type FunctionName, type Result } from '../../src/contracts'

// `testTimeout` in a project config is ignored by jest 29 (it warns "Unknown option"), so set it here:
// starting an emulator and its function workers can take more than 5 s when every suite runs at once.
jest.setTimeout(60_000)

export type Emu = Awaited<ReturnType<typeof startEmulator>>

export interface Harness {
  emu: Emu
  /** Calls `user` as `openid`; mutations get a fresh requestId unless one is given. Returns the raw Result. */
  user<T = any>(openid: string, action: string, input?: unknown, requestId?: string | null): Promise<Result<T>>
  /** Calls `user` and fails the test unless ok; returns data. */
  userOk<T = any>(openid: string, action: string, input?: unknown, requestId?: string): Promise<T>
  /** Calls `wish` as `openid` (same rules as `user`). */
  wish<T = any>(openid: string, action: string, input?: unknown, requestId?: string | null): Promise<Result<T>>
  /** Calls `wish` and fails the test unless ok; returns data. */
  wishOk<T = any>(openid: string, action: string, input?: unknown, requestId?: string): Promise<T>
  /** The number of documents in a collection matching `where` (through the real SDK). */
  count(collection: string, where?: object): Promise<number>
  /** Documents of a collection matching `where`. */
  find(collection: string, where?: object): Promise<any[]>
  /** Updates documents directly (to stage states a test cannot reach through the functions, e.g. an overdue claim). */
  update(collection: string, where: object, data: object): Promise<number>
  /** Inserts a document directly (to stage states a test cannot reach through the functions). */
  insert(collection: string, doc: object): Promise<void>
  /**
   * Brings the counter documents up to date now (cloud/lib/counters.ts), as the scheduler does each minute: runs the
   * wish tally (unless `tally: false`) and the daily recount (unless `reconcile: false`); the hourly jobs are set
   * aside for a day. Returns the jobs' reports.
   */
  countNow(opts?: { tally?: boolean; reconcile?: boolean }): Promise<Record<string, { done: number; error?: string }>>
  communities: Community[]
  /** A community id by its name, e.g. '军门社区'. */
  communityId(name: string): string
  close(): Promise<void>
}

/** A valid, unique requestId. */
export function rid(): string {
  return `t-${randomBytes(8).toString('hex')}`
}

/** A brand-new openid nobody has used. */
export function newOpenid(): string {
  return `dev-new-${randomBytes(5).toString('hex')}`
}

/** Calls function `fn` as `openid`; mutations get a fresh requestId unless one is given (null: none). The raw Result. */
export async function callAs<T = any>(h: Pick<Harness, 'emu'>, fn: FunctionName, openid: string, action: string, input: unknown = {}, requestId?: string | null): Promise<Result<T>> {
  const event: Record<string, unknown> = { action, input }
  if (requestId !== null && (requestId || isMutation(fn, action))) event.requestId = requestId || rid()
  return (await h.emu.invoke(fn, event, openid)) as Result<T>
}

/** Calls function `fn` as `openid` and fails the test unless ok; returns data. */
export async function callOk<T = any>(h: Pick<Harness, 'emu'>, fn: FunctionName, openid: string, action: string, input: unknown = {}, requestId?: string): Promise<T> {
  const res = await callAs<T>(h, fn, openid, action, input, requestId)
  if (!res.ok) throw new Error(`${fn}.${action} as ${openid} failed: ${res.code} ${res.message} ${JSON.stringify(res.issues ?? '')}`)
  return res.data
}

/** A scheduler job's report. */
export interface JobReport {
  done: number
  error?: string
  more?: boolean
}

/** Makes the scheduler's job `name` due at its next run (the other jobs are left as they are). */
export async function makeJobDue(h: Pick<Harness, 'count' | 'update' | 'insert'>, name: string): Promise<void> {
  if (await h.count('jobs', { _id: 'schedule' })) await h.update('jobs', { _id: 'schedule' }, { [`next.${name}`]: new Date(0) })
  else await h.insert('jobs', { _id: 'schedule', next: { [name]: new Date(0) } })
}

/** Runs the scheduler's job `name` now (fires the scheduler once); answers its report, undefined if it did not run. */
export async function runJob(h: Pick<Harness, 'emu' | 'count' | 'update' | 'insert'>, name: string): Promise<JobReport | undefined> {
  await makeJobDue(h, name)
  const { result } = (await h.emu.fireTrigger('scheduler')) as { result: Result<{ jobs: Record<string, JobReport> }> }
  if (!result.ok) throw new Error(`scheduler failed: ${JSON.stringify(result)}`)
  return result.data.jobs[name]
}

/** Starts an emulator with seed data and returns helpers bound to it. */
export async function startHarness(opts: { poolSize?: number; volunteerDemo?: boolean; schoolDemo?: boolean; elderDemo?: boolean; env?: Record<string, string> } = {}): Promise<Harness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hemei-cloud-test-'))
  const emu = await startEmulator({ port: 0, dataDir, seed: true, quiet: true, ...opts, env: { TENCENTCLOUD_REGION: 'ap-shanghai', ...opts.env } })
  const cloud = loadSdk(emu.url, emu.credentials)
  const db = cloud.database()
  const h: Harness = {
    emu,
    user: (openid, action, input, requestId) => callAs(h, 'user', openid, action, input, requestId),
    userOk: (openid, action, input, requestId) => callOk(h, 'user', openid, action, input, requestId),
    wish: (openid, action, input, requestId) => callAs(h, 'wish', openid, action, input, requestId),
    wishOk: (openid, action, input, requestId) => callOk(h, 'wish', openid, action, input, requestId),
    async count(collection, where) {
      const col = db.collection(collection)
      return (await (where ? col.where(where) : col).count()).total
    },
    async find(collection, where) {
      const col = db.collection(collection)
      return (await (where ? col.where(where) : col).limit(1000).get()).data
    },
    async update(collection, where, data) {
      return (await db.collection(collection).where(where).update({ data })).stats.updated
    },
    async insert(collection, doc) {
      await db.collection(collection).add({ data: doc })
    },
    async countNow({ tally = true, reconcile = true } = {}) {
      const later = new Date(nowMs() + 86_400_000)
      // The scheduler's job names (cloud/functions/scheduler): the counters' jobs due now, the others not.
      const tallies = ['wishTally', 'volSlotsTally', 'volDisputesTally', 'volCertificatesTally', 'volStatsTally', 'schSessionsTally', 'eldPersonTimesTally']
      const reconciles = ['wishCounters', 'volSlotsCounters', 'volDisputesCounters', 'volCertificatesCounters', 'schSessionsCounters']
      const next: Record<string, Date> = {
        wishOverdueClaims: later,
        purgeRequests: later,
        volunteerNumbers: later,
        volunteerForgottenCheckouts: later,
        schoolOfferExpiry: later,
        elderReminders: later,
      }
      for (const j of tallies) next[j] = tally ? new Date(0) : later
      for (const j of reconciles) next[j] = reconcile ? new Date(0) : later
      if (!(await h.update('jobs', { _id: 'schedule' }, { next }))) await h.insert('jobs', { _id: 'schedule', next })
      const { result } = (await emu.fireTrigger('scheduler')) as { result: Result<{ jobs: Record<string, { done: number; error?: string }> }> }
      if (!result.ok) throw new Error(`scheduler failed: ${result.code} ${result.message}`)
      const failed = Object.entries(result.data.jobs).filter(([, j]) => j.error)
      if (failed.length) throw new Error(`jobs failed: ${JSON.stringify(failed)}`)
      return result.data.jobs
    },
    communities: [],
    communityId(name) {
      const c = h.communities.find((x) => x.name === name)
      if (!c) throw new Error(`no community ${name}`)
      return c.id
    },
    async close() {
      await emu.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
  h.communities = (await h.userOk('demo-resident', 'listCommunities')).communities
  return h
}

/** The real wx-server-sdk in the test process, pointed at the emulator (for counting documents). */
function loadSdk(url: string, credentials: { secretId: string; secretKey: string }): any {
  process.env.TENCENTCLOUD = 'true'
  process.env.TENCENTCLOUD_REGION ||= 'ap-shanghai'
  process.env.SCF_NAMESPACE ||= 'local'
  // A fresh instance, so several test files (or harnesses) can point at different emulators.
  const sdk = require('wx-server-sdk')
  return sdk.createNewInstance({ env: 'local', serviceUrl: `${url.replace(/\/$/, '')}/tcb/admin`, ...credentials })
}
