// The cloud budgets of the enrolment actions (issue 11, part B), as the emulator counts them: ≤ 4 database requests
// per action, enrol ≤ 3, the family's view ≤ 2 (and the session detail 2), every query on a declared index (no
// SCAN), responses ≤ 32 KB. One worker, warmed, so the figures are deterministic.
import { startHarness, type Harness } from './helpers'
import { callsOf, checkBudgets } from './budget'
import { staffOf } from './wishFixtures'
import { stageFamily, stageSession } from './schoolFixturesB'
import { schOk } from './schoolFixtures'

let h: Harness
beforeAll(async () => {
  h = await startHarness({ poolSize: 1 })
})
afterAll(async () => {
  await h?.close()
})

const CEILING: Record<string, number> = {
  enrol: 3,
  familyView: 2,
  sessionDetail: 2,
  cancelEnrolment: 3,
  acceptOffer: 3,
  declineOffer: 3,
  enterLottery: 3,
  removeEnrolment: 3,
  setCapacity: 3,
  verifyClaim: 3,
  drawLottery: 3,
  lotteryResults: 2,
  sessionEnrolments: 2,
  offerCallList: 3,
}
const STAFF = staffOf('军门社区')

it('keeps every enrolment action within its database-request budget, on indexes', async () => {
  const sessionId = await stageSession(h, { capacity: 40 })
  const lotteryId = await stageSession(h, { mode: 'lottery', capacity: 3 })
  const fams = []
  for (let i = 0; i < 45; i++) fams.push(await stageFamily(h, { children: i === 0 ? 6 : 1, grades: [1, 2, 3, 1, 2, 3] }))
  // A family in 6 sessions (the view's page), and a full session with a waitlist of 5.
  for (let i = 0; i < 5; i++) {
    const other = await stageSession(h, { capacity: 5 })
    await schOk(h, fams[0].guardian, 'enrol', { sessionId: other, childId: fams[0].childIds[i] })
  }
  await schOk(h, fams[0].guardian, 'familyView', {}) // warm: the communities cache
  const start = h.emu.calls.length

  for (const f of fams) await schOk(h, f.guardian, 'enrol', { sessionId, childId: f.childIds[0] })
  await schOk(h, fams[0].guardian, 'familyView', {})
  await schOk(h, fams[44].guardian, 'familyView', {})
  await schOk(h, fams[44].guardian, 'sessionDetail', { sessionId })
  await schOk(h, STAFF, 'sessionEnrolments', { sessionId })
  await schOk(h, STAFF, 'sessionEnrolments', { sessionId, tab: 'waitlisted' })
  await schOk(h, fams[1].guardian, 'cancelEnrolment', { sessionId, childId: fams[1].childIds[0] })
  await schOk(h, STAFF, 'offerCallList', { sessionId })
  await schOk(h, fams[40].guardian, 'declineOffer', { sessionId, childId: fams[40].childIds[0] })
  await schOk(h, fams[41].guardian, 'acceptOffer', { sessionId, childId: fams[41].childIds[0] })
  await schOk(h, STAFF, 'removeEnrolment', { sessionId, childId: fams[2].childIds[0], reason: '家长要求' })
  await schOk(h, STAFF, 'setCapacity', { sessionId, capacity: 45 })
  for (const f of fams.slice(1, 6)) await schOk(h, f.guardian, 'enterLottery', { sessionId: lotteryId, childIds: f.childIds, claim: 'left_behind' })
  await h.update('sch_sessions', { _id: lotteryId }, { closesAt: new Date(Date.now() - 1000) })
  await schOk(h, STAFF, 'sessionEnrolments', { sessionId: lotteryId, tab: 'lottery' })
  await schOk(h, STAFF, 'verifyClaim', { sessionId: lotteryId, familyId: fams[1].familyId, verified: true })
  await schOk(h, STAFF, 'drawLottery', { sessionId: lotteryId })
  await schOk(h, fams[3].guardian, 'lotteryResults', { sessionId: lotteryId })

  const table = checkBudgets(callsOf(h, 'school', start), CEILING)
  expect(Object.keys(table).sort()).toEqual(Object.keys(CEILING).sort())
  console.log('school (enrolment) db requests per action (max):', JSON.stringify(table))
})
