// Part C on site: the roster (staff in scope, no phones), check-in by roster (idempotent, once under concurrency),
// walk-ins by name and by profile, the occurrence's code and the scan check-in (the window, the wrong day, someone
// not signed up), with each action's database requests.
import { occurrenceId } from '../../cloud/domain/elder/recurrence'
import { chinaDay } from '../../cloud/lib/dates'
import { ONSITE_MESSAGES as M } from '../../src/contracts/elder/rules'
import { testNow } from '../clock'
import { decodeQrPng } from '../support/qr'
import { entry, lastRequests, onceAt, stageActivity, stageOccurrence, stageProfile } from './elderFixturesC'
import { eld, eldOk } from './elderFixtures'
import { rid, startHarness, type Harness } from './helpers'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h?.close()
})

const MIN = 60_000
/** An activity running now: started 5 minutes ago, for an hour. */
async function runningNow(title = '合唱团') {
  const start = testNow() - 5 * MIN
  const a = await stageActivity(h, [onceAt(start)], { title })
  return { a, day: chinaDay(start) }
}

async function occDoc(activityId: string, day: string) {
  return (await h.find('eld_occurrences', { _id: occurrenceId(activityId, day) }))[0]
}

describe('the roster', () => {
  it('nothing stored: the empty roster of the computed occurrence, in 3 requests', async () => {
    const { a, day } = await runningNow()
    const r = await eldOk(h, 'demo-staff', 'roster', { activityId: a._id, day })
    expect(r).toMatchObject({ activityId: a._id, day, title: '合唱团', signups: [], walkIns: [], present: 0, cancelled: false, checkinOpen: true, capacity: 20, taken: 0 })
    expect(lastRequests(h, 'roster')).toBe(3)
  })

  it('names and who signed them up, never phones or ages; only to staff in scope', async () => {
    const { a, day } = await runningNow()
    const mother = await stageProfile(h, '林奶奶', { phone: '13800001111', age: 86 })
    await stageOccurrence(h, a, day, [
      entry('demo-resident', '林阿姨'),
      entry('demo-resident', '林奶奶', { personKey: `p:${mother._id}`, role: 'family' }),
      entry('demo-staff', '张爷爷', { personKey: 'p:paper-1', role: 'staff', byName: '郑社工' }),
      entry('demo-volunteer', '陈志远', { status: 'cancelled' }),
    ])
    const res = await eld(h, 'demo-staff', 'roster', { activityId: a._id, day })
    expect(res.ok).toBe(true)
    const raw = JSON.stringify(res)
    expect(raw).not.toContain('13800001111')
    expect(raw).not.toContain('13912345678')
    expect(raw).not.toMatch(/"age"|"phone"/)
    const r = (res as { data: any }).data
    expect(r.signups.map((s: any) => [s.name, s.role, s.byName, s.status])).toEqual([
      ['林阿姨', 'self', expect.any(String), 'signed_up'],
      ['林奶奶', 'family', expect.any(String), 'signed_up'],
      ['张爷爷', 'staff', '郑社工', 'signed_up'],
      ['陈志远', 'self', expect.any(String), 'cancelled'],
    ])
    const resident = (await h.find('users', { _id: 'demo-resident' }))[0]
    expect(r.signups[0].byName).toBe(resident.nickname)
    // Signers without `byName` cost one read of their users.
    expect(lastRequests(h, 'roster')).toBe(4)

    expect(await eld(h, 'demo-resident', 'roster', { activityId: a._id, day })).toMatchObject({ ok: false, code: 'ROLE_REQUIRED' })
    expect(await eld(h, 'demo-staff-tangmen', 'roster', { activityId: a._id, day })).toMatchObject({ ok: false, code: 'SCOPE_DENIED' })
    expect(await eld(h, 'demo-staff', 'roster', { activityId: a._id, day: '2020-01-01' })).toMatchObject({ ok: false, code: 'NOT_FOUND', message: M.notAnOccurrence })
    expect(await eld(h, 'demo-staff', 'roster', { activityId: a._id, day: '1/1' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(await eld(h, 'demo-staff', 'roster', { activityId: a._id, day: '2026-02-30' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  })
})

describe('check-in by the roster', () => {
  it('ticks a name once: a repeat answers the first, with the store counting one person present', async () => {
    const { a, day } = await runningNow()
    await stageOccurrence(h, a, day, [entry('demo-resident', '林阿姨'), entry('demo-volunteer', '陈志远')])
    const first = await eldOk(h, 'demo-staff', 'checkIn', { activityId: a._id, day, index: 1, personKey: 'u:demo-volunteer' })
    expect(first).toMatchObject({ index: 1, name: '陈志远', checkinMethod: 'roster', repeated: false })
    expect(lastRequests(h, 'checkIn')).toBe(3)
    const again = await eldOk(h, 'demo-staff', 'checkIn', { activityId: a._id, day, index: 1, personKey: 'u:demo-volunteer' })
    expect(again).toMatchObject({ repeated: true, checkedInAt: first.checkedInAt })
    const doc = await occDoc(a._id, day)
    expect(doc.signups[1]).toMatchObject({ checkedInBy: 'demo-staff', checkinMethod: 'roster' })
    expect(doc.signups[0].checkedInAt).toBeUndefined()
    expect(doc.checkins).toBe(1)
    expect(doc.untallied).toEqual(expect.any(String))
    const r = await eldOk(h, 'demo-staff', 'roster', { activityId: a._id, day })
    expect(r.present).toBe(1)
    expect(r.signups[1]).toMatchObject({ checkedInAt: first.checkedInAt, checkinMethod: 'roster' })
  })

  it('ten ticks at once check in once', async () => {
    const { a, day } = await runningNow()
    await stageOccurrence(h, a, day, [entry('demo-resident', '林阿姨')])
    const all = await Promise.all(Array.from({ length: 10 }, () => eldOk(h, 'demo-staff', 'checkIn', { activityId: a._id, day, index: 0, personKey: 'u:demo-resident' })))
    expect(all.filter((x) => !x.repeated)).toHaveLength(1)
    expect(new Set(all.map((x) => x.checkedInAt)).size).toBe(1)
    expect((await occDoc(a._id, day)).checkins).toBe(1)
  })

  it('refuses a changed list, a cancelled sign-up, their own name, another community, and outside the window', async () => {
    const { a, day } = await runningNow()
    await stageOccurrence(h, a, day, [entry('demo-resident', '林阿姨'), entry('demo-volunteer', '陈志远', { status: 'cancelled' }), entry('demo-staff', '郑社工')])
    const tick = (who: string, index: number, personKey: string) => eld(h, who, 'checkIn', { activityId: a._id, day, index, personKey })
    expect(await tick('demo-staff', 0, 'u:someone-else')).toMatchObject({ ok: false, code: 'INVALID_STATE', message: M.noSuchSignup })
    expect(await tick('demo-staff', 7, 'u:demo-resident')).toMatchObject({ ok: false, code: 'INVALID_STATE' })
    expect(await tick('demo-staff', 1, 'u:demo-volunteer')).toMatchObject({ ok: false, code: 'INVALID_STATE', message: M.signupCancelled })
    expect(await tick('demo-staff', 2, 'u:demo-staff')).toMatchObject({ ok: false, code: 'SELF_REVIEW' })
    expect(await tick('demo-staff-tangmen', 0, 'u:demo-resident')).toMatchObject({ ok: false, code: 'SCOPE_DENIED' })
    expect(await tick('demo-resident', 0, 'u:demo-resident')).toMatchObject({ ok: false, code: 'ROLE_REQUIRED' })
    const later = await stageActivity(h, [onceAt(testNow() + 2 * 86_400_000)])
    const laterDay = chinaDay(testNow() + 2 * 86_400_000)
    await stageOccurrence(h, later, laterDay, [entry('demo-resident', '林阿姨')])
    expect(await eld(h, 'demo-staff', 'checkIn', { activityId: later._id, day: laterDay, index: 0, personKey: 'u:demo-resident' })).toMatchObject({
      ok: false,
      code: 'INVALID_STATE',
      message: M.checkinNotOpen,
    })
    expect((await occDoc(a._id, day)).checkins).toBeUndefined()
  })
})

describe('walk-ins', () => {
  it('by name: the first write stores the occurrence with the walk-in; a retry adds nothing', async () => {
    const { a, day } = await runningNow()
    const requestId = rid()
    const w = await eldOk(h, 'demo-staff', 'addWalkIn', { activityId: a._id, day, name: ' 赵大爷 ' }, requestId)
    expect(w).toMatchObject({ walkIn: { name: '赵大爷' }, repeated: false })
    expect(lastRequests(h, 'addWalkIn')).toBe(4)
    expect(await eldOk(h, 'demo-staff', 'addWalkIn', { activityId: a._id, day, name: '赵大爷' }, requestId)).toMatchObject({ repeated: true, walkIn: { at: w.walkIn.at } })
    const doc = await occDoc(a._id, day)
    expect(doc.walkIns).toHaveLength(1)
    expect(doc).toMatchObject({ checkins: 1, communityId: 'junmen', untallied: expect.any(String) })
    // A second walk-in on the stored occurrence: 3 requests.
    await eldOk(h, 'demo-staff', 'addWalkIn', { activityId: a._id, day, name: '钱奶奶' })
    expect(lastRequests(h, 'addWalkIn')).toBe(3)
    const r = await eldOk(h, 'demo-staff', 'roster', { activityId: a._id, day })
    expect(r.walkIns.map((x: any) => x.name)).toEqual(['赵大爷', '钱奶奶'])
    expect(r.present).toBe(2)
  })

  it('by profile: a managed profile of the community, once; signed-up ones are ticked instead', async () => {
    const { a, day } = await runningNow()
    const paper = await stageProfile(h, '孙爷爷', { kind: 'staff', managers: [] })
    const signed = await stageProfile(h, '周奶奶')
    const elsewhere = await stageProfile(h, '吴爷爷', { communityId: 'tangmen' })
    await stageOccurrence(h, a, day, [entry('demo-resident', '周奶奶', { personKey: `p:${signed._id}`, role: 'family' })])
    const w = await eldOk(h, 'demo-staff', 'addWalkIn', { activityId: a._id, day, profileId: paper._id })
    expect(w.walkIn).toEqual({ name: '孙爷爷', profileId: paper._id, at: expect.any(String) })
    expect(lastRequests(h, 'addWalkIn')).toBe(4)
    expect(await eld(h, 'demo-staff', 'addWalkIn', { activityId: a._id, day, profileId: paper._id })).toMatchObject({ ok: false, code: 'INVALID_STATE', message: M.walkInTwice })
    expect(await eld(h, 'demo-staff', 'addWalkIn', { activityId: a._id, day, profileId: signed._id })).toMatchObject({ ok: false, message: M.walkInSignedUp })
    expect(await eld(h, 'demo-staff', 'addWalkIn', { activityId: a._id, day, profileId: elsewhere._id })).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: M.profileNotHere })
    expect(await eld(h, 'demo-staff', 'addWalkIn', { activityId: a._id, day })).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: M.walkInWho })
    expect(await eld(h, 'demo-staff', 'addWalkIn', { activityId: a._id, day, name: '某某', profileId: paper._id })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(await eld(h, 'demo-resident', 'addWalkIn', { activityId: a._id, day, name: '某某' })).toMatchObject({ ok: false, code: 'ROLE_REQUIRED' })
    expect(await eld(h, 'demo-staff-tangmen', 'addWalkIn', { activityId: a._id, day, name: '某某' })).toMatchObject({ ok: false, code: 'SCOPE_DENIED' })
    expect((await occDoc(a._id, day)).walkIns).toHaveLength(1)
    const raw = JSON.stringify(await eld(h, 'demo-staff', 'roster', { activityId: a._id, day }))
    expect(raw).not.toContain(paper.phone!)
  })
  it("the profiles to pick from: the community's active ones, names only, staff in scope", async () => {
    const p = await stageProfile(h, '冯奶奶', { communityId: 'jinjiang', phone: '13700007777', age: 90 })
    await stageProfile(h, '已归档', { communityId: 'jinjiang', status: 'archived' })
    const res = await eld(h, 'demo-admin', 'walkInProfiles', { communityId: 'jinjiang' })
    expect(res).toMatchObject({ ok: true, data: { items: [{ profileId: p._id, name: '冯奶奶', kind: 'family' }], hasMore: false } })
    expect(JSON.stringify(res)).not.toMatch(/13700007777|"age"|"phone"/)
    expect(lastRequests(h, 'walkInProfiles')).toBe(2)
    expect(h.emu.calls.at(-1)!.queries.some((q) => q.includes('SCAN'))).toBe(false)
    expect(await eld(h, 'demo-staff', 'walkInProfiles', { communityId: 'jinjiang' })).toMatchObject({ ok: false, code: 'SCOPE_DENIED' })
  })
})

describe("the occurrence's code and the scan check-in", () => {
  const pngAt = async (url: string) => Buffer.from(await (await fetch(url)).arrayBuffer())

  it('staff get a code opening the occurrence page whose scene finds the occurrence; the family checks in', async () => {
    const { a, day } = await runningNow()
    const mother = await stageProfile(h, '林奶奶')
    await stageOccurrence(h, a, day, [entry('demo-resident', '林奶奶', { personKey: `p:${mother._id}`, role: 'family' }), entry('demo-volunteer', '陈志远')])
    const code = await eldOk(h, 'demo-staff', 'occurrenceCode', { activityId: a._id, day })
    expect(lastRequests(h, 'occurrenceCode')).toBeLessThanOrEqual(4)
    expect(code.page).toBe('packages/elder/pages/occurrence/index')
    expect(code.scene.length).toBeLessThanOrEqual(32)
    expect(new URL(decodeQrPng(await pngAt(code.url))).hash).toBe(`#/packages/elder/pages/occurrence/index?scene=${code.scene}`)
    expect((await eldOk(h, 'demo-staff', 'occurrenceCode', { activityId: a._id, day })).scene).toBe(code.scene)

    // Someone not signed up is sent to the staff; the family member checks in her mother, once.
    expect(await eld(h, 'demo-volunteer-2', 'scanCheckIn', { scene: code.scene })).toMatchObject({ ok: false, code: 'INVALID_STATE', message: M.notSignedUp })
    const scan = await eldOk(h, 'demo-resident', 'scanCheckIn', { scene: code.scene })
    expect(scan).toMatchObject({ activityId: a._id, day, title: '合唱团', repeated: false, checkedIn: [{ personKey: `p:${mother._id}`, name: '林奶奶' }] })
    expect(lastRequests(h, 'scanCheckIn')).toBe(4)
    expect(await eldOk(h, 'demo-resident', 'scanCheckIn', { scene: code.scene })).toMatchObject({ repeated: true, checkedIn: [{ at: scan.checkedIn[0].at }] })
    const doc = await occDoc(a._id, day)
    expect(doc.signups[0]).toMatchObject({ checkinMethod: 'scan', checkedInBy: 'demo-resident' })
    expect(doc.signups[1].checkedInAt).toBeUndefined()
    expect(doc.checkins).toBe(1)
    expect(await eld(h, 'demo-resident', 'scanCheckIn', { scene: 'o-no-such-code' })).toMatchObject({ ok: false, code: 'NOT_FOUND', message: M.unknownCode })
    expect(await eld(h, 'demo-staff-tangmen', 'occurrenceCode', { activityId: a._id, day })).toMatchObject({ ok: false, code: 'SCOPE_DENIED' })
  })

  it('a code of an occurrence nobody signed up for stores it; the scan then finds no sign-up', async () => {
    const { a, day } = await runningNow()
    const code = await eldOk(h, 'demo-staff', 'occurrenceCode', { activityId: a._id, day })
    expect(await occDoc(a._id, day)).toMatchObject({ scene: code.scene, signups: [] })
    expect(await eld(h, 'demo-resident', 'scanCheckIn', { scene: code.scene })).toMatchObject({ ok: false, message: M.notSignedUp })
  })

  it('only from 30 minutes before the start to the end, and on the day', async () => {
    const scanAt = async (startMs: number, durationMin = 60) => {
      const a = await stageActivity(h, [onceAt(startMs, durationMin)])
      const day = chinaDay(startMs)
      await stageOccurrence(h, a, day, [entry('demo-resident', '林阿姨')])
      const { scene } = await eldOk(h, 'demo-staff', 'occurrenceCode', { activityId: a._id, day })
      return eld(h, 'demo-resident', 'scanCheckIn', { scene })
    }
    const t = testNow()
    const sameDay = (ms: number) => chinaDay(ms) === chinaDay(t)
    const early = t + 40 * MIN
    expect(await scanAt(early)).toMatchObject({ ok: false, code: 'INVALID_STATE', message: sameDay(early) ? M.checkinNotOpen : M.notOnDay })
    const over = t - 3 * 60 * MIN
    expect(await scanAt(over)).toMatchObject({ ok: false, code: 'INVALID_STATE', message: sameDay(over) ? M.checkinClosed : M.notOnDay })
    // Tomorrow's (or yesterday's) occurrence at this hour: the wrong day's code.
    expect(await scanAt(t + 86_400_000)).toMatchObject({ ok: false, code: 'INVALID_STATE', message: M.notOnDay })
    expect(await scanAt(t - 86_400_000)).toMatchObject({ ok: false, code: 'INVALID_STATE', message: M.notOnDay })
    // 25 minutes before the start: open.
    expect(await scanAt(t + 25 * MIN)).toMatchObject({ ok: true, data: { repeated: false } })
  })
})
