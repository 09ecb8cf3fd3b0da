// The 4 o'clock school's attendance (issue 11, part C), against the real emulator and the real SDK: check-in,
// check-out with the authorised adult's code, the lock, staff's release, leave, a cancelled day, the guardian's day.
import { PICKUP_LOCK_MINUTES, PICKUP_WRONG_LIMIT } from '../../src/contracts/school/rules'
import { SCH_CHILDREN, SCH_SESSIONS } from '../../cloud/domain/school/model'
import { nowMs } from '../../cloud/lib/dates'
import { startHarness, type Harness } from './helpers'
import { resident, staffOf, volunteer } from './wishFixtures'
import { assignedVolunteer, entryOf, guardian, stageChild, stageSession, type StagedChild } from './schoolFixturesC'
import { sch, schOk } from './schoolFixtures'
import { chinaToday, inDays } from '../clock'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h?.close()
})

const STAFF = staffOf('军门社区')
const today = () => chinaToday()
const key = (d: string) => d.replace(/-/g, '')

async function enrolledChild(over: Parameters<typeof stageSession>[2] = {}): Promise<{ sessionId: string; c: StagedChild; g: { openid: string; familyId: string } }> {
  const g = await guardian(h)
  const c = await stageChild(h, g)
  const sessionId = await stageSession(h, [entryOf(c)], over)
  return { sessionId, c, g }
}

async function record(sessionId: string, childId: string, day = today()): Promise<any> {
  const [s] = await h.find(SCH_SESSIONS, { _id: sessionId })
  return s.days?.[key(day)]?.[childId]
}

describe('check-in', () => {
  it('records the arrival once: a repeat answers the first, by staff or an assigned volunteer', async () => {
    const { sessionId, c } = await enrolledChild()
    const v = await assignedVolunteer(h)
    const first = await schOk(h, v, 'checkInChild', { sessionId, childId: c.childId })
    expect(first).toMatchObject({ repeated: false, day: today() })
    const again = await schOk(h, STAFF, 'checkInChild', { sessionId, childId: c.childId })
    expect(again).toMatchObject({ repeated: true, record: { arrivedAt: first.record.arrivedAt } })
    const r = await record(sessionId, c.childId)
    expect(r.arrivedBy).toBe(v)
    expect(r.rids).toHaveLength(1)
  })

  it('refuses an unassigned volunteer, a resident, staff of another community, and a day that is not a session day', async () => {
    const { sessionId, c } = await enrolledChild()
    const stranger = await volunteer(h)
    expect(await sch(h, stranger, 'checkInChild', { sessionId, childId: c.childId })).toMatchObject({ ok: false, code: 'ROLE_REQUIRED' })
    expect(await sch(h, await resident(h), 'checkInChild', { sessionId, childId: c.childId })).toMatchObject({ ok: false, code: 'ROLE_REQUIRED' })
    expect(await sch(h, staffOf('汤门社区'), 'checkInChild', { sessionId, childId: c.childId })).toMatchObject({ ok: false, code: 'SCOPE_DENIED' })
    const weekday = new Date(`${today()}T00:00:00Z`).getUTCDay() || 7
    const other = await enrolledChild({ weekdays: [((weekday % 7) + 1) as 1] })
    const res = await sch(h, STAFF, 'checkInChild', { sessionId: other.sessionId, childId: other.c.childId })
    expect(res).toMatchObject({ ok: false, code: 'INVALID_STATE' })
    expect(!res.ok && res.message).toContain('不是上课日')
    expect(await record(sessionId, c.childId)).toBeUndefined()
  })

  it('a child on leave may still arrive: both are kept', async () => {
    const { sessionId, c, g } = await enrolledChild()
    await schOk(h, g.openid, 'reportLeave', { sessionId, childId: c.childId, day: today(), reason: '看牙' })
    await schOk(h, STAFF, 'checkInChild', { sessionId, childId: c.childId })
    const r = await record(sessionId, c.childId)
    expect(r.leave).toMatchObject({ role: 'guardian', reason: '看牙' })
    expect(r.arrivedAt).toBeTruthy()
  })
})

describe('check-out', () => {
  it('lets the listed adult with the right code take the child, once', async () => {
    const { sessionId, c, g } = await enrolledChild()
    const v = await assignedVolunteer(h)
    await schOk(h, v, 'checkInChild', { sessionId, childId: c.childId })
    const rid = `t-out-${Date.now()}`
    const out = await schOk(h, v, 'checkOutChild', { sessionId, childId: c.childId, adultId: c.adult.id, code: c.adult.code }, rid)
    expect(out).toMatchObject({ outcome: 'picked_up', by: { name: c.adult.name, relation: '祖母' }, repeated: false })
    expect(await schOk(h, v, 'checkOutChild', { sessionId, childId: c.childId, adultId: c.adult.id, code: c.adult.code }, rid)).toMatchObject({ outcome: 'picked_up', repeated: true })
    const second = await sch(h, STAFF, 'checkOutChild', { sessionId, childId: c.childId, adultId: c.adult.id, code: c.adult.code })
    expect(second).toMatchObject({ ok: false, code: 'INVALID_STATE' })
    const day = await schOk(h, g.openid, 'childDay', { childId: c.childId })
    expect(day.items[0].record).toMatchObject({ pickedUpBy: { name: c.adult.name, relation: '祖母' } })
    expect(day.items[0].record.pickedUpAt).toBeTruthy()
  })

  it('refuses before check-in', async () => {
    const { sessionId, c } = await enrolledChild()
    expect(await sch(h, STAFF, 'checkOutChild', { sessionId, childId: c.childId, adultId: c.adult.id, code: c.adult.code })).toMatchObject({
      ok: false,
      code: 'INVALID_STATE',
      message: expect.stringContaining('还没有签到'),
    })
  })

  it('refuses an unlisted adult and a wrong code: staff get the guardian phone, volunteers are told to ask staff', async () => {
    const { sessionId, c } = await enrolledChild()
    const v = await assignedVolunteer(h)
    await schOk(h, STAFF, 'checkInChild', { sessionId, childId: c.childId })
    const unlisted = await schOk(h, STAFF, 'checkOutChild', { sessionId, childId: c.childId, adultId: 'ad-nobody', code: '1234' })
    expect(unlisted).toMatchObject({ outcome: 'refused', reason: 'adult_not_listed', guardianPhone: c.phone, canRelease: true })
    const wrong = await schOk(h, v, 'checkOutChild', { sessionId, childId: c.childId, adultId: c.adult.id, code: '9999' })
    expect(wrong).toMatchObject({ outcome: 'refused', reason: 'wrong_code', triesLeft: PICKUP_WRONG_LIMIT - 1, contact: '请联系工作人员', canRelease: false })
    expect(JSON.stringify(wrong)).not.toContain(c.phone)
    expect(JSON.stringify(wrong)).not.toContain(c.adult.code)
    expect((await record(sessionId, c.childId)).pickedUpAt).toBeUndefined()
  })

  it(`locks code entry after ${PICKUP_WRONG_LIMIT} wrong codes for ${PICKUP_LOCK_MINUTES} minutes; staff may release meanwhile, and the guardian sees it`, async () => {
    const { sessionId, c, g } = await enrolledChild()
    await schOk(h, STAFF, 'checkInChild', { sessionId, childId: c.childId })
    const retried = `t-wrong-${Date.now()}`
    await schOk(h, STAFF, 'checkOutChild', { sessionId, childId: c.childId, adultId: c.adult.id, code: '0000' }, retried)
    // The same call retried counts once.
    expect(await schOk(h, STAFF, 'checkOutChild', { sessionId, childId: c.childId, adultId: c.adult.id, code: '0000' }, retried)).toMatchObject({ triesLeft: 2 })
    await schOk(h, STAFF, 'checkOutChild', { sessionId, childId: c.childId, adultId: c.adult.id, code: '0001' })
    const third = await schOk(h, STAFF, 'checkOutChild', { sessionId, childId: c.childId, adultId: c.adult.id, code: '0002' })
    expect(third).toMatchObject({ outcome: 'refused', reason: 'locked', guardianPhone: c.phone })
    const until = new Date(third.lockedUntil).getTime()
    expect(Math.abs(until - (nowMs() + PICKUP_LOCK_MINUTES * 60_000))).toBeLessThan(30_000)
    // Even the right code is refused while locked.
    expect(await schOk(h, STAFF, 'checkOutChild', { sessionId, childId: c.childId, adultId: c.adult.id, code: c.adult.code })).toMatchObject({ outcome: 'refused', reason: 'locked' })
    const [child] = await h.find(SCH_CHILDREN, { _id: c.childId })
    expect(child.pickupLock.wrong).toBe(PICKUP_WRONG_LIMIT)
    expect((await schOk(h, STAFF, 'checkoutOptions', { sessionId, childId: c.childId })).lockedUntil).toBe(third.lockedUntil)

    // A volunteer may not release; staff do, after phoning, with a reason.
    const v = await assignedVolunteer(h)
    expect(await sch(h, v, 'releaseChild', { sessionId, childId: c.childId, reason: '已电话确认' })).toMatchObject({ ok: false, code: 'ROLE_REQUIRED' })
    const rel = await schOk(h, STAFF, 'releaseChild', { sessionId, childId: c.childId, reason: '已电话联系妈妈确认，由舅舅接走' })
    expect(rel.record.release).toMatchObject({ reason: '已电话联系妈妈确认，由舅舅接走' })
    const seen = await schOk(h, g.openid, 'childDay', { childId: c.childId })
    expect(seen.items[0].record.release).toMatchObject({ reason: '已电话联系妈妈确认，由舅舅接走', staffName: expect.any(String) })
    expect(seen.items[0].record.release.staffName.length).toBeGreaterThan(0)
    expect(JSON.stringify(seen)).not.toContain(STAFF)
  })

  it('the lock ends after its minutes: the right code works again (clock moved)', async () => {
    const { sessionId, c } = await enrolledChild()
    await schOk(h, STAFF, 'checkInChild', { sessionId, childId: c.childId })
    for (const code of ['1111', '2222', '3333']) await schOk(h, STAFF, 'checkOutChild', { sessionId, childId: c.childId, adultId: c.adult.id, code })
    await h.emu.advanceClock(PICKUP_LOCK_MINUTES * 60_000 + 5_000)
    // The clock may have passed China's midnight: check in again (a no-op on the same day).
    await schOk(h, STAFF, 'checkInChild', { sessionId, childId: c.childId })
    const out = await schOk(h, STAFF, 'checkOutChild', { sessionId, childId: c.childId, adultId: c.adult.id, code: c.adult.code })
    expect(out).toMatchObject({ outcome: 'picked_up' })
    const [child] = await h.find(SCH_CHILDREN, { _id: c.childId })
    expect(child.pickupLock).toBeUndefined()
  })

  it('staff never release a child of their own family (four eyes)', async () => {
    const staffFamily = `fam-staff-${Date.now()}`
    await h.update('users', { _id: STAFF }, { school: { familyId: staffFamily } })
    try {
      const c = await stageChild(h, { openid: STAFF, familyId: staffFamily })
      const sessionId = await stageSession(h, [entryOf(c)])
      await schOk(h, STAFF, 'checkInChild', { sessionId, childId: c.childId })
      expect(await sch(h, STAFF, 'releaseChild', { sessionId, childId: c.childId, reason: '我自己接' })).toMatchObject({ ok: false, code: 'SELF_REVIEW' })
      expect((await schOk(h, STAFF, 'roster', { sessionId })).children[0].can).not.toContain('release')
    } finally {
      await h.update('users', { _id: STAFF }, { school: { familyId: '' } })
    }
  })
})

describe('leave', () => {
  it('a guardian reports leave for a coming day and withdraws it before the day begins; another guardian may not', async () => {
    const { sessionId, c, g } = await enrolledChild()
    const other = await guardian(h)
    const day = inDays(2)
    expect(await sch(h, other.openid, 'reportLeave', { sessionId, childId: c.childId, day })).toMatchObject({ ok: false, code: 'ROLE_REQUIRED' })
    const leave = await schOk(h, g.openid, 'reportLeave', { sessionId, childId: c.childId, day, reason: '家里有事' })
    expect(leave.record.leave).toMatchObject({ by: 'guardian', reason: '家里有事' })
    const roster = await schOk(h, STAFF, 'roster', { sessionId, day })
    expect(roster.children[0]).toMatchObject({ leave: { by: 'guardian', reason: '家里有事' }, can: ['cancelLeave'] })
    expect(roster.counts).toMatchObject({ enrolled: 1, onLeave: 1 })
    const listed = await schOk(h, g.openid, 'childDay', { childId: c.childId, day })
    expect(listed.items[0].can).toEqual(['cancelLeave'])
    await schOk(h, g.openid, 'cancelLeave', { sessionId, childId: c.childId, day })
    expect((await record(sessionId, c.childId, day)).leave).toBeUndefined()
    expect(await sch(h, g.openid, 'reportLeave', { sessionId, childId: c.childId, day: inDays(-1) })).toMatchObject({ ok: false, code: 'INVALID_STATE' })
    expect(await sch(h, g.openid, 'reportLeave', { sessionId, childId: c.childId, day: '2027-02-30' })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      message: expect.stringContaining('日期不存在'),
    })
    const [stored] = await h.find(SCH_SESSIONS, { _id: sessionId })
    expect(Object.keys(stored.days)).toEqual([key(day)])
  })

  it('staff mark leave for today; an unassigned resident cannot', async () => {
    const { sessionId, c } = await enrolledChild()
    const res = await schOk(h, STAFF, 'markLeave', { sessionId, childId: c.childId, reason: '生病' })
    expect(res.record.leave).toMatchObject({ by: 'staff', reason: '生病' })
    const r = await guardian(h)
    expect(await sch(h, r.openid, 'markLeave', { sessionId, childId: c.childId })).toMatchObject({ ok: false, code: 'ROLE_REQUIRED' })
  })
})

describe('a cancelled day', () => {
  it('notifies exactly the guardians of the enrolled children', async () => {
    const gs = await Promise.all([guardian(h), guardian(h), guardian(h), guardian(h)])
    const kids = await Promise.all(gs.map((g) => stageChild(h, g)))
    const sessionId = await stageSession(h, [entryOf(kids[0]), entryOf(kids[1]), entryOf(kids[2], 'waitlisted'), entryOf(kids[3], 'cancelled')])
    const day = inDays(3)
    const rid = `t-cancel-${Date.now()}`
    const res = await schOk(h, STAFF, 'cancelDay', { sessionId, day, reason: '台风停课' }, rid)
    expect(res).toMatchObject({ notified: 2, callList: [], repeated: false })
    expect(await schOk(h, STAFF, 'cancelDay', { sessionId, day, reason: '台风停课' }, rid)).toMatchObject({ notified: 0, repeated: true })
    const { messages } = await (await fetch(`${h.emu.url}/api/dev/messages`)).json()
    const told = messages.filter((m: any) => m.templateId === 'local-tpl-school-day-cancelled' && gs.some((g) => g.openid === m.touser)).map((m: any) => m.touser)
    expect(told.sort()).toEqual([gs[0].openid, gs[1].openid].sort())
    const roster = await schOk(h, STAFF, 'roster', { sessionId, day })
    expect(roster).toMatchObject({ notSessionDay: 'cancelled', notSessionDayText: expect.stringContaining('台风停课') })
    expect(roster.children[0].can).toEqual([])
    expect(await sch(h, gs[0].openid, 'reportLeave', { sessionId, childId: kids[0].childId, day })).toMatchObject({ ok: false, code: 'INVALID_STATE' })
    expect(await sch(h, staffOf('汤门社区'), 'cancelDay', { sessionId, day: inDays(4), reason: 'x' })).toMatchObject({ ok: false, code: 'SCOPE_DENIED' })
  })
})

describe("the guardian's days", () => {
  it('lists past days (absent when no arrival nor leave) and coming ones with 请假', async () => {
    const { sessionId, c, g } = await enrolledChild()
    await h.update(SCH_SESSIONS, { _id: sessionId }, { [`days.${key(inDays(-2))}.${c.childId}`]: { arrivedAt: new Date(nowMs() - 2 * 86_400_000), arrivedBy: STAFF } })
    const page = await schOk(h, g.openid, 'childDays', { childId: c.childId })
    expect(page.items).toHaveLength(14)
    const byDay = new Map(page.items.map((i: any) => [i.day, i]))
    expect(byDay.get(inDays(-2))).toMatchObject({ absent: false, record: { arrivedAt: expect.any(String) } })
    expect(byDay.get(inDays(-1))).toMatchObject({ absent: true })
    expect(byDay.get(inDays(3))).toMatchObject({ absent: false, can: ['reportLeave'] })
    expect(page.hasMore).toBe(true)
    const older = await schOk(h, g.openid, 'childDays', { childId: c.childId, page: 2 })
    expect(older.to < page.from).toBe(true)
    const stranger = await guardian(h)
    expect(await sch(h, stranger.openid, 'childDays', { childId: c.childId })).toMatchObject({ ok: false, code: 'ROLE_REQUIRED' })
  })
})
