// Elder activities, part B (issue 12): sign-up for myself, a family elder or a staff-managed elder; capacity under
// concurrency; one per person; on behalf only for elders you manage (staff only in scope); managed profiles;
// privacy of phones and ages on raw answers; the budgets. Activities and profiles are staged in the store.
import { newOccurrenceDoc, occurrenceId, occurrenceOn } from '../../cloud/domain/elder/recurrence'
import { inDays, testNow } from '../clock'
import { rid, startHarness, type Harness } from './helpers'
import { resident, staffOf } from './wishFixtures'
import { stageActivity, stageProfile } from './elderFixturesB'
import { eld, eldOk } from './elderFixtures'

let h: Harness
beforeAll(async () => {
  h = await startHarness({ poolSize: 2 })
})
afterAll(async () => {
  await h?.close()
})

const STAFF = staffOf('军门社区')
const OTHER_STAFF = staffOf('汤门社区')
const occ = async (activityId: string, day: string) => (await h.find('eld_occurrences', { _id: occurrenceId(activityId, day) }))[0]

describe('signing up myself', () => {
  it('shows the occurrence, signs me up once, answers a retry with the first result, cancels and signs up again', async () => {
    const a = await stageActivity(h)
    const day = inDays(2)
    const me = await resident(h, '军门社区', '林阿姨')
    const before = await eldOk(h, me, 'occurrenceDetail', { activityId: a._id, day })
    expect(before).toMatchObject({ title: a.title, capacity: 20, placesLeft: 20, stored: false, cancelled: false })
    expect(before.candidates).toEqual([{ person: 'self', name: '林阿姨', status: 'none', allowed: ['signUp'] }])

    const requestId = rid()
    const first = await eldOk(h, me, 'signUp', { activityId: a._id, day, person: 'self', subscribed: true, stored: false }, requestId)
    expect(first).toEqual({ activityId: a._id, day, person: 'self', status: 'signed_up', placesLeft: 19 })
    expect(await eldOk(h, me, 'signUp', { activityId: a._id, day, person: 'self', subscribed: true, stored: false }, requestId)).toEqual(first)
    expect(await eld(h, me, 'signUp', { activityId: a._id, day, person: 'self' })).toMatchObject({ ok: false, code: 'INVALID_STATE' })
    let stored = await occ(a._id, day)
    expect(stored).toMatchObject({ taken: 1, communityId: a.communityId, day })
    expect(stored.signups).toEqual([expect.objectContaining({ personKey: `u:${me}`, name: '林阿姨', status: 'signed_up', by: me, role: 'self', subscribed: true })])
    expect(stored.untallied).toBeTruthy()

    const after = await eldOk(h, me, 'occurrenceDetail', { activityId: a._id, day })
    expect(after).toMatchObject({ placesLeft: 19, stored: true, candidates: [{ person: 'self', status: 'signed_up', role: 'self', allowed: ['cancelSignUp'] }] })

    const cancelId = rid()
    expect(await eldOk(h, me, 'cancelSignUp', { activityId: a._id, day, person: 'self' }, cancelId)).toMatchObject({ status: 'cancelled', placesLeft: 20 })
    expect(await eldOk(h, me, 'cancelSignUp', { activityId: a._id, day, person: 'self' }, cancelId)).toMatchObject({ status: 'cancelled', placesLeft: 20 })
    expect(await eld(h, me, 'cancelSignUp', { activityId: a._id, day, person: 'self' })).toMatchObject({ ok: false, code: 'INVALID_STATE' })
    expect((await occ(a._id, day)).taken).toBe(0)
    // The retried first sign-up still answers its first result, and does not sign me up again.
    expect(await eldOk(h, me, 'signUp', { activityId: a._id, day, person: 'self', subscribed: true }, requestId)).toMatchObject({ status: 'cancelled' })
    expect((await occ(a._id, day)).taken).toBe(0)

    expect(await eldOk(h, me, 'signUp', { activityId: a._id, day, person: 'self', subscribed: false, stored: true })).toMatchObject({ status: 'signed_up', placesLeft: 19 })
    stored = await occ(a._id, day)
    expect(stored.taken).toBe(1)
    expect(stored.signups).toHaveLength(1)
    expect(stored.signups[0]).toMatchObject({ status: 'signed_up', subscribed: false })
  })

  it('refuses a day the rule does not give, an activity without sign-up, one that started, a cancelled one, bad input', async () => {
    const weekly = await stageActivity(h, '军门社区', { kind: 'weekly', weekdays: [1] })
    const me = await resident(h)
    const notMonday = [1, 2, 3, 4, 5, 6, 7].map(inDays).find((d) => new Date(`${d}T00:00:00Z`).getUTCDay() !== 1)!
    expect(await eld(h, me, 'signUp', { activityId: weekly._id, day: notMonday, person: 'self' })).toMatchObject({ ok: false, code: 'NOT_FOUND', message: '这一天没有这个活动' })
    const open = await stageActivity(h, '军门社区', { signupRequired: false })
    expect(await eld(h, me, 'signUp', { activityId: open._id, day: inDays(1), person: 'self' })).toMatchObject({ ok: false, code: 'INVALID_STATE' })
    const past = await stageActivity(h)
    expect(await eld(h, me, 'signUp', { activityId: past._id, day: inDays(-1), person: 'self' })).toMatchObject({ ok: false, code: 'SIGNUP_CLOSED' })
    const cancelled = await stageActivity(h)
    const other = await resident(h)
    await eldOk(h, other, 'signUp', { activityId: cancelled._id, day: inDays(3), person: 'self', stored: false })
    await h.update('eld_occurrences', { _id: occurrenceId(cancelled._id, inDays(3)) }, { cancelled: { reason: '停电', by: STAFF, at: new Date() } })
    expect(await eld(h, me, 'signUp', { activityId: cancelled._id, day: inDays(3), person: 'self' })).toMatchObject({ ok: false, code: 'SIGNUP_CLOSED', message: '本次活动已取消' })
    expect((await eldOk(h, me, 'occurrenceDetail', { activityId: cancelled._id, day: inDays(3) })).candidates[0].allowed).toEqual([])
    expect(await eld(h, me, 'signUp', { activityId: 'nope', day: inDays(3), person: 'self' })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await eld(h, me, 'signUp', { activityId: cancelled._id, day: '3 号', person: 'self' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(await eld(h, me, 'signUp', { activityId: cancelled._id, day: inDays(3), person: 'mum' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  })

  it('a moved occurrence takes sign-ups until its new start, whatever time the rule gave it', async () => {
    const a = await stageActivity(h, '军门社区', { startTime: '00:00' })
    const today = inDays(0)
    const me = await resident(h)
    expect(await eld(h, me, 'signUp', { activityId: a._id, day: today, person: 'self', stored: false })).toMatchObject({ ok: false, code: 'SIGNUP_CLOSED' })
    const at = new Date(testNow())
    const moved = {
      ...newOccurrenceDoc(a, occurrenceOn(a, today)!, at),
      startAt: new Date(at.getTime() + 3600_000),
      endAt: new Date(at.getTime() + 7200_000),
      moved: { reason: '改到稍后', by: STAFF, at },
    }
    await h.insert('eld_occurrences', moved)
    expect(await eldOk(h, me, 'signUp', { activityId: a._id, day: today, person: 'self', stored: true })).toMatchObject({ status: 'signed_up', placesLeft: 19 })
  })

  it('50 concurrent sign-ups for 20 places: 20 taken, one each, the rest told it is full', async () => {
    const a = await stageActivity(h, '军门社区', { capacity: 20 })
    const day = inDays(4)
    const people = await Promise.all(Array.from({ length: 50 }, (_x, i) => resident(h, '军门社区', `长者${i}`)))
    const results = await Promise.all(people.map((p) => eld(h, p, 'signUp', { activityId: a._id, day, person: 'self', subscribed: true, stored: false })))
    expect(results.filter((r) => r.ok)).toHaveLength(20)
    const refused = results.filter((r) => !r.ok) as { code: string }[]
    expect(refused.map((r) => r.code).every((c) => c === 'SLOT_FULL' || c === 'CONFLICT')).toBe(true)
    expect(refused.filter((r) => r.code === 'SLOT_FULL').length).toBeGreaterThan(0)
    const stored = await occ(a._id, day)
    expect(stored.taken).toBe(20)
    expect(stored.signups).toHaveLength(20)
    expect(new Set(stored.signups.map((s: { personKey: string }) => s.personKey)).size).toBe(20)
    // One person, ten taps at once: one place.
    const b = await stageActivity(h)
    const one = await resident(h)
    await Promise.all(Array.from({ length: 10 }, () => eld(h, one, 'signUp', { activityId: b._id, day, person: 'self', stored: false })))
    expect((await occ(b._id, day)).signups).toHaveLength(1)
    expect((await occ(b._id, day)).taken).toBe(1)
  })
})

describe('on behalf', () => {
  it('a family member signs up only the elders they manage; staff any managed elder of their community, only in scope', async () => {
    const a = await stageActivity(h)
    const day = inDays(2)
    const daughter = await resident(h, '军门社区', '女儿小林')
    const stranger = await resident(h)
    const mum = await stageProfile(h, { managers: [daughter], name: '林妈妈', phone: '13900000001' })
    const paper = await stageProfile(h, { kind: 'staff', name: '陈阿公' })
    const tangmen = await stageProfile(h, { kind: 'staff', name: '汤门阿婆', community: '汤门社区' })

    const detail = await eldOk(h, daughter, 'occurrenceDetail', { activityId: a._id, day })
    expect(detail.candidates.map((c: { person: unknown }) => c.person)).toEqual(['self', { profileId: mum._id }])
    expect(await eld(h, stranger, 'signUp', { activityId: a._id, day, person: { profileId: mum._id } })).toMatchObject({ ok: false, code: 'SCOPE_DENIED' })
    expect(await eld(h, daughter, 'signUp', { activityId: a._id, day, person: { profileId: paper._id } })).toMatchObject({ ok: false, code: 'SCOPE_DENIED' })
    expect(await eldOk(h, daughter, 'signUp', { activityId: a._id, day, person: { profileId: mum._id }, subscribed: true, stored: false })).toMatchObject({
      status: 'signed_up',
      person: { profileId: mum._id },
    })
    expect(await eld(h, OTHER_STAFF, 'signUp', { activityId: a._id, day, person: { profileId: paper._id } })).toMatchObject({ ok: false, code: 'SCOPE_DENIED' })
    expect(await eld(h, STAFF, 'signUp', { activityId: a._id, day, person: { profileId: tangmen._id } })).toMatchObject({ ok: false, code: 'SCOPE_DENIED' })
    expect(await eldOk(h, STAFF, 'signUp', { activityId: a._id, day, person: { profileId: paper._id }, subscribed: true })).toMatchObject({ status: 'signed_up' })
    const stored = await occ(a._id, day)
    expect(stored.signups.map((s: any) => [s.personKey, s.name, s.role, s.by, s.subscribed])).toEqual([
      [`p:${mum._id}`, '林妈妈', 'family', daughter, true],
      [`p:${paper._id}`, '陈阿公', 'staff', STAFF, false],
    ])
    // 我的报名: the daughter sees the one she made, not staff's.
    const mine = await eldOk(h, daughter, 'mySignups', {})
    expect(mine.items.map((i: any) => [i.activityId, i.name, i.status])).toEqual([[a._id, '林妈妈', 'signed_up']])
    // Nobody else cancels her mother's place; she and staff in scope may.
    expect(await eld(h, stranger, 'cancelSignUp', { activityId: a._id, day, person: { profileId: mum._id } })).toMatchObject({ ok: false, code: 'SCOPE_DENIED' })
    expect(await eld(h, OTHER_STAFF, 'cancelSignUp', { activityId: a._id, day, person: { profileId: paper._id } })).toMatchObject({ ok: false, code: 'SCOPE_DENIED' })
    expect(await eldOk(h, daughter, 'cancelSignUp', { activityId: a._id, day, person: { profileId: mum._id } })).toMatchObject({ status: 'cancelled' })
    expect(await eldOk(h, STAFF, 'cancelSignUp', { activityId: a._id, day, person: { profileId: paper._id } })).toMatchObject({ status: 'cancelled' })
    expect((await occ(a._id, day)).taken).toBe(0)
  })
})

describe('managed profiles', () => {
  it('a family adds elders with the consent noted (required), up to the limit; archiving waits for future sign-ups', async () => {
    const son = await resident(h)
    expect(await eld(h, son, 'saveProfile', { name: '王伯', age: 80, consentNote: '' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(await eld(h, son, 'saveProfile', { name: '王伯', age: 12, consentNote: '本人同意' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    const requestId = rid()
    const p = await eldOk(h, son, 'saveProfile', { name: '王伯', age: 80, phone: '13900000002', consentNote: '本人口头同意' }, requestId)
    expect(await eldOk(h, son, 'saveProfile', { name: '王伯', age: 80, phone: '13900000002', consentNote: '本人口头同意' }, requestId)).toEqual(p)
    expect(p).toMatchObject({ kind: 'family', name: '王伯', age: 80, phone: '13900000002' })
    const edited = await eldOk(h, son, 'saveProfile', { profileId: p.id, name: '王伯伯', age: 81, consentNote: '本人口头同意' })
    expect(edited).toMatchObject({ name: '王伯伯', age: 81 })
    expect(edited.phone).toBeUndefined()
    expect(await eld(h, await resident(h), 'saveProfile', { profileId: p.id, name: '别人', age: 70, consentNote: '同意' })).toMatchObject({ ok: false, code: 'SCOPE_DENIED' })
    for (let i = 0; i < 5; i++) await eldOk(h, son, 'saveProfile', { name: `长辈${i}`, age: 70 + i, consentNote: '同意' })
    expect(await eld(h, son, 'saveProfile', { name: '第七位', age: 70, consentNote: '同意' })).toMatchObject({ ok: false, code: 'INVALID_STATE' })
    expect((await eldOk(h, son, 'myProfiles', {})).items).toHaveLength(6)

    const a = await stageActivity(h)
    await eldOk(h, son, 'signUp', { activityId: a._id, day: inDays(3), person: { profileId: p.id } })
    expect(await eld(h, son, 'archiveProfile', { profileId: p.id })).toMatchObject({ ok: false, code: 'INVALID_STATE', message: expect.stringContaining(inDays(3)) })
    await eldOk(h, son, 'cancelSignUp', { activityId: a._id, day: inDays(3), person: { profileId: p.id } })
    expect(await eldOk(h, son, 'archiveProfile', { profileId: p.id })).toMatchObject({ status: 'archived' })
    expect(await h.count('eld_profiles', { _id: p.id })).toBe(1)
    expect(await eld(h, son, 'signUp', { activityId: a._id, day: inDays(3), person: { profileId: p.id } })).toMatchObject({ ok: false, code: 'INVALID_STATE' })
    expect((await eldOk(h, son, 'myProfiles', {})).items).toHaveLength(5)
  })

  it('staff add staff-managed elders and list the community’s profiles with who manages whom, only in scope', async () => {
    const communityId = h.communityId('庆城社区')
    const grandson = await resident(h, '庆城社区', '外孙小郑')
    await eldOk(h, grandson, 'saveProfile', { name: '郑奶奶', age: 88, phone: '13900000003', consentNote: '本人同意' })
    const paper = await eldOk(h, STAFF, 'saveStaffProfile', { communityId, name: '许阿公', age: 90, consentNote: '纸质同意书已存档' })
    expect(paper).toMatchObject({ kind: 'staff', communityId })
    expect(await eld(h, OTHER_STAFF, 'saveStaffProfile', { communityId, name: '越权', age: 70, consentNote: '同意' })).toMatchObject({ ok: false, code: 'SCOPE_DENIED' })
    expect(await eld(h, grandson, 'saveStaffProfile', { communityId, name: '越权', age: 70, consentNote: '同意' })).toMatchObject({ ok: false, code: 'ROLE_REQUIRED' })
    const list = await eldOk(h, STAFF, 'staffProfiles', { communityId })
    expect(list.items.map((p: any) => [p.name, p.kind, p.managers])).toEqual(
      expect.arrayContaining([
        ['郑奶奶', 'family', ['外孙小郑']],
        ['许阿公', 'staff', []],
      ]),
    )
    expect(await eld(h, OTHER_STAFF, 'staffProfiles', { communityId })).toMatchObject({ ok: false, code: 'SCOPE_DENIED' })
  })
})

describe('privacy', () => {
  it('elders’ phones and ages reach only their managers and staff in scope (raw answers)', async () => {
    const a = await stageActivity(h, '汤门社区')
    const day = inDays(2)
    const niece = await resident(h, '汤门社区', '侄女')
    const neighbour = await resident(h, '汤门社区', '邻居')
    const aunt = await eldOk(h, niece, 'saveProfile', { name: '黄姑妈', age: 77, phone: '13912345678', consentNote: '本人同意' })
    await eldOk(h, niece, 'signUp', { activityId: a._id, day, person: { profileId: aunt.id }, subscribed: false })
    await eldOk(h, neighbour, 'signUp', { activityId: a._id, day, person: 'self' })
    const raws = [
      await eld(h, neighbour, 'occurrenceDetail', { activityId: a._id, day }),
      await eld(h, neighbour, 'mySignups', {}),
      await eld(h, neighbour, 'myProfiles', {}),
      await eld(h, neighbour, 'signUp', { activityId: a._id, day, person: { profileId: aunt.id } }),
      await eld(h, neighbour, 'archiveProfile', { profileId: aunt.id }),
      await eld(h, neighbour, 'callList', { day }),
      await eld(h, neighbour, 'staffProfiles', {}),
      await eld(h, STAFF, 'staffProfiles', { communityId: a.communityId }),
      await eld(h, STAFF, 'callList', { communityId: a.communityId, day }),
      await eld(h, niece, 'occurrenceDetail', { activityId: a._id, day }),
    ].map((r) => JSON.stringify(r))
    for (const raw of raws) {
      expect(raw).not.toContain('13912345678')
      expect(raw).not.toContain('"age":77')
    }
    expect(raws[9]).not.toContain('邻居')
    expect(JSON.stringify(await eldOk(h, niece, 'myProfiles', {}))).toContain('13912345678')
    const staffView = JSON.stringify(await eldOk(h, OTHER_STAFF, 'staffProfiles', { communityId: a.communityId }))
    expect(staffView).toContain('13912345678')
    expect(staffView).toContain('"age":77')
    const calls = await eldOk(h, OTHER_STAFF, 'callList', { communityId: a.communityId, day })
    expect(calls.lines).toEqual(expect.arrayContaining([expect.objectContaining({ name: '黄姑妈', phone: '13912345678', reason: 'unsubscribed' })]))
  })
})

describe('budgets', () => {
  it('a sign-up in 3 database requests (myself or a family elder, stored or not), staff’s for an elder in 4, every action ≤ 4, on indexes', async () => {
    const a = await stageActivity(h)
    const day = inDays(5)
    const first = await resident(h)
    const second = await resident(h)
    const daughter = await resident(h)
    const mum = await stageProfile(h, { managers: [daughter] })
    await eldOk(h, first, 'myProfiles', {}) // warm
    const start = h.emu.calls.length
    await eldOk(h, first, 'occurrenceDetail', { activityId: a._id, day })
    await eldOk(h, first, 'signUp', { activityId: a._id, day, person: 'self', stored: false })
    await eldOk(h, second, 'signUp', { activityId: a._id, day, person: 'self', stored: true })
    const familyAt = h.emu.calls.length
    await eldOk(h, daughter, 'signUp', { activityId: a._id, day, person: { profileId: mum._id }, stored: true })
    const paper = await stageProfile(h, { kind: 'staff', managers: [] })
    const staffAt = h.emu.calls.length
    await eldOk(h, STAFF, 'signUp', { activityId: a._id, day, person: { profileId: paper._id }, stored: true })
    await eldOk(h, daughter, 'mySignups', {})
    await eldOk(h, daughter, 'cancelSignUp', { activityId: a._id, day, person: { profileId: mum._id } })
    await eldOk(h, daughter, 'saveProfile', { name: '新长辈', age: 70, consentNote: '同意' })
    await eldOk(h, daughter, 'myProfiles', {})
    await eldOk(h, STAFF, 'staffProfiles', { communityId: a.communityId })
    await eldOk(h, STAFF, 'saveStaffProfile', { communityId: a.communityId, name: '纸质', age: 80, consentNote: '纸质同意' })
    await eldOk(h, STAFF, 'callList', { communityId: a.communityId, day })
    await eldOk(h, daughter, 'archiveProfile', { profileId: mum._id })
    const calls = h.emu.calls.slice(start).filter((c) => c.fn === 'elder')
    const table = calls.map((c) => [c.action, c.dbRequests])
    expect(table.slice(0, 3)).toEqual([
      ['occurrenceDetail', 4],
      ['signUp', 3],
      ['signUp', 3],
    ])
    // The family elder's: the profile and the activity side by side, then the write (no user read: the profile's
    // managers decide); staff for a staff-managed elder read their user too (their scope).
    expect(h.emu.calls.slice(familyAt).filter((c) => c.fn === 'elder')[0].dbRequests).toBe(3)
    expect(h.emu.calls.slice(staffAt).filter((c) => c.fn === 'elder')[0].dbRequests).toBe(4)
    for (const c of calls) {
      expect({ action: c.action, dbRequests: Math.min(c.dbRequests, 4) }).toEqual({ action: c.action, dbRequests: c.dbRequests })
      expect({ action: c.action, scans: c.queries.filter((q) => q.endsWith(':SCAN')) }).toEqual({ action: c.action, scans: [] })
      expect(c.responseBytes).toBeLessThanOrEqual(32 * 1024)
    }
    console.log('elder part B requests per action:', JSON.stringify(table))
  })
})
