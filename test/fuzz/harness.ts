/**
 * The fuzz tests' shared parts: the budget (fixed seed; HEMEI_FUZZ_RUNS for the long run), the store's
 * fingerprint, the health call, the callers by persona, and the outcome table.
 */
import fs from 'fs'
import path from 'path'
import type { Emu } from '../cloud/helpers'
import { tcbPost } from '../emulator/helpers'

/** The fixed seed (HEMEI_FUZZ_SEED replays another one). */
export const FUZZ_SEED = Number(process.env.HEMEI_FUZZ_SEED || 20261129)

/** Cases per run: `fallback` in CI, HEMEI_FUZZ_RUNS for the long run. */
export function fuzzRuns(fallback: number): number {
  const n = Number(process.env.HEMEI_FUZZ_RUNS || 0)
  return n > 0 ? n : fallback
}

/** A jest timeout that grows with the number of cases (ms per case, at least 60 s). */
export function fuzzTimeout(runs: number, msPerCase: number): number {
  return Math.max(60_000, runs * msPerCase)
}

/**
 * Every document write changes this: per collection, its count and its highest version (a write stamps the
 * store's next sequence number on every document it inserts or changes; a delete lowers the count), plus the
 * logged messages and the collection list. The idempotency records (`requests`) are left out: storing a
 * refusal so that a retry gets the same answer is their job (cloud/lib/idempotency.ts).
 */
export function fingerprint(emu: Emu): string {
  const db = emu.core.store.db
  const docs = db.prepare("SELECT coll, COUNT(*) AS n, MAX(version) AS v FROM docs WHERE coll <> 'requests' GROUP BY coll ORDER BY coll").all() as { coll: string; n: number; v: number }[]
  const messages = (db.prepare('SELECT COUNT(*) AS n FROM messages').get() as { n: number }).n
  const collections = (db.prepare('SELECT COUNT(*) AS n FROM collections').get() as { n: number }).n
  return `${docs.map((r) => `${r.coll}:${r.n}@${r.v}`).join(' ')} messages:${messages} collections:${collections}`
}

/** The emulator answers: a persona list over HTTP and a function call through a worker. */
export async function healthy(emu: Emu): Promise<boolean> {
  try {
    const personas = await fetch(emu.url + '/api/dev/personas')
    if (personas.status !== 200) return false
    await personas.arrayBuffer()
    const res = await fetch(emu.url + '/api/fn/user', { method: 'POST', headers: { 'x-hemei-openid': 'demo-resident' }, body: JSON.stringify({ action: 'listCommunities', input: {} }) })
    return res.status === 200 && (await res.json()).ok === true
  } catch {
    return false
  }
}

/** Who calls: no identity (through `functions.invokeFunction`, as a foreign caller would), or a dev openid over POST /api/fn. */
export const PERSONAS = ['anonymous', 'fuzz-newcomer', 'demo-resident', 'demo-applicant', 'demo-volunteer', 'demo-staff', 'demo-staff-tangmen', 'demo-admin'] as const
export type Persona = (typeof PERSONAS)[number]

/** An answer: the HTTP status (200 for the /tcb path when it answered) and the parsed Result, or the TCB error. */
export interface Answer {
  status: number
  body: any
  /** The raw text, for the failure message. */
  text: string
  /** CloudBase's own error code when the /tcb path refused the call itself (e.g. INVALID_PARAM for request_data that is not JSON). */
  tcbCode?: string
}

/** Calls `fn` with the raw JSON `event` text as `persona`, along the path a client of that kind takes. */
export async function call(emu: Emu, fn: string, event: string, persona: Persona): Promise<Answer> {
  if (persona === 'anonymous') {
    const res = await tcbPost(emu.url + '/tcb', emu.credentials, { action: 'functions.invokeFunction', function_name: fn, request_data: event })
    const text = await res.text()
    const outer = parse(text)
    if (typeof outer?.data?.response_data === 'string') return { status: res.status, body: parse(outer.data.response_data), text }
    return { status: res.status, body: undefined, text, tcbCode: typeof outer?.code === 'string' ? outer.code : undefined }
  }
  const res = await fetch(`${emu.url}/api/fn/${fn}`, { method: 'POST', headers: { 'x-hemei-openid': persona, 'content-type': 'application/json' }, body: event })
  const text = await res.text()
  return { status: res.status, body: parse(text), text }
}

function parse(text: string): any {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/** Outcome classes (ok, each error code, HTTP status classes) counted over a run. */
export class Tally {
  readonly counts: Record<string, number> = {}
  /** Outcomes per subject (e.g. per action), for the JSON only. */
  readonly bySubject: Record<string, Record<string, number>> = {}
  private started = Date.now()
  /** Count one outcome (and, when given, under its subject). */
  add(outcome: string, subject?: string): void {
    this.counts[outcome] = (this.counts[outcome] || 0) + 1
    if (subject) {
      const m = (this.bySubject[subject] ||= {})
      m[outcome] = (m[outcome] || 0) + 1
    }
  }
  /** The one-line table, and its JSON under test-results/ (HEMEI_FUZZ_OUT names another folder). */
  report(name: string, seed: number): string {
    const total = Object.values(this.counts).reduce((a, b) => a + b, 0)
    const seconds = (Date.now() - this.started) / 1000
    const cells = Object.entries(this.counts)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k} ${v}`)
    const line = `fuzz ${name}: ${total} cases, seed ${seed}, ${seconds.toFixed(1)} s | ${cells.join(' | ')}`
    const dir = process.env.HEMEI_FUZZ_OUT || path.resolve(__dirname, '../../test-results')
    fs.mkdirSync(dir, { recursive: true })
    fs.writeFileSync(path.join(dir, `fuzz-${name}.json`), JSON.stringify({ name, seed, cases: total, seconds, outcomes: this.counts, bySubject: this.bySubject }, null, 2) + '\n')
    return line
  }
}
