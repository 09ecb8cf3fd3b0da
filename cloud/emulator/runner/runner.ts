/** The function runner: one pool of worker instances per function, identity passed the way CloudBase passes it. */
import fs from 'fs'
import path from 'path'
import crypto from 'crypto'
import { FunctionPool, InvocationResult, Invocation } from './pool'
import { clockEnv, clockOffset } from '../../lib/dates'

export interface RunnerOptions {
  functionsDir: string
  /** Base URL of the emulator, e.g. http://127.0.0.1:8720 */
  url: () => string
  poolSize: number
  timeoutMs: number
  envName: string
  extraEnv: Record<string, string>
  /** The secret pair the functions sign their /tcb requests with. */
  credentials: { secretId: string; secretKey: string }
  onStart?: (session: string, job: Invocation) => void
  onEnd?: (session: string, job: Invocation) => void
}

export interface Identity {
  openid: string
  appid?: string
  unionid?: string
  /** getWXContext().SOURCE (TCB_SOURCE): who triggered the call; `wx_client` (a mini-program user) unless given. */
  source?: string
}

const FN_NAME = /^[A-Za-z0-9_-]{1,64}$/

/** Runs cloud functions from `<functionsDir>/<fn>/index.js` in worker pools. */
export class Runner {
  private pools = new Map<string, FunctionPool>()

  constructor(private opts: RunnerOptions) {}

  /** Whether a built function with this name exists. */
  has(fn: string): boolean {
    return FN_NAME.test(fn) && fs.existsSync(this.fileOf(fn))
  }

  private fileOf(fn: string): string {
    return path.resolve(this.opts.functionsDir, fn, 'index.js')
  }

  private pool(fn: string): FunctionPool {
    let pool = this.pools.get(fn)
    if (!pool) {
      const o = this.opts
      pool = new FunctionPool({
        fn,
        file: this.fileOf(fn),
        size: o.poolSize,
        timeoutMs: o.timeoutMs,
        workerEnv: (session) => ({
          SCF_NAMESPACE: o.envName,
          TENCENTCLOUD: 'true',
          TENCENTCLOUD_RUNENV: 'SCF',
          TENCENTCLOUD_REGION: 'ap-shanghai',
          SCF_FUNCTIONNAME: fn,
          HEMEI_TCB_URL: `${o.url()}/tcb${session}`,
          HEMEI_SECRET_ID: o.credentials.secretId,
          HEMEI_SECRET_KEY: o.credentials.secretKey,
          HEMEI_ADMIN_OPENIDS: 'demo-admin',
          // Local only: the secret rotating check-in codes are drawn from (production sets its own).
          HEMEI_CODE_SECRET: 'hemei-local-code-secret',
          // The one clock: workers read the emulator's time (HEMEI_CLOCK as an exact offset).
          ...clockEnv(),
          ...o.extraEnv,
        }),
        onStart: o.onStart,
        onEnd: o.onEnd,
      })
      this.pools.set(fn, pool)
    }
    return pool
  }

  /**
   * Invoke `fn` with `event` as `identity`, or with no identity at all (`null`: a timer trigger, whose
   * getWXContext() has no OPENID and no APPID); resolves with the raw outcome (never rejects).
   */
  invoke(fn: string, event: unknown, identity: Identity | null, meta?: unknown): Promise<InvocationResult> {
    const requestId = crypto.randomUUID()
    return this.pool(fn).invoke({
      event,
      meta,
      env: {
        WX_CONTEXT_KEYS: identity ? 'WX_OPENID,WX_APPID,WX_UNIONID' : '',
        WX_OPENID: identity?.openid ?? '',
        WX_APPID: identity ? identity.appid || 'wx-hemei-local' : '',
        WX_UNIONID: identity?.unionid || '',
        // A timer invocation has no caller source: it can never pass as a client or as a platform push.
        TCB_SOURCE: identity ? identity.source || 'wx_client' : '',
        // The one clock, per invocation: the emulator's clock may have been moved since the worker started.
        HEMEI_CLOCK: String(clockOffset()),
      },
      context: {
        request_id: requestId,
        function_name: fn,
        namespace: this.opts.envName,
        memory_limit_in_mb: 256,
        time_limit_in_ms: this.opts.timeoutMs,
        callbackWaitsForEmptyEventLoop: false,
      },
    })
  }

  /** Starts one instance of every built function, one after another, so that no first call waits for a start. */
  async warm(): Promise<void> {
    if (!fs.existsSync(this.opts.functionsDir)) return
    for (const fn of fs.readdirSync(this.opts.functionsDir).sort()) {
      if (this.has(fn)) await this.pool(fn).warm()
    }
  }

  /** Stop every pool. */
  async close(): Promise<void> {
    await Promise.all([...this.pools.values()].map((p) => p.close()))
    this.pools.clear()
  }
}
