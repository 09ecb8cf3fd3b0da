// Part C: person-times (人次) per month by activity and category, from the counters moved by the tally job; and the
// printable poster's content and code. Every query on an index.
import { occurrenceId } from '../../cloud/domain/elder/recurrence'
import { addDays, chinaDay } from '../../cloud/lib/dates'
import { testNow } from '../clock'
import { decodeQrPng } from '../support/qr'
import { entry, lastRequests, onceAt, stageActivity, stageOccurrence, tallyNow } from './elderFixturesC'
import { eld, eldOk } from './elderFixtures'
import { startHarness, type Harness } from './helpers'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h?.close()
})

const MIN = 60_000

it('person-times after check-ins and walk-ins: by activity and by category, in 3 requests, on indexes', async () => {
  const start = testNow() - 5 * MIN
  const day = chinaDay(start)
  const month = day.slice(0, 7)
  const choir = await stageActivity(h, [onceAt(start)], { title: '合唱团', category: '文娱' })
  const taichi = await stageActivity(h, [onceAt(start)], { title: '八段锦', category: '运动' })
  await stageOccurrence(h, choir, day, [entry('demo-resident', '林阿姨'), entry('demo-volunteer', '陈志远'), entry('demo-volunteer-2', '黄志强')])
  const before = await eldOk(h, 'demo-staff', 'monthStats', { month })
  expect(before.total).toBe(0)

  await eldOk(h, 'demo-staff', 'checkIn', { activityId: choir._id, day, index: 0, personKey: 'u:demo-resident' })
  // The first tally creates the community's counter document.
  await tallyNow(h)
  expect((await eldOk(h, 'demo-staff', 'monthStats', { month })).total).toBe(1)
  await eldOk(h, 'demo-staff', 'checkIn', { activityId: choir._id, day, index: 2, personKey: 'u:demo-volunteer-2' })
  await eldOk(h, 'demo-staff', 'addWalkIn', { activityId: choir._id, day, name: '赵大爷' })
  await eldOk(h, 'demo-staff', 'addWalkIn', { activityId: taichi._id, day, name: '钱奶奶' })
  // Not yet tallied: the counters move with the job (each minute).
  expect((await eldOk(h, 'demo-staff', 'monthStats', { month })).total).toBe(1)
  const job = await tallyNow(h)
  expect(job.done).toBe(2)

  const stats = await eldOk(h, 'demo-staff', 'monthStats', { month })
  expect(lastRequests(h, 'monthStats')).toBe(3)
  expect(stats).toMatchObject({ communityId: 'junmen', month, total: 4, refreshMinutes: 1 })
  expect(stats.byActivity).toEqual([
    { activityId: choir._id, title: '合唱团', category: '文娱', count: 3 },
    { activityId: taichi._id, title: '八段锦', category: '运动', count: 1 },
  ])
  expect(stats.byCategory.find((c: any) => c.category === '文娱').count).toBe(3)
  expect(stats.byCategory.find((c: any) => c.category === '运动').count).toBe(1)
  expect(stats.byCategory).toHaveLength(7)

  // A second run finds nothing; a repeated tick moves nothing.
  await eldOk(h, 'demo-staff', 'checkIn', { activityId: choir._id, day, index: 0, personKey: 'u:demo-resident' })
  await tallyNow(h)
  expect((await eldOk(h, 'demo-staff', 'monthStats', { month })).total).toBe(4)
  // Another month: none.
  expect((await eldOk(h, 'demo-staff', 'monthStats', { month: '2020-01' })).total).toBe(0)

  const calls = h.emu.calls.filter((c) => c.fn === 'elder' || c.fn === 'scheduler')
  expect(calls.flatMap((c) => c.queries).filter((q) => q.includes('SCAN'))).toEqual([])
})

it('monthStats: staff in scope only; bad input refused', async () => {
  expect(await eld(h, 'demo-resident', 'monthStats', { month: '2026-11' })).toMatchObject({ ok: false, code: 'ROLE_REQUIRED' })
  expect(await eld(h, 'demo-staff-tangmen', 'monthStats', { communityId: 'junmen', month: '2026-11' })).toMatchObject({ ok: false, code: 'SCOPE_DENIED' })
  expect(await eld(h, 'demo-staff', 'monthStats', { month: '2026-13' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  // The admin, who serves no community by name: the district's first.
  expect(await eldOk(h, 'demo-admin', 'monthStats', { month: '2026-11' })).toMatchObject({ communityId: 'junmen' })
})

describe('the poster', () => {
  it("the community's week by day (cancelled marked) and the week page's code", async () => {
    // A weekly activity every day of the week from a month ago, a moved and a cancelled occurrence next week.
    const from = addDays(chinaDay(testNow()), -30)
    const seg = { from, kind: 'daily' as const, startTime: '07:00', durationMin: 60, place: '广场', capacity: null, signupRequired: false }
    const daily = await stageActivity(h, [seg], { communityId: 'qingcheng', title: '八段锦', host: '李师傅' })
    const weekly = await stageActivity(h, [{ ...seg, kind: 'weekly', weekdays: [2, 4], startTime: '14:00', place: '活动室' }], { communityId: 'qingcheng', title: '剪纸手工' })
    await stageActivity(h, [seg], { communityId: 'qingcheng', title: '已停办的活动', status: 'archived' })
    await stageActivity(h, [seg], { communityId: 'junmen', title: '别的社区的活动' })

    const p = await eldOk(h, 'demo-staff', 'poster', { communityId: 'qingcheng', week: 'next' })
    expect(lastRequests(h, 'poster')).toBeLessThanOrEqual(4)
    expect(p.communityName).toBe('庆城社区')
    expect(p.days).toHaveLength(7)
    expect(p.days[0].day).toBe(p.from)
    expect(new Date(`${p.from}T00:00:00Z`).getUTCDay()).toBe(1)
    expect(p.to).toBe(addDays(p.from, 6))
    const titles = p.days.flatMap((d: any) => d.items.map((i: any) => i.title))
    expect(titles.filter((t: string) => t === '八段锦')).toHaveLength(7)
    expect(titles.filter((t: string) => t === '剪纸手工')).toHaveLength(2)
    expect(titles).not.toContain('已停办的活动')
    expect(titles).not.toContain('别的社区的活动')
    expect(p.days[1].items).toEqual([
      { activityId: daily._id, time: '07:00', title: '八段锦', place: '广场', host: '李师傅', cancelled: false, moved: false },
      { activityId: weekly._id, time: '14:00', title: '剪纸手工', place: '活动室', host: '王老师', cancelled: false, moved: false },
    ])
    expect(p.code).toMatchObject({ page: 'packages/elder/pages/week/index', scene: 'c=qingcheng' })
    const png = Buffer.from(await (await fetch(p.code.url)).arrayBuffer())
    expect(new URL(decodeQrPng(png)).hash).toBe('#/packages/elder/pages/week/index?scene=c%3Dqingcheng')

    // A cancelled occurrence is marked on the poster.
    const tue = p.days[1].day
    await stageOccurrence(h, weekly, tue, [], { cancelled: { reason: '场地维修', by: 'demo-staff', at: new Date() } })
    const again = await eldOk(h, 'demo-staff', 'poster', { communityId: 'qingcheng', week: 'next' })
    expect(again.days[1].items[1]).toMatchObject({ title: '剪纸手工', cancelled: true })
    expect((await h.find('eld_occurrences', { _id: occurrenceId(weekly._id, tue) })).length).toBe(1)
    const calls = h.emu.calls.filter((c) => c.fn === 'elder' && c.action === 'poster')
    expect(calls.flatMap((c) => c.queries).filter((q) => q.includes('SCAN'))).toEqual([])

    expect(await eld(h, 'demo-staff-tangmen', 'poster', { communityId: 'qingcheng', week: 'this' })).toMatchObject({ ok: false, code: 'SCOPE_DENIED' })
    expect(await eld(h, 'demo-resident', 'poster', { week: 'this' })).toMatchObject({ ok: false, code: 'ROLE_REQUIRED' })
    expect(await eld(h, 'demo-staff', 'poster', { week: 'later' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  })
})
