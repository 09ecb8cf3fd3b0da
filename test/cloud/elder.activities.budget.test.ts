// The cloud budgets of elder activities, part A (issue 12), as the emulator counts them: the week's view ≤ 2 database
// requests on indexes and ≤ 32 KB for a community with 30 activities; every other action ≤ 4 (a rule edit that must
// cancel or re-place stored occurrences says so); every query on a declared index (no SCAN). One worker, warmed.
import { startHarness, type Harness } from './helpers'
import { KB32, callsOf, checkBudgets } from './budget'
import { staffOf } from './wishFixtures'
import { activityInput, eld, eldOk, makeActivity, ruleInput, stageSignups } from './elderFixtures'
import { addDays } from '../../cloud/lib/dates'
import { chinaToday, inDays } from '../clock'
import { isoWeekdayOf } from '../../src/contracts/weekdays'

let h: Harness
beforeAll(async () => {
  h = await startHarness({ poolSize: 1 })
})
afterAll(async () => {
  await h?.close()
})

const COMMUNITY = '汤门社区'
const STAFF = staffOf(COMMUNITY)
const nextMonday = () => addDays(chinaToday(), 8 - isoWeekdayOf(chinaToday()))

/** 30 activities as a 居家养老服务站 runs them: 10 daily, 15 weekly on three days, 5 monthly; long texts. */
async function thirtyActivities(): Promise<string[]> {
  const ids: string[] = []
  const long = { title: '长者智能手机使用学习班（第二期）', host: '社区达人王秀兰老师', description: '学'.repeat(400) }
  for (let i = 0; i < 30; i++) {
    const rule =
      i < 10
        ? { kind: 'daily', startTime: `0${7 + (i % 3)}:00`, place: '和美社区居家养老服务站一楼多功能活动室' }
        : i < 25
          ? { kind: 'weekly', weekdays: [1 + (i % 5), 2 + (i % 5), 3 + (i % 5)], startTime: '14:30', place: '和美社区居家养老服务站二楼手工教室' }
          : { kind: 'monthly_nth', nth: 1 + (i % 4), weekday: 1 + (i % 7), startTime: '09:30', place: '社区卫生服务中心三楼健康教育室' }
    const a = await makeActivity(h, STAFF, COMMUNITY, { ...long, title: `${long.title}${i}` }, rule)
    ids.push(a.id)
  }
  return ids
}

it('the week: ≤ 2 requests on indexes and ≤ 32 KB for 30 activities; every other action within its budget', async () => {
  const ids = await thirtyActivities()
  const mon = nextMonday()
  // Sign-ups on ten of next week's occurrences of the daily ones, each with a few people.
  for (let i = 0; i < 10; i++) {
    await stageSignups(
      h,
      ids[i],
      addDays(mon, i % 7),
      Array.from({ length: 8 }, (_, k) => ({ name: `报名长者${k}号`, by: `dev-budget-${k}`, subscribed: k % 2 === 0 })),
    )
  }
  const communityId = h.communityId(COMMUNITY)
  await eldOk(h, STAFF, 'staffActivities', {}) // warm: the communities cache
  const start = h.emu.calls.length

  const next = await eld(h, 'dev-budget-1', 'week', { communityId, week: 'next' })
  const now = await eld(h, 'dev-budget-1', 'week', { communityId })
  expect(next.ok && now.ok).toBe(true)
  const items = (next as any).data.days.flatMap((d: any) => d.items)
  expect(items.length).toBeGreaterThanOrEqual(100)
  expect(Buffer.byteLength(JSON.stringify(next))).toBeLessThanOrEqual(KB32)

  const a = await makeActivity(h, STAFF, COMMUNITY)
  await eldOk(h, STAFF, 'saveActivity', { ...activityInput(h, COMMUNITY, { title: '改名' }), rule: undefined, activityId: a.id })
  await eldOk(h, STAFF, 'staffActivities', { communityId })
  await eldOk(h, STAFF, 'staffActivity', { activityId: ids[0], weeks: 8 })
  await eldOk(h, STAFF, 'cancelOccurrence', { activityId: ids[0], day: addDays(mon, 0), reason: '停电' })
  await eldOk(h, STAFF, 'moveOccurrence', { activityId: ids[1], day: addDays(mon, 1), startTime: '10:00', reason: '改时间' })
  await eldOk(h, STAFF, 'editRule', { activityId: a.id, rev: 2, rule: ruleInput({ from: inDays(3), startTime: '10:00' }) })
  await eldOk(h, STAFF, 'archiveActivity', { activityId: a.id })
  const mine = await eld(h, 'dev-budget-2', 'week', { week: 'next' }) // not signed up: refused after reading the user
  expect(mine.ok).toBe(false)

  const calls = callsOf(h, 'elder', start)
  const table = checkBudgets(calls, { week: 2 })
  expect(calls.filter((c) => c.code === 'NOT_SIGNED_UP').map((c) => c.dbRequests)).toEqual([1])
  const week = calls.filter((c) => c.action === 'week' && c.ok)
  expect(week.map((c) => c.queries.map((q) => q.split(':')[0]).sort())).toEqual([
    ['eld_activities', 'eld_occurrences'],
    ['eld_activities', 'eld_occurrences'],
  ])
  console.log(
    'elder activities: database requests per action',
    table,
    'week bytes',
    week.map((c) => c.responseBytes),
  )
})

it('a rule edit that must cancel stored sign-ups and re-place others says so: 4 + 1 + 1', async () => {
  const a = await makeActivity(h, STAFF, COMMUNITY, { title: '规则调整' }, { startTime: '09:00' })
  const keep = inDays(8)
  const drop = inDays(9)
  await stageSignups(h, a.id, keep, [{ name: '留下的', by: 'dev-rule-keep' }])
  await stageSignups(h, a.id, drop, [{ name: '取消的', by: 'dev-rule-drop' }])
  const start = h.emu.calls.length
  const res = await eldOk(h, STAFF, 'editRule', { activityId: a.id, rev: a.rev, rule: ruleInput({ from: inDays(7), weekdays: [isoWeekdayOf(keep)], startTime: '09:00', place: '新地点' }) })
  expect(res.cancelled.map((c: { day: string }) => c.day)).toEqual([drop])
  const [c] = callsOf(h, 'elder', start)
  expect(c.dbRequests).toBe(6)
  expect(c.queries.filter((q) => q.endsWith(':SCAN'))).toEqual([])
})
