// user function: grantStaff, revokeStaff, listStaff — admin only, every change in the user's history, nothing hard-deleted.
import { PRIVACY_VERSION } from '../../src/contracts'
import { newOpenid, rid, startHarness, type Harness } from './helpers'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h?.close()
})

async function resident(): Promise<string> {
  const openid = newOpenid()
  await h.userOk(openid, 'signUp', { privacyAgreed: true, privacyVersion: PRIVACY_VERSION, communityId: h.communityId('汤门社区'), nickname: '新社工' })
  return openid
}

/** The user's staff-scope history (pushed with each grant/revoke), optionally for one action. */
async function scopeHistory(openid: string, action?: string): Promise<any[]> {
  const [doc] = await h.find('users', { _id: openid })
  return (doc?.history ?? []).filter((e: any) => !action || e.action === action)
}

describe('grantStaff', () => {
  it("makes a signed-up user staff of the given communities, recorded in the user's history", async () => {
    const openid = await resident()
    const tangmen = h.communityId('汤门社区')
    const out = await h.userOk('demo-admin', 'grantStaff', { openid, communityIds: [tangmen] })
    expect(out).toEqual({ openid, nickname: '新社工', communityIds: [tangmen] })
    const me = await h.userOk(openid, 'me')
    expect(me.roles).toContain('staff')
    expect(me.staffCommunityIds).toEqual([tangmen])
    expect((await h.user(openid, 'listApplications', {})).ok).toBe(true)
    // Granting more adds to the scope, without duplicates.
    const junmen = h.communityId('军门社区')
    const more = await h.userOk('demo-admin', 'grantStaff', { openid, communityIds: [junmen, tangmen] })
    expect([...more.communityIds].sort()).toEqual([junmen, tangmen].sort())
    expect(await scopeHistory(openid, 'grantStaff')).toEqual([
      expect.objectContaining({ by: 'demo-admin', role: 'admin', from: '', to: tangmen, requestId: expect.any(String) }),
      expect.objectContaining({ by: 'demo-admin', role: 'admin', from: tangmen }),
    ])
  })

  it('is idempotent: a retried grant changes nothing more and records once', async () => {
    const openid = await resident()
    const requestId = rid()
    const input = { openid, communityIds: [h.communityId('汤门社区')] }
    const first = await h.user('demo-admin', 'grantStaff', input, requestId)
    const retry = await h.user('demo-admin', 'grantStaff', input, requestId)
    expect(first.ok).toBe(true)
    expect(retry).toEqual(first)
    expect(await scopeHistory(openid)).toHaveLength(1)
  })

  it('is for admins only (ROLE_REQUIRED), even for staff', async () => {
    const openid = await resident()
    for (const who of ['demo-staff', 'demo-resident', newOpenid()]) {
      expect(await h.user(who, 'grantStaff', { openid, communityIds: [h.communityId('汤门社区')] })).toMatchObject({ ok: false, code: 'ROLE_REQUIRED' })
    }
    expect((await h.userOk(openid, 'me')).roles).toEqual(['resident'])
  })

  it('refuses a target who has not signed up (NOT_FOUND) and unknown communities (INVALID_INPUT)', async () => {
    const stranger = newOpenid()
    expect(await h.user('demo-admin', 'grantStaff', { openid: stranger, communityIds: [h.communityId('汤门社区')] })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await h.count('users', { _id: stranger })).toBe(0)
    const openid = await resident()
    expect(await h.user('demo-admin', 'grantStaff', { openid, communityIds: ['no-such-community'] })).toMatchObject({ ok: false, code: 'INVALID_INPUT', issues: [{ path: 'communityIds' }] })
    expect((await h.find('users', { _id: openid }))[0].staffCommunityIds).toEqual([])
  })

  it('rejects bad input and writes nothing', async () => {
    const openid = await resident()
    const bad = await h.user('demo-admin', 'grantStaff', { openid, communityIds: [] })
    expect(bad).toMatchObject({ ok: false, code: 'INVALID_INPUT', issues: [{ path: 'communityIds' }] })
    expect(await h.user('demo-admin', 'grantStaff', { communityIds: ['x'] })).toMatchObject({ ok: false, code: 'INVALID_INPUT', issues: [{ path: 'openid' }] })
    expect(await scopeHistory(openid)).toEqual([])
  })
})

describe('revokeStaff', () => {
  it("removes part of the scope, then all of it; the user stays, every change is in the user's history", async () => {
    const openid = await resident()
    const [a, b] = [h.communityId('汤门社区'), h.communityId('军门社区')]
    await h.userOk('demo-admin', 'grantStaff', { openid, communityIds: [a, b] })
    expect(await h.userOk('demo-admin', 'revokeStaff', { openid, communityIds: [b] })).toMatchObject({ openid, communityIds: [a] })
    expect(await h.userOk('demo-admin', 'revokeStaff', { openid })).toMatchObject({ openid, communityIds: [] })
    const me = await h.userOk(openid, 'me')
    expect(me).toMatchObject({ signedUp: true, roles: ['resident'], staffCommunityIds: [] })
    expect(await h.user(openid, 'listApplications', {})).toMatchObject({ ok: false, code: 'ROLE_REQUIRED' })
    const rows = await scopeHistory(openid, 'revokeStaff')
    expect(rows.map((r) => [r.from, r.to]).sort()).toEqual(
      [
        [[a, b].join(','), a],
        [a, ''],
      ].sort(),
    )
  })

  it('is for admins only, and needs a signed-up target', async () => {
    expect(await h.user('demo-staff', 'revokeStaff', { openid: 'demo-staff-tangmen' })).toMatchObject({ ok: false, code: 'ROLE_REQUIRED' })
    expect((await h.userOk('demo-staff-tangmen', 'me')).roles).toContain('staff')
    expect(await h.user('demo-admin', 'revokeStaff', { openid: newOpenid() })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await h.user('demo-admin', 'revokeStaff', { openid: 'demo-staff', communityIds: 'all' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  })
})

describe('listStaff', () => {
  it('lists everyone with a staff scope, paged', async () => {
    const page = await h.userOk('demo-admin', 'listStaff', {})
    const ids = page.items.map((s: { openid: string }) => s.openid)
    expect(ids).toEqual(expect.arrayContaining(['demo-staff', 'demo-staff-tangmen']))
    expect(ids).not.toContain('demo-resident')
    expect(new Set(ids).size).toBe(ids.length)
    for (const s of page.items) expect(s.communityIds.length).toBeGreaterThan(0)
    const one = await h.userOk('demo-admin', 'listStaff', { pageSize: 1 })
    expect(one).toMatchObject({ pageSize: 1, hasMore: true })
    expect(one.items).toHaveLength(1)
  })

  it('is for admins only, and validates paging', async () => {
    expect(await h.user('demo-staff', 'listStaff', {})).toMatchObject({ ok: false, code: 'ROLE_REQUIRED' })
    expect(await h.user('demo-admin', 'listStaff', { pageSize: 50 })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  })
})
