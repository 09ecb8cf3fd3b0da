// The attendance budgets (issue 11: a roster of 40 children ≤ 2 database requests, a check-out ≤ 3, every action
// ≤ 4, on indexes, ≤ 32 KB) and privacy on raw responses for every persona (roster, childDay, checkoutOptions).
// One worker, warmed, so the figures are deterministic.
import { startHarness, type Harness } from './helpers'
import { callsOf, checkBudgets } from './budget'
import { resident, staffOf, volunteer } from './wishFixtures'
import { assignedVolunteer, entryOf, guardian, stageChild, stageClass, stageSession } from './schoolFixturesC'
import { sch, schOk } from './schoolFixtures'
import { inDays } from '../clock'

let h: Harness
beforeAll(async () => {
  h = await startHarness({ poolSize: 1 })
})
afterAll(async () => {
  await h?.close()
})

const STAFF = staffOf('军门社区')
// A check-out that succeeds is 3; a wrong code also counts on the child after the scope check (4).
const CEILING: Record<string, number> = { roster: 2, checkInChild: 3, childDay: 2, childDays: 2, sessionStats: 2, reportLeave: 3, markLeave: 3, cancelLeave: 3 }

it('keeps every attendance action within its budget with 40 children, on indexes', async () => {
  const { sessionId, children } = await stageClass(h, 40)
  const g = await guardian(h)
  const mine = await stageChild(h, g, { name: '李小华' })
  const other = await stageSession(h, [entryOf(mine)])
  const v = await assignedVolunteer(h)
  await schOk(h, STAFF, 'roster', { sessionId }) // warm: the communities cache
  const start = h.emu.calls.length

  await schOk(h, STAFF, 'roster', { sessionId })
  await schOk(h, v, 'roster', { sessionId, day: inDays(1) })
  for (const c of children.slice(0, 5)) await schOk(h, v, 'checkInChild', { sessionId, childId: c.childId })
  await schOk(h, STAFF, 'checkoutOptions', { sessionId, childId: children[0].childId })
  await schOk(h, v, 'checkOutChild', { sessionId, childId: children[0].childId, adultId: children[0].adult.id, code: children[0].adult.code })
  await schOk(h, STAFF, 'checkOutChild', { sessionId, childId: children[1].childId, adultId: children[1].adult.id, code: '0000' })
  await schOk(h, STAFF, 'releaseChild', { sessionId, childId: children[2].childId, reason: '已电话确认' })
  await schOk(h, STAFF, 'markLeave', { sessionId, childId: children[10].childId })
  await schOk(h, STAFF, 'cancelLeave', { sessionId, childId: children[10].childId, day: inDays(0) }).catch(() => undefined)
  await schOk(h, g.openid, 'reportLeave', { sessionId: other, childId: mine.childId, day: inDays(2) })
  await schOk(h, g.openid, 'cancelLeave', { sessionId: other, childId: mine.childId, day: inDays(2) })
  await schOk(h, g.openid, 'childDay', { childId: mine.childId })
  await schOk(h, g.openid, 'childDays', { childId: mine.childId })
  await schOk(h, STAFF, 'cancelDay', { sessionId, day: inDays(5), reason: '学校活动停课' })
  await schOk(h, STAFF, 'sessionStats', { sessionId })

  const table = checkBudgets(callsOf(h, 'school', start), CEILING)
  expect(Object.keys(table).sort()).toEqual(
    ['roster', 'checkInChild', 'checkoutOptions', 'checkOutChild', 'releaseChild', 'markLeave', 'cancelLeave', 'reportLeave', 'childDay', 'childDays', 'cancelDay', 'sessionStats'].sort(),
  )
  console.log('school (attendance) db requests per action (max):', JSON.stringify(table))
})

it('a roster of 40 is the user and ONE projected session read; a check-out is the user, the child and ONE conditional update', async () => {
  const { sessionId, children } = await stageClass(h, 40)
  await schOk(h, STAFF, 'checkInChild', { sessionId, childId: children[0].childId })
  const start = h.emu.calls.length
  const roster = await schOk(h, STAFF, 'roster', { sessionId })
  expect(roster.children).toHaveLength(40)
  await schOk(h, STAFF, 'checkOutChild', { sessionId, childId: children[0].childId, adultId: children[0].adult.id, code: children[0].adult.code })
  const [r, out] = callsOf(h, 'school', start)
  expect(r).toMatchObject({ action: 'roster', dbRequests: 2 })
  expect(out).toMatchObject({ action: 'checkOutChild', dbRequests: 3 })
  console.log('roster of 40:', r.dbRequests, 'requests,', r.responseBytes, 'bytes; check-out:', out.dbRequests, 'requests', JSON.stringify(out.queries))
})

describe('privacy on raw responses', () => {
  it('roster, childDay and checkoutOptions give each persona what it may see, and no one else anything', async () => {
    const g = await guardian(h)
    const c = await stageChild(h, g, { name: '陈思远', healthNote: '对青霉素过敏' })
    const sessionId = await stageSession(h, [entryOf(c)])
    const otherGuardian = await guardian(h)
    const staffOut = staffOf('汤门社区')
    const assigned = await assignedVolunteer(h)
    const unassigned = await volunteer(h)
    const someone = await resident(h)
    await schOk(h, STAFF, 'checkInChild', { sessionId, childId: c.childId })
    const secrets = [c.phone, c.adult.code, g.openid]
    const raw = async (openid: string, action: string, input: unknown) => JSON.stringify(await sch(h, openid, action, input))

    // Staff in scope: what care needs (full name, health note), never the phone or codes in the roster or chooser.
    const staffRoster = await raw(STAFF, 'roster', { sessionId })
    expect(staffRoster).toContain('陈思远')
    expect(staffRoster).toContain('军门社区')
    expect(staffRoster).toContain('对青霉素过敏')
    const staffOptions = await raw(STAFF, 'checkoutOptions', { sessionId, childId: c.childId })
    expect(staffOptions).toContain(c.adult.name)
    for (const text of [staffRoster, staffOptions]) for (const s of secrets) expect(text).not.toContain(s)

    // The assigned volunteer: the masked name, grade and allergy flag; nothing else.
    const volRoster = await sch(h, assigned, 'roster', { sessionId })
    expect(volRoster.ok && volRoster.data.children[0]).toEqual({ childId: c.childId, name: '陈*远', grade: 2, allergy: true, arrivedAt: expect.any(String), can: ['checkOut'] })
    const volOptions = await raw(assigned, 'checkoutOptions', { sessionId, childId: c.childId })
    expect(volOptions).toContain('陈*远')
    for (const text of [JSON.stringify(volRoster), volOptions]) {
      expect(text).not.toContain('陈思远')
      expect(text).not.toContain('青霉素')
      for (const s of secrets) expect(text).not.toContain(s)
    }

    // The guardian sees the day; the guardian is no roster viewer.
    const day = await sch(h, g.openid, 'childDay', { childId: c.childId })
    expect(day).toMatchObject({ ok: true, data: { items: [{ sessionId, record: { arrivedAt: expect.any(String) } }] } })
    expect(await sch(h, g.openid, 'roster', { sessionId })).toMatchObject({ ok: false, code: 'ROLE_REQUIRED' })

    // No one else anything.
    for (const [who, openid] of [
      ['other guardian', otherGuardian.openid],
      ['staff out of scope', staffOut],
      ['unassigned volunteer', unassigned],
      ['resident', someone],
    ] as const) {
      for (const [action, input] of [
        ['roster', { sessionId }],
        ['checkoutOptions', { sessionId, childId: c.childId }],
        ['childDay', { childId: c.childId }],
        ['childDays', { childId: c.childId }],
      ] as const) {
        const res = await sch(h, openid, action, input)
        expect({ who, action, ok: res.ok }).toEqual({ who, action, ok: false })
        const text = JSON.stringify(res)
        for (const s of ['陈', '青霉素', c.adult.name, ...secrets]) expect({ who, action, leaks: text.includes(s) }).toEqual({ who, action, leaks: false })
      }
    }
    // Staff and volunteers see no guardian's day either.
    for (const openid of [STAFF, assigned]) expect(await sch(h, openid, 'childDay', { childId: c.childId })).toMatchObject({ ok: false })
  })
})
