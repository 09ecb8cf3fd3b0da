// The cloud budgets (docs/ARCHITECTURE.md): database requests per action, as the emulator counts them, every query on an index, responses ≤ 32 KB.
// One worker, warmed, so the figures are deterministic (a cold instance adds 1 for the communities cache).
import { PRIVACY_VERSION } from '../../src/contracts'
import { newOpenid, startHarness, type Harness } from './helpers'
import { checkBudgets } from './budget'

let h: Harness
beforeAll(async () => {
  h = await startHarness({ poolSize: 1 })
})
afterAll(async () => {
  await h?.close()
})

/**
 * Actions over the budget, with their ceiling and why. None now: reviewApplication and withdrawApplication
 * (user read + application read + conditional update carrying its history entry + the applicant's user doc)
 * and grant/revokeStaff (user read + target read + conditional update carrying its history entry) fit.
 */
const OVER: Record<string, number> = {}

it('keeps every user action within its database-request budget, on indexes', async () => {
  const junmen = h.communityId('军门社区')
  const o = newOpenid()
  await h.userOk(o, 'me')
  await h.userOk(o, 'signUp', { privacyAgreed: true, privacyVersion: PRIVACY_VERSION, communityId: junmen, nickname: '预算' })
  await h.userOk(o, 'updateProfile', { largeFont: true, nickname: '预算二' })
  const app = await h.userOk(o, 'applyVolunteer', { realName: '张三', phone: '13812345678', skills: ['其他'], birthDate: '1990-01-01' })
  await h.userOk(o, 'withdrawApplication', { applicationId: app.id })
  const app2 = await h.userOk(o, 'applyVolunteer', { realName: '张三', phone: '13812345678', skills: ['其他'], birthDate: '1990-01-01' })
  await h.userOk('demo-staff', 'listApplications', { status: 'pending' })
  await h.userOk('demo-admin', 'listApplications', {})
  await h.userOk('demo-staff', 'reviewApplication', { applicationId: app2.id, decision: 'approve' })
  await h.userOk('demo-admin', 'grantStaff', { openid: o, communityIds: [junmen] })
  await h.userOk('demo-admin', 'listStaff', {})
  await h.countNow() // the counters in place, as after the scheduler's first run (before it, +2 to count from the index)
  await h.userOk('demo-staff', 'workbench', {})
  await h.userOk('demo-admin', 'workbench', {})
  await h.userOk('demo-admin', 'revokeStaff', { openid: o })
  await h.userOk(o, 'me')

  const calls = h.emu.calls.filter((c) => c.fn === 'user').slice(1) // the first listCommunities warmed the cache
  const seen = new Set(calls.map((c) => c.action))
  expect([...seen].sort()).toEqual(
    ['applyVolunteer', 'grantStaff', 'listApplications', 'listStaff', 'me', 'revokeStaff', 'reviewApplication', 'signUp', 'updateProfile', 'withdrawApplication', 'workbench'].sort(),
  )
  const most = checkBudgets(calls, OVER)
  expect(most).toMatchObject({ reviewApplication: 4, withdrawApplication: 4, grantStaff: 3, revokeStaff: 3 })
})

it('answers a call without a WeChat identity with UNAUTHENTICATED, except public actions', async () => {
  expect(await h.emu.invoke('user', { action: 'me', input: {} }, '')).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
  expect(await h.emu.invoke('user', { action: 'listCommunities', input: {} }, '')).toMatchObject({ ok: true })
})
