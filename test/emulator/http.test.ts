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
