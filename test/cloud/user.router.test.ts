// The router every function shares: event validation, unknown actions, requestIds, idempotency records.
import { newOpenid, rid, startHarness, type Harness } from './helpers'

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

  it('keeps a refusal for a retried requestId, and refuses reusing it for another action', async () => {
    const requestId = rid()
    const first = await h.user('demo-resident', 'grantStaff', { openid: 'demo-resident', communityIds: ['x'] }, requestId)
    expect(first).toMatchObject({ ok: false, code: 'ROLE_REQUIRED' })
    expect(await h.user('demo-resident', 'grantStaff', { openid: 'demo-resident', communityIds: ['x'] }, requestId)).toEqual(first)
    expect(await h.user('demo-resident', 'updateProfile', { largeFont: true }, requestId)).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
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
