// The scheduler behind the one timer trigger, and the first jobs: only a real trigger reaches the jobs; a run that
// finds nothing due costs one request (the counters' tally is due each minute); overlapping or late runs do the work once; the overdue job flags exactly
// what the staff queue shows; the purge removes only day-old idempotency records.
import { startHarness, type Harness } from './helpers'
import { claimedWish, day, stored } from './wishFixtures'
import { nowMs } from '../../cloud/lib/dates'
import { timerEvent } from '../../cloud/emulator/triggers/event'
import type { CallStat } from '../../cloud/emulator'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(() => h?.close())

type Run = { stat: CallStat; result: any }
const fire = () => h.emu.fireTrigger('scheduler') as Promise<Run>

/** The overdue and purge jobs due now, as if their period had passed; the counters' jobs not due (tested in wish.counters). */
async function makeDue(): Promise<void> {
  const later = new Date(nowMs() + 3600_000)
  expect(await h.update('jobs', { _id: 'schedule' }, { next: { wishOverdueClaims: new Date(0), purgeRequests: new Date(0), wishTally: later, wishCounters: later } })).toBe(1)
}

/** A claim past its promised date (yesterday, China time). */
async function overdueClaim(community: string): Promise<string> {
  const w = await claimedWish(h, community)
  await h.update('wishes', { _id: w.id }, { 'claim.promisedBy': day(-1) })
  return w.id
}

/** Ids of the claims the overdue job has flagged. */
async function flagged(): Promise<string[]> {
  return (await h.find('wishes', { status: 'claimed' }))
    .filter((w) => w.claim?.overdueAt)
    .map((w) => w._id)
    .sort()
}

const ids = (page: { items: { id: string }[] }) => page.items.map((c) => c.id).sort()

describe('who may run the jobs', () => {
  it('refuses a client-sent {Type:"Timer"}, to the scheduler or a domain function, and writes nothing', async () => {
    const event = { Type: 'Timer', TriggerName: 'everyMinute', Time: new Date(nowMs()).toISOString(), Message: '' }
    for (const openid of ['demo-admin', 'demo-staff', 'demo-resident', '']) {
      expect(await h.emu.invoke('scheduler', event, openid)).toMatchObject({ ok: false, code: 'SYSTEM_ONLY', message: expect.any(String) })
      expect(await h.emu.invoke('wish', { ...event, action: 'queue', input: { kind: 'overdue' } }, openid)).toMatchObject({ ok: false, code: 'SYSTEM_ONLY' })
    }
    // Whatever else a client sends the scheduler is refused too; a real trigger event reaching a domain function as well.
    expect(await h.emu.invoke('scheduler', { action: 'run' }, 'demo-admin')).toMatchObject({ ok: false, code: 'SYSTEM_ONLY' })
    expect((await h.emu.core.callFunction('wish', timerEvent({ name: 'everyMinute' }, nowMs()), null)).result).toMatchObject({ ok: false, code: 'SYSTEM_ONLY' })
    expect(h.emu.calls.filter((c) => c.code === 'SYSTEM_ONLY').every((c) => c.dbRequests === 0)).toBe(true)
    expect(await h.count('jobs')).toBe(0)
    expect(await h.count('job_runs')).toBe(0)
    expect(await flagged()).toEqual([])
  })
})

describe('the overdue-claims job', () => {
  it('flags exactly the claims the staff overdue queue showed, and the queue still shows them', async () => {
    const a = await overdueClaim('庆城社区')
    const b = await overdueClaim('汤门社区')
    const dueToday = await claimedWish(h, '军门社区')
    await h.update('wishes', { _id: dueToday.id }, { 'claim.promisedBy': day(0) })
    const before = await h.wishOk('demo-admin', 'queue', { kind: 'overdue' })
    expect(ids(before)).toEqual(expect.arrayContaining([a, b]))
    expect(ids(before)).not.toContain(dueToday.id)

    const { result } = await fire()
    expect(result).toMatchObject({ ok: true, data: { claimed: true } })
    expect(result.data.due).toEqual(expect.arrayContaining(['wishOverdueClaims', 'purgeRequests', 'wishTally']))
    expect(result.data.jobs.wishOverdueClaims.ids.sort()).toEqual(ids(before))
    expect(await flagged()).toEqual(ids(before))
    expect(ids(await h.wishOk('demo-admin', 'queue', { kind: 'overdue' }))).toEqual(ids(before))
    const [run] = await h.find('job_runs')
    expect(run).toMatchObject({ at: expect.any(Date), jobs: { wishOverdueClaims: { done: ids(before).length }, purgeRequests: { done: 0 } } })

    // The flag goes with the claim: staff release it, and it is gone.
    await h.wishOk('demo-staff', 'release', { wishId: a, reason: '超期未完成' })
    expect((await stored(h, a)).claim).toBeUndefined()
    expect(await flagged()).not.toContain(a)
  })

  it('does the work once when fired twice at once', async () => {
    const c = await overdueClaim('军门社区')
    await makeDue()
    const runsBefore = await h.count('job_runs')
    const [r1, r2] = await Promise.all([fire(), fire()])
    const claimed = [r1, r2].filter((r) => r.result.data.claimed)
    expect(claimed).toHaveLength(1)
    expect(claimed[0].result.data.jobs.wishOverdueClaims).toMatchObject({ done: 1, ids: [c] })
    expect(await h.count('job_runs')).toBe(runsBefore + 1)
    const flaggedAt = (await stored(h, c)).claim.overdueAt
    expect(flaggedAt).toEqual(expect.any(Date))

    // And the job itself is idempotent: run again (due once more), it finds nothing left to flag.
    await makeDue()
    const again = await fire()
    expect(again.result.data.jobs.wishOverdueClaims).toEqual({ done: 0, ms: expect.any(Number) })
    expect((await stored(h, c)).claim.overdueAt).toEqual(flaggedAt)
  })

  it('costs one database request when nothing is due (≤ 2), on the schedule document', async () => {
    await fire() // the minute's tally
    const { stat, result } = await fire()
    expect(result.data).toEqual({ due: [], claimed: false, jobs: {} })
    expect(stat.dbRequests).toBeLessThanOrEqual(2)
    expect(stat.dbRequests).toBe(1)
    expect(stat.queries).toEqual(['jobs:_id'])
  })

  it('claims only the jobs that are due; the others keep their time', async () => {
    const [before] = await h.find('jobs', { _id: 'schedule' })
    expect(await h.update('jobs', { _id: 'schedule' }, { next: { wishOverdueClaims: new Date(0) } })).toBe(1)
    const { result } = await fire()
    expect(result.data).toMatchObject({ claimed: true })
    // The hourly job made due, and the minute's (and half-hour's) jobs when a new one began meanwhile; nothing else.
    const everyMinute = [
      'wishTally',
      'volSlotsTally',
      'volDisputesTally',
      'volCertificatesTally',
      'volStatsTally',
      'schSessionsTally',
      'schoolOfferExpiry',
      'eldPersonTimesTally',
      'elderReminders',
    ]
    expect(result.data.due.filter((j: string) => !everyMinute.includes(j))).toEqual(['wishOverdueClaims'])
    const [after] = await h.find('jobs', { _id: 'schedule' })
    expect(after.next.purgeRequests).toEqual(before.next.purgeRequests)
    expect(after.next.wishOverdueClaims.getTime()).toBeGreaterThan(nowMs())
  })

  it('finds its work on indexes when busy', async () => {
    await overdueClaim('庆城社区')
    await makeDue()
    const { stat } = await fire()
    // schedule read + claim, overdue read + flag, purge, run record.
    expect(stat.dbRequests).toBe(6)
    expect(stat.queries).not.toContainEqual(expect.stringMatching(/:SCAN$/))
    expect(stat.queries).toEqual(expect.arrayContaining(['wishes:overdueDue', 'requests:age']))
  })
})

describe('the purge of idempotency records', () => {
  it('removes only records older than a day', async () => {
    const now = nowMs()
    const rec = (id: string, ageMs: number) => h.insert('requests', { _id: id, fn: 'wish', action: 'post', status: 'done', createdAt: new Date(now - ageMs) })
    await rec('t:old', 25 * 3600_000)
    await rec('t:young', 23 * 3600_000)
    await rec('t:fresh', 0)
    await makeDue()
    const { result } = await fire()
    expect(result.data.jobs.purgeRequests).toMatchObject({ done: 1 })
    expect(await h.count('requests', { _id: 't:old' })).toBe(0)
    expect(await h.count('requests', { _id: 't:young' })).toBe(1)
    expect(await h.count('requests', { _id: 't:fresh' })).toBe(1)
  })
})

describe('moving the clock', () => {
  it('an hour forward: sixty runs, the due work done once', async () => {
    await fire() // whatever was due is done: the jobs are next due at the coming hour
    const late = await overdueClaim('汤门社区')
    // Under a day old now; a second over a day old at the coming hour, when the jobs run (on the function
    // workers' clock, which the advance moves too).
    const hour = (Math.floor(nowMs() / 3600_000) + 1) * 3600_000
    await h.insert('requests', { _id: 't:ageing', fn: 'wish', action: 'post', status: 'done', createdAt: new Date(hour - 24 * 3600_000 - 1000) })
    const runsBefore = (await h.find('job_runs')).length
    const callsBefore = h.emu.calls.length
    const from = nowMs()

    await h.emu.advanceClock(3600_000)

    const runs = h.emu.calls.slice(callsBefore).filter((c) => c.fn === 'scheduler')
    expect(runs).toHaveLength(60)
    expect(runs.every((r) => r.ok)).toBe(true)
    const records = await h.find('job_runs')
    const newRecords = records.filter((r) => r.at.getTime() > from && r.jobs.wishOverdueClaims)
    expect(records.length).toBeGreaterThanOrEqual(runsBefore + newRecords.length)
    // Both are hourly: exactly one hour boundary fell in the hour, so one run did their work (the per-minute
    // tally ran in every run, and left a record only in the first, which counted the new claim).
    expect(newRecords).toHaveLength(1)
    expect(newRecords[0].jobs.wishOverdueClaims).toMatchObject({ done: 1, ids: [late] })
    expect(newRecords[0].at.getTime() - hour).toBeGreaterThanOrEqual(0)
    expect(newRecords[0].at.getTime() - hour).toBeLessThan(5000)
    expect(newRecords[0].jobs.purgeRequests.done).toBeGreaterThanOrEqual(1)
    expect(runs.filter((r) => r.dbRequests > 1).length).toBeGreaterThanOrEqual(1)
    expect(await flagged()).toContain(late)
    expect(await h.count('requests', { _id: 't:ageing' })).toBe(0)
  })
})
