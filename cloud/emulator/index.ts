/** startEmulator: the local CloudBase (docs/INTERFACES.md, "The emulator"). */
import path from 'path'
import type { AddressInfo } from 'net'
import { EmulatorCore, CallStat } from './core'
import { createServer } from './http/server'
import { isLoopback } from './http/devIdentity'
import { ensureCollections, seedDemoData, seedBulkUsers, seedBulkWishes, seedElderDemo, seedSchoolDemo, seedVolunteerDemo } from './seed'

export type { CallStat } from './core'

export interface EmulatorOptions {
  /** 0 = random; default env HEMEI_PORT or 8720. */
  port?: number
  /** Default 127.0.0.1. Dev identity (X-Hemei-Openid) is honoured only when this is loopback. */
  host?: string
  /** Required to bind anything but loopback (README, "Binding beyond loopback": what then stays closed). */
  allowNonLoopback?: boolean
  /** Default .data/emulator. */
  dataDir?: string
  /** Seed demo data when the database is empty (default true). */
  seed?: boolean
  /** With the seed, also the volunteer service's demo (projects, slots, ledger; default false: tests stage their own). */
  volunteerDemo?: boolean
  /** With the seed, also the 4 o'clock school's demo (sessions, children, attendance; default false, as volunteerDemo). */
  schoolDemo?: boolean
  /** With the seed, also elder activities' demo (activities, profiles, occurrences; default false, as volunteerDemo). */
  elderDemo?: boolean
  /** Built functions, `<dir>/<fn>/index.js` (default dist/cloudfunctions). */
  functionsDir?: string
  /** The built h5 app (default dist/h5). */
  staticDir?: string
  /** Extra env for function workers. */
  env?: Record<string, string>
  /** Workers per function (default 4). */
  poolSize?: number
  /** No per-call log lines. */
  quiet?: boolean
  /** Cloud env id seen by functions (SCF_NAMESPACE; default 'hemei-local'). */
  envName?: string
  /** Start one instance of each function at once, in the background: bundle and SDK loaded (default true; env HEMEI_WARM=0 turns it off, for cold-start tests). */
  warm?: boolean
  /** Function timeout in ms (default 15000). */
  timeoutMs?: number
  /** Abandoned transactions are discarded after this many ms (default 30000). */
  txTimeoutMs?: number
  /** The secret pair /tcb verifies (default: a random pair per start; CLI: HEMEI_SECRET_ID + HEMEI_SECRET_KEY). */
  credentials?: { secretId: string; secretKey: string }
  /** Called after each function call with its figures. */
  onCall?: (stat: CallStat) => void
  /** Fire the functions' timer triggers on schedule (default true; HEMEI_TIMERS=0 turns it off). fireTrigger and advanceClock work either way. */
  timers?: boolean
}

export interface Emulator {
  url: string
  port: number
  close(): Promise<void>
  /** Call a function as `openid`, taking the same path as POST /api/fn/<fn>; resolves with its Result. */
  invoke(fn: string, event: unknown, openid: string): Promise<any>
  /** Per-call figures (function, action, durationMs, dbRequests, responseBytes, queries). */
  calls: CallStat[]
  /** Transaction counters (started, committed, conflicts, aborted, timedOut). */
  txStats: EmulatorCore['txm']['stats']
  /** TCB requests seen, by action. */
  actionCounts: Record<string, number>
  /** Add `n` bulk residents (bench). */
  seedBulkUsers(n: number): void
  /** Add `n` bulk wishes across communities and statuses (bench; posted by the bulk users: seed those too). */
  seedBulkWishes(n: number): void
  /** This start's secret pair (random): pass it to wx-server-sdk's `cloud.init` to call `/tcb` from outside. */
  credentials: { secretId: string; secretKey: string }
  /** Fires `fn`'s timer trigger now (as POST /api/dev/trigger/<fn>): its event, no identity; resolves with the run's figures and return value. */
  fireTrigger(fn: string): Promise<{ stat: CallStat; result: unknown }>
  /**
   * Moves the emulator's clock (and its function workers') `ms` forward, firing each timer run that fell due, once;
   * resolves when they ended. `{ fire: false }` skips those runs (a test whose subject is not a job).
   */
  advanceClock(ms: number, opts?: { fire?: boolean }): Promise<void>
  /** The internals, for tests and scripts. */
  core: EmulatorCore
}

const ROOT = path.resolve(__dirname, '../..')

/** Start the emulator: open/create the store, seed when empty, listen. */
export async function startEmulator(opts: EmulatorOptions = {}): Promise<Emulator> {
  const host = opts.host || '127.0.0.1'
  if (!isLoopback(host.replace(/^\[|\]$/g, '')) && !opts.allowNonLoopback) {
    throw new Error(`startEmulator: binding ${host} exposes the emulator beyond this machine; pass allowNonLoopback: true (HEMEI_ALLOW_NON_LOOPBACK=1) to mean it`)
  }
  const port = opts.port ?? Number(process.env.HEMEI_PORT || 8720)
  const core = new EmulatorCore({
    dataDir: path.resolve(opts.dataDir || path.join(ROOT, '.data/emulator')),
    functionsDir: path.resolve(opts.functionsDir || path.join(ROOT, 'dist/cloudfunctions')),
    staticDir: path.resolve(opts.staticDir || path.join(ROOT, 'dist/h5')),
    envName: opts.envName || 'hemei-local',
    env: opts.env || {},
    poolSize: opts.poolSize || 4,
    timeoutMs: opts.timeoutMs || 15_000,
    txTimeoutMs: opts.txTimeoutMs || 30_000,
    quiet: !!opts.quiet,
    onCall: opts.onCall,
    credentials: opts.credentials,
  })
  const firstStart = core.store.isEmpty()
  ensureCollections(core.store)
  if (firstStart && opts.seed !== false) seedDemoData(core.store)
  if (firstStart && opts.seed !== false && opts.volunteerDemo) seedVolunteerDemo(core.store)
  if (firstStart && opts.seed !== false && opts.schoolDemo) seedSchoolDemo(core.store)
  if (firstStart && opts.seed !== false && opts.elderDemo) seedElderDemo(core.store)

  const server = createServer(core, host)
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => resolve())
  })
  const actual = (server.address() as AddressInfo).port
  const urlHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host
  core.url = `http://${urlHost}:${actual}`
  if (opts.timers ?? process.env.HEMEI_TIMERS !== '0') core.timers.start()
  // Start one instance of each function now, in the background, rather than on the app's first calls.
  if (opts.warm ?? process.env.HEMEI_WARM !== '0') void core.runner.warm().catch(() => undefined)

  let closing: Promise<void> | undefined
  return {
    url: core.url,
    port: actual,
    calls: core.calls,
    txStats: core.txm.stats,
    actionCounts: core.actionCounts,
    core,
    credentials: core.credentials,
    invoke: async (fn, event, openid) => (await core.callFunction(fn, event, openid)).result,
    fireTrigger: async (fn) => {
      const trigger = core.timers.of(fn)
      if (!trigger) throw new Error(`fireTrigger: cloud function ${fn} declares no timer trigger (its config.json "triggers")`)
      const { stat, result } = await core.fireTrigger(trigger)
      return { stat, result }
    },
    advanceClock: (ms, opts) => core.timers.advance(ms, opts),
    seedBulkUsers: (n) => seedBulkUsers(core.store, n),
    seedBulkWishes: (n) => seedBulkWishes(core.store, n),
    close: () =>
      (closing ||= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve())
          server.closeAllConnections()
        })
        await core.close()
      })()),
  }
}
