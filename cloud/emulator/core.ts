/** The emulator's state and the one path every function call takes (HTTP and programmatic alike). */
import crypto from 'crypto'
import path from 'path'
import { Store } from './store/store'
import { TxManager } from './store/transactions'
import { Runner } from './runner/runner'
import { ERROR_MESSAGES } from '../../src/contracts/errors'
import { nowMs } from '../lib/dates'
import { nestedDeeperThan } from './runner/depth'
import { Credentials, randomCredentials } from './tcb/signature'
import { readTriggers, type TimerTrigger } from './triggers/config'
import { Timers } from './triggers/timers'
import { timerEvent } from './triggers/event'

/** The answer to an event that never reaches a worker (nested too deep). */
export const INVALID_INPUT_JSON = JSON.stringify({ ok: false, code: 'INVALID_INPUT', message: ERROR_MESSAGES.INVALID_INPUT })

/** Per-call figures, for the log and the bench (DESIGN.md §6: ≤ 4 database requests per user action). */
export interface CallStat {
  fn: string
  action: string
  openid: string
  ok: boolean
  code?: string
  durationMs: number
  dbRequests: number
  responseBytes: number
  /** `coll:index` per query (`coll:SCAN` when no index was used). */
  queries: string[]
  at: number
}

export interface CoreOptions {
  dataDir: string
  functionsDir: string
  staticDir: string
  envName: string
  env: Record<string, string>
  poolSize: number
  timeoutMs: number
  txTimeoutMs: number
  quiet: boolean
  onCall?: (stat: CallStat) => void
  credentials?: Credentials
}

interface SessionState {
  dbRequests: number
  queries: string[]
  openid: string
}

const MAX_CALLS_KEPT = 100_000

/** Holds the store, transactions, runner and call statistics. */
export class EmulatorCore {
  readonly store: Store
  readonly txm: TxManager
  readonly runner: Runner
  readonly filesDir: string
  /** Every function call so far (most recent last). */
  readonly calls: CallStat[] = []
  /** Count of TCB requests by action, for tests and diagnostics. */
  readonly actionCounts: Record<string, number> = {}
  url = ''
  /** This start's secret pair: the workers sign with it, /tcb verifies it (tcb/signature.ts). */
  readonly credentials: Credentials
  /** This start's message-push token (HEMEI_PUSH_TOKEN in the workers): the stand-ins sign their pushes with it. */
  readonly pushToken = crypto.randomBytes(16).toString('hex')
  /** Set by close(): stand-ins deliver nothing after it. */
  closed = false
  private sessions = new Map<string, SessionState>()
  /** The functions' timer triggers (config.json), fired on schedule once started (triggers/timers.ts). */
  readonly timers: Timers

  constructor(readonly opts: CoreOptions) {
    // A bad trigger declaration refuses the start, before anything is opened.
    this.timers = new Timers(
      readTriggers(opts.functionsDir),
      (t, at) => this.fireTrigger(t, at),
      (line) => this.log(line),
    )
    this.credentials = opts.credentials || randomCredentials()
    this.store = new Store(opts.dataDir)
    this.txm = new TxManager(this.store, opts.txTimeoutMs)
    this.filesDir = path.join(opts.dataDir, 'files')
    this.runner = new Runner({
      functionsDir: opts.functionsDir,
      url: () => this.url,
      poolSize: opts.poolSize,
      timeoutMs: opts.timeoutMs,
      envName: opts.envName,
      extraEnv: { HEMEI_PUSH_TOKEN: this.pushToken, ...opts.env },
      credentials: this.credentials,
      onStart: (session, job) => this.sessions.set(session, job.meta as SessionState),
      onEnd: (session) => {
        this.sessions.delete(session)
        this.txm.abortSession(session)
      },
    })
  }

  /** Print a line unless quiet. */
  log(line: string): void {
    if (!this.opts.quiet) console.log(line)
  }

  /** The invocation currently served by a worker session, if any. */
  session(session: string): SessionState | undefined {
    return this.sessions.get(session)
  }

  /** Account one TCB request to the calling session. */
  noteRequest(session: string, action: string): void {
    this.actionCounts[action] = (this.actionCounts[action] || 0) + 1
    const s = this.sessions.get(session)
    if (s && action.startsWith('database.')) s.dbRequests++
  }

  /** Record which index a query used. */
  noteQuery(session: string, coll: string, index: string | undefined): void {
    const s = this.sessions.get(session)
    if (s) s.queries.push(`${coll}:${index || 'SCAN'}`)
    else if (!index) this.log(`query ${coll}: full scan (no declared index applies)`)
  }

  /** Fires `trigger` as CloudBase does at `atMs`: its timer event, with no user identity (getWXContext() has no OPENID). */
  fireTrigger(trigger: TimerTrigger, atMs = nowMs()): Promise<{ json: string; result: any; stat: CallStat }> {
    return this.callFunction(trigger.fn, timerEvent(trigger, atMs), null)
  }

  /** Invoke a function as `openid` (null: no identity, a timer trigger) from `source` (default a mini-program user); resolves with the response JSON text and its parsed value. */
  async callFunction(fn: string, event: unknown, openid: string | null, source?: string): Promise<{ json: string; result: any; stat: CallStat }> {
    const started = process.hrtime.bigint()
    const e = event && typeof event === 'object' ? (event as Record<string, unknown>) : {}
    const action = openid === null ? `timer:${String(e.TriggerName)}` : typeof e.action === 'string' ? e.action : ''
    const state: SessionState = { dbRequests: 0, queries: [], openid: openid ?? '' }
    let json: string
    if (!this.runner.has(fn)) {
      json = JSON.stringify({ ok: false, code: 'NOT_FOUND', message: ERROR_MESSAGES.NOT_FOUND })
    } else if (nestedDeeperThan(event)) {
      json = INVALID_INPUT_JSON
    } else {
      const r = await this.runner.invoke(fn, event, openid === null ? null : { openid, ...(source ? { source } : {}) }, state)
      if (r.ok) json = r.json ?? 'null'
      else {
        if (!this.opts.quiet) console.error(`fn ${fn}.${action} failed: ${r.error}`)
        json = JSON.stringify({ ok: false, code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL })
      }
    }
    const result = JSON.parse(json)
    const stat: CallStat = {
      fn,
      action,
      openid: openid ?? '',
      ok: !!(result && result.ok),
      code: result && result.ok === false ? result.code : undefined,
      durationMs: Number(process.hrtime.bigint() - started) / 1e6,
      dbRequests: state.dbRequests,
      responseBytes: Buffer.byteLength(json),
      queries: state.queries,
      at: nowMs(),
    }
    this.calls.push(stat)
    if (this.calls.length > MAX_CALLS_KEPT) this.calls.splice(0, this.calls.length - MAX_CALLS_KEPT)
    this.opts.onCall?.(stat)
    this.log(
      `fn ${fn}.${action || '-'} ${stat.ok ? 'ok' : stat.code || 'error'} ${stat.durationMs.toFixed(1)}ms db=${stat.dbRequests} ${stat.responseBytes}B` +
        (stat.queries.length ? ` [${stat.queries.join(' ')}]` : ''),
    )
    return { json, result, stat }
  }

  /** Invocations that a worker's current call makes (functions.invokeFunction) inherit its identity. */
  identityOf(session: string): string {
    return this.sessions.get(session)?.openid || ''
  }

  /** What the storage stand-in needs. */
  storage(): { filesDir: string; baseUrl: string; envName: string; secretKey: string } {
    return { filesDir: this.filesDir, baseUrl: this.url, envName: this.opts.envName, secretKey: this.credentials.secretKey }
  }

  /** Stop workers, end transactions, close the database. */
  async close(): Promise<void> {
    this.timers.stop()
    this.closed = true
    await this.runner.close()
    this.txm.closeAll()
    this.store.close()
  }
}
