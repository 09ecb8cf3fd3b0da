// user function: communities, me, signUp, updateProfile — against the emulator, on the built bundle.
import { PRIVACY_VERSION } from '../../src/contracts'
import { newOpenid, rid, startHarness, type Harness } from './helpers'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h?.close()
})

function signUpInput(over: Record<string, unknown> = {}) {
  const junmen = h.communities.find((c) => c.name === '军门社区')!
  return { privacyAgreed: true, privacyVersion: PRIVACY_VERSION, communityId: junmen.id, gridId: junmen.grids[0]?.id, nickname: '王阿姨', ...over }
}

describe('listCommunities', () => {
  it('is public: a brand-new user gets every community with its grids', async () => {
    const res = await h.user(newOpenid(), 'listCommunities')
    expect(res.ok).toBe(true)
    if (!res.ok) return
    const names = res.data.communities.map((c: { name: string }) => c.name)
    expect(names).toEqual(expect.arrayContaining(['军门社区', '庆城社区', '汤门社区']))
    const junmen = res.data.communities.find((c: { name: string }) => c.name === '军门社区')
    expect(junmen).toMatchObject({ id: expect.any(String), street: expect.any(String), grids: expect.any(Array) })
  })
})

describe('me', () => {
  it('works before sign-up', async () => {
    const openid = newOpenid()
    const res = await h.user(openid, 'me')
    expect(res).toEqual({ ok: true, data: { openid, signedUp: false, roles: [], staffCommunityIds: [], volunteerStatus: 'none', largeFont: false } })
  })

  it('gives a resident their community and role', async () => {
    const me = await h.userOk('demo-resident', 'me')
    expect(me).toMatchObject({ openid: 'demo-resident', signedUp: true, roles: ['resident'], communityId: h.communityId('军门社区'), communityName: '军门社区', staffCommunityIds: [] })
  })

  it('gives an approved volunteer the volunteer role', async () => {
    const me = await h.userOk('demo-volunteer', 'me')
    expect(me.roles).toEqual(['resident', 'volunteer'])
    expect(me.volunteerStatus).toBe('approved')
  })

  it('gives staff their scope', async () => {
    const me = await h.userOk('demo-staff', 'me')
    expect(me.roles).toContain('staff')
    expect([...me.staffCommunityIds].sort()).toEqual([h.communityId('军门社区'), h.communityId('庆城社区')].sort())
  })

  it('gives the admin every community', async () => {
    const me = await h.userOk('demo-admin', 'me')
    expect(me.roles).toContain('admin')
    expect([...me.staffCommunityIds].sort()).toEqual(h.communities.map((c) => c.id).sort())
  })

  it("includes the user's own latest application with the phone unmasked", async () => {
    const me = await h.userOk('demo-applicant', 'me')
    expect(me.volunteerStatus).toBe('pending')
    expect(me.application).toMatchObject({ openid: 'demo-applicant', status: 'pending', communityName: '庆城社区' })
    expect(me.application.phone).toMatch(/^1\d{10}$/)
  })
})

describe('signUp', () => {
  it('signs a new user up to a community and grid', async () => {
    const openid = newOpenid()
    const input = signUpInput()
    const me = await h.userOk(openid, 'signUp', input)
    expect(me).toMatchObject({
      openid,
      signedUp: true,
      roles: ['resident'],
      nickname: '王阿姨',
      communityId: input.communityId,
      communityName: '军门社区',
      gridId: input.gridId,
      volunteerStatus: 'none',
    })
    if (input.gridId) expect(me.gridName).toBeTruthy()
    const again = await h.userOk(openid, 'me')
    expect(again).toEqual(me)
  })

  it('refuses a second sign-up (ALREADY_SIGNED_UP)', async () => {
    const res = await h.user('demo-resident', 'signUp', signUpInput())
    expect(res).toMatchObject({ ok: false, code: 'ALREADY_SIGNED_UP' })
  })

  it('refuses an outdated privacy guide version and writes nothing', async () => {
    const openid = newOpenid()
    const res = await h.user(openid, 'signUp', signUpInput({ privacyVersion: '2020-01-01' }))
    expect(res).toMatchObject({ ok: false, code: 'PRIVACY_NOT_AGREED' })
    expect(await h.count('users', { _id: openid })).toBe(0)
  })

  it.each([
    ['privacy not agreed', { privacyAgreed: false }, 'privacyAgreed'],
    ['empty nickname', { nickname: '   ' }, 'nickname'],
    ['long nickname', { nickname: '长'.repeat(21) }, 'nickname'],
    ['missing community', { communityId: undefined }, 'communityId'],
    ['community of wrong type', { communityId: 42 }, 'communityId'],
  ])('rejects bad input (%s) with field issues and writes nothing', async (_name, over, path) => {
    const openid = newOpenid()
    const res = await h.user(openid, 'signUp', signUpInput(over))
    expect(res.ok).toBe(false)
    if (res.ok) return
    expect(res.code).toBe('INVALID_INPUT')
    expect(res.message).toMatch(/[\u4e00-\u9fa5]/)
    expect(res.issues?.map((i) => i.path)).toContain(path)
    expect(await h.count('users', { _id: openid })).toBe(0)
  })

  it('rejects an unknown community and a grid of another community', async () => {
    const openid = newOpenid()
    const unknown = await h.user(openid, 'signUp', signUpInput({ communityId: 'no-such-community', gridId: undefined }))
    expect(unknown).toMatchObject({ ok: false, code: 'INVALID_INPUT', issues: [{ path: 'communityId' }] })
    const tangmen = h.communities.find((c) => c.name === '汤门社区')!
    const foreignGrid = tangmen.grids[0]?.id ?? 'no-such-grid'
    const wrongGrid = await h.user(openid, 'signUp', signUpInput({ gridId: foreignGrid }))
    expect(wrongGrid).toMatchObject({ ok: false, code: 'INVALID_INPUT', issues: [{ path: 'gridId' }] })
    expect(await h.count('users', { _id: openid })).toBe(0)
  })

  it('refuses a nickname that fails content security (CONTENT_RISKY) and writes nothing', async () => {
    const openid = newOpenid()
    const res = await h.user(openid, 'signUp', signUpInput({ nickname: '赌博达人' }))
    expect(res).toEqual({ ok: false, code: 'CONTENT_RISKY', message: expect.stringMatching(/[\u4e00-\u9fa5]/) })
    expect(await h.count('users', { _id: openid })).toBe(0)
  })

  it('requires a requestId', async () => {
    const openid = newOpenid()
    const res = await h.user(openid, 'signUp', signUpInput(), null)
    expect(res).toMatchObject({ ok: false, code: 'INVALID_INPUT', issues: [{ path: 'requestId' }] })
    expect(await h.count('users', { _id: openid })).toBe(0)
  })

  it('is idempotent: a retried sign-up gets the same answer, not ALREADY_SIGNED_UP', async () => {
    const openid = newOpenid()
    const requestId = rid()
    const first = await h.user(openid, 'signUp', signUpInput(), requestId)
    const retry = await h.user(openid, 'signUp', signUpInput(), requestId)
    expect(first.ok).toBe(true)
    expect(retry).toEqual(first)
    expect(await h.count('users', { _id: openid })).toBe(1)
  })
})

describe('updateProfile', () => {
  it('changes nickname, grid and large-font mode', async () => {
    const openid = newOpenid()
    const junmen = h.communities.find((c) => c.name === '军门社区')!
    await h.userOk(openid, 'signUp', signUpInput({ gridId: undefined }))
    const gridId = junmen.grids[junmen.grids.length - 1]?.id
    const me = await h.userOk(openid, 'updateProfile', { nickname: '  李叔叔 ', largeFont: true, ...(gridId ? { gridId } : {}) })
    expect(me).toMatchObject({ nickname: '李叔叔', largeFont: true, ...(gridId ? { gridId } : {}) })
    expect(await h.userOk(openid, 'me')).toEqual(me)
  })

  it('refuses a risky nickname (CONTENT_RISKY), changing nothing', async () => {
    const openid = newOpenid()
    await h.userOk(openid, 'signUp', signUpInput())
    expect(await h.user(openid, 'updateProfile', { nickname: '刷单王', largeFont: true })).toMatchObject({ ok: false, code: 'CONTENT_RISKY' })
    expect(await h.userOk(openid, 'me')).toMatchObject({ nickname: '王阿姨', largeFont: false })
  })

  it('refuses users who have not signed up (NOT_SIGNED_UP)', async () => {
    const res = await h.user(newOpenid(), 'updateProfile', { largeFont: true })
    expect(res).toMatchObject({ ok: false, code: 'NOT_SIGNED_UP' })
  })

  it("rejects bad input and a grid outside the user's community, changing nothing", async () => {
    const before = await h.find('users', { _id: 'demo-resident' })
    const bad = await h.user('demo-resident', 'updateProfile', { nickname: '', largeFont: 'yes' })
    expect(bad).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    if (!bad.ok) expect(bad.issues?.map((i) => i.path).sort()).toEqual(['largeFont', 'nickname'])
    const tangmen = h.communities.find((c) => c.name === '汤门社区')!
    const wrongGrid = await h.user('demo-resident', 'updateProfile', { gridId: tangmen.grids[0]?.id ?? 'no-such-grid' })
    expect(wrongGrid).toMatchObject({ ok: false, code: 'INVALID_INPUT', issues: [{ path: 'gridId' }] })
    expect(await h.find('users', { _id: 'demo-resident' })).toEqual(before)
  })
})
