/**
 * Issue 7's fuzz test of the function surface: for every action of every function, inputs from the contract's
 * own schemas and hostile mutations of them, sent as several personas along the real paths (POST /api/fn with
 * a dev identity; no identity through a signed `functions.invokeFunction`). Each answer is a contract Result
 * (an error code from the contract's table, never INTERNAL or 5xx; an ok answer in the action's shape), a
 * refused call writes nothing, and the emulator stays up.
 */
import fc from 'fast-check'
import { contract, isCleanText, isErrorCode, isMutation, PRIVACY_VERSION, type FunctionName } from '../../src/contracts'
import { startHarness, rid, type Harness } from '../cloud/helpers'
import { call, fingerprint, fuzzRuns, fuzzTimeout, FUZZ_SEED, healthy, PERSONAS, Tally, type Answer, type Persona } from './harness'
import { mutationOf, nested, OPERATORS, toJson, type Mutation } from './mutate'
import { OUTPUT_SHAPES } from './outputs'
import { idKeysOf, textKeysOf, validOf, type Pools } from './schema'

const RUNS = fuzzRuns(2000)
const BATCH = 100

let h: Harness
const tally = new Tally()
/** Filled in place by refreshPools (the arbitraries, built at load, hold these arrays). */
const pools: Pools = Object.fromEntries(['wishId', 'applicationId', 'communityId', 'gridId', 'openid', 'photos', 'photo', 'privacyVersion', 'sessionId', 'childId'].map((k) => [k, []]))
/** requestIds already sent (a replay is a retry, or a requestId reused for another action). */
const sent: string[] = []

beforeAll(async () => {
  h = await startHarness({ poolSize: 2 })
  refreshPools()
})
afterAll(async () => {
  console.log(tally.report('functions', FUZZ_SEED))
  await h?.close()
})

/** Real ids from the store, so that calls reach the handlers' rules and not only NOT_FOUND. */
function refreshPools(): void {
  const db = h.emu.core.store.db
  const ids = (coll: string) => (db.prepare('SELECT id FROM docs WHERE coll = ? ORDER BY id').all(coll) as { id: string }[]).map((r) => r.id)
  const wishes = ids('wishes')
  const photos = (db.prepare("SELECT doc FROM docs WHERE coll = 'wishes'").all() as { doc: string }[]).flatMap((r) => (JSON.parse(r.doc).photos as string[] | undefined) || [])
  const set = (key: string, values: string[]) => void pools[key].splice(0, pools[key].length, ...values)
  set('wishId', wishes)
  set('applicationId', ids('volunteer_applications'))
  set(
    'communityId',
    h.communities.map((c) => c.id),
  )
  set(
    'gridId',
    h.communities.flatMap((c) => c.grids.map((g) => g.id)),
  )
  set('openid', [...ids('users')])
  set('photos', photos)
  set('photo', photos)
  set('privacyVersion', [PRIVACY_VERSION])
  // The 4 o'clock school: sessions and children.
  set('sessionId', ids('sch_sessions'))
  set('childId', ids('sch_children'))
}

type RequestIdKind = 'fresh' | 'missing' | 'replay' | 'bad'
interface Case {
  fn: FunctionName
  action: string
  persona: Persona
  mutation: Mutation
  requestId: RequestIdKind
  badRequestId: unknown
  pick: number
  input: Record<string, unknown>
  /** The input as sent (after the mutation), set by eventText. */
  sentInput?: unknown
  /** Set when the whole event is odd (not an object, unknown action, not JSON). */
  oddEvent?: string
}

const personaArb = fc.constantFrom(...PERSONAS)
const requestIdArb = fc.oneof({ arbitrary: fc.constant<RequestIdKind>('fresh'), weight: 8 }, fc.constantFrom<RequestIdKind>('missing', 'replay', 'bad'))
const badRequestIdArb = fc.constantFrom<unknown>('short', 'a'.repeat(65), '../../etc', 'x y z 1234', 12345678, null, ...OPERATORS, '\u200b'.repeat(10), nested(40))

/** One action's cases: a valid input from its schema, then one mutation. */
function actionCases(fn: FunctionName, action: string): fc.Arbitrary<Case> {
  const schema = (contract[fn].inputs as Record<string, Parameters<typeof validOf>[0]>)[action]
  const keys = Object.keys((schema as unknown as { _zod: { def: { shape: object } } })._zod.def.shape)
  return fc
    .record({
      input: validOf(schema, pools),
      persona: personaArb,
      mutation: mutationOf(keys, textKeysOf(schema), idKeysOf(schema)),
      requestId: requestIdArb,
      badRequestId: badRequestIdArb,
      pick: fc.nat(),
    })
    .map((r) => ({ fn, action, ...r, input: r.input as Record<string, unknown> }))
}

/** Events that are not a contract call at all. */
const oddEventArb: fc.Arbitrary<Case> = fc
  .record({
    fn: fc.constantFrom<FunctionName>(...(Object.keys(contract) as FunctionName[])),
    persona: personaArb,
    oddEvent: fc.constantFrom(
      '{',
      '',
      'null',
      '[]',
      '"me"',
      '123',
      '{"action":null}',
      '{"action":""}',
      '{"action":"__proto__"}',
      '{"action":"constructor","input":{}}',
      '{"action":"toString"}',
      '{"action":"hasOwnProperty"}',
      '{"action":{"$ne":null}}',
      '{"action":["me"]}',
      '{"action":"nope","input":{}}',
      '{"action":"me","input":null}',
      '{"action":"me","input":[]}',
      '{"action":"me","input":"x"}',
      '{"__proto__":{"action":"me"}}',
      '{"action":"me","action":"grantStaff"}',
      '\u0000',
      '{"action":"me"}\u0000',
    ),
  })
  .map((r) => ({ ...r, action: '', mutation: { kind: 'none', apply: (i) => i }, requestId: 'missing', badRequestId: null, pick: 0, input: {} }) as Case)

const caseArb: fc.Arbitrary<Case> = fc.oneof(
  ...(Object.keys(contract) as FunctionName[]).flatMap((fn) => Object.keys(contract[fn].inputs).map((action) => ({ arbitrary: actionCases(fn, action), weight: 4 }))),
  { arbitrary: oddEventArb, weight: 2 },
)

/** The event's JSON text for a case (requestIds are drawn here, at send time). */
function eventText(c: Case): string {
  if (c.oddEvent !== undefined) return c.oddEvent
  const event: Record<string, unknown> = { action: c.action, input: c.mutation.apply(c.input) }
  c.sentInput = event.input
  if (c.requestId === 'fresh') event.requestId = rid()
  else if (c.requestId === 'replay') event.requestId = sent.length ? sent[c.pick % sent.length] : rid()
  else if (c.requestId === 'bad') event.requestId = c.badRequestId
  if (typeof event.requestId === 'string' && isMutation(c.fn, c.action)) {
    sent.push(event.requestId)
    if (sent.length > 50) sent.shift()
  }
  return toJson(event)
}

/** What was wrong with an answer, or '' when it is a valid one (and its outcome class). */
function judge(c: Case, a: Answer): { problem: string; outcome: string } {
  const b = a.body
  if (a.status >= 500) return { problem: `HTTP ${a.status}`, outcome: `http ${a.status}` }
  if (a.tcbCode === 'INVALID_PARAM' && c.oddEvent !== undefined && !isJson(c.oddEvent)) return { problem: '', outcome: 'tcb INVALID_PARAM' }
  if (!b || typeof b !== 'object' || typeof b.ok !== 'boolean') return { problem: `not a Result`, outcome: a.tcbCode ? `tcb ${a.tcbCode}` : 'not a Result' }
  if (a.status !== 200 && (b.ok || b.code !== 'INVALID_INPUT' || ![400, 413].includes(a.status))) return { problem: `HTTP ${a.status} with ${b.code}`, outcome: `http ${a.status}` }
  if (a.status !== 200) return { problem: '', outcome: `http ${a.status}` }
  if (!b.ok) {
    if (!isErrorCode(b.code)) return { problem: `code ${b.code} is not in the contract's table`, outcome: String(b.code) }
    if (b.code === 'INTERNAL') return { problem: 'INTERNAL', outcome: 'INTERNAL' }
    if (typeof b.message !== 'string' || !b.message) return { problem: 'no message', outcome: b.code }
    return { problem: '', outcome: b.code }
  }
  // An odd event may still name an action (`{"action":"me","input":null}` reads as `me` with no input).
  const action = c.oddEvent === undefined ? c.action : actionOf(c.oddEvent)
  const shapes = OUTPUT_SHAPES[c.fn] as Record<string, { safeParse(v: unknown): { success: boolean; error?: unknown } }>
  const shape = Object.prototype.hasOwnProperty.call(shapes, action) ? shapes[action] : undefined
  if (!shape) return { problem: `ok for an event that is no contract call`, outcome: 'ok' }
  const parsed = shape.safeParse(b.data)
  if (!parsed.success) return { problem: `ok, but data does not have ${c.fn}.${action}'s shape: ${JSON.stringify(parsed.error).slice(0, 300)}`, outcome: 'ok' }
  // A read's echo of its own input is not stored text (an admin's stats of the community "\u200b" names it back);
  // a mutation's is: it answers with what it stored.
  const dirty = dirtyText(b.data, new Set(isMutation(c.fn, action) ? [] : stringsOf(c.sentInput)))
  if (dirty !== undefined) return { problem: `ok, but the answer carries an invisible or control character: ${JSON.stringify(dirty).slice(0, 120)}`, outcome: 'ok' }
  return { problem: '', outcome: 'ok' }
}

/** Every string in a value (iteratively: inputs may nest 5,000 deep). */
function stringsOf(value: unknown): string[] {
  const out: string[] = []
  const stack = [value]
  while (stack.length) {
    const v = stack.pop()
    if (typeof v === 'string') out.push(v)
    else if (v && typeof v === 'object') stack.push(...Object.values(v))
  }
  return out
}

/** The first string in an answer, other than the echoes, that the shared text rule would refuse (newlines allowed). */
function dirtyText(value: unknown, echoes: Set<string>): string | undefined {
  return stringsOf(value).find((s) => !isCleanText(s, true) && !echoes.has(s))
}

/** Whether a text parses as JSON. */
function isJson(text: string): boolean {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

/** The action an event's JSON text names, or ''. */
function actionOf(text: string): string {
  try {
    const action = JSON.parse(text)?.action
    return typeof action === 'string' ? action : ''
  } catch {
    return ''
  }
}

let done = 0
test(
  `every action answers hostile inputs with a contract Result and writes nothing when it refuses (${RUNS} cases)`,
  async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        const before = fingerprint(h.emu)
        const answer = await call(h.emu, c.fn, eventText(c), c.persona)
        const { problem, outcome } = judge(c, answer)
        tally.add(outcome, `${c.fn}.${c.action || '(odd event)'}`)
        const where = `${c.fn}.${c.action || '(odd event)'} as ${c.persona}, mutation ${c.mutation.kind}${c.mutation.key ? ` (${c.mutation.key})` : ''}`
        if (problem) throw new Error(`${where}: ${problem}; answer ${answer.status} ${answer.text.slice(0, 300)}`)
        if (outcome !== 'ok') {
          const after = fingerprint(h.emu)
          if (after !== before) throw new Error(`${where}: refused with ${outcome} but the store changed:\n  before ${before}\n  after  ${after}`)
        }
        if (++done % BATCH === 0) {
          if (!(await healthy(h.emu))) throw new Error(`the emulator stopped answering after ${where}`)
          refreshPools()
        }
      }),
      { seed: FUZZ_SEED, numRuns: RUNS, interruptAfterTimeLimit: fuzzTimeout(RUNS, 50) - 10_000, markInterruptAsFailure: true },
    )
    expect(await healthy(h.emu)).toBe(true)
  },
  fuzzTimeout(RUNS, 50),
)
