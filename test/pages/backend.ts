// The page tests' backend: the real cloud functions in this worker's emulator (started by
// test/jest/pages-global-setup.cjs), reached by the pages through their real h5 transport. Each test starts
// from the demo seed (docs/INTERFACES.md personas and wishes). A thin wrapper around the real transport records
// the page's calls and injects what a network does: failures, silence, held answers.
import http from 'http'
import Taro from '@tarojs/taro'
import type { ActionName, CallEvent, FunctionName, InputOf, OutputOf, Result } from '@/contracts'
import { MUTATIONS } from '@/contracts/mutations'
import { setTransport, type Transport } from '@/services/cloud'
import { PERSONA_KEY } from '@/services/persona'
import { resetMe } from '@/stores/me'

interface EmulatorAddress {
  url: string
  control: string
}

declare global {
  var __hemeiEmulator: EmulatorAddress
  var __settlePageCalls: (() => Promise<void>) | undefined
}

/** One call the page made through the transport. */
export interface PageCall {
  fn: FunctionName
  event: CallEvent
}

/** A call held before it reaches the functions; `release()` lets it (and later matching calls) through. */
export interface Hold {
  /** Resolves when a matching call has arrived and is being held. */
  reached: Promise<void>
  release(): void
}

interface Rule {
  action?: string
  kind: 'fail' | 'drop' | 'hang' | 'hold'
  /** Calls it still applies to (Infinity: until cleared). */
  times: number
  gate?: Promise<void>
  arrived?: () => void
}

/** POSTs JSON (or raw bytes) over plain node http (outside the page's jsdom). */
function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const data = Buffer.isBuffer(body) ? body : Buffer.from(body === undefined ? '' : JSON.stringify(body))
    // A fresh connection each time (agent: false): node's shared keep-alive agent outlives a test file, and a socket
    // the emulator closed while the next file loaded is reused and hangs up (the next file's first reset failed).
    const req = http.request(url, { method: 'POST', agent: false, headers: { 'Content-Type': 'application/json', 'Content-Length': data.length, ...headers } }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (c) => (text += c))
      res.on('end', () => resolve({ status: res.statusCode || 0, text }))
    })
    req.on('error', reject)
    req.end(data)
  })
}

// The transport the h5 build uses (services/cloud.ts), captured before any test replaces it.
const h5Transport: Transport = setTransport(async () => undefined)
setTransport(h5Transport)

let seq = 0
/** A valid, unique requestId for calls a test makes itself. */
function requestId(): string {
  return `pt${Date.now().toString(36)}${(seq++).toString(36)}${Math.random().toString(36).slice(2, 8)}`
}

/** The backend seen by one test file. */
export class Backend {
  /** Every call the page sent, in order (also those failed or held by a rule). */
  readonly calls: PageCall[] = []
  private rules: Rule[] = []
  /** Calls on their way to the functions: a reset waits for them, so no answer of one test lands in the next. */
  private inflight = new Set<Promise<unknown>>()

  /** The emulator's base URL. */
  get url(): string {
    return globalThis.__hemeiEmulator.url
  }

  /** Puts the database back to the demo seed, clears recorded calls and rules, and installs the transport. */
  async reset(): Promise<void> {
    await Promise.allSettled([...this.inflight])
    const res = await post(`${globalThis.__hemeiEmulator.control}/reset`, undefined)
    if (res.status !== 204) throw new Error(`emulator reset failed: ${res.status} ${res.text}`)
    this.calls.length = 0
    this.rules = []
    setTransport(this.transport)
    resetMe()
  }

  /** Waits until every call the page sent has been answered (then lets React apply the answers). */
  async settled(): Promise<void> {
    while (this.inflight.size) await Promise.allSettled([...this.inflight])
    await new Promise((r) => setTimeout(r, 0))
  }

  /** The page calls as `openid` from now on (the h5 dev persona), with a fresh profile store. */
  as(openid: string): void {
    Taro.setStorageSync(PERSONA_KEY, openid)
    resetMe()
  }

  /** Events the page sent for `action` (of any function). */
  eventsFor(action: string): CallEvent[] {
    return this.calls.filter((c) => c.event.action === action).map((c) => c.event)
  }

  /** The next `times` matching calls fail as a lost network request would (the transport rejects). */
  failNext(action?: string, times = 1): void {
    this.rules.push({ action, kind: 'fail', times })
  }

  /** The next `times` matching calls reach the functions, but their answers are lost (the transport rejects). */
  dropAnswerNext(action?: string, times = 1): void {
    this.rules.push({ action, kind: 'drop', times })
  }

  /** Every call fails as with no network, until `online()`. */
  offline(): void {
    this.rules.push({ kind: 'fail', times: Infinity })
  }

  /** Clears `offline()`, `hang()` and unreleased holds (held calls stay held). */
  online(): void {
    this.rules = []
  }

  /** Every call (or every call of `action`) never answers, to see loading states. */
  hang(action?: string): void {
    this.rules.push({ action, kind: 'hang', times: Infinity })
  }

  /** Holds the matching calls before they reach the functions until `release()`. */
  hold(action: string): Hold {
    let release!: () => void
    let arrived!: () => void
    const gate = new Promise<void>((r) => (release = r))
    const reached = new Promise<void>((r) => (arrived = r))
    const rule: Rule = { action, kind: 'hold', times: Infinity, gate, arrived }
    this.rules.push(rule)
    return {
      reached,
      release: () => {
        this.rules = this.rules.filter((r) => r !== rule)
        release()
      },
    }
  }

  /** Calls a function as `openid` outside the page (to arrange a state or check one); returns its Result. */
  async result<F extends FunctionName, A extends ActionName<F>>(openid: string, fn: F, action: A, input: InputOf<F, A>): Promise<Result<OutputOf<F, A>>> {
    const event: CallEvent = { action, input }
    if (MUTATIONS[fn]?.includes(action)) event.requestId = requestId()
    const res = await post(`${this.url}/api/fn/${fn}`, event, { 'X-Hemei-Openid': openid })
    return JSON.parse(res.text) as Result<OutputOf<F, A>>
  }

  /** Like `result`, but resolves with the data and throws unless the call succeeded. */
  async call<F extends FunctionName, A extends ActionName<F>>(openid: string, fn: F, action: A, input: InputOf<F, A>): Promise<OutputOf<F, A>> {
    const res = await this.result(openid, fn, action, input)
    if (!res.ok) throw new Error(`${fn}.${action} as ${openid} failed: ${res.code} ${res.message} ${JSON.stringify(res.issues ?? '')}`)
    return res.data
  }

  /**
   * Uploads an image (a data: URL) to the emulator's storage as `openid`, as the h5 app does; resolves its fileID.
   * `prefix` starts the file name: the image-check stand-in judges `risky-…` risky and never answers `pending-…`.
   */
  async upload(openid: string, dataUrl: string, prefix = ''): Promise<string> {
    const [, type, base64] = /^data:([^;]+);base64,(.*)$/.exec(dataUrl) || []
    const cloudPath = `wishes/${prefix}${requestId()}.jpg`
    const res = await post(`${this.url}/api/upload?cloudPath=${encodeURIComponent(cloudPath)}`, Buffer.from(base64, 'base64'), { 'Content-Type': type, 'X-Hemei-Openid': openid })
    const body = JSON.parse(res.text) as { fileID?: string; message?: string }
    if (!body.fileID) throw new Error(`upload failed: ${res.status} ${res.text}`)
    return body.fileID
  }

  /** The transport the pages use: the real h5 one, behind the test's rules. */
  private transport: Transport = async (fn, event) => {
    this.calls.push({ fn, event })
    const rule = this.rules.find((r) => r.times > 0 && (!r.action || r.action === event.action))
    if (rule) {
      rule.times--
      if (rule.kind === 'fail') throw new Error('request:fail timeout')
      if (rule.kind === 'hang') return new Promise(() => undefined)
      if (rule.kind === 'drop') {
        await this.forward(fn, event)
        throw new Error('request:fail timeout')
      }
      rule.arrived?.()
      await rule.gate
    }
    return this.forward(fn, event)
  }

  /** Sends one call to the functions through the real h5 transport, tracked until it settles. */
  private forward(fn: FunctionName, event: CallEvent): Promise<unknown> {
    const p = h5Transport(fn, event)
    this.inflight.add(p)
    const done = () => this.inflight.delete(p)
    p.then(done, done)
    return p
  }
}

/** The real backend for this test file, reset to the demo seed before each test (not a React hook: it registers jest hooks). */
export function setupBackend(): Backend {
  const backend = new Backend()
  globalThis.__settlePageCalls = () => backend.settled()
  beforeEach(() => backend.reset())
  return backend
}
