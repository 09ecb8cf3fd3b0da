// The 4 o'clock school's demo data (`npm start`, cloud/emulator/seed/school.ts), through the real `school` and `user`
// functions: 林阿姨's family sees the enrolled child and the open offer, staff see the roster, the waitlist in order
// and the call list, 陈志远 sees masked names, the history shows on the guardian's days and the staff's figures, the
// workbench counts the offer once the tally job ran, and the stored counts agree with the entries.
import { HOLDING_STATUSES, type SessionStats } from '../../src/contracts/school'
import type { Workbench } from '../../src/contracts/workbench'
import { addDays, chinaInstant, nowMs } from '../../cloud/lib/dates'
import { isoWeekdayOf } from '../../src/contracts/weekdays'
import { chinaToday, testNow } from '../clock'
import { startHarness, type Harness } from './helpers'
import { guardianWithChildren, sch, schOk } from './schoolFixtures'

const TERM = 'demo-sch-term'
const LOTTERY = 'demo-sch-lottery'
const GUARDIAN = 'demo-resident'
const STAFF = 'demo-staff'
const VOLUNTEER = 'demo-volunteer'

let h: Harness
beforeAll(async () => {
  h = await startHarness({ poolSize: 1, schoolDemo: true })
})
afterAll(async () => {
  await h?.close()
})

describe('school demo data', () => {
  it('the stored counts are those of the entries: the term full with two waiting, the 摇号 with one family', async () => {
    const [term] = await h.find('sch_sessions', { _id: TERM })
    const holding = term.entries.filter((e: { status: string }) => HOLDING_STATUSES.includes(e.status as never)).length
    expect({ held: term.held, waiting: term.waiting }).toEqual({ held: holding, waiting: term.entries.filter((e: { status: string }) => e.status === 'waitlisted').length })
    expect({ held: term.held, capacity: term.capacity, waiting: term.waiting }).toEqual({ held: 3, capacity: 3, waiting: 2 })
    const offered = term.entries.filter((e: { status: string }) => e.status === 'offered')
    expect(offered).toHaveLength(1)
    expect(new Date(term.offerDue).getTime()).toBe(new Date(offered[0].offer.expiresAt).getTime())
    expect(term.untallied).toEqual(expect.any(String))
    const [lottery] = await h.find('sch_sessions', { _id: LOTTERY })
    expect({ held: lottery.held, waiting: lottery.waiting }).toEqual({ held: 0, waiting: lottery.lottery.entries.length })
  })

  it('each child was added after its guardian consented, and each entry carries its child as stored', async () => {
    const children = await h.find('sch_children', {})
    const sessions = await h.find('sch_sessions', {})
    for (const c of children) {
      const [consent] = await h.find('sch_consents', { _id: `${c.guardianOpenids[0]}_${c.consent.version}` })
      expect(new Date(consent.at).getTime()).toBe(new Date(c.consent.at).getTime())
      expect(new Date(consent.at).getTime()).toBeLessThan(new Date(c.createdAt).getTime())
      for (const e of sessions.flatMap((s: { entries: any[] }) => s.entries).filter((x: { childId: string }) => x.childId === c._id)) {
        expect({ familyId: e.familyId, ...e.child }).toEqual({
          familyId: c.familyId,
          name: c.name,
          gender: c.gender,
          grade: c.grade,
          allergy: !!c.healthNote,
          ...(c.healthNote ? { healthNote: c.healthNote } : {}),
        })
      }
    }
  })

  it('林阿姨 sees one grandchild enrolled and the other offered a place, to accept or decline, with two pick-up adults', async () => {
    const view = await schOk(h, GUARDIAN, 'familyView', {})
    const card = view.items.find((x: { session: { id: string } }) => x.session.id === TERM)
    expect(card.mine).toEqual([
      expect.objectContaining({ childName: '林小宇', status: 'enrolled', allowed: ['cancel'] }),
      expect.objectContaining({ childName: '林小悦', status: 'offered', allowed: ['accept', 'decline'] }),
    ])
    expect(new Date(card.mine[1].offerExpiresAt).getTime()).toBeGreaterThan(testNow())
    const mine = await schOk(h, GUARDIAN, 'myChildren', {})
    expect(mine.consented).toBe(true)
    const yu = mine.children.find((c: { name: string }) => c.name === '林小宇')
    expect(yu.healthNote).toBeTruthy()
    expect(yu.pickups).toHaveLength(2)
    for (const p of yu.pickups) expect(p.code).toMatch(/^\d{4}$/)
  })

  it('staff see the enrolled on the roster, the waitlist in positions 1..n and the offer on the call list', async () => {
    const roster = await schOk(h, STAFF, 'roster', { sessionId: TERM })
    expect(roster.viewer).toBe('staff')
    expect(roster.children.map((c: { name: string }) => c.name).sort()).toEqual(['林小宇', '王梓涵'].sort())
    expect(roster.children.find((c: { name: string }) => c.name === '林小宇')).toMatchObject({ allergy: true, healthNote: expect.any(String) })
    const waiting = await schOk(h, STAFF, 'sessionEnrolments', { sessionId: TERM, tab: 'waitlisted' })
    expect(waiting.rows.items.map((r: { position: number }) => r.position)).toEqual([1, 2])
    expect(waiting.counts).toMatchObject({ enrolled: 2, waitlisted: 2, offered: 1 })
    const calls = await schOk(h, STAFF, 'offerCallList', { sessionId: TERM })
    expect(calls.items).toEqual([expect.objectContaining({ name: '林小悦', phone: expect.stringMatching(/^1\d{10}$/) })])
  })

  it('陈志远, assigned to the station, sees the roster with masked names and no health note', async () => {
    const roster = await schOk(h, VOLUNTEER, 'roster', { sessionId: TERM })
    expect(roster.viewer).toBe('volunteer')
    expect(roster.children.map((c: { name: string }) => c.name).sort()).toEqual(['林*宇', '王*涵'].sort())
    for (const c of roster.children) expect(c.healthNote).toBeUndefined()
  })

  it("林小宇's days show arrivals and pick-ups, and today's record when today is a session day", async () => {
    const days = await schOk(h, GUARDIAN, 'childDays', { childId: 'demo-child-yu' })
    const today = chinaToday()
    const past = days.items.filter((i: { day: string }) => i.day < today)
    expect(past.length).toBeGreaterThan(0)
    expect(past.some((i: { record: { arrivedAt?: string; pickedUpBy?: unknown } }) => i.record.arrivedAt && i.record.pickedUpBy)).toBe(true)
    const roster = await schOk(h, STAFF, 'roster', { sessionId: TERM })
    if (!roster.notSessionDay) expect(roster.counts.onLeave + roster.counts.arrived).toBeGreaterThan(0)
  })

  it("staff's figures have the term's history: a rate, and the day 王梓涵 did not come", async () => {
    const stats: SessionStats = await schOk(h, STAFF, 'sessionStats', { sessionId: TERM })
    expect(stats).toMatchObject({ enrolled: 2, waitlisted: 2, offered: 1 })
    expect(stats.byDay.length).toBeGreaterThan(0)
    expect(stats.rate).toBeGreaterThan(0.8)
    expect(stats.noShows).toEqual([expect.objectContaining({ name: '王梓涵', days: 1 })])
  })

  it('the 摇号 is open with one family entered, its claim waiting for staff', async () => {
    const results = await schOk(h, GUARDIAN, 'lotteryResults', { sessionId: LOTTERY })
    expect(results).toMatchObject({ drawn: false, announcedNumber: '8273' })
    expect(results.session.windowOpen).toBe(true)
    const staff = await schOk(h, STAFF, 'sessionEnrolments', { sessionId: LOTTERY })
    expect(staff.tab).toBe('lottery')
    expect(staff.lottery.items).toEqual([expect.objectContaining({ no: 1, claim: 'gig_worker' })])
  })

  it('the tally job counts the offer and the claim on the workbench (the seed left them untallied)', async () => {
    await h.countNow({ reconcile: false })
    const [counter] = await h.find('counters', { _id: 'stats_schSessions_junmen' })
    expect(counter?.counts).toMatchObject({ offered: 1, claimsToVerify: 1 })
    const w: Workbench = await h.userOk(STAFF, 'workbench', {})
    const tiles = Object.fromEntries(w.queues.map((q) => [q.key, q.count]))
    expect(tiles).toMatchObject({ schoolOffers: 1, schoolClaims: 1 })
  })

  it('a new family joins the waitlist at position 3 (the session is full as stored)', async () => {
    const g = await guardianWithChildren(h, 1)
    const res = await sch(h, g.openid, 'enrol', { sessionId: TERM, childId: g.childIds[0] })
    expect(res).toMatchObject({ ok: true, data: { status: 'waitlisted', position: 3 } })
  })

  // Last in the file: the clock moves on (without the scheduler's runs) to the next session day's 17:00 China time.
  it("林小宇 goes home with his grandmother's code as 林阿姨 sees it (on a session day)", async () => {
    let day = chinaToday()
    while (isoWeekdayOf(day) > 5 || chinaInstant(day, '17:00').getTime() <= nowMs()) day = addDays(day, 1)
    await h.emu.advanceClock(chinaInstant(day, '17:00').getTime() - nowMs(), { fire: false })
    const roster = await schOk(h, STAFF, 'roster', { sessionId: TERM })
    expect(roster.notSessionDay).toBeFalsy()
    const row = roster.children.find((c: { name: string }) => c.name === '林小宇')
    if (row.can.includes('checkIn')) await schOk(h, STAFF, 'checkInChild', { sessionId: TERM, childId: 'demo-child-yu' })
    const yu = (await schOk(h, GUARDIAN, 'myChildren', {})).children.find((c: { name: string }) => c.name === '林小宇')
    const adult = yu.pickups[0]
    const res = await schOk(h, STAFF, 'checkOutChild', { sessionId: TERM, childId: 'demo-child-yu', adultId: adult.id, code: adult.code })
    expect(res).toMatchObject({ outcome: 'picked_up', by: { name: adult.name, relation: adult.relation } })
  })
})
