/** A small pool of worker-thread instances for one cloud function; each serves one invocation at a time. */
import path from 'path'
import { Worker } from 'worker_threads'

export interface Invocation {
  event: unknown
  /** Per-invocation environment (identity). */
  env: Record<string, string>
  context: Record<string, unknown>
  /** Caller's bookkeeping for this invocation, handed to onStart/onEnd. */
  meta?: unknown
}

export interface InvocationResult {
  ok: boolean
  /** The function's return value as JSON (when ok). */
  json?: string
  error?: string
  workerSession: string
}

export interface PoolOptions {
  fn: string
  file: string
  size: number
  timeoutMs: number
  /** Environment fixed for a worker's life; receives the worker's session path. */
  workerEnv: (session: string) => Record<string, string>
  onStart?: (session: string, job: Invocation) => void
  onEnd?: (session: string, job: Invocation) => void
}

interface Slot {
  worker: Worker
  session: string
  busy: boolean
  /** True until the instance has loaded the function (or failed to). */
  booting: boolean
  /** Resolves when the instance has loaded the function (or failed to). */
  ready: Promise<boolean>
}

interface Pending {
  job: Invocation
  resolve: (r: InvocationResult) => void
}

let nextWorkerId = 1
const BOOT_TIMEOUT_MS = 60_000
const WORKER_FILE = path.join(__dirname, 'worker.cjs')

/**
 * A pool of up to `size` instances of one function with a FIFO queue in front of it.
 *
 * A call waits in the queue for the first instance that is ready and free; it is never tied to an instance
 * that is still starting. The pool grows while calls wait, one starting instance at a time: loading a bundle
 * and wx-server-sdk costs a core for about half a second, and a burst of first calls that started one instance
 * each (as it once did) made every one of them wait for all those starts sharing two cores (six cold calls:
 * 5 s each instead of 0.5 s; the e2e's first 我的 on a busy machine: over 15 s).
 */
export class FunctionPool {
  private slots: Slot[] = []
  private queue: Pending[] = []
  private closed = false
  private seq = 0

  constructor(private opts: PoolOptions) {}

  /** Run one invocation on a free instance (queueing if all are busy). */
  invoke(job: Invocation): Promise<InvocationResult> {
    return new Promise((resolve) => {
      this.queue.push({ job, resolve })
      this.pump()
    })
  }

  /** Starts one instance ahead of the first call, if there is none; resolves when it is ready. */
  async warm(): Promise<void> {
    if (this.closed) return
    const slot = this.slots[0] ?? this.spawn()
    await slot.ready
  }

  private spawn(): Slot {
    const session = `/w/${nextWorkerId++}`
    const worker = new Worker(WORKER_FILE, {
      workerData: { file: this.opts.file },
      // Plain node in the worker: built bundles are CommonJS, and tsx's hooks break wx-server-sdk's deps.
      execArgv: [],
      env: { ...process.env, ...this.opts.workerEnv(session) },
      stdout: false,
      stderr: false,
    })
    worker.unref()
    const ready = new Promise<boolean>((resolve) => {
      const onReady = (m: { ready?: boolean }) => {
        if (!m || !m.ready) return
        worker.off('message', onReady)
        resolve(true)
      }
      worker.on('message', onReady)
      worker.once('exit', () => resolve(false))
      worker.once('error', () => resolve(false))
    })
    const slot: Slot = { worker, session, busy: false, booting: true, ready }
    void Promise.race([ready, new Promise<boolean>((r) => setTimeout(() => r(false), BOOT_TIMEOUT_MS).unref())])
      .then((ok) => this.booted(slot, ok))
      .catch((e) => console.error(`emulator: ${this.opts.fn} instance start bookkeeping failed`, e))
    // An instance can die while idle (e.g. an error thrown after its invocation returned): drop it, and
    // keep an 'error' listener so such errors never reach the emulator process as unhandled.
    worker.on('error', () => undefined)
    worker.on('exit', () => {
      if (!slot.busy) this.slots = this.slots.filter((s) => s !== slot)
    })
    this.slots.push(slot)
    return slot
  }

  /** An instance finished starting: it takes the next call; one that failed to start fails the oldest call. */
  private booted(slot: Slot, ok: boolean): void {
    slot.booting = false
    if (!ok) {
      this.slots = this.slots.filter((s) => s !== slot)
      slot.worker.terminate().catch(() => undefined)
      this.queue.shift()?.resolve({ ok: false, error: 'instance failed to start', workerSession: slot.session })
    }
    this.pump()
  }

  private pump(): void {
    while (!this.closed && this.queue.length) {
      const slot = this.slots.find((s) => !s.busy && !s.booting)
      if (!slot) {
        if (this.slots.length < this.opts.size && !this.slots.some((s) => s.booting)) this.spawn()
        return
      }
      slot.busy = true
      this.execute(slot, this.queue.shift()!)
    }
  }

  private execute(slot: Slot, { job, resolve }: Pending): void {
    const id = ++this.seq
    const { worker, session } = slot
    this.opts.onStart?.(session, job)
    let done = false
    const finish = (r: Omit<InvocationResult, 'workerSession'>, replace: boolean) => {
      if (done) return
      done = true
      clearTimeout(timer)
      worker.off('message', onMessage)
      worker.off('error', onError)
      worker.off('exit', onExit)
      this.opts.onEnd?.(session, job)
      if (replace) {
        this.slots = this.slots.filter((s) => s !== slot)
        worker.terminate().catch(() => undefined)
      } else slot.busy = false
      resolve({ ...r, workerSession: session })
      this.pump()
    }
    const onMessage = (m: { id: number; ok: boolean; json?: string; error?: string }) => {
      if (m.id === id) finish({ ok: m.ok, json: m.json, error: m.error }, false)
    }
    const onError = (e: Error) => finish({ ok: false, error: `instance crashed: ${e?.stack || e}` }, true)
    const onExit = (code: number) => finish({ ok: false, error: `instance exited with code ${code}` }, true)
    const timer = setTimeout(() => finish({ ok: false, error: `timed out after ${this.opts.timeoutMs} ms` }, true), this.opts.timeoutMs)
    worker.on('message', onMessage)
    worker.on('error', onError)
    worker.on('exit', onExit)
    try {
      worker.postMessage({ id, event: job.event, env: job.env, context: job.context })
    } catch (e) {
      // The event could not be cloned (e.g. nested too deep): this call fails, the instance stays as it was.
      finish({ ok: false, error: `invocation could not be sent to the instance: ${(e as Error)?.message || e}` }, false)
    }
  }

  /** Stop all instances. */
  async close(): Promise<void> {
    this.closed = true
    const slots = this.slots
    this.slots = []
    await Promise.all(slots.map((s) => s.worker.terminate().catch(() => undefined)))
  }
}
