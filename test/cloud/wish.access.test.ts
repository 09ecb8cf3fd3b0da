// wish function: who may do what where (roles, community scope), and privacy of contact details on RAW responses.
import { MAX_PROMISE_DAYS } from '../../src/contracts'
import { newOpenid, startHarness, type Harness } from './helpers'
import { claimedWish, day, openWish, pendingWish, resident, stored, volunteer, wishInput } from './wishFixtures'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h?.close()
})

describe('claim: who may claim', () => {
  it('refuses residents, pending applicants and strangers; nothing is written', async () => {
    const w = await openWish(h)
    const input = { wishId: w.id, promisedBy: day(2) }
    expect(await h.wish('demo-resident', 'claim', input)).toMatchObject({ ok: false, code: 'NOT_VOLUNTEER', message: expect.stringContaining('志愿者') })
    expect(await h.wish('demo-applicant', 'claim', input)).toMatchObject({ ok: false, code: 'NOT_VOLUNTEER' })
    expect(await h.wish(newOpenid(), 'claim', input)).toMatchObject({ ok: false, code: 'NOT_SIGNED_UP' })
    expect(await h.wish('demo-resident', 'claim', { ...input, unitName: '某某公司' })).toMatchObject({ ok: false, code: 'ROLE_REQUIRED' })
    expect(await h.wish('demo-volunteer', 'claim', { ...input, unitName: '某某公司' })).toMatchObject({ ok: false, code: 'ROLE_REQUIRED' })
    const doc = await stored(h, w.id)
    expect(doc.status).toBe('open')
    expect(doc.history).toHaveLength(2)
  })

  it('lets volunteers claim across the district, but staff claim for a unit only in their communities (SCOPE_DENIED)', async () => {
    const w = await openWish(h, '汤门社区')
    expect(await h.wish('demo-staff', 'claim', { wishId: w.id, promisedBy: day(2), unitName: '鼓楼供电共建小组' })).toMatchObject({ ok: false, code: 'SCOPE_DENIED' })
    expect((await stored(h, w.id)).status).toBe('open')
    expect(await h.wishOk('demo-volunteer', 'claim', { wishId: w.id, promisedBy: day(2) })).toMatchObject({ status: 'claimed' })
  })

  it('refuses a volunteer claiming their own wish (INVALID_STATE), unpublished wishes (WISH_NOT_OPEN / NOT_FOUND)', async () => {
    const own = (await h.wishOk('demo-volunteer', 'post', wishInput())).id
    await h.wishOk('demo-staff', 'review', { wishId: own, decision: 'approve' })
    expect(await h.wish('demo-volunteer', 'claim', { wishId: own, promisedBy: day(1) })).toMatchObject({ ok: false, code: 'INVALID_STATE' })
    await h.wishOk('demo-volunteer', 'cancel', { wishId: own })
    const p = await pendingWish(h)
    expect(await h.wish('demo-volunteer', 'claim', { wishId: p.id, promisedBy: day(1) })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await h.wish('demo-staff', 'claim', { wishId: p.id, promisedBy: day(1), unitName: '共建单位' })).toMatchObject({ ok: false, code: 'WISH_NOT_OPEN' })
    expect(await h.wish('demo-volunteer', 'claim', { wishId: 'no-such-wish', promisedBy: day(1) })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  })

  it('checks the promised date: not before today, not after the needed-by date (INVALID_INPUT), nothing written', async () => {
    const w = await openWish(h, '军门社区', { neededBy: day(5) })
    const v = await volunteer(h)
    const past = await h.wish(v, 'claim', { wishId: w.id, promisedBy: day(-1) })
    expect(past).toMatchObject({ ok: false, code: 'INVALID_INPUT', issues: [{ path: 'promisedBy' }] })
    const late = await h.wish(v, 'claim', { wishId: w.id, promisedBy: day(6) })
    expect(late).toMatchObject({ ok: false, code: 'INVALID_INPUT', issues: [{ path: 'promisedBy', message: expect.stringContaining(day(5)) }] })
    expect(await h.wish(v, 'claim', { wishId: w.id, promisedBy: '2026-02-30' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect((await stored(h, w.id)).status).toBe('open')
    expect(await h.wishOk(v, 'claim', { wishId: w.id, promisedBy: day(5) })).toMatchObject({ status: 'claimed', promisedBy: day(5) })
  })
})

describe('claim: a promise that always comes due', () => {
  it(`without a needed-by date, promises at most ${MAX_PROMISE_DAYS} days ahead (INVALID_INPUT), nothing written`, async () => {
    const w = await openWish(h, '军门社区', { neededBy: undefined })
    const v = await volunteer(h)
    for (const promisedBy of ['9999-12-31', day(MAX_PROMISE_DAYS + 1)]) {
      expect(await h.wish(v, 'claim', { wishId: w.id, promisedBy })).toMatchObject({
        ok: false,
        code: 'INVALID_INPUT',
        issues: [{ path: 'promisedBy', message: expect.stringContaining(day(MAX_PROMISE_DAYS)) }],
      })
    }
    expect((await stored(h, w.id)).status).toBe('open')
    expect(await h.wishOk(v, 'claim', { wishId: w.id, promisedBy: day(MAX_PROMISE_DAYS) })).toMatchObject({ status: 'claimed', promisedBy: day(MAX_PROMISE_DAYS) })
  })

  it('with a needed-by date further away, that date is the bound', async () => {
    const w = await openWish(h, '军门社区', { neededBy: day(MAX_PROMISE_DAYS + 10) })
    const v = await volunteer(h)
    expect(await h.wishOk(v, 'claim', { wishId: w.id, promisedBy: day(MAX_PROMISE_DAYS + 10) })).toMatchObject({ status: 'claimed' })
  })
})

describe('staff actions: role and scope', () => {
  it('review: residents and volunteers get ROLE_REQUIRED, staff of another community SCOPE_DENIED', async () => {
    const w = await pendingWish(h, '军门社区')
    expect(await h.wish('demo-resident', 'review', { wishId: w.id, decision: 'approve' })).toMatchObject({ ok: false, code: 'ROLE_REQUIRED' })
    expect(await h.wish('demo-volunteer', 'review', { wishId: w.id, decision: 'approve' })).toMatchObject({ ok: false, code: 'ROLE_REQUIRED' })
    expect(await h.wish(w.wisher, 'review', { wishId: w.id, decision: 'approve' })).toMatchObject({ ok: false, code: 'ROLE_REQUIRED' })
    expect(await h.wish('demo-staff-tangmen', 'review', { wishId: w.id, decision: 'approve' })).toMatchObject({ ok: false, code: 'SCOPE_DENIED', message: expect.stringContaining('社区') })
    expect((await stored(h, w.id)).status).toBe('pending_review')
    expect(await h.wishOk('demo-admin', 'review', { wishId: w.id, decision: 'approve' })).toMatchObject({ status: 'open' })
    expect(await h.wish('demo-staff', 'review', { wishId: w.id, decision: 'approve' })).toMatchObject({ ok: false, code: 'INVALID_STATE' })
  })

  it('hide, release, confirm-on-behalf: out-of-scope staff get SCOPE_DENIED, others ROLE_REQUIRED', async () => {
    const w = await claimedWish(h, '军门社区')
    await h.update('wishes', { _id: w.id }, { 'claim.promisedBy': day(-2) })
    expect(await h.wish('demo-staff-tangmen', 'hide', { wishId: w.id, reason: '不实' })).toMatchObject({ ok: false, code: 'SCOPE_DENIED' })
    expect(await h.wish('demo-staff-tangmen', 'release', { wishId: w.id, reason: '超期' })).toMatchObject({ ok: false, code: 'SCOPE_DENIED' })
    expect(await h.wish('demo-volunteer', 'hide', { wishId: w.id, reason: '不实' })).toMatchObject({ ok: false, code: 'ROLE_REQUIRED' })
    expect(await h.wish('demo-resident', 'release', { wishId: w.id, reason: '超期' })).toMatchObject({ ok: false, code: 'ROLE_REQUIRED' })
    expect((await stored(h, w.id)).status).toBe('claimed')
    await h.wishOk(w.claimant, 'fulfil', { wishId: w.id, note: '完成了' })
    expect(await h.wish('demo-staff-tangmen', 'confirm', { wishId: w.id })).toMatchObject({ ok: false, code: 'SCOPE_DENIED' })
    expect(await h.wish('demo-volunteer', 'confirm', { wishId: w.id })).toMatchObject({ ok: false, code: 'ROLE_REQUIRED' })
    expect(await h.wish(w.claimant, 'confirm', { wishId: w.id })).toMatchObject({ ok: false, code: 'ROLE_REQUIRED' })
    expect((await stored(h, w.id)).status).toBe('fulfilled')
  })

  it("queue and stats: staff only (ROLE_REQUIRED), in scope (SCOPE_DENIED); default scope is the caller's communities", async () => {
    const tangmen = await pendingWish(h, '汤门社区')
    const junmen = await pendingWish(h, '军门社区')
    for (const who of ['demo-resident', 'demo-volunteer', newOpenid()]) {
      expect(await h.wish(who, 'queue', { kind: 'pending' })).toMatchObject({ ok: false, code: 'ROLE_REQUIRED' })
      expect(await h.wish(who, 'stats', {})).toMatchObject({ ok: false, code: 'ROLE_REQUIRED' })
    }
    expect(await h.wish('demo-staff-tangmen', 'queue', { kind: 'pending', communityId: h.communityId('军门社区') })).toMatchObject({ ok: false, code: 'SCOPE_DENIED' })
    expect(await h.wish('demo-staff-tangmen', 'stats', { communityId: h.communityId('军门社区') })).toMatchObject({ ok: false, code: 'SCOPE_DENIED' })
    const ids = (await h.wishOk('demo-staff-tangmen', 'queue', { kind: 'pending' })).items.map((c: any) => c.id)
    expect(ids).toContain(tangmen.id)
    expect(ids).not.toContain(junmen.id)
    const staffIds = (await h.wishOk('demo-staff', 'queue', { kind: 'pending' })).items.map((c: any) => c.id)
    expect(staffIds).toContain(junmen.id)
    expect(staffIds).not.toContain(tangmen.id)
    const admin = (await h.wishOk('demo-admin', 'queue', { kind: 'pending' })).items.map((c: any) => c.id)
    expect(admin).toEqual(expect.arrayContaining([junmen.id, tangmen.id]))
    expect((await h.wishOk('demo-staff-tangmen', 'stats', {})).communityIds).toEqual([h.communityId('汤门社区')])
  })

  it('detail of an unpublished wish: the wisher and scoped staff only (others NOT_FOUND)', async () => {
    const w = await pendingWish(h, '军门社区')
    expect(await h.wish(w.wisher, 'detail', { wishId: w.id })).toMatchObject({ ok: true, data: { status: 'pending_review', viewer: { isWisher: true } } })
    expect(await h.wish('demo-staff', 'detail', { wishId: w.id })).toMatchObject({ ok: true, data: { viewer: { isStaff: true, canClaim: false } } })
    expect(await h.wish('demo-staff-tangmen', 'detail', { wishId: w.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await h.wish('demo-volunteer', 'detail', { wishId: w.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await h.wish('demo-resident', 'detail', { wishId: w.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  })
})

describe("privacy of the wisher's phone and address (raw responses)", () => {
  const contains = (res: unknown, w: { phone: string; address: string }) => {
    const text = JSON.stringify(res)
    return text.includes(w.phone) || text.includes(w.address)
  }

  it('never puts them in any list response, for anyone', async () => {
    const open = await openWish(h, '庆城社区')
    const claimed = await claimedWish(h, '庆城社区')
    await h.update('wishes', { _id: claimed.id }, { 'claim.promisedBy': day(-1) })
    const pending = await pendingWish(h, '庆城社区')
    await h.wishOk('demo-volunteer', 'report', { wishId: open.id, reason: '不实' })
    const all = [open, claimed, pending]
    const responses = await Promise.all([
      h.wish(open.wisher, 'wall', {}),
      h.wish(open.wisher, 'wall', { scope: 'district' }),
      h.wish('demo-staff', 'wall', { scope: 'district', status: 'claimed' }),
      h.wish(open.wisher, 'listMine', {}),
      h.wish(pending.wisher, 'listMine', {}),
      h.wish(claimed.claimant, 'listMyClaims', {}),
      h.wish('demo-staff', 'queue', { kind: 'pending' }),
      h.wish('demo-staff', 'queue', { kind: 'reported' }),
      h.wish('demo-staff', 'queue', { kind: 'overdue' }),
      h.wish('demo-admin', 'queue', { kind: 'pending' }),
      h.wish('demo-staff', 'stats', {}),
    ])
    for (const res of responses) expect(res).toMatchObject({ ok: true })
    // The lists did show these wishes (so the test is not vacuous)...
    const listed = JSON.stringify(responses)
    for (const w of all) expect(listed).toContain(w.id)
    // ...but no phone or address.
    for (const res of responses) for (const w of all) expect(contains(res, w)).toBe(false)
  })

  it('shows them in a detail only to the wisher, the current claimant after the claim, and scoped staff', async () => {
    const w = await openWish(h, '军门社区')
    const v = await volunteer(h)
    const other = await volunteer(h)
    const before = await Promise.all([h.wish(v, 'detail', { wishId: w.id }), h.wish('demo-resident', 'detail', { wishId: w.id })])
    for (const res of before) {
      expect(res).toMatchObject({ ok: true })
      expect(contains(res, w)).toBe(false)
      expect((res as any).data.contact).toBeUndefined()
    }
    expect((before[0] as any).data.viewer).toEqual({ isWisher: false, isClaimant: false, isStaff: false, canClaim: true, can: ['claim', 'report'] })
    const claim = await h.wish(v, 'claim', { wishId: w.id, promisedBy: day(2) })
    expect(contains(claim, w)).toBe(false)

    const allowed = await Promise.all([
      h.wish(w.wisher, 'detail', { wishId: w.id }),
      h.wish(v, 'detail', { wishId: w.id }),
      h.wish('demo-staff', 'detail', { wishId: w.id }),
      h.wish('demo-admin', 'detail', { wishId: w.id }),
    ])
    for (const res of allowed) expect(res).toMatchObject({ ok: true, data: { contact: { phone: w.phone, address: w.address } } })
    expect((allowed[1] as any).data.viewer).toMatchObject({ isClaimant: true, canClaim: false })

    const refused = await Promise.all([
      h.wish(other, 'detail', { wishId: w.id }),
      h.wish('demo-staff-tangmen', 'detail', { wishId: w.id }),
      h.wish('demo-resident', 'detail', { wishId: w.id }),
      h.wish('demo-volunteer', 'detail', { wishId: w.id }),
    ])
    for (const res of refused) {
      expect(res).toMatchObject({ ok: true })
      expect(contains(res, w)).toBe(false)
    }
    // After withdrawing, the former claimant no longer sees it.
    await h.wishOk(v, 'withdraw', { wishId: w.id, reason: '临时有事' })
    const after = await h.wish(v, 'detail', { wishId: w.id })
    expect(contains(after, w)).toBe(false)
    // Reasons in the timeline are for the people involved, not the public.
    expect(JSON.stringify(after)).not.toContain('临时有事')
    expect(JSON.stringify(await h.wish(w.wisher, 'detail', { wishId: w.id }))).toContain('临时有事')
  })

  it('never answers with an openid', async () => {
    const w = await claimedWish(h)
    const responses = await Promise.all([
      h.wish(w.wisher, 'detail', { wishId: w.id }),
      h.wish('demo-staff', 'detail', { wishId: w.id }),
      h.wish(w.claimant, 'listMyClaims', {}),
      h.wish(w.wisher, 'listMine', {}),
    ])
    for (const res of responses) {
      expect(JSON.stringify(res)).not.toContain(w.wisher)
      expect(JSON.stringify(res)).not.toContain(w.claimant)
    }
  })
})

describe('unsigned callers', () => {
  it('are refused every signed-up action with NOT_SIGNED_UP, writing nothing', async () => {
    const o = newOpenid()
    for (const [action, input] of [
      ['post', wishInput()],
      ['listMine', {}],
      ['listMyClaims', {}],
      ['report', { wishId: 'wish-demo-lock', reason: '不实' }],
      ['detail', { wishId: 'wish-demo-lock' }],
    ] as const) {
      expect(await h.wish(o, action, input)).toMatchObject({ ok: false, code: 'NOT_SIGNED_UP' })
    }
    expect(await h.count('wishes', { wisherOpenid: o })).toBe(0)
    expect(await h.emu.invoke('wish', { action: 'listMine', input: {} }, '')).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
  })
})

it("a second resident cannot cancel or confirm someone else's wish", async () => {
  const w = await openWish(h)
  const r = await resident(h)
  expect(await h.wish(r, 'cancel', { wishId: w.id })).toMatchObject({ ok: false, code: 'ROLE_REQUIRED' })
  expect(await h.wish(r, 'confirm', { wishId: w.id })).toMatchObject({ ok: false, code: 'ROLE_REQUIRED' })
  expect((await stored(h, w.id)).status).toBe('open')
})
