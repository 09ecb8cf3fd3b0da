// The cloud budgets for the volunteer function's slots actions (issue 10, part A), as the emulator counts them:
// ≤ 4 database requests per action, sign-up ≤ 3, 我的服务 and browse 2, every query on a declared index (no SCAN),
// pages ≤ 32 KB. One worker, warmed, so the figures are deterministic (a cold instance adds 1 for the communities).
import { startHarness, type Harness } from './helpers'
import { callsOf, checkBudgets } from './budget'
import { staffOf } from './wishFixtures'
import { approvedVolunteer, makeProject, projectInput, vol, volOk } from './volunteerFixtures'
import { inDays } from '../clock'

let h: Harness
beforeAll(async () => {
  h = await startHarness({ poolSize: 1 })
})
afterAll(async () => {
  await h?.close()
})

const CEILING: Record<string, number> = {
  volunteerRecord: 2,
  signUp: 3,
  cancelSignUp: 3,
  browseSlots: 2,
  myShifts: 2,
  createSlots: 3,
  editSlot: 3,
  cancelSlot: 3,
  setTrainingTags: 3,
  slotDetail: 3,
}
const STAFF = staffOf('军门社区')

it('keeps every slots action within its database-request budget, on indexes', async () => {
  const projectId = await makeProject(h)
  const v = await approvedVolunteer(h, { numbered: false })
  const w = await approvedVolunteer(h, { numbered: false })
  // Another 20 slots the volunteer holds: the sign-up's one read fetches them with the slot.
  const many = await volOk(h, STAFF, 'createSlots', {
    projectId,
    date: inDays(10),
    startTime: '08:00',
    endTime: '09:00',
    headcount: 5,
    repeat: { weekdays: [1, 2, 3, 4, 5, 6, 7], weeks: 3 },
  })
  for (const slotId of many.slotIds.slice(0, 20)) await volOk(h, v.openid, 'signUp', { slotId })
  await volOk(h, v.openid, 'browseSlots', {}) // warm: the communities cache
  const start = h.emu.calls.length

  await volOk(h, STAFF, 'saveProject', projectInput(h))
  await volOk(h, STAFF, 'saveProject', { ...projectInput(h), projectId, title: '改个名字' })
  await volOk(h, STAFF, 'listProjects', {})
  await volOk(h, STAFF, 'projectDetail', { projectId })
  const made = await volOk(h, STAFF, 'createSlots', { projectId, date: inDays(2), startTime: '09:00', endTime: '11:00', headcount: 20, repeat: { weekdays: [1, 3, 5, 6], weeks: 8 } })
  const slotId = made.slotIds[0]
  await volOk(h, STAFF, 'listProjectSlots', { projectId })
  await volOk(h, STAFF, 'setTrainingTags', { openid: w.openid, tags: ['急救培训'] })
  await volOk(h, STAFF, 'volunteerRecord', { openid: w.openid })
  await volOk(h, v.openid, 'browseSlots', {})
  await volOk(h, v.openid, 'browseSlots', { scope: 'district', serviceType: '助老助残', date: inDays(2) })
  await volOk(h, v.openid, 'slotDetail', { slotId })
  await volOk(h, v.openid, 'signUp', { slotId, subscribed: true })
  await volOk(h, w.openid, 'signUp', { slotId })
  await volOk(h, v.openid, 'myShifts', { tab: 'upcoming' })
  await volOk(h, v.openid, 'myShifts', { tab: 'now' })
  await volOk(h, v.openid, 'myShifts', { tab: 'done' })
  await volOk(h, w.openid, 'cancelSignUp', { slotId })
  await volOk(h, STAFF, 'editSlot', { slotId, startTime: '09:30' })
  await volOk(h, STAFF, 'cancelSlot', { slotId, reason: '天气原因' })
  await volOk(h, STAFF, 'archiveProject', { projectId })

  const table = checkBudgets(callsOf(h, 'volunteer', start), CEILING)
  expect(Object.keys(table).sort()).toEqual(
    [
      'archiveProject',
      'browseSlots',
      'cancelSignUp',
      'cancelSlot',
      'createSlots',
      'editSlot',
      'listProjectSlots',
      'listProjects',
      'myShifts',
      'projectDetail',
      'saveProject',
      'setTrainingTags',
      'signUp',
      'slotDetail',
      'volunteerRecord',
    ].sort(),
  )
  console.log('volunteer (slots) db requests per action (max):', JSON.stringify(table))
})

it('the sign-up is the user read, ONE read on the lookup index and ONE conditional update; the refused costs no write', async () => {
  const projectId = await makeProject(h)
  const slotId = (await volOk(h, STAFF, 'createSlots', { projectId, date: inDays(4), startTime: '09:00', endTime: '10:00', headcount: 1 })).slotIds[0]
  const v = await approvedVolunteer(h, { numbered: false })
  const x = await approvedVolunteer(h, { numbered: false })
  const start = h.emu.calls.length
  await volOk(h, v.openid, 'signUp', { slotId })
  expect(await vol(h, x.openid, 'signUp', { slotId })).toMatchObject({ ok: false, code: 'SLOT_FULL' })
  const [won, full] = callsOf(h, 'volunteer', start)
  expect(won).toMatchObject({ dbRequests: 3, queries: ['users:_id', 'vol_slots:lookup', 'vol_slots:_id'] })
  expect(full).toMatchObject({ dbRequests: 2, queries: ['users:_id', 'vol_slots:lookup'] })
})
