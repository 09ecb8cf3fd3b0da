/** The function runner and /api/fn: identity isolation, dev-identity guard, crashes and timeouts. */
import { startTestEmulator } from './helpers'
import { devIdentityAllowed } from '../../cloud/emulator/http/devIdentity'
import type { Emulator } from '../../cloud/emulator'

jest.setTimeout(60_000)

let emu: Emulator

beforeAll(async () => {
  emu = await startTestEmulator()
})
afterAll(() => emu.close())

const call = (url: string, fn: string, body: object, openid?: string) =>
  fetch(`${url}/api/fn/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(openid ? { 'x-hemei-openid': openid } : {}) },
    body: JSON.stringify(body),
  })

test('50 concurrent calls from 5 users: each sees its own openid, before and after awaiting', async () => {
  const users = ['u-a', 'u-b', 'u-c', 'u-d', 'u-e']
  const calls = Array.from({ length: 50 }, (_v, i) => {
    const openid = users[i % users.length]
    return call(emu.url, 'whoami', { action: 'who', delayMs: 20 + ((i * 7) % 40) }, openid).then(async (r) => ({ openid, res: await r.json() }))
  })
  const results = await Promise.all(calls)
  for (const { openid, res } of results) {
    expect(res).toMatchObject({ ok: true, data: { openid, before: openid, env: 'hemei-local', admins: 'demo-admin' } })
  }
  const stats = emu.calls.filter((c) => c.fn === 'whoami' && c.action === 'who')
  expect(stats).toHaveLength(50)
  expect(stats[0]).toMatchObject({ dbRequests: 0, responseBytes: expect.any(Number), durationMs: expect.any(Number) })
})

test('database requests are counted per invocation', async () => {
  const r = await emu.invoke('whoami', { action: 'count', input: { collection: 'users' } }, 'u-count')
  expect(r).toMatchObject({ ok: true, data: { openid: 'u-count', total: 0 } })
  expect(emu.calls[emu.calls.length - 1]).toMatchObject({ fn: 'whoami', action: 'count', dbRequests: 1 })
})

test('no identity header → UNAUTHENTICATED; unknown function → NOT_FOUND', async () => {
  expect(await (await call(emu.url, 'whoami', { action: 'who' })).json()).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
  expect(await (await call(emu.url, 'nope', { action: 'x' }, 'u-a')).json()).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  expect(await (await call(emu.url, '..%2F..%2Fetc', { action: 'x' }, 'u-a')).json()).toMatchObject({ ok: false, code: 'NOT_FOUND' })
})

test('a function that throws or crashes its instance → INTERNAL; the pool recovers', async () => {
  expect(await emu.invoke('whoami', { action: 'throw' }, 'u-a')).toMatchObject({ ok: false, code: 'INTERNAL' })
  expect(await emu.invoke('whoami', { action: 'crash' }, 'u-a')).toMatchObject({ ok: false, code: 'INTERNAL' })
  expect(await emu.invoke('whoami', { action: 'who', delayMs: 1 }, 'u-after')).toMatchObject({ ok: true, data: { openid: 'u-after' } })
})

test('a function that hangs times out → INTERNAL; its instance is replaced', async () => {
  const short = await startTestEmulator({ timeoutMs: 3000, poolSize: 1 })
  try {
    expect(await short.invoke('whoami', { action: 'hang' }, 'u-a')).toMatchObject({ ok: false, code: 'INTERNAL' })
    expect(await short.invoke('whoami', { action: 'who', delayMs: 1 }, 'u-after')).toMatchObject({ ok: true, data: { openid: 'u-after' } })
  } finally {
    await short.close()
  }
})

test('an instance that dies while idle is replaced, and the emulator survives', async () => {
  expect(await emu.invoke('whoami', { action: 'late-crash', delayMs: 1 }, 'u-a')).toMatchObject({ ok: true })
  await new Promise((r) => setTimeout(r, 1000)) // the instance throws 250 ms after answering
  // A job given to the dead instance would time out and answer INTERNAL.
  const results = await Promise.all([1, 2, 3, 4, 5, 6].map((i) => emu.invoke('whoami', { action: 'who', delayMs: 1 }, `u-${i}`)))
  for (const [i, r] of results.entries()) expect(r).toMatchObject({ ok: true, data: { openid: `u-${i + 1}` } })
})

test('binding beyond loopback needs an explicit option', async () => {
  await expect(startTestEmulator({ host: '0.0.0.0' })).rejects.toThrow(/allowNonLoopback/)
})

test('dev identity is refused when the server is not bound to loopback', async () => {
  const open = await startTestEmulator({ host: '0.0.0.0', allowNonLoopback: true })
  try {
    const res = await call(open.url, 'whoami', { action: 'who' }, 'demo-admin')
    expect(res.status).toBe(403)
    expect(await res.json()).toMatchObject({ ok: false })
  } finally {
    await open.close()
  }
})

test('the guard: loopback server and loopback peer only', () => {
  expect(devIdentityAllowed('127.0.0.1', '127.0.0.1')).toBe(true)
  expect(devIdentityAllowed('127.0.0.1', '::ffff:127.0.0.1')).toBe(true)
  expect(devIdentityAllowed('localhost', '::1')).toBe(true)
  expect(devIdentityAllowed('0.0.0.0', '127.0.0.1')).toBe(false)
  expect(devIdentityAllowed('192.168.1.5', '127.0.0.1')).toBe(false)
  expect(devIdentityAllowed('127.0.0.1', '192.168.1.9')).toBe(false)
  expect(devIdentityAllowed('127.0.0.1', undefined)).toBe(false)
})
