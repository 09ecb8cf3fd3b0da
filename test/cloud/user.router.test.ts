// The router every function shares: event validation, unknown actions, requestIds, idempotency records.
import { PRIVACY_VERSION } from '../../src/contracts'
import { newOpenid, rid, startHarness, type Harness } from './helpers'
import { testNow } from '../clock'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h?.close()
})

describe('router', () => {
  it('answers an unknown action with NOT_FOUND, never undefined', async () => {
    expect(await h.emu.invoke('user', { action: 'dropDatabase', input: {} }, 'demo-admin')).toMatchObject({ ok: false, code: 'NOT_FOUND', message: expect.any(String) })
    expect(await h.emu.invoke('user', { action: 'toString' }, 'demo-admin')).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  })

  it('rejects an event without an action', async () => {
    expect(await h.emu.invoke('user', { input: {} } as never, 'demo-admin')).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  })

  it('rejects an input that is not an object, even for actions without fields', async () => {
    expect(await h.emu.invoke('user', { action: 'me', input: 'oops' }, 'demo-resident')).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(await h.emu.invoke('user', { action: 'listCommunities', input: [1] }, 'demo-resident')).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  })

  it('treats a missing input as empty', async () => {
    expect(await h.emu.invoke('user', { action: 'me' }, 'demo-resident')).toMatchObject({ ok: true, data: { openid: 'demo-resident' } })
  })

  it('rejects malformed requestIds on mutations', async () => {
    const before = (await h.userOk('demo-resident', 'me')).largeFont
    for (const requestId of ['short', 'has spaces in it', 'x'.repeat(65)]) {
      const res = await h.user('demo-resident', 'updateProfile', { largeFont: !before }, requestId)
      expect(res).toMatchObject({ ok: false, code: 'INVALID_INPUT', issues: [{ path: 'requestId' }] })
    }
    expect((await h.userOk('demo-resident', 'me')).largeFont).toBe(before)
  })

  it('keeps a refusal for a retried requestId (generic idempotency record)', async () => {
    const openid = newOpenid()
    const requestId = rid()
    const input = { privacyAgreed: true, privacyVersion: '2000-01-01', communityId: h.communityId('军门社区'), nickname: '重试' }
    const first = await h.user(openid, 'signUp', input, requestId)
    expect(first).toMatchObject({ ok: false, code: 'PRIVACY_NOT_AGREED' })
    // The same requestId is the same call: it gets the same answer, even with other input.
    expect(await h.user(openid, 'signUp', { ...input, privacyVersion: PRIVACY_VERSION }, requestId)).toEqual(first)
    expect(await h.count('users', { _id: openid })).toBe(0)
    expect(await h.user(openid, 'signUp', { ...input, privacyVersion: PRIVACY_VERSION }, rid())).toMatchObject({ ok: true })
  })

  it('runs a call once when its retry arrives while it is still running', async () => {
    const openid = newOpenid()
    const requestId = rid()
    const input = { privacyAgreed: true, privacyVersion: PRIVACY_VERSION, communityId: h.communityId('军门社区'), nickname: '并发' }
    const [a, b] = await Promise.all([h.user(openid, 'signUp', input, requestId), h.user(openid, 'signUp', input, requestId)])
    const oks = [a, b].filter((r) => r.ok)
    expect(oks.length).toBeGreaterThanOrEqual(1)
    for (const r of [a, b]) expect(r.ok ? r : r.code).toEqual(r.ok ? oks[0] : 'DUPLICATE_REQUEST')
    expect(await h.count('users', { _id: openid })).toBe(1)
    expect(await h.count('requests', { _id: `${openid}:user:${requestId}`, status: 'done' })).toBe(1)
  })

  it('answers DUPLICATE_REQUEST while an attempt is running, and re-runs one abandoned over a minute ago', async () => {
    const input = { privacyAgreed: true, privacyVersion: PRIVACY_VERSION, communityId: h.communityId('军门社区'), nickname: '接管' }
    const running = newOpenid()
    const busy = rid()
    await h.insert('requests', { _id: `${running}:user:${busy}`, fn: 'user', action: 'signUp', status: 'running', createdAt: new Date(testNow()) })
    expect(await h.user(running, 'signUp', input, busy)).toMatchObject({ ok: false, code: 'DUPLICATE_REQUEST' })
    expect(await h.count('users', { _id: running })).toBe(0)

    const abandoned = newOpenid()
    const old = rid()
    await h.insert('requests', { _id: `${abandoned}:user:${old}`, fn: 'user', action: 'signUp', status: 'running', createdAt: new Date(testNow() - 5 * 60_000) })
    expect(await h.user(abandoned, 'signUp', input, old)).toMatchObject({ ok: true, data: { openid: abandoned, signedUp: true } })
    expect(await h.count('requests', { _id: `${abandoned}:user:${old}`, status: 'done' })).toBe(1)
  })

  it('refuses a requestId reused for another action', async () => {
    const openid = newOpenid()
    const requestId = rid()
    await h.insert('requests', { _id: `${openid}:user:${requestId}`, fn: 'user', action: 'grantStaff', status: 'done', result: { ok: true, data: {} }, createdAt: new Date(testNow()) })
    const res = await h.user(openid, 'signUp', { privacyAgreed: true, privacyVersion: PRIVACY_VERSION, communityId: h.communityId('军门社区'), nickname: '复用' }, requestId)
    expect(res).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(await h.count('users', { _id: openid })).toBe(0)
  })

  it('scopes requestIds per user: the same id from two users is two calls', async () => {
    const requestId = rid()
    const a = await h.user('demo-resident', 'updateProfile', { largeFont: false }, requestId)
    const b = await h.user('demo-volunteer', 'updateProfile', { largeFont: false }, requestId)
    expect(a).toMatchObject({ ok: true, data: { openid: 'demo-resident' } })
    expect(b).toMatchObject({ ok: true, data: { openid: 'demo-volunteer' } })
  })

  it('takes identity only from the WeChat context, never from the input', async () => {
    const me = await h.userOk(newOpenid(), 'me', { openid: 'demo-admin' })
    expect(me.roles).toEqual([])
    expect(me.openid).not.toBe('demo-admin')
  })
})
