// Elder activities, part B (issue 12): the reminder job (18:00 China time the day before) sends each subscribed
// sign-up exactly one message — run twice, at once, or late — and the call list holds the rest. The clock is moved
// forward to fixed China times, so the suite passes at any hour and under any TZ.
import type { OccurrenceDoc, SignupEntry } from '../../cloud/domain/elder/model'
import { newOccurrenceDoc, occurrenceId, occurrenceOn } from '../../cloud/domain/elder/recurrence'
import { addDays, chinaInstant, clockOffset, nowMs, setClockOffset } from '../../cloud/lib/dates'
import { inDays } from '../clock'
import { startHarness, type Harness } from './helpers'
import { resident, staffOf } from './wishFixtures'
import { makeReminderDue, reminders, runReminderJob, stageActivity, stageProfile } from './elderFixturesB'
import { eldOk } from './elderFixtures'

let h: Harness
beforeAll(async () => {
  h = await startHarness({ poolSize: 1 })
})
afterAll(async () => {
  await h?.close()
})

const STAFF = staffOf('军门社区')
/** Moves the one clock (this process, the emulator and its workers) forward to `at`. */
function jumpTo(at: Date): void {
  expect(at.getTime()).toBeGreaterThan(nowMs())
  setClockOffset(clockOffset() + (at.getTime() - nowMs()))
}

// Fixed China days from the start: T is tomorrow 18:10; X the day after (its reminders are due at T).
const TOMORROW = inDays(1)
const X = addDays(TOMORROW, 1)
const Y = addDays(X, 1)
const Z = addDays(Y, 1)

describe('the reminder job', () => {
  it('at 18:10 the day before: one message per subscribed sign-up, run twice or twice at once; the call list holds the rest', async () => {
    const a = await stageActivity(h, '军门社区', { startTime: '09:30' })
    const sub = await resident(h, '军门社区', '订阅的王伯')
    const daughter = await resident(h, '军门社区', '女儿')
    const plain = await resident(h, '军门社区', '没订阅的李婆')
    const quitter = await resident(h)
    const mum = await stageProfile(h, { managers: [daughter], name: '林妈妈', phone: '13900000011' })
    const paper = await stageProfile(h, { kind: 'staff', name: '陈阿公', phone: '13900000012' })
    const paperless = await stageProfile(h, { kind: 'staff', name: '许阿婆' })
    const on = (day: string) => ({ activityId: a._id, day })
    await eldOk(h, sub, 'signUp', { ...on(X), person: 'self', subscribed: true, stored: false })
    await eldOk(h, daughter, 'signUp', { ...on(X), person: { profileId: mum._id }, subscribed: true })
    await eldOk(h, plain, 'signUp', { ...on(X), person: 'self', subscribed: false })
    await eldOk(h, quitter, 'signUp', { ...on(X), person: 'self', subscribed: true })
    await eldOk(h, quitter, 'cancelSignUp', { ...on(X), person: 'self' })
    await eldOk(h, STAFF, 'signUp', { ...on(X), person: { profileId: paper._id }, subscribed: true })
    await eldOk(h, STAFF, 'signUp', { ...on(X), person: { profileId: paperless._id } })
    // Not due yet (the day after X), a cancelled occurrence, and an entry a crashed run claimed without sending.
    await eldOk(h, sub, 'signUp', { ...on(Y), person: 'self', subscribed: true, stored: false })
    const b = await stageActivity(h)
    await eldOk(h, sub, 'signUp', { activityId: b._id, day: X, person: 'self', subscribed: true, stored: false })
    await h.update('eld_occurrences', { _id: occurrenceId(b._id, X) }, { cancelled: { reason: '停电', by: STAFF, at: new Date(nowMs()) } })
    const c = await stageActivity(h)
    await eldOk(h, daughter, 'signUp', { activityId: c._id, day: X, person: 'self', subscribed: true, stored: false })
    await h.update('eld_occurrences', { _id: occurrenceId(c._id, X) }, { 'signups.0.remindedAt': new Date(nowMs()) })

    // Before 18:00 the day before, nothing is due for X.
    jumpTo(chinaInstant(TOMORROW, '17:50'))
    expect(await runReminderJob(h)).toMatchObject({ done: 0 })
    expect(reminders(h)).toHaveLength(0)

    jumpTo(chinaInstant(TOMORROW, '18:10'))
    expect(await runReminderJob(h)).toMatchObject({ done: 2 })
    const sent = reminders(h)
    expect(sent.map((m) => m.touser).sort()).toEqual([sub, daughter].sort())
    const toDaughter = sent.find((m) => m.touser === daughter)!
    expect(toDaughter.page).toBe(`packages/elder/pages/occurrence/index?activityId=${a._id}&day=${X}`)
    expect(toDaughter.data).toMatchObject({ thing1: { value: a.title }, time2: { value: `${X} 09:30` }, thing3: { value: '活动室' }, name4: { value: '林妈妈' } })
    const stored = (await h.find('eld_occurrences', { _id: occurrenceId(a._id, X) }))[0] as OccurrenceDoc
    expect(stored.signups.filter((s) => s.remindedAt).map((s) => s.name)).toEqual(['订阅的王伯', '林妈妈'])

    expect(await runReminderJob(h)).toMatchObject({ done: 0 })
    await Promise.all([runReminderJob(h), runReminderJob(h)])
    expect(reminders(h)).toHaveLength(2)

    const list = await eldOk(h, STAFF, 'callList', { communityId: a.communityId })
    expect(list.day).toBe(X)
    expect(list.lines.map((l: any) => [l.name, l.phone ?? null, l.reason]).sort()).toEqual(
      [
        ['没订阅的李婆', null, 'unsubscribed'],
        ['陈阿公', '13900000012', 'staff'],
        ['许阿婆', null, 'staff'],
      ].sort(),
    )
  })

  it('run late (the morning of the day, 18:00 missed): still before the start, sent once; an occurrence that started, not', async () => {
    const early = await stageActivity(h, '军门社区', { startTime: '07:00' })
    const later = await stageActivity(h, '军门社区', { startTime: '09:30' })
    const p = await resident(h)
    await eldOk(h, p, 'signUp', { activityId: early._id, day: Z, person: 'self', subscribed: true, stored: false })
    await eldOk(h, p, 'signUp', { activityId: later._id, day: Z, person: 'self', subscribed: true, stored: false })
    const before = reminders(h).length
    jumpTo(chinaInstant(Z, '08:00'))
    await runReminderJob(h)
    await runReminderJob(h)
    const mine = reminders(h)
      .slice(before)
      .filter((m) => m.touser === p)
    expect(mine.map((m) => m.page)).toEqual([`packages/elder/pages/occurrence/index?activityId=${later._id}&day=${Z}`])
  })

  it('500 subscribed sign-ups in 25 occurrences: one run sends 500 messages (requests and time reported)', async () => {
    const day = addDays(Z, 2)
    await h.emu.fireTrigger('scheduler') // every job once: the schedule then names them all
    for (let k = 0; k < 25; k++) {
      const a = await stageActivity(h, '军门社区', { startTime: '10:00', capacity: 20 })
      const signups: SignupEntry[] = Array.from({ length: 20 }, (_x, i) => ({
        personKey: `u:bulk-${k}-${i}`,
        name: `长者${k}-${i}`,
        status: 'signed_up',
        by: `bulk-${k}-${i}`,
        role: 'self',
        at: new Date(nowMs()),
        subscribed: true,
      }))
      await h.insert('eld_occurrences', { ...newOccurrenceDoc(a, occurrenceOn(a, day)!, new Date(nowMs())), signups, taken: 20 })
    }
    const before = reminders(h).length
    jumpTo(chinaInstant(addDays(day, -1), '18:05'))
    await makeReminderDue(h)
    // Only this job due, so the run's figures are the job's (+ the schedule's read and claim, and the run's record).
    const [schedule] = await h.find('jobs', { _id: 'schedule' })
    const later = Object.fromEntries(
      Object.keys(schedule.next)
        .filter((k) => k !== 'elderReminders')
        .map((k) => [`next.${k}`, new Date(nowMs() + 7 * 86_400_000)]),
    )
    if (Object.keys(later).length) await h.update('jobs', { _id: 'schedule' }, later)
    const { stat, result } = (await h.emu.fireTrigger('scheduler')) as { stat: { dbRequests: number; durationMs: number; queries: string[] }; result: any }
    expect(result.data.jobs.elderReminders).toMatchObject({ done: 500 })
    expect(stat.queries.filter((q) => q.startsWith('eld_'))).toEqual(expect.arrayContaining([expect.stringMatching(/^eld_occurrences:/)]))
    expect(stat.queries.filter((q) => q.endsWith(':SCAN'))).toEqual([])
    expect(reminders(h).length - before).toBe(500)
    console.log(
      `elder reminders: 500 sign-ups in 25 occurrences, one scheduler run: ${stat.dbRequests} database requests, ${result.data.jobs.elderReminders.ms} ms in the job, ${Math.round(stat.durationMs)} ms the run`,
    )
    // The schedule's read and claim, the query, the titles, 25 claims, the run's record.
    expect(Object.keys(result.data.jobs)).toEqual(['elderReminders'])
    expect(stat.dbRequests).toBe(30)
    expect(await runReminderJob(h)).toMatchObject({ done: 0 })
    expect(reminders(h).length - before).toBe(500)
  })
})
