// The 摇号 (issue 11, part B), layer 1: one entry per family, siblings together, verified priority first, an
// unverified claim as ordinary, staff never verify their own family's claim, the draw once and reproducible from
// the published seed (by draw.ts and by scripts/lottery-rerun.ts as a separate process).
import { execFileSync } from 'child_process'
import { mkdtempSync, writeFileSync } from 'fs'
import { tmpdir } from 'os'
import { join } from 'path'
import { allocate, drawOrder, drawValue, lotterySeed } from '../../cloud/domain/school/enrolment/draw'
import { rid, startHarness, type Harness } from './helpers'
import { resident, staffOf } from './wishFixtures'
import { stageFamily, stageSession, storedSession, type Family } from './schoolFixturesB'
import { sch, schOk } from './schoolFixtures'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h?.close()
})

const STAFF = staffOf('军门社区')
const ROOT = join(__dirname, '../..')

describe('the draw module', () => {
  it('is a pure function of the seed: verified priority first, each group by SHA-256(seed:no), families whole', () => {
    const seed = lotterySeed('2027-01-15T10:00:00Z', '8273')
    expect(seed).toBe('2027-01-15T10:00:00.000Z#8273')
    const entries = [1, 2, 3, 4, 5, 6].map((no) => ({ no, priority: no === 5 || no === 6, children: no === 2 ? 2 : 1 }))
    const order = drawOrder(seed, entries)
    expect(
      order
        .slice(0, 2)
        .map((e) => e.no)
        .sort(),
    ).toEqual([5, 6])
    const rest = order.slice(2).map((e) => drawValue(seed, e.no))
    expect(rest).toEqual([...rest].sort())
    expect(drawOrder(seed, [...entries].reverse())).toEqual(order)
    expect(drawOrder(lotterySeed('2027-01-15T10:00:00Z', '8274'), entries).map((e) => e.no)).not.toEqual(order.map((e) => e.no))
    // A family of 2 with 1 place left waits whole; a later family of 1 takes the place.
    expect(
      allocate(
        [
          { no: 1, priority: false, children: 1 },
          { no: 2, priority: false, children: 2 },
          { no: 3, priority: false, children: 1 },
        ],
        2,
      ),
    ).toEqual(['enrolled', 'waitlisted', 'enrolled'])
  })
})

describe('a 摇号 session', () => {
  it('one entry per family; siblings together; verified priority first; an unverified claim ordinary; reproducible by the script', async () => {
    const sessionId = await stageSession(h, { mode: 'lottery', capacity: 6, announcedNumber: '51327', priorityGroups: ['left_behind', 'low_income'] })
    // 8 families: the siblings (3 children), a verified claim, a rejected claim, a claim left unverified, 4 ordinary.
    const siblings = await stageFamily(h, { children: 3, grades: [1, 2, 3] })
    const verified = await stageFamily(h)
    const rejected = await stageFamily(h)
    const unverified = await stageFamily(h)
    const ordinary: Family[] = []
    for (let i = 0; i < 4; i++) ordinary.push(await stageFamily(h))
    const rq = rid()
    const first = await schOk(h, siblings.guardian, 'enterLottery', { sessionId, childIds: siblings.childIds }, rq)
    expect(first).toEqual({ sessionId, no: 1, childIds: siblings.childIds })
    expect(await schOk(h, siblings.guardian, 'enterLottery', { sessionId, childIds: siblings.childIds }, rq)).toEqual(first)
    expect(await sch(h, siblings.guardian, 'enterLottery', { sessionId, childIds: [siblings.childIds[0]] })).toMatchObject({
      ok: false,
      code: 'INVALID_STATE',
      message: '您的家庭已参加这个班的摇号',
    })
    expect(await sch(h, verified.guardian, 'enterLottery', { sessionId, childIds: verified.childIds, claim: 'gig_worker' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(await sch(h, verified.guardian, 'enterLottery', { sessionId, childIds: [...verified.childIds, rejected.childIds[0]] })).toMatchObject({ ok: false, code: 'ROLE_REQUIRED' })
    expect(await sch(h, verified.guardian, 'enrol', { sessionId, childId: verified.childIds[0] })).toMatchObject({ ok: false, code: 'INVALID_STATE' })
    const all = [verified, rejected, unverified, ...ordinary]
    const nos = await Promise.all(
      all.map((f, i) => schOk(h, f.guardian, 'enterLottery', { sessionId, childIds: f.childIds, ...(i < 3 ? { claim: i === 1 ? 'low_income' : 'left_behind' } : {}), subscribed: true })),
    )
    expect(nos.map((n) => n.no).sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7, 8])
    let s = await storedSession(h, sessionId)
    expect(s.lottery!.entries).toHaveLength(8)
    expect(s.entries.filter((e) => e.status === 'lottery_entered')).toHaveLength(10)
    expect(s.waiting).toBe(8)
    // The family sees its entry and its children's lottery_entered status.
    const detail = await schOk(h, siblings.guardian, 'sessionDetail', { sessionId })
    expect(detail.lotteryEntry).toMatchObject({ no: 1, childIds: siblings.childIds })
    expect(detail.mine.map((m: any) => m.status)).toEqual(['lottery_entered', 'lottery_entered', 'lottery_entered'])
    expect(detail.allowed).toEqual([])

    // Before the close: no verification, no draw.
    expect(await sch(h, STAFF, 'verifyClaim', { sessionId, familyId: verified.familyId, verified: true })).toMatchObject({ ok: false, code: 'INVALID_STATE' })
    expect(await sch(h, STAFF, 'drawLottery', { sessionId })).toMatchObject({ ok: false, code: 'INVALID_STATE', message: '报名截止后才能摇号' })
    // Close the window (the close time seeds the draw).
    const closesAt = new Date(Date.now() - 60_000)
    await h.update('sch_sessions', { _id: sessionId }, { closesAt })
    expect(await sch(h, siblings.guardian, 'verifyClaim', { sessionId, familyId: verified.familyId, verified: true })).toMatchObject({ ok: false, code: 'ROLE_REQUIRED' })
    expect(await sch(h, staffOf('汤门社区'), 'verifyClaim', { sessionId, familyId: verified.familyId, verified: true })).toMatchObject({ ok: false, code: 'SCOPE_DENIED' })
    await schOk(h, STAFF, 'verifyClaim', { sessionId, familyId: verified.familyId, verified: true })
    await schOk(h, STAFF, 'verifyClaim', { sessionId, familyId: rejected.familyId, verified: false })
    const tab = await schOk(h, STAFF, 'sessionEnrolments', { sessionId })
    expect(tab.tab).toBe('lottery')
    expect(tab.allowed).toEqual(expect.arrayContaining(['draw', 'verifyClaim']))
    expect(tab.lottery.items.find((r: any) => r.familyId === unverified.familyId)).toMatchObject({ claim: 'left_behind', canVerify: true })

    const rd = rid()
    const drawn = await schOk(h, STAFF, 'drawLottery', { sessionId }, rd)
    expect(await schOk(h, STAFF, 'drawLottery', { sessionId }, rd)).toEqual(drawn)
    expect(await sch(h, STAFF, 'drawLottery', { sessionId })).toMatchObject({ ok: false, code: 'INVALID_STATE', message: '这个班已经摇过号' })
    expect(drawn.seed).toBe(`${closesAt.toISOString()}#51327`)
    const noOf = (f: Family) => nos[all.indexOf(f)]?.no ?? 1
    // Verified priority first; the rejected and the unverified claims are ordinary.
    expect(drawn.rows[0]).toMatchObject({ no: noOf(verified), priority: true, result: 'enrolled' })
    expect(drawn.rows.filter((r: any) => r.priority)).toHaveLength(1)
    const ordinaryNos = drawn.rows.slice(1).map((r: any) => r.no)
    expect(ordinaryNos).toEqual([...ordinaryNos].sort((a: number, b: number) => (drawValue(drawn.seed, a) < drawValue(drawn.seed, b) ? -1 : 1)))
    expect(JSON.stringify(drawn)).not.toMatch(/林小|familyId|chd|fam/)
    expect(drawn.rows.reduce((n: number, r: any) => n + (r.result === 'enrolled' ? r.children : 0), 0)).toBeLessThanOrEqual(6)

    // The store: every entry's status set in the one update, siblings together, entries in draw order.
    s = await storedSession(h, sessionId)
    const sib = s.entries.filter((e) => e.familyId === siblings.familyId).map((e) => e.status)
    expect(new Set(sib).size).toBe(1)
    expect(s.held).toBe(s.entries.filter((e) => e.status === 'enrolled').length)
    expect(s.held).toBeLessThanOrEqual(6)
    expect(s.waiting).toBe(s.entries.filter((e) => e.status === 'waitlisted').length)
    expect(s.lottery!.draw!.order).toHaveLength(8)
    const familyOrder = [...new Set(s.entries.map((e) => e.familyId))]
    expect(familyOrder).toEqual(s.lottery!.draw!.order)
    // Waitlist positions follow the draw order.
    const waitlisted = drawn.rows.filter((r: any) => r.result === 'waitlisted')
    if (waitlisted.length) {
      const firstWaiting = all.concat(siblings).find((f) => noOf(f) === waitlisted[0].no)!
      const mine = (await schOk(h, firstWaiting.guardian, 'familyView', {})).items[0].mine
      expect(mine.map((m: any) => m.position)).toEqual(mine.map((_: unknown, i: number) => i + 1))
    }

    // The published results, as a resident of the community reads them, re-run by the script: the same order.
    const neighbour = await resident(h)
    const published = await schOk(h, neighbour, 'lotteryResults', { sessionId })
    expect(published.rows).toEqual(drawn.rows)
    expect(published.algorithm.join('')).toContain('SHA-256')
    expect(await sch(h, await resident(h, '汤门社区'), 'lotteryResults', { sessionId })).toMatchObject({ ok: false, code: 'SCOPE_DENIED' })
    const dir = mkdtempSync(join(tmpdir(), 'lottery-'))
    const file = join(dir, 'results.json')
    writeFileSync(file, JSON.stringify(published))
    const out = JSON.parse(execFileSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'scripts/lottery-rerun.ts'), file], { cwd: ROOT, encoding: 'utf8' }))
    expect(out.seed).toBe(drawn.seed)
    expect(out.order).toEqual(drawn.rows.map((r: any) => r.no))
    expect(out.results).toEqual(drawn.rows.map((r: any) => ({ no: r.no, result: r.result })))
  })

  it('staff never verify their own family’s claim (whoever asks never approves)', async () => {
    const sessionId = await stageSession(h, { mode: 'lottery', capacity: 2 })
    const own = await stageFamily(h)
    // The staff member belongs to this family.
    await h.update('users', { _id: STAFF }, { school: { familyId: own.familyId } })
    try {
      await schOk(h, own.guardian, 'enterLottery', { sessionId, childIds: own.childIds, claim: 'left_behind' })
      await h.update('sch_sessions', { _id: sessionId }, { closesAt: new Date(Date.now() - 1000) })
      expect(await sch(h, STAFF, 'verifyClaim', { sessionId, familyId: own.familyId, verified: true })).toMatchObject({ ok: false, code: 'SELF_REVIEW' })
      const tab = await schOk(h, STAFF, 'sessionEnrolments', { sessionId, tab: 'lottery' })
      expect(tab.lottery.items[0].canVerify).toBe(false)
      expect((await storedSession(h, sessionId)).lottery!.entries[0].verified).toBeUndefined()
      // Another staff member (the admin) may.
      await schOk(h, 'demo-admin', 'verifyClaim', { sessionId, familyId: own.familyId, verified: true })
    } finally {
      await h.update('users', { _id: STAFF }, { school: {} })
    }
  })
})
