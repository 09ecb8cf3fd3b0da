/** The emulator's HTTP surface under hostile input (issue 7, items 1-5): every request gets an answer, the process stays up. */
import { existsSync, readdirSync } from 'fs'
import http from 'http'
import path from 'path'
import { Emulator } from '../../cloud/emulator'
import { allowedHosts } from '../../cloud/emulator/http/guard'
import { MAX_UPLOAD_BYTES } from '../../cloud/emulator/tcb/storage'
import { startTestEmulator, sdkFor, tcbPost } from './helpers'
import { sendRaw } from '../fuzz/raw'

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
  const tcb = await tcbPost(emu.url + '/tcb', emu.credentials, { action: 'functions.invokeFunction', function_name: 'whoami', request_data })
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

test('a request target is a path: "///" is one (404, not 500 as the fuzz found), "*" and a full URL answer 400', async () => {
  const port = new URL(emu.url).port
  const send = (target: string) =>
    sendRaw(emu.port, {
      method: 'PATCH',
      path: target,
      headers: [
        ['Host', `127.0.0.1:${port}`],
        ['Content-Length', '0'],
      ],
      body: Buffer.alloc(0),
    })
  for (const target of ['///', '//x', '//api/dev/personas']) expect((await send(target)).status).toBe(404)
  for (const target of ['*', `http://127.0.0.1:${port}/api/dev/personas`]) expect((await send(target)).status).toBe(400)
  expect(await alive()).toBe(true)
})

test('CONNECT gets an answer (405), not a closed connection (found by the fuzz)', async () => {
  const r = await sendRaw(emu.port, { method: 'CONNECT', path: '/api/fn/', headers: [['Host', new URL(emu.url).host]], body: Buffer.alloc(0) })
  expect(r.status).toBe(405)
  expect(await alive()).toBe(true)
})

test('a CONNECT with a body does not keep its connection, nor the emulator from closing (found by the fuzz)', async () => {
  const own = await startTestEmulator({ warm: false })
  const r = await sendRaw(own.port, {
    method: 'CONNECT',
    path: '/x',
    headers: [
      ['Host', new URL(own.url).host],
      ['Content-Length', '200000'],
    ],
    body: Buffer.alloc(200_000, 'x'),
  })
  expect(r.status).toBe(405)
  const closed = await Promise.race([own.close().then(() => 'closed'), new Promise((resolve) => setTimeout(() => resolve('still open after 5 s'), 5000))])
  expect(closed).toBe('closed')
})

/** A raw request (fetch cannot set Host or Origin). */
function raw(method: string, pathname: string, headers: Record<string, string>, body = ''): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(emu.url + pathname, { method, headers: { 'content-length': Buffer.byteLength(body), ...headers } }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (c) => (text += c))
      res.on('end', () => resolve({ status: res.statusCode || 0, text }))
    })
    req.on('error', reject)
    req.end(body)
  })
}

test('a cross-site simple POST (text/plain) cannot write, on /tcb or /api; the app own and loopback origins can', async () => {
  const write = JSON.stringify({ action: 'database.addDocument', collectionName: 'users', data: JSON.stringify({ _id: 'evil', nickname: 'x' }) })
  for (const origin of ['https://evil.example', 'null', 'http://192.168.1.20:8720']) {
    const r = await raw('POST', '/tcb', { origin, 'content-type': 'text/plain' }, write)
    expect(r.status).toBe(403)
    expect(JSON.parse(r.text)).toMatchObject({ code: 'PERMISSION_DENIED' })
    const fn = await raw('POST', '/api/fn/whoami', { origin, 'content-type': 'text/plain', 'x-hemei-openid': 'u1' }, '{"action":"who"}')
    expect(fn.status).toBe(403)
  }
  expect(emu.core.store.getById('users', 'evil')).toBeFalsy()
  const own = await raw('POST', '/api/fn/whoami', { origin: emu.url, 'x-hemei-openid': 'u1' }, '{"action":"who","delayMs":1}')
  expect(JSON.parse(own.text)).toMatchObject({ ok: true })
  const dev = await raw('POST', '/api/fn/whoami', { origin: 'http://localhost:10086', 'x-hemei-openid': 'u1' }, '{"action":"who","delayMs":1}')
  expect(JSON.parse(dev.text)).toMatchObject({ ok: true })
  // Reading a page from another origin stays possible (the browser keeps the answer from that page).
  expect((await raw('GET', '/api/dev/personas', { origin: 'https://evil.example' })).status).toBe(200)
})

test('DNS rebinding: every route refuses a Host that is not the bound address or localhost', async () => {
  const port = new URL(emu.url).port
  for (const pathname of ['/api/fn/whoami', '/tcb', '/api/dev/personas', '/', '/files/x']) {
    const r = await raw(
      pathname === '/' || pathname.startsWith('/files') || pathname.includes('dev') ? 'GET' : 'POST',
      pathname,
      { host: `evil.example:${port}`, 'x-hemei-openid': 'demo-admin' },
      '{"action":"who"}',
    )
    expect(r.status).toBe(403)
  }
  for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`]) {
    expect((await raw('GET', '/api/dev/personas', { host })).status).toBe(200)
  }
})

test('the host rule for each binding', () => {
  const loop = allowedHosts('127.0.0.1')
  expect(loop('127.0.0.1:1')).toBe(true)
  expect(loop('localhost')).toBe(true)
  expect(loop('[::1]:8720')).toBe(true)
  expect(loop('evil.example')).toBe(false)
  expect(loop('127.0.0.1.nip.io')).toBe(false)
  expect(loop('10.0.0.5')).toBe(false)
  expect(loop(undefined)).toBe(false)
  const lan = allowedHosts('192.168.1.5')
  expect(lan('192.168.1.5:8720')).toBe(true)
  expect(lan('localhost:8720')).toBe(false)
  expect(lan('192.168.1.6')).toBe(false)
})

describe("/tcb authenticates like CloudBase: the signature of this start's secret pair", () => {
  const write = { action: 'database.insertDocument', collectionName: 'users', data: JSON.stringify([{ _id: 'intruder', nickname: 'x' }]) }

  test('the real wx-server-sdk with the pair gets through; without it, or with another pair, SIGN_PARAM_INVALID', async () => {
    const users = sdkFor(emu.url + '/tcb', emu.credentials)
      .database()
      .collection('users')
    await users.add({ data: { _id: 'signed', nickname: 'ok' } })
    expect((await users.doc('signed').get()).data.nickname).toBe('ok')
    const stranger = sdkFor(emu.url + '/tcb', { secretId: emu.credentials.secretId, secretKey: 'guessed' })
      .database()
      .collection('users')
    await expect(stranger.add({ data: { _id: 'intruder' } })).rejects.toMatchObject({ errCode: expect.anything() })
    await expect(
      sdkFor(emu.url + '/tcb', { secretId: 'local', secretKey: 'local' })
        .database()
        .collection('users')
        .get(),
    ).rejects.toBeTruthy()
    expect(emu.core.store.getById('users', 'intruder')).toBeFalsy()
  })

  test("an unsigned, wrongly signed or altered request is refused in CloudBase's shape and writes nothing", async () => {
    const unsigned = await fetch(emu.url + '/tcb', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(write) })
    expect(await unsigned.json()).toMatchObject({ code: 'SIGN_PARAM_INVALID', message: expect.any(String) })
    const wrongKey = await tcbPost(emu.url + '/tcb', { ...emu.credentials, secretKey: 'nope' }, write)
    expect(await wrongKey.json()).toMatchObject({ code: 'SIGN_PARAM_INVALID' })
    // A valid signature over one body does not carry another.
    const good = await tcbPost(emu.url + '/tcb', emu.credentials, { action: 'database.calculateDocument', collectionName: 'users', queryType: 'WHERE', query: '{}' })
    expect(await good.json()).toMatchObject({ data: { total: expect.any(Number) } })
    const original = { action: 'database.calculateDocument', collectionName: 'users', queryType: 'WHERE', query: '{}' }
    const realFetch = global.fetch
    let altered: Response
    try {
      global.fetch = ((url: string, init: RequestInit) => realFetch(url, { ...init, body: JSON.stringify(write) })) as typeof fetch
      altered = await tcbPost(emu.url + '/tcb', emu.credentials, original)
    } finally {
      global.fetch = realFetch
    }
    expect(await altered.json()).toMatchObject({ code: 'SIGN_PARAM_INVALID' })
    expect(emu.core.store.getById('users', 'intruder')).toBeFalsy()
  })

  test('/tcb-upload takes only a PUT that getUploadMetadata authorised, for that path', async () => {
    const cloud = sdkFor(emu.url + '/tcb', emu.credentials)
    const { fileID } = await cloud.uploadFile({ cloudPath: 'wishes/signed.png', fileContent: Buffer.from('png') })
    expect(fileID).toMatch(/wishes\/signed\.png$/)
    const bare = await fetch(emu.url + '/tcb-upload/wishes/evil.txt', { method: 'PUT', body: 'not an image' })
    expect(bare.status).toBe(403)
    expect(await bare.text()).toContain('<Code>AccessDenied</Code>')
    // An authorization for one path does not open another.
    const meta = await (await tcbPost(emu.url + '/tcb', emu.credentials, { action: 'storage.getUploadMetadata', path: 'wishes/a.png' })).json()
    const other = await fetch(emu.url + '/tcb-upload/wishes/b.txt', { method: 'PUT', headers: { authorization: meta.data.authorization }, body: 'x' })
    expect(other.status).toBe(403)
    const same = await fetch(meta.data.url, { method: 'PUT', headers: { authorization: meta.data.authorization }, body: 'png' })
    expect(same.status).toBe(200)
  })

  test('/tcb-upload refuses a file over MAX_UPLOAD_BYTES as COS does (EntityTooLarge), answered and nothing written', async () => {
    const big = Buffer.alloc(MAX_UPLOAD_BYTES + 1, 1)
    const authorised = async (name: string) => (await (await tcbPost(emu.url + '/tcb', emu.credentials, { action: 'storage.getUploadMetadata', path: `exports/${name}` })).json()).data
    // Declared too large (Content-Length), and too large only as it arrives (chunked, no length).
    const declared = await authorised('declared.xlsx')
    const byLength = await fetch(declared.url, { method: 'PUT', headers: { authorization: declared.authorization }, body: big })
    const chunked = await authorised('chunked.xlsx')
    const stream = new ReadableStream({
      start(c) {
        for (let at = 0; at < big.length; at += 1024 * 1024) c.enqueue(big.subarray(at, at + 1024 * 1024))
        c.close()
      },
    })
    const byStream = await fetch(chunked.url, { method: 'PUT', headers: { authorization: chunked.authorization }, body: stream, duplex: 'half' } as RequestInit)
    for (const res of [byLength, byStream]) {
      expect(res.status).toBe(400)
      expect(await res.text()).toContain('<Code>EntityTooLarge</Code>')
    }
    const files = path.join(emu.core.opts.dataDir, 'files', 'exports')
    expect(existsSync(files) ? readdirSync(files) : []).toEqual([])
    // The limit itself is taken.
    const fits = await authorised('fits.xlsx')
    expect((await fetch(fits.url, { method: 'PUT', headers: { authorization: fits.authorization }, body: big.subarray(1) })).status).toBe(200)
  })
})
