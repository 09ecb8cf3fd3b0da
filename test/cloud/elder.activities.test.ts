// Elder activities, part A (issue 12), through the real function on the emulator: activities and their rules, a rule
// edited from a day (the past kept), cancelled and moved occurrences (exactly those signed up notified, the call list
// for the others), the week's view (my status, never others' names), and scope on every staff action.
import { startHarness, type Harness } from './helpers'
import { resident, staffOf } from './wishFixtures'
import { activityInput, eld, eldOk, makeActivity, messages, ruleInput, stageSignups, storedOccurrence } from './elderFixtures'
import { occurrenceOn } from '../../cloud/domain/elder/recurrence'
import { addDays, setClockOffset } from '../../cloud/lib/dates'
import { chinaToday, inDays } from '../clock'
import { isoWeekdayOf } from '../../src/contracts/weekdays'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h?.close()
})

const STAFF = staffOf('军门社区')
const OTHER = staffOf('汤门社区')
/** Monday of next China week. */
const nextMonday = () => addDays(chinaToday(), 8 - isoWeekdayOf(chinaToday()))
const page = (activityId: string, day: string) => `packages/elder/pages/occurrence/index?activityId=${activityId}&day=${day}`

describe('activities and scope', () => {
  it('staff create, list and open an activity; a retried create answers the first; bad input writes nothing', async () => {
    const input = activityInput(h)
    const requestId = 't-elder-create-1'
    const a = await eldOk(h, STAFF, 'saveActivity', input, requestId)
    expect(a).toMatchObject({ title: '合唱团', status: 'active', rev: 1, segments: [{ kind: 'weekly', weekdays: [1, 2, 3, 4, 5, 6, 7] }] })
    expect(a.summary).toContain('每周一、周二')
    const again = await eldOk(h, STAFF, 'saveActivity', input, requestId)
    expect(again.id).toBe(a.id)
    expect(await h.count('eld_activities', { _id: a.id })).toBe(1)
    const list = await eldOk(h, STAFF, 'staffActivities', { communityId: h.communityId('军门社区') })
    expect(list.items.map((x: any) => x.id)).toContain(a.id)
    const detail = await eldOk(h, STAFF, 'staffActivity', { activityId: a.id, weeks: 2 })
    expect(detail.occurrences.length).toBeGreaterThanOrEqual(13)
    expect(detail.allowed).toEqual(['edit', 'editRule', 'archive'])

    const before = await h.count('eld_activities')
    for (const [bad, path] of [
      [activityInput(h, '军门社区', {}, { weekdays: [] }), 'rule.weekdays'],
      [activityInput(h, '军门社区', {}, { from: inDays(-1) }), 'rule.from'],
      [activityInput(h, '军门社区', {}, { kind: 'monthly_nth', nth: 6, weekday: 3 }), 'rule.nth'],
      [activityInput(h, '军门社区', { title: '' }), 'title'],
      [activityInput(h, '军门社区', { rule: undefined }), 'rule'],
    ] as const) {
      const res = await eld(h, STAFF, 'saveActivity', bad)
      expect(res).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
      expect(JSON.stringify((res as any).issues)).toContain(path)
    }
    expect(await h.count('eld_activities')).toBe(before)
  })

  it('staff of another community are refused on every staff action; residents have no staff role', async () => {
    const a = await makeActivity(h, STAFF)
    const day = addDays(nextMonday(), 2)
    const r = await resident(h, '军门社区', '居民甲')
    const calls: [string, unknown][] = [
      ['saveActivity', { ...activityInput(h), rule: undefined, activityId: a.id }],
      ['saveActivity', activityInput(h)],
      ['editRule', { activityId: a.id, rev: a.rev, rule: ruleInput({ from: inDays(3) }) }],
      ['archiveActivity', { activityId: a.id }],
      ['staffActivities', { communityId: h.communityId('军门社区') }],
      ['staffActivity', { activityId: a.id }],
      ['cancelOccurrence', { activityId: a.id, day, reason: '下雨' }],
      ['moveOccurrence', { activityId: a.id, day, startTime: '10:00', reason: '改时间' }],
    ]
    for (const [action, input] of calls) {
      expect({ action, res: await eld(h, OTHER, action, input) }).toMatchObject({ action, res: { ok: false, code: 'SCOPE_DENIED' } })
      expect({ action, res: await eld(h, r, action, input) }).toMatchObject({ action, res: { ok: false, code: 'ROLE_REQUIRED' } })
    }
    expect(await storedOccurrence(h, a.id, day)).toBeUndefined()
    const [doc] = await h.find('eld_activities', { _id: a.id })
    expect(doc).toMatchObject({ status: 'active', rev: 1 })
  })

  it('details are edited conditionally on rev; the rule only through editRule; archive refused while sign-ups are held', async () => {
    const a = await makeActivity(h, STAFF)
    const edited = await eldOk(h, STAFF, 'saveActivity', { ...activityInput(h, '军门社区', { title: '老年合唱团' }), rule: undefined, activityId: a.id, rev: 1 })
    expect(edited).toMatchObject({ title: '老年合唱团', rev: 2 })
    expect(await eld(h, STAFF, 'saveActivity', { ...activityInput(h), rule: undefined, activityId: a.id, rev: 1 })).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect(await eld(h, STAFF, 'saveActivity', { ...activityInput(h), activityId: a.id })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    const day = addDays(nextMonday(), 3)
    await stageSignups(h, a.id, day, [{ name: '刘阿姨', by: 'dev-x-1' }])
    const refused = await eld(h, STAFF, 'archiveActivity', { activityId: a.id })
    expect(refused).toMatchObject({ ok: false, code: 'INVALID_STATE' })
    expect((refused as any).message).toContain(day)
    await eldOk(h, STAFF, 'cancelOccurrence', { activityId: a.id, day, reason: '老师生病' })
    expect(await eldOk(h, STAFF, 'archiveActivity', { activityId: a.id })).toMatchObject({ status: 'archived' })
    const w = await eldOk(h, STAFF, 'week', { communityId: h.communityId('军门社区'), week: 'next' })
    expect(Object.keys(w.activities)).not.toContain(a.id)
  })
})

describe('exceptions', () => {
  it('cancelling notifies exactly those signed up (by subscription message) and calls the rest; a retry sends nothing more', async () => {
    const a = await makeActivity(h, STAFF, '军门社区', { title: '剪纸课' }, { startTime: '14:00' })
    const day = addDays(nextMonday(), 1)
    await stageSignups(h, a.id, day, [
      { name: '陈爷爷', by: 'dev-el-self', subscribed: true },
      { name: '林奶奶', by: 'dev-el-family', personKey: 'p:prof-1', role: 'family', subscribed: true },
      { name: '黄伯伯', by: 'demo-staff', personKey: 'p:prof-2', role: 'staff', subscribed: true },
      { name: '吴阿姨', by: 'dev-el-nosub', subscribed: false },
      { name: '郑大爷', by: 'dev-el-gone', subscribed: true, status: 'cancelled' },
    ])
    const requestId = 't-elder-cancel-1'
    const res = await eldOk(h, STAFF, 'cancelOccurrence', { activityId: a.id, day, reason: '场地维修' }, requestId)
    expect(res.notified).toBe(2)
    expect(res.callList).toEqual([
      { name: '黄伯伯', role: 'staff' },
      { name: '吴阿姨', role: 'self' },
    ])
    expect(res.occurrence).toMatchObject({ day, cancelled: { reason: '场地维修' }, allowed: [] })
    const sent = await messages(h, page(a.id, day))
    expect(sent.map((m) => m.touser).sort()).toEqual(['dev-el-family', 'dev-el-self'])
    expect(sent[0]).toMatchObject({ api: 'subscribeMessage.send', templateId: 'local-tpl-elder-changed' })
    // The retry answers without notifying again; a second cancel is refused.
    expect(await eldOk(h, STAFF, 'cancelOccurrence', { activityId: a.id, day, reason: '场地维修' }, requestId)).toMatchObject({ notified: 0 })
    expect(await messages(h, page(a.id, day))).toHaveLength(2)
    expect(await eld(h, STAFF, 'cancelOccurrence', { activityId: a.id, day, reason: '再取消' })).toMatchObject({ ok: false, code: 'INVALID_STATE' })
    const stored = await storedOccurrence(h, a.id, day)
    expect(stored).toMatchObject({ cancelled: { reason: '场地维修', by: STAFF }, taken: 4 })
    expect(stored!.signups.map((s) => s.subscribed)).toEqual([false, false, false, false, true])
  })

  it('a cancelled and a moved occurrence show in the week; a day with nothing stored is inserted with the change', async () => {
    const a = await makeActivity(h, STAFF, '军门社区', { title: '八段锦' }, { kind: 'daily', weekdays: undefined, startTime: '07:00' })
    const mon = nextMonday()
    const cancelDay = addDays(mon, 1)
    const moveDay = addDays(mon, 2)
    await stageSignups(h, a.id, moveDay, [{ name: '陈爷爷', by: 'dev-mv-self', subscribed: true }])
    await eldOk(h, STAFF, 'cancelOccurrence', { activityId: a.id, day: cancelDay, reason: '下雨' })
    expect(await storedOccurrence(h, a.id, cancelDay)).toMatchObject({ cancelled: { reason: '下雨' }, signups: [], taken: 0 })
    expect(await eld(h, STAFF, 'moveOccurrence', { activityId: a.id, day: moveDay, newDay: addDays(mon, 7), reason: '跨周' })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      issues: [{ path: 'newDay' }],
    })
    const moved = await eldOk(h, STAFF, 'moveOccurrence', { activityId: a.id, day: moveDay, newDay: addDays(mon, 4), startTime: '09:30', place: '小区花园', reason: '活动室被占用' })
    expect(moved).toMatchObject({
      notified: 1,
      callList: [],
      occurrence: { day: moveDay, date: addDays(mon, 4), start: '09:30', end: '10:20', place: '小区花园', moved: { reason: '活动室被占用' } },
    })
    expect((await messages(h, page(a.id, moveDay))).map((m) => m.touser)).toEqual(['dev-mv-self'])

    const w = await eldOk(h, STAFF, 'week', { communityId: h.communityId('军门社区'), week: 'next' })
    expect(w).toMatchObject({ from: mon, to: addDays(mon, 6), week: 'next' })
    expect(w.days.map((d: any) => d.day)).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => addDays(mon, i)))
    const mine = (d: number) => w.days[d].items.filter((i: any) => i.activityId === a.id)
    expect(mine(1)).toEqual([expect.objectContaining({ day: cancelDay, start: '07:00', cancelled: true })])
    expect(mine(2)).toEqual([])
    expect(mine(4)).toEqual([
      expect.objectContaining({ day: addDays(mon, 4), start: '07:00', place: '社区活动室' }),
      expect.objectContaining({ day: moveDay, start: '09:30', end: '10:20', place: '小区花园', moved: true, placesLeft: 19 }),
    ])
    expect(w.activities[a.id]).toEqual({ title: '八段锦', category: '文娱', host: '王老师' })
  })
})

describe('a rule edited from a day', () => {
  it('keeps the past and its sign-ups; cancels (and notifies) stored future sign-ups the new rule drops; keeps those it still gives', async () => {
    const a = await makeActivity(h, STAFF, '军门社区', { title: '健康讲座' }, { startTime: '09:00' })
    // The activity has been running for two weeks (staged: a create starts today at the earliest).
    await h.update('eld_activities', { _id: a.id }, { 'segments.0.from': inDays(-14) })
    const past = inDays(-3)
    const kept = inDays(10)
    const dropped = inDays(11)
    await stageSignups(h, a.id, past, [{ name: '陈爷爷', by: 'dev-r-past', subscribed: true }])
    await stageSignups(h, a.id, kept, [{ name: '林奶奶', by: 'dev-r-kept', subscribed: true }])
    await stageSignups(h, a.id, dropped, [
      { name: '黄伯伯', by: 'dev-r-drop', subscribed: true },
      { name: '吴阿姨', by: 'dev-r-call' },
    ])
    const from = inDays(8)
    expect(await eld(h, STAFF, 'editRule', { activityId: a.id, rev: a.rev, rule: ruleInput({ from: inDays(-1) }) })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    const res = await eldOk(h, STAFF, 'editRule', { activityId: a.id, rev: a.rev, rule: ruleInput({ from, weekdays: [isoWeekdayOf(kept)], startTime: '09:00', place: '二楼会议室' }) })
    expect(res.cancelled).toEqual([{ day: dropped, notified: 1, callList: [{ name: '吴阿姨', role: 'self' }] }])
    expect(res.activity.rev).toBe(a.rev + 1)
    expect(res.activity.segments).toEqual([
      expect.objectContaining({ from: inDays(-14), until: addDays(from, -1), kind: 'weekly', weekdays: [1, 2, 3, 4, 5, 6, 7] }),
      expect.objectContaining({ from, kind: 'weekly', weekdays: [isoWeekdayOf(kept)], place: '二楼会议室' }),
    ])
    expect(await eld(h, STAFF, 'editRule', { activityId: a.id, rev: a.rev, rule: ruleInput({ from }) })).toMatchObject({ ok: false, code: 'CONFLICT' })
    // The past: its occurrence is still given at the old time and its stored sign-ups are untouched.
    const [doc] = await h.find('eld_activities', { _id: a.id })
    expect(occurrenceOn(doc, past)).toMatchObject({ day: past, place: '社区活动室' })
    expect(occurrenceOn(doc, addDays(from, -1))).not.toBeNull()
    expect(await storedOccurrence(h, a.id, past)).toMatchObject({ taken: 1, signups: [{ name: '陈爷爷', status: 'signed_up' }] })
    expect((await storedOccurrence(h, a.id, past))!.cancelled).toBeUndefined()
    // The future: kept (and moved to the new place), dropped (cancelled, notified).
    expect(await storedOccurrence(h, a.id, kept)).toMatchObject({ place: '二楼会议室', taken: 1 })
    expect((await storedOccurrence(h, a.id, kept))!.cancelled).toBeUndefined()
    expect(await storedOccurrence(h, a.id, dropped)).toMatchObject({ cancelled: { reason: '活动规则调整' } })
    expect((await messages(h)).filter((m) => m.page.includes(a.id)).map((m) => m.touser)).toEqual(['dev-r-drop'])
    const detail = await eldOk(h, STAFF, 'staffActivity', { activityId: a.id, weeks: 4 })
    const days = detail.occurrences.map((o: any) => o.day)
    expect(days).toContain(kept)
    expect(days).not.toContain(dropped)
    expect(days.filter((d: string) => d >= from).every((d: string) => isoWeekdayOf(d) === isoWeekdayOf(kept))).toBe(true)
  })

  it('refuses to change the rule from today once today’s occurrence has begun (that is the past)', async () => {
    const a = await makeActivity(h, STAFF, '军门社区', { title: '早操' }, { kind: 'daily', weekdays: undefined, startTime: '00:00' })
    const res = await eld(h, STAFF, 'editRule', { activityId: a.id, rev: a.rev, rule: ruleInput({ from: inDays(0), startTime: '08:00' }) })
    expect(res).toMatchObject({ ok: false, code: 'INVALID_INPUT', issues: [{ path: 'rule.from' }] })
    expect(await eldOk(h, STAFF, 'editRule', { activityId: a.id, rev: a.rev, rule: ruleInput({ from: inDays(1), startTime: '08:00' }) })).toMatchObject({ activity: { rev: a.rev + 1 } })
  })
})

describe('the week', () => {
  it('shows my status (myself and the elders I signed up), never anyone else’s names', async () => {
    const a = await makeActivity(h, STAFF, '军门社区', { title: '手工编织', category: '手工' }, { startTime: '15:00', capacity: 10 })
    const me = await resident(h, '军门社区', '居民我')
    const other = await resident(h, '军门社区', '居民他')
    const day = addDays(nextMonday(), 3)
    await stageSignups(h, a.id, day, [
      { name: '我自己', by: me },
      { name: '我妈妈林秀英', by: me, personKey: 'p:mine-1', role: 'family' },
      { name: '别人张三丰', by: other },
    ])
    const mineRaw = JSON.stringify(await eld(h, me, 'week', { week: 'next' }))
    const w = JSON.parse(mineRaw).data
    const item = w.days[3].items.find((i: any) => i.activityId === a.id)
    expect(item).toMatchObject({ placesLeft: 7, signupRequired: true, mine: { self: true, others: ['我妈妈林秀英'] } })
    expect(mineRaw).not.toContain('别人张三丰')
    const theirs = JSON.stringify(await eld(h, other, 'week', { week: 'next' }))
    expect(theirs).not.toContain('林秀英')
    expect(theirs).not.toContain('我自己')
    expect(JSON.parse(theirs).data.days[3].items.find((i: any) => i.activityId === a.id).mine).toEqual({ self: true })
    // Not signed in, with the community: the schedule without any status.
    const anon = JSON.stringify(await eld(h, '', 'week', { communityId: h.communityId('军门社区'), week: 'next' }))
    expect(anon).toContain('手工编织')
    expect(anon).not.toContain('"mine"')
    expect(await eld(h, '', 'week', { week: 'next' })).toMatchObject({ ok: false })
  })

  it('this week starts today and drops past days; todayOnly is today alone', async () => {
    const w = await eldOk(h, STAFF, 'week', { communityId: h.communityId('军门社区') })
    const today = chinaToday()
    expect(w.today).toBe(today)
    expect(w.days[0].day).toBe(today)
    expect(w.days.every((d: any) => d.day >= today && d.day <= w.to)).toBe(true)
    const t = await eldOk(h, STAFF, 'week', { communityId: h.communityId('军门社区'), todayOnly: true })
    expect(t.days.map((d: any) => d.day)).toEqual([today])
  })
})

describe('the calendar through the week, with the clock set', () => {
  const saved = process.env.HEMEI_CLOCK
  afterAll(() => {
    if (saved === undefined) delete process.env.HEMEI_CLOCK
    else process.env.HEMEI_CLOCK = saved
  })

  it('29 Feb 2028, the month end, the nth weekday and a 5th weekday a month lacks', async () => {
    // Monday 28 February 2028, 08:00 in China: this week runs to Sunday 5 March.
    setClockOffset(Date.parse('2028-02-28T08:00:00+08:00') - Date.now())
    expect(chinaToday()).toBe('2028-02-28')
    const c = '庆城社区'
    const from = '2028-02-28'
    const daily = await makeActivity(h, STAFF, c, { title: '每日八段锦' }, { kind: 'daily', from, startTime: '09:00' })
    const leap = await makeActivity(h, STAFF, c, { title: '闰日茶话会' }, { kind: 'once', from: '2028-02-29', startTime: '15:00' })
    const fifthTue = await makeActivity(h, STAFF, c, { title: '第五个周二' }, { kind: 'monthly_nth', nth: 5, weekday: 2, from, startTime: '10:00' })
    const fifthWed = await makeActivity(h, STAFF, c, { title: '第五个周三' }, { kind: 'monthly_nth', nth: 5, weekday: 3, from, startTime: '10:00' })
    const firstWed = await makeActivity(h, STAFF, c, { title: '第一个周三' }, { kind: 'monthly_nth', nth: 1, weekday: 3, from, startTime: '10:00' })
    const w = await eldOk(h, STAFF, 'week', { communityId: h.communityId(c) })
    expect(w).toMatchObject({ today: '2028-02-28', from: '2028-02-28', to: '2028-03-05' })
    const on = (id: string) => w.days.flatMap((d: any) => d.items.filter((i: any) => i.activityId === id).map(() => d.day))
    expect(on(daily.id)).toEqual(['2028-02-28', '2028-02-29', '2028-03-01', '2028-03-02', '2028-03-03', '2028-03-04', '2028-03-05'])
    expect(on(leap.id)).toEqual(['2028-02-29'])
    expect(on(fifthTue.id)).toEqual(['2028-02-29'])
    expect(on(fifthWed.id)).toEqual([])
    expect(on(firstWed.id)).toEqual(['2028-03-01'])
    expect(w.days[1]).toMatchObject({ day: '2028-02-29', weekday: 2 })
    expect(w.days[1].items.map((i: any) => i.start)).toEqual(['09:00', '10:00', '15:00'])
    // Next week: March has no 5th Tuesday; the first Wednesday is past.
    const n = await eldOk(h, STAFF, 'week', { communityId: h.communityId(c), week: 'next' })
    expect(n).toMatchObject({ from: '2028-03-06', to: '2028-03-12' })
    const ids = n.days.flatMap((d: any) => d.items.map((i: any) => i.activityId))
    expect(ids.filter((id: string) => id === daily.id)).toHaveLength(7)
    expect(ids.filter((id: string) => id !== daily.id)).toEqual([])
  })
})
