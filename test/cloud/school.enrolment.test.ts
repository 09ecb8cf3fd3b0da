// Enrolment (issue 11, part B), layer 1: the real school function and wx-server-sdk against the emulator.
// 先到先得 under concurrency (no oversell, positions 1..n without gap), a retried enrol, offers (a cancellation offers
// the first; the job after 24 h passes it on; accept after expiry refused; the job run twice acts once), staff
// removal and capacity, privacy on raw responses, and scope.
import { SCH_SESSIONS } from '../../cloud/domain/school/model'
import { clockOffset, setClockOffset } from '../../cloud/lib/dates'
import { rid, startHarness, type Harness } from './helpers'
import { resident, staffOf } from './wishFixtures'
import { runOfferJob, stageFamily, stageSession, storedSession, type Family } from './schoolFixturesB'
import { sch, schOk } from './schoolFixtures'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h?.close()
})

const STAFF = staffOf('军门社区')
const OTHER_STAFF = staffOf('汤门社区')

/** Moves the one clock forward (this process runs the emulator; its workers read the offset per invocation). */
function moveClock(ms: number): void {
  setClockOffset(clockOffset() + ms)
}

async function families(n: number, o: Parameters<typeof stageFamily>[1] = {}): Promise<Family[]> {
  const out: Family[] = []
  for (let i = 0; i < n; i++) out.push(await stageFamily(h, o))
  return out
}

describe('先到先得', () => {
  it('200 concurrent enrolments for 30 places: 30 enrolled, 170 waitlisted at 1..170, no oversell', async () => {
    const sessionId = await stageSession(h, { capacity: 30 })
    const fams = await families(200)
    const answers = await Promise.all(fams.map((f) => sch(h, f.guardian, 'enrol', { sessionId, childId: f.childIds[0] })))
    expect(answers.filter((a) => !a.ok)).toEqual([])
    const data = answers.map((a) => (a.ok ? a.data : null)!)
    expect(data.filter((d) => d.status === 'enrolled')).toHaveLength(30)
    const waiting = data.filter((d) => d.status === 'waitlisted')
    expect(waiting).toHaveLength(170)
    expect(waiting.map((d) => d.position).sort((a, b) => a - b)).toEqual(Array.from({ length: 170 }, (_, i) => i + 1))
    // The store: no oversell, the tallies moved with the entries, one entry per child.
    const s = await storedSession(h, sessionId)
    expect(s.held).toBe(30)
    expect(s.waiting).toBe(170)
    expect(s.entries.filter((e) => e.status === 'enrolled')).toHaveLength(30)
    expect(new Set(s.entries.map((e) => e.childId)).size).toBe(200)
    expect(s.rev).toBe(200)
    // Each family's view shows the same position as its answer.
    for (const [i, f] of fams.entries()) {
      if (i % 20) continue
      const view = await schOk(h, f.guardian, 'familyView', {})
      const mine = view.items.find((x: any) => x.session.id === sessionId).mine[0]
      expect({ status: mine.status, position: mine.position }).toEqual({ status: data[i].status, position: data[i].position })
    }
    // Staff see the waitlist in position order.
    const tab = await schOk(h, STAFF, 'sessionEnrolments', { sessionId, tab: 'waitlisted', page: 2 })
    expect(tab.rows.items.map((r: any) => r.position)).toEqual(Array.from({ length: 20 }, (_, i) => i + 21))
    expect(tab.counts).toMatchObject({ enrolled: 30, waitlisted: 170, offered: 0 })
  }, 300_000)

  it('a retried enrol (same requestId) answers its first result; a second enrol of the child is refused', async () => {
    const sessionId = await stageSession(h, { capacity: 1 })
    const [a, b] = await families(2)
    const requestId = rid()
    const first = await schOk(h, a.guardian, 'enrol', { sessionId, childId: a.childIds[0] }, requestId)
    const again = await Promise.all([1, 2, 3].map(() => schOk(h, a.guardian, 'enrol', { sessionId, childId: a.childIds[0] }, requestId)))
    expect(again).toEqual([first, first, first])
    expect(first).toMatchObject({ status: 'enrolled' })
    expect(await sch(h, a.guardian, 'enrol', { sessionId, childId: a.childIds[0] })).toMatchObject({ ok: false, code: 'INVALID_STATE', message: '孩子已报名这个班' })
    const rb = rid()
    const w = await schOk(h, b.guardian, 'enrol', { sessionId, childId: b.childIds[0] }, rb)
    expect(w).toMatchObject({ status: 'waitlisted', position: 1 })
    expect(await schOk(h, b.guardian, 'enrol', { sessionId, childId: b.childIds[0] }, rb)).toEqual(w)
    const s = await storedSession(h, sessionId)
    expect({ held: s.held, waiting: s.waiting, entries: s.entries.length }).toEqual({ held: 1, waiting: 1, entries: 2 })
  })

  it('refuses with a clear message: not a guardian, a grade outside, the window closed or not open, a 摇号 session', async () => {
    const sessionId = await stageSession(h, { grades: { min: 1, max: 3 } })
    const [f] = await families(1)
    const old = await stageFamily(h, { grades: [5] })
    const stranger = await resident(h)
    expect(await sch(h, stranger, 'enrol', { sessionId, childId: f.childIds[0] })).toMatchObject({ ok: false, code: 'ROLE_REQUIRED', message: '只有孩子的监护人才能为孩子报名' })
    expect(await sch(h, old.guardian, 'enrol', { sessionId, childId: old.childIds[0] })).toMatchObject({ ok: false, code: 'INVALID_STATE', message: '孩子的年级不在这个班的招收范围内' })
    const later = await stageSession(h, { opensInMs: 3600_000 })
    const over = await stageSession(h, { opensInMs: -7200_000, closesInMs: -3600_000 })
    for (const id of [later, over])
      expect(await sch(h, f.guardian, 'enrol', { sessionId: id, childId: f.childIds[0] })).toMatchObject({ ok: false, code: 'INVALID_STATE', message: '不在报名时间内' })
    const lottery = await stageSession(h, { mode: 'lottery' })
    expect(await sch(h, f.guardian, 'enrol', { sessionId: lottery, childId: f.childIds[0] })).toMatchObject({ ok: false, code: 'INVALID_STATE' })
    expect(await sch(h, f.guardian, 'enrol', { sessionId: 'nope', childId: f.childIds[0] })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await sch(h, f.guardian, 'enrol', { sessionId, childId: '' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    // Nothing written by any refusal.
    for (const id of [sessionId, later, over, lottery]) expect((await storedSession(h, id)).entries).toEqual([])
  })
})

describe('offers', () => {
  async function fullSession(places: number, waiting: number, subscribed = false) {
    const sessionId = await stageSession(h, { capacity: places })
    const fams = await families(places + waiting)
    for (const f of fams) await schOk(h, f.guardian, 'enrol', { sessionId, childId: f.childIds[0], subscribed })
    return { sessionId, fams }
  }

  it('a cancellation offers the place to the first on the waitlist; the job after 24 h passes it to the next; accept after expiry is refused; the job run twice acts once', async () => {
    const { sessionId, fams } = await fullSession(2, 3, true)
    const [a, , c, d, e] = fams
    const cancelled = await schOk(h, a.guardian, 'cancelEnrolment', { sessionId, childId: a.childIds[0] })
    expect(cancelled).toMatchObject({ status: 'cancelled' })
    let s = await storedSession(h, sessionId)
    expect(s.entries.map((x) => x.status)).toEqual(['cancelled', 'enrolled', 'offered', 'waitlisted', 'waitlisted'])
    expect({ held: s.held, waiting: s.waiting }).toEqual({ held: 2, waiting: 2 })
    expect(s.offerDue).toEqual(s.entries[2].offer!.expiresAt)
    // c is offered (and notified: subscribed), d moves up to 1.
    const cv = (await schOk(h, c.guardian, 'familyView', {})).items[0].mine[0]
    expect(cv).toMatchObject({ status: 'offered', allowed: ['accept', 'decline'] })
    expect(new Date(cv.offerExpiresAt).getTime() - Date.now()).toBeGreaterThan(23 * 3600_000)
    expect((await schOk(h, d.guardian, 'sessionDetail', { sessionId })).mine[0]).toMatchObject({ status: 'waitlisted', position: 1 })
    const { messages } = await (await fetch(`${h.emu.url}/api/dev/messages`)).json()
    expect(messages.filter((m: any) => m.touser === c.guardian)).toEqual([
      expect.objectContaining({ templateId: 'local-tpl-sch-offer', page: `packages/school/pages/family/index?sessionId=${sessionId}` }),
    ])
    // Staff's call list carries the guardian's phone.
    const calls = await schOk(h, STAFF, 'offerCallList', { sessionId })
    expect(calls.items).toEqual([expect.objectContaining({ childId: c.childIds[0], phone: c.phone })])
    expect(await sch(h, c.guardian, 'offerCallList', { sessionId })).toMatchObject({ ok: false, code: 'ROLE_REQUIRED' })

    // Nothing lapses yet: the job does nothing.
    expect((await runOfferJob(h)).done).toBe(0)
    // The one clock moves 24 h (the emulator and its function workers read it; no trigger fires by itself here).
    moveClock(24 * 3600_000 + 60_000)
    expect(await sch(h, c.guardian, 'acceptOffer', { sessionId, childId: c.childIds[0] })).toMatchObject({
      ok: false,
      code: 'OFFER_EXPIRED',
      message: '候补名额的确认时间已过，名额已顺延给下一位',
    })
    // The job passes c's lapsed offer to d; run again, it does nothing more.
    expect((await runOfferJob(h)).done).toBe(1)
    s = await storedSession(h, sessionId)
    expect(s.entries.map((x) => x.status)).toEqual(['cancelled', 'enrolled', 'expired', 'offered', 'waitlisted'])
    expect({ held: s.held, waiting: s.waiting }).toEqual({ held: 2, waiting: 1 })
    expect((await runOfferJob(h)).done).toBe(0)
    expect((await storedSession(h, sessionId)).rev).toBe(s.rev)
    expect(await sch(h, c.guardian, 'acceptOffer', { sessionId, childId: c.childIds[0] })).toMatchObject({ ok: false, code: 'OFFER_EXPIRED' })
    const after = (await (await fetch(`${h.emu.url}/api/dev/messages`)).json()).messages
    expect(after.filter((m: any) => m.touser === d.guardian)).toHaveLength(1)
    // d accepts in time (a retry answers the same); e moves to 1.
    const rq = rid()
    const acc = await schOk(h, d.guardian, 'acceptOffer', { sessionId, childId: d.childIds[0] }, rq)
    expect(acc).toMatchObject({ status: 'enrolled' })
    expect(await schOk(h, d.guardian, 'acceptOffer', { sessionId, childId: d.childIds[0] }, rq)).toEqual(acc)
    s = await storedSession(h, sessionId)
    expect(s.offerDue).toBeUndefined()
    expect((await schOk(h, e.guardian, 'familyView', {})).items[0].mine[0]).toMatchObject({ status: 'waitlisted', position: 1 })
  })

  it('an offer lapsed before the job ran: accept is refused; the late job expires it once, run twice', async () => {
    const { sessionId, fams } = await fullSession(1, 2)
    const [a, b, c] = fams
    await schOk(h, a.guardian, 'cancelEnrolment', { sessionId, childId: a.childIds[0] })
    const past = new Date(Date.now() - 60_000)
    await h.update(SCH_SESSIONS, { _id: sessionId }, { 'entries.1.offer.expiresAt': past, offerDue: past })
    expect(await sch(h, b.guardian, 'acceptOffer', { sessionId, childId: b.childIds[0] })).toMatchObject({ ok: false, code: 'OFFER_EXPIRED' })
    const [r1, r2] = [await runOfferJob(h), await runOfferJob(h)]
    expect([r1.done, r2.done]).toEqual([1, 0])
    const s = await storedSession(h, sessionId)
    expect(s.entries.map((x) => x.status)).toEqual(['cancelled', 'expired', 'offered'])
    expect((await schOk(h, c.guardian, 'acceptOffer', { sessionId, childId: c.childIds[0] })).status).toBe('enrolled')
    expect((await storedSession(h, sessionId)).offerDue).toBeUndefined()
  })

  it('a decline passes the place to the next; staff removal (with a reason) and more capacity offer places; never below held', async () => {
    const { sessionId, fams } = await fullSession(2, 4)
    const [a, b, c, d, e, f] = fams
    // Staff remove b with a reason: c is offered.
    expect(await sch(h, STAFF, 'removeEnrolment', { sessionId, childId: b.childIds[0], reason: '' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(await sch(h, OTHER_STAFF, 'removeEnrolment', { sessionId, childId: b.childIds[0], reason: '家长要求' })).toMatchObject({ ok: false, code: 'SCOPE_DENIED' })
    expect(await sch(h, a.guardian, 'removeEnrolment', { sessionId, childId: b.childIds[0], reason: '家长要求' })).toMatchObject({ ok: false, code: 'ROLE_REQUIRED' })
    await schOk(h, STAFF, 'removeEnrolment', { sessionId, childId: b.childIds[0], reason: '连续缺勤两周' })
    expect((await schOk(h, b.guardian, 'familyView', {})).items[0].mine[0]).toMatchObject({ status: 'removed', reason: '连续缺勤两周', allowed: [] })
    // c declines: d is offered.
    expect(await sch(h, c.guardian, 'cancelEnrolment', { sessionId, childId: c.childIds[0] })).toMatchObject({ ok: false, code: 'INVALID_STATE' })
    await schOk(h, c.guardian, 'declineOffer', { sessionId, childId: c.childIds[0] })
    let s = await storedSession(h, sessionId)
    expect(s.entries.map((x) => x.status)).toEqual(['enrolled', 'removed', 'declined', 'offered', 'waitlisted', 'waitlisted'])
    // Capacity: never below the places held; more places offer to e and f.
    expect(await sch(h, STAFF, 'setCapacity', { sessionId, capacity: 1 })).toMatchObject({ ok: false, code: 'INVALID_INPUT', issues: [{ path: 'capacity' }] })
    expect(await sch(h, OTHER_STAFF, 'setCapacity', { sessionId, capacity: 5 })).toMatchObject({ ok: false, code: 'SCOPE_DENIED' })
    const more = await schOk(h, STAFF, 'setCapacity', { sessionId, capacity: 5 })
    expect(more).toEqual({ sessionId, capacity: 5, held: 4, waiting: 0, offered: 2 })
    s = await storedSession(h, sessionId)
    expect(s.entries.map((x) => x.status)).toEqual(['enrolled', 'removed', 'declined', 'offered', 'offered', 'offered'])
    // A free place with an empty waitlist: a new family is enrolled at once.
    const [g] = await families(1)
    expect(await schOk(h, g.guardian, 'enrol', { sessionId, childId: g.childIds[0] })).toMatchObject({ status: 'enrolled' })
    expect((await storedSession(h, sessionId)).held).toBe(5)
    void [d, e, f]
  })
})

describe('privacy and scope on raw responses', () => {
  it('familyView and sessionDetail never carry another family’s child; staff out of scope are refused', async () => {
    const sessionId = await stageSession(h, { capacity: 1 })
    const a = await stageFamily(h, { names: ['王小明'], healthNote: '花生过敏' })
    const b = await stageFamily(h, { names: ['陈小红'] })
    await schOk(h, a.guardian, 'enrol', { sessionId, childId: a.childIds[0] })
    await schOk(h, b.guardian, 'enrol', { sessionId, childId: b.childIds[0] })
    const raw = (x: unknown) => JSON.stringify(x)
    const viewA = raw(await sch(h, a.guardian, 'familyView', {}))
    const detailA = raw(await sch(h, a.guardian, 'sessionDetail', { sessionId }))
    for (const r of [viewA, detailA]) {
      expect(r).toContain('王小明')
      expect(r).not.toContain('陈小红')
      expect(r).not.toContain(b.childIds[0])
      expect(r).not.toContain(b.familyId)
      expect(r).not.toContain(b.phone)
      expect(r).not.toContain('花生过敏')
    }
    const stranger = await resident(h)
    const other = raw(await sch(h, stranger, 'sessionDetail', { sessionId }))
    expect(other).not.toContain('王小明')
    expect(other).not.toContain('陈小红')
    expect(raw(await sch(h, stranger, 'familyView', {}))).not.toContain(sessionId)
    // Staff in scope see what care needs; out of scope, nothing.
    const staff = raw(await sch(h, STAFF, 'sessionEnrolments', { sessionId }))
    expect(staff).toContain('王小明')
    expect(staff).toContain('花生过敏')
    expect(staff).not.toContain(a.phone)
    for (const action of ['sessionEnrolments', 'offerCallList']) expect(await sch(h, OTHER_STAFF, action, { sessionId })).toMatchObject({ ok: false, code: 'SCOPE_DENIED' })
    expect(await sch(h, a.guardian, 'sessionEnrolments', { sessionId })).toMatchObject({ ok: false, code: 'ROLE_REQUIRED' })
    // An assigned volunteer is no staff here.
    expect(await sch(h, 'demo-volunteer', 'sessionEnrolments', { sessionId })).toMatchObject({ ok: false, code: 'ROLE_REQUIRED' })
    expect((await h.find(SCH_SESSIONS, { _id: sessionId }))[0].entries).toHaveLength(2)
  })
})
