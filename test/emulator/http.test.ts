/** The emulator's HTTP surface under hostile input (issue 7, items 1-5): every request gets an answer, the process stays up. */
import { Emulator } from '../../cloud/emulator'
import { startTestEmulator } from './helpers'

jest.setTimeout(60_000)

let emu: Emulator
beforeAll(async () => {
  emu = await startTestEmulator({ warm: false })
})
afterAll(() => emu.close())

const deepJson = (depth: number) => '['.repeat(depth) + ']'.repeat(depth)
const alive = async () =>
  (await (await fetch(emu.url + '/api/fn/whoami', { method: 'POST', headers: { 'x-hemei-openid': 'u1' }, body: JSON.stringify({ action: 'who', delayMs: 1 }) })).json()).ok

test('an input nested 5,000 deep is refused with INVALID_INPUT on /api/fn, and the emulator stays up', async () => {
  const body = `{"action":"who","input":${deepJson(5000)}}`
  const res = await fetch(emu.url + '/api/fn/whoami', { method: 'POST', headers: { 'x-hemei-openid': 'u1' }, body })
  expect(res.status).toBe(200)
  expect(await res.json()).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  // 32 levels in all still pass (the event itself is level 1).
  const ok = await fetch(emu.url + '/api/fn/whoami', { method: 'POST', headers: { 'x-hemei-openid': 'u1' }, body: `{"action":"who","delayMs":1,"input":${deepJson(31)}}` })
  expect(await ok.json()).toMatchObject({ ok: true })
  expect(await alive()).toBe(true)
})

test('an input nested 5,000 deep is refused through functions.invokeFunction too', async () => {
  const request_data = `{"action":"who","input":${deepJson(5000)}}`
  const res = await emu.core.callFunction('whoami', JSON.parse(request_data), 'u1')
  expect(res.result).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  const tcb = await fetch(emu.url + '/tcb', { method: 'POST', body: JSON.stringify({ action: 'functions.invokeFunction', function_name: 'whoami', request_data }) })
  const answer = await tcb.json()
  expect(JSON.parse(answer.data.response_data)).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  expect(await alive()).toBe(true)
})

test('a malformed function name answers 400, not 500', async () => {
  const res = await fetch(emu.url + '/api/fn/%E0%A4%A', { method: 'POST', headers: { 'x-hemei-openid': 'u1' }, body: '{}' })
  expect(res.status).toBe(400)
  expect(await res.json()).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
})

test('a body over 1 MiB is answered 413 INVALID_INPUT (not reset), by length or as it streams, and the connection closes', async () => {
  const big = JSON.stringify({ action: 'who', input: 'x'.repeat(1024 * 1024 + 10) })
  const res = await fetch(emu.url + '/api/fn/whoami', { method: 'POST', headers: { 'x-hemei-openid': 'u1' }, body: big })
  expect(res.status).toBe(413)
  expect(res.headers.get('connection')).toBe('close')
  expect(await res.json()).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  // Chunked, with no Content-Length: refused once 1 MiB has arrived.
  const chunks = new ReadableStream({
    start(c) {
      for (let i = 0; i < 40; i++) c.enqueue(new TextEncoder().encode('x'.repeat(64 * 1024)))
      c.close()
    },
  })
  const streamed = await fetch(emu.url + '/api/fn/whoami', { method: 'POST', headers: { 'x-hemei-openid': 'u1' }, body: chunks, duplex: 'half' } as RequestInit)
  expect(streamed.status).toBe(413)
  expect(await streamed.json()).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  // /tcb answers the same way above its own limit (20 MiB).
  const tcb = await fetch(emu.url + '/tcb', { method: 'POST', body: 'x'.repeat(21 * 1024 * 1024) })
  expect(tcb.status).toBe(413)
  expect(await alive()).toBe(true)
})
