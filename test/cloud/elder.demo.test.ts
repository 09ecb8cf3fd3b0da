// Elder activities' demo data (`npm start`, cloud/emulator/seed/elder.ts), through the real `elder` function: the
// activities cover every recurrence kind, 林阿姨's week shows her sign-ups (for herself and her mother) with the moved
// and the cancelled occurrence, tomorrow's call list names the elders who get no message, the person-times count
// yesterday's check-ins once the tally job ran, and the stored counts agree with the sign-ups.
import { RECURRENCE_KINDS } from '../../src/contracts/elder/rules'
import { occurrenceId, occurrenceOn } from '../../cloud/domain/elder/recurrence'
import { personTimesKey } from '../../cloud/domain/elder/tallies'
import { inDays } from '../clock'
import { eld, eldOk } from './elderFixtures'
import { startHarness, type Harness } from './helpers'
import { resident } from './wishFixtures'

const GUARDIAN = 'demo-resident'
const STAFF = 'demo-staff'
const BADUANJIN = 'demo-eld-baduanjin'

let h: Harness
beforeAll(async () => {
  h = await startHarness({ poolSize: 1, elderDemo: true })
})
afterAll(async () => {
  await h?.close()
})

type Item = { activityId: string; day: string; start: string; cancelled?: true; moved?: true; mine?: { self?: true; others?: string[] } }

/** 林阿姨's items of this week and next. */
async function myWeekItems(): Promise<Item[]> {
  const items: Item[] = []
  for (const week of ['this', 'next']) {
    const v = await eldOk(h, GUARDIAN, 'week', { week })
    for (const d of v.days) items.push(...d.items)
  }
  return items
}

describe('elder demo data', () => {
  it('six activities of 军门 cover every recurrence kind, and one needs no sign-up', async () => {
    const activities = await h.find('eld_activities', { communityId: 'junmen' })
    expect(activities).toHaveLength(6)
    const segments = activities.flatMap((a: { segments: { kind: string; signupRequired: boolean }[] }) => a.segments)
    expect(new Set(segments.map((s: { kind: string }) => s.kind))).toEqual(new Set(RECURRENCE_KINDS))
    expect(segments.filter((s: { signupRequired: boolean }) => !s.signupRequired)).toHaveLength(1)
  })

  it('each stored occurrence is one its rule gives, and its counts are those of its sign-ups and walk-ins', async () => {
    const activities = new Map((await h.find('eld_activities', {})).map((a: { _id: string }) => [a._id, a]))
    const stored = await h.find('eld_occurrences', {})
    expect(stored.length).toBeGreaterThanOrEqual(4)
    for (const o of stored) {
      expect(o._id).toBe(occurrenceId(o.activityId, o.day))
      expect(occurrenceOn(activities.get(o.activityId) as never, o.day)).not.toBeNull()
      const present = o.signups.filter((s: { checkedInAt?: unknown }) => s.checkedInAt).length + o.walkIns.length
      expect({ taken: o.taken, checkins: o.checkins ?? 0 }).toEqual({ taken: o.signups.filter((s: { status: string }) => s.status === 'signed_up').length, checkins: present })
      expect(o.untallied).toEqual(expect.any(String))
    }
  })

  it("林阿姨's week shows her sign-ups for herself and her mother, the moved 合唱 and the cancelled 剪纸手工", async () => {
    const items = await myWeekItems()
    const tomorrow = items.find((i) => i.activityId === BADUANJIN && i.day === inDays(1))
    expect(tomorrow?.mine).toEqual({ self: true, others: ['陈桂英'] })
    expect(items.find((i) => i.activityId === 'demo-eld-choir' && i.moved)).toMatchObject({ start: '15:00', mine: { self: true } })
    expect(items.find((i) => i.activityId === 'demo-eld-papercut' && i.cancelled)).toMatchObject({ mine: { others: ['陈桂英'] } })
    const mine = await eldOk(h, GUARDIAN, 'mySignups', {})
    const tomorrowRows = mine.items.filter((c: { activityId: string; day: string }) => c.activityId === BADUANJIN && c.day === inDays(1))
    expect(tomorrowRows.map((c: { name: string; status: string }) => [c.name, c.status]).sort()).toEqual([
      ['林阿姨', 'signed_up'],
      ['陈桂英', 'signed_up'],
    ])
  })

  it("tomorrow's call list names those who get no message: her mother (with the phone on file) and 王阿婆 (signed up by staff)", async () => {
    const list = await eldOk(h, STAFF, 'callList', { communityId: 'junmen' })
    expect(list.day).toBe(inDays(1))
    const lines = list.lines.filter((l: { activityId: string }) => l.activityId === BADUANJIN)
    const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : 1)
    expect(lines.map((l: { name: string; reason: string; phone?: string }) => ({ name: l.name, reason: l.reason, phone: l.phone })).sort(byName)).toEqual([
      { name: '王阿婆', reason: 'staff', phone: undefined },
      { name: '陈桂英', reason: 'unsubscribed', phone: '13800138007' },
    ])
  })

  it("the month's person-times count yesterday's check-ins and walk-in once the tally job ran (the seed left them untallied)", async () => {
    const yesterday = inDays(-1)
    const [occ] = await h.find('eld_occurrences', { _id: occurrenceId(BADUANJIN, yesterday) })
    expect(occ.checkins).toBe(4)
    await h.countNow({ reconcile: false })
    const [counter] = await h.find('counters', { _id: 'stats_eldPt_junmen' })
    expect(counter?.counts[personTimesKey(yesterday, BADUANJIN)]).toBe(4)
    const stats = await eldOk(h, STAFF, 'monthStats', { communityId: 'junmen', month: yesterday.slice(0, 7) })
    expect(stats.byActivity.find((a: { activityId: string }) => a.activityId === BADUANJIN)).toMatchObject({ title: '八段锦', count: 4 })
  })

  it("a neighbour signs up for tomorrow's 八段锦 and sees the places the stored sign-ups leave", async () => {
    const neighbour = await resident(h, '军门社区', '邻居')
    const res = await eld(h, neighbour, 'signUp', { activityId: BADUANJIN, day: inDays(1), person: 'self', stored: true })
    expect(res).toMatchObject({ ok: true, data: { status: 'signed_up', placesLeft: 30 - 4 } })
  })
})
