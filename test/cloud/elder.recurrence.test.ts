// Elder activities' recurrence (cloud/domain/elder/recurrence.ts): rrule on floating China times. The suite runs
// under TZ=UTC and TZ=Asia/Shanghai in CI's clock passes; these cases pin the answers, so any TZ leak fails them.
import type { RuleSegment } from '../../cloud/domain/elder/model'
import { applyStored, expand, newOccurrenceDoc, occurrenceId, occurrenceOn } from '../../cloud/domain/elder/recurrence'

const seg = (s: Partial<RuleSegment>): RuleSegment => ({ from: '2027-01-01', kind: 'weekly', startTime: '09:30', durationMin: 60, place: '活动室', capacity: 20, signupRequired: true, ...s })
const act = (...segments: RuleSegment[]) => ({ _id: 'a1', communityId: 'c01', segments })
const days = (a: ReturnType<typeof act>, from: string, to: string) => expand(a, from, to).map((o) => o.day)

test('weekly on given weekdays: China days and instants, whatever the TZ', () => {
  const occ = expand(act(seg({ weekdays: [2, 4] })), '2027-01-04', '2027-01-10')
  expect(occ.map((o) => o.day)).toEqual(['2027-01-05', '2027-01-07'])
  expect(occ[0].startAt.toISOString()).toBe('2027-01-05T01:30:00.000Z')
  expect(occ[0].endAt.toISOString()).toBe('2027-01-05T02:30:00.000Z')
})

test('an early-morning activity stays on its China day (07:00 China = 23:00 UTC the day before)', () => {
  const occ = expand(act(seg({ kind: 'daily', startTime: '07:00' })), '2027-01-01', '2027-01-02')
  expect(occ.map((o) => [o.day, o.startAt.toISOString()])).toEqual([
    ['2027-01-01', '2026-12-31T23:00:00.000Z'],
    ['2027-01-02', '2027-01-01T23:00:00.000Z'],
  ])
})

test('daily across a month end and 29 February 2028', () => {
  expect(days(act(seg({ kind: 'daily', from: '2028-01-01' })), '2028-02-27', '2028-03-01')).toEqual(['2028-02-27', '2028-02-28', '2028-02-29', '2028-03-01'])
  expect(days(act(seg({ kind: 'daily' })), '2027-02-27', '2027-03-01')).toEqual(['2027-02-27', '2027-02-28', '2027-03-01'])
})

test('monthly on the nth weekday; a month without a 5th one has none', () => {
  expect(days(act(seg({ kind: 'monthly_nth', nth: 1, weekday: 3 })), '2027-01-01', '2027-03-31')).toEqual(['2027-01-06', '2027-02-03', '2027-03-03'])
  // Fifth Wednesdays of 2027's first half: only March and June have one.
  expect(days(act(seg({ kind: 'monthly_nth', nth: 5, weekday: 3 })), '2027-01-01', '2027-06-30')).toEqual(['2027-03-31', '2027-06-30'])
})

test('a one-off gives its day only', () => {
  const a = act(seg({ kind: 'once', from: '2027-02-10', day: '2027-02-10' }))
  expect(days(a, '2027-01-01', '2027-12-31')).toEqual(['2027-02-10'])
  expect(occurrenceOn(a, '2027-02-11')).toBeNull()
})

test('a rule edited from a date: the past keeps its segment, the future follows the new one', () => {
  const a = act(seg({ weekdays: [2], until: '2027-01-14' }), seg({ from: '2027-01-15', weekdays: [5], startTime: '14:00' }))
  const occ = expand(a, '2027-01-04', '2027-01-24')
  expect(occ.map((o) => o.day)).toEqual(['2027-01-05', '2027-01-12', '2027-01-15', '2027-01-22'])
  expect(occ[2].startAt.toISOString()).toBe('2027-01-15T06:00:00.000Z')
})

test('stored exceptions: a moved and a cancelled occurrence', () => {
  const a = act(seg({ weekdays: [2] }))
  const computed = expand(a, '2027-01-04', '2027-01-17')
  const moved = {
    ...newOccurrenceDoc(a, computed[0], new Date()),
    startAt: new Date('2027-01-06T06:00:00Z'),
    endAt: new Date('2027-01-06T07:00:00Z'),
    place: '大礼堂',
    moved: { reason: '场地维修', by: 's', at: new Date() },
  }
  const cancelled = { ...newOccurrenceDoc(a, computed[1], new Date()), cancelled: { reason: '天气', by: 's', at: new Date() } }
  const occ = applyStored(computed, [moved, cancelled])
  expect(occ[0]).toMatchObject({ day: '2027-01-05', moved: true, cancelled: false, place: '大礼堂' })
  expect(occ[0].startAt.toISOString()).toBe('2027-01-06T06:00:00.000Z')
  expect(occ[0].originalStartAt.toISOString()).toBe('2027-01-05T01:30:00.000Z')
  expect(occ[1]).toMatchObject({ day: '2027-01-12', cancelled: true })
  expect(occurrenceId('a1', '2027-01-12')).toBe(cancelled._id)
})

// part A: gaps found while building activities (a segment never gives a day before its own `from`).
test('a rule starting mid-week or mid-month gives nothing before its first day', () => {
  // 2027-01-01 is a Friday: a Monday rule from then starts on 4 January, not on 28 December.
  expect(days(act(seg({ weekdays: [1] })), '2026-12-28', '2027-01-10')).toEqual(['2027-01-04'])
  // The first Wednesday of January 2027 (the 6th) is before a rule from the 10th: its first is 3 February.
  expect(days(act(seg({ kind: 'monthly_nth', nth: 1, weekday: 3, from: '2027-01-10' })), '2027-01-01', '2027-02-28')).toEqual(['2027-02-03'])
})

test('a rule edited twice: the middle segment gives only its own span', () => {
  const a = act(
    seg({ kind: 'daily', until: '2027-01-03' }),
    seg({ from: '2027-01-04', until: '2027-01-10', weekdays: [3] }),
    seg({ from: '2027-01-11', kind: 'once', day: '2027-01-12', until: '2027-01-12' }),
  )
  expect(days(a, '2027-01-01', '2027-01-31')).toEqual(['2027-01-01', '2027-01-02', '2027-01-03', '2027-01-06', '2027-01-12'])
})
