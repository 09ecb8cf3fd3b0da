/**
 * Issue 7's fuzz test of the emulator's HTTP surface: odd paths, methods, headers (missing, duplicated,
 * foreign, malformed), bodies (huge, truncated, wrongly framed, wrong content types) to /api/fn, /tcb,
 * /tcb-upload, /files, /api/upload and /api/dev. A complete request always gets an answer below 500 (never a
 * reset or silence), and the emulator stays up (a health call after each batch).
 */
import fc from 'fast-check'
import { startHarness, type Harness } from '../cloud/helpers'
import { fuzzRuns, fuzzTimeout, FUZZ_SEED, healthy, Tally } from './harness'
import { Deep } from './mutate'
import { headText, sendRaw, type RawRequest } from './raw'

/** A quarter of the function cases (500 in CI). */
const RUNS = Math.ceil(fuzzRuns(2000) / 4)
const BATCH = 50

let h: Harness
let hostHeader = ''
const tally = new Tally()

beforeAll(async () => {
  h = await startHarness({ poolSize: 1 })
  hostHeader = new URL(h.emu.url).host
})
afterAll(async () => {
  console.log(tally.report('http', FUZZ_SEED))
  await h?.close()
})

const PREFIXES = [
  '/api/fn/',
  '/api/fn/user',
  '/api/fn/wish',
  '/api/fn/whoami',
  '/tcb',
  '/tcb/',
  '/tcb/admin',
  '/tcb/w/1',
  '/tcb-upload/',
  '/tcb-upload/wishes/x.jpg',
  '/files/',
  '/files/wishes/',
  '/api/upload',
  '/api/upload?cloudPath=wishes/a.jpg',
  '/api/dev/personas',
  '/api/dev/messages',
  '/api/dev/',
  '/',
  '/index.html',
]
const SUFFIXES = [
  '',
  '%E0%A4%A',
  '%',
  '%%',
  '%00',
  '%2e%2e/%2e%2e/hemei.sqlite',
  '../../hemei.sqlite',
  '..',
  '/..',
  '//',
  '\\..\\x',
  '?a=1&a=2',
  '?cloudPath=../../x.jpg',
  '%E5%AD%97',
  '#x',
  ';x',
  '\u00e9',
]
const pathArb = fc.oneof(
  { arbitrary: fc.tuple(fc.constantFrom(...PREFIXES), fc.constantFrom(...SUFFIXES)).map(([p, s]) => p + s), weight: 8 },
  { arbitrary: fc.tuple(fc.constantFrom(...PREFIXES), fc.integer({ min: 1_000, max: 20_000 })).map(([p, n]) => p + 'a'.repeat(n)), weight: 1 },
  { arbitrary: fc.constantFrom('*', 'http://evil.example/api/dev/personas', '', 'api/fn/user', '/\u0000'), weight: 1 },
)
const methodArb = fc.oneof(
  { arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'HEAD', 'OPTIONS'), weight: 6 },
  { arbitrary: fc.constantFrom('DELETE', 'PATCH', 'TRACE', 'PROPFIND', 'CONNECT', 'FOO', 'get', 'G\u00c9T', ''), weight: 2 },
)

type Framing = 'exact' | 'none' | 'chunked' | 'badChunk' | 'tooLong' | 'negative' | 'twoLengths' | 'truncated'
interface Case {
  method: string
  path: string
  host: 'own' | 'none' | 'two' | 'foreign' | 'localhost' | 'garbage'
  origin?: string
  contentType?: string
  openid: readonly string[]
  authorization?: string
  extra: [string, string][]
  body: 'empty' | 'event' | 'deep' | 'huge' | 'binary' | 'multipart' | 'png'
  framing: Framing
  cut: number
}

const caseArb: fc.Arbitrary<Case> = fc.record(
  {
    method: methodArb,
    path: pathArb,
    host: fc.constantFrom<Case['host']>('own', 'own', 'own', 'own', 'none', 'two', 'foreign', 'localhost', 'garbage'),
    origin: fc.constantFrom('null', 'http://evil.example', 'http://127.0.0.1:1', 'file://', 'http://localhost', 'x'),
    contentType: fc.constantFrom(
      'application/json',
      'text/plain',
      'multipart/form-data',
      'multipart/form-data; boundary=zz',
      'application/x-www-form-urlencoded',
      'image/png',
      'image/jpeg',
      ';;;',
    ),
    openid: fc.oneof(
      fc.constant([]),
      fc.constant(['demo-resident']),
      fc.constant(['demo-admin', 'demo-resident']),
      fc.constant(['a b']),
      fc.constant(['x'.repeat(100)]),
      fc.constant(['demo-admin\u00e9']),
    ),
    authorization: fc.constantFrom(
      'TC3-HMAC-SHA256 Credential=x/2026-01-01/tcb/tc3_request, SignedHeaders=host, Signature=00',
      'TC3-HMAC-SHA256',
      'Bearer x',
      'q-sign-algorithm=sha1',
      ','.repeat(500),
    ),
    extra: fc.array(
      fc.constantFrom<[string, string]>(
        ['connection', 'close'],
        ['connection', 'upgrade'],
        ['upgrade', 'websocket'],
        ['expect', '100-continue'],
        ['expect', 'nonsense'],
        ['x-timestamp', 'NaN'],
        ['x-timestamp', '-1'],
        ['range', 'bytes=5-1'],
        ['accept-encoding', 'gzip'],
        ['x-a', 'b'.repeat(9000)],
        ['transfer-encoding', 'gzip'],
      ),
      { maxLength: 3 },
    ),
    body: fc.constantFrom<Case['body']>('empty', 'event', 'event', 'deep', 'huge', 'binary', 'multipart', 'png'),
    framing: fc.oneof({ arbitrary: fc.constant<Framing>('exact'), weight: 6 }, fc.constantFrom<Framing>('none', 'chunked', 'badChunk', 'tooLong', 'negative', 'twoLengths', 'truncated')),
    cut: fc.nat(),
  },
  { requiredKeys: ['method', 'path', 'host', 'openid', 'extra', 'body', 'framing', 'cut'] },
)

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')
function bodyOf(c: Case): Buffer {
  switch (c.body) {
    case 'empty':
      return Buffer.alloc(0)
    case 'event':
      return Buffer.from(JSON.stringify({ action: 'me', input: {}, requestId: 'fuzz-0000-0000' }))
    case 'deep':
      return Buffer.from(`{"action":"me","input":${new Deep(5000).text()}}`)
    case 'huge':
      return Buffer.alloc(1024 * 1024 + 4096 + (c.cut % 4096), 'x')
    case 'binary':
      return Buffer.from(Array.from({ length: 64 + (c.cut % 512) }, (_, i) => (i * 131 + c.cut) % 256))
    case 'multipart':
      return Buffer.from('--zz\r\nContent-Disposition: form-data; name="action"\r\n\r\nwx.openApi\r\n--zz\r\nContent-Disposition: form-data; name="requestData"\r\n\r\n\u0000\u0001\r\n--z')
    case 'png':
      return Buffer.concat([PNG, Buffer.alloc(c.cut % 2048)])
  }
}

/** The raw request for a case; `complete` is false when no answer is due (a truncated body, a body longer than declared). */
function requestOf(c: Case): { req: RawRequest; complete: boolean } {
  const headers: [string, string][] = []
  if (c.host === 'own') headers.push(['Host', hostHeader])
  if (c.host === 'two') headers.push(['Host', hostHeader], ['Host', 'evil.example'])
  if (c.host === 'foreign') headers.push(['Host', 'evil.example'])
  if (c.host === 'localhost') headers.push(['Host', `localhost:${h.emu.port}`])
  if (c.host === 'garbage') headers.push(['Host', '[::1'])
  if (c.origin) headers.push(['Origin', c.origin])
  if (c.contentType) headers.push(['Content-Type', c.contentType])
  for (const o of c.openid) headers.push(['X-Hemei-Openid', o])
  if (c.authorization) headers.push(['Authorization', c.authorization])
  headers.push(...c.extra)
  let body = bodyOf(c)
  let complete = true
  let truncateAt: number | undefined
  switch (c.framing) {
    case 'exact':
      headers.push(['Content-Length', String(body.length)])
      break
    case 'none':
      break
    case 'chunked':
      headers.push(['Transfer-Encoding', 'chunked'])
      body = Buffer.concat([Buffer.from(body.length.toString(16) + '\r\n'), body, Buffer.from('\r\n0\r\n\r\n')])
      break
    case 'badChunk':
      headers.push(['Transfer-Encoding', 'chunked'])
      body = Buffer.concat([Buffer.from('zz\r\n'), body])
      break
    case 'tooLong':
      // Declares more than is sent and keeps the connection open: no answer is due until the body is whole.
      headers.push(['Content-Length', String(body.length + 10)])
      truncateAt = body.length
      complete = false
      break
    case 'negative':
      headers.push(['Content-Length', '-1'])
      break
    case 'twoLengths':
      headers.push(['Content-Length', String(body.length)], ['Content-Length', String(body.length + 1)])
      break
    case 'truncated':
      headers.push(['Content-Length', String(body.length)])
      truncateAt = body.length ? c.cut % body.length : 0
      complete = truncateAt === body.length
      break
  }
  return { req: { method: c.method, path: c.path, headers, body, truncateAt }, complete }
}

let done = 0
test(
  `the HTTP surface answers odd requests below 500 and stays up (${RUNS} cases)`,
  async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        const { req, complete } = requestOf(c)
        // A request that is not whole has no answer due: the client gives up after a short wait.
        const answer = await sendRaw(h.emu.port, req, complete ? 15_000 : 300)
        const outcome = 'ended' in answer ? `no answer (${answer.ended})` : `http ${Math.floor(answer.status / 100)}xx`
        tally.add(complete ? outcome : `incomplete: ${outcome}`)
        const what = `${headText(req).slice(0, 400).replace(/\r\n/g, ' | ')} + ${req.body.length} body bytes`
        if (answer.status >= 500) throw new Error(`answered ${answer.status} to ${what}`)
        if (complete && 'ended' in answer) throw new Error(`no answer (${answer.ended}${answer.error ? `: ${answer.error}` : ''}) to ${what}`)
        if (++done % BATCH === 0 && !(await healthy(h.emu))) throw new Error(`the emulator stopped answering after ${what}`)
      }),
      { seed: FUZZ_SEED, numRuns: RUNS, interruptAfterTimeLimit: fuzzTimeout(RUNS, 100) - 10_000, markInterruptAsFailure: true },
    )
    expect(await healthy(h.emu)).toBe(true)
    // No connection outlives its answer: the emulator closes at once (a CONNECT with a body once kept it open).
    const closed = await Promise.race([h.emu.close().then(() => 'closed'), new Promise((resolve) => setTimeout(() => resolve('still open after 10 s'), 10_000))])
    expect(closed).toBe('closed')
  },
  fuzzTimeout(RUNS, 100),
)
