// The per-community counters (cloud/lib/counters.ts) follow the functions: after any sequence of wish actions the
// tally job brings the counter document to exactly what every wish says, a retried call is not counted twice, the
// reconcile repairs a drifted document and, run while changes wait for the tally, does not count them twice.
import { rid, startHarness, type Harness } from './helpers'
import { day, resident, volunteer, wishInput } from './wishFixtures'
import { wishTallies } from '../../cloud/domain/wish/tallies'
import { addDays, chinaDay, nowMs } from '../../cloud/lib/dates'

let h: Harness
beforeAll(async () => {
  h = await startHarness({ poolSize: 1 })
})
afterAll(async () => {
  await h?.close()
})

// The demo wishes live here (open, claimed, fulfilled, closed, pending, rejected…).
const COMMUNITY = '军门社区'
const STAFF = 'demo-staff'

/** What the counters must hold for the community: every wish's tallies summed (days: the last 30, as recounted). */
async function truth(): Promise<Record<string, number>> {
  const out: Record<string, number> = {}
  const oldest = `fulfilledOn_${addDays(chinaDay(nowMs()), -30).replace(/-/g, '')}`
  for (const w of await h.find('wishes', { communityId: h.communityId(COMMUNITY) }))
    for (const k of wishTallies(w)) if (!k.startsWith('fulfilledOn_') || k >= oldest) out[k] = (out[k] ?? 0) + 1
  return out
}

/** The community's counter document's counts, without zeros and days older than the recount's. */
async function held(): Promise<Record<string, number>> {
  const [doc] = await h.find('counters', { _id: `stats_wish_${h.communityId(COMMUNITY)}` })
  const oldest = `fulfilledOn_${addDays(chinaDay(nowMs()), -30).replace(/-/g, '')}`
  return Object.fromEntries(Object.entries(doc?.counts ?? {}).filter(([k, n]) => n !== 0 && (!k.startsWith('fulfilledOn_') || k >= oldest))) as Record<string, number>
}

it('a community gets its document from the first reconcile, equal to what every wish says', async () => {
  await h.countNow()
  expect(await held()).toEqual(await truth())
  expect(Object.keys(await truth()).length).toBeGreaterThan(0)
})

it('follows every wish action once the tally runs; the wishes are counted once, a retried call too', async () => {
  const wisher = await resident(h, COMMUNITY)
  const v = await volunteer(h, COMMUNITY)
  const before = await held()
  const [a, b, c] = [await h.wishOk(wisher, 'post', wishInput()), await h.wishOk(wisher, 'post', wishInput()), await h.wishOk(wisher, 'post', wishInput())].map((w) => w.id)
  expect(await held()).toEqual(before) // nothing moves until the tally
  const approve = rid()
  await h.wishOk(STAFF, 'review', { wishId: a, decision: 'approve' }, approve)
  await h.wishOk(STAFF, 'review', { wishId: a, decision: 'approve' }, approve) // a retry: the same answer, no second change
  await h.wishOk(STAFF, 'review', { wishId: b, decision: 'reject', reason: '请补充' })
  await h.wishOk(wisher, 'resubmit', { wishId: b, ...wishInput() })
  await h.wishOk(STAFF, 'review', { wishId: c, decision: 'approve' })
  await h.wishOk(v, 'claim', { wishId: a, promisedBy: day(1) })
  await h.wishOk(v, 'fulfil', { wishId: a, note: '完成了' })
  const tallied = await h.countNow({ reconcile: false })
  expect(tallied.wishTally.done).toBe(3)
  expect(await held()).toEqual(await truth())

  await h.wishOk(wisher, 'confirm', { wishId: a, thanks: '谢谢！' })
  await h.wishOk('demo-volunteer', 'report', { wishId: c, reason: '不实' })
  await h.wishOk(wisher, 'cancel', { wishId: b })
  await h.countNow({ reconcile: false })
  const now = await held()
  expect(now).toEqual(await truth())
  expect(now.reported).toBeGreaterThanOrEqual(1)
  expect(now[`fulfilledOn_${chinaDay(nowMs()).replace(/-/g, '')}`]).toBeGreaterThanOrEqual(1)

  await h.wishOk(STAFF, 'hide', { wishId: c, reason: '不实' })
  await h.wishOk(STAFF, 'hide', { wishId: a, reason: '不实' })
  await h.countNow({ reconcile: false })
  expect(await held()).toEqual(await truth())
  // A second tally finds nothing left.
  expect((await h.countNow({ reconcile: false })).wishTally.done).toBe(0)
})

it('the reconcile repairs a drifted document', async () => {
  const id = `stats_wish_${h.communityId(COMMUNITY)}`
  expect(await h.update('counters', { _id: id }, { 'counts.open': 999, 'counts.bogus': 3 })).toBe(1)
  expect(await held()).not.toEqual(await truth())
  const jobs = await h.countNow()
  expect(jobs.wishCounters.done).toBeGreaterThanOrEqual(1)
  expect(await held()).toEqual(await truth())
})

it('the reconcile does not count twice what still waits for the tally', async () => {
  const wisher = await resident(h, COMMUNITY)
  await h.wishOk(wisher, 'post', wishInput())
  await h.countNow({ tally: false })
  const truthNow = await truth()
  // The document does not count the new wish yet (the tally will), so it is one pending_review short.
  const short = { ...truthNow, pending_review: truthNow.pending_review - 1 }
  if (!short.pending_review) delete (short as Record<string, number>).pending_review
  expect(await held()).toEqual(short)
  await h.countNow({ reconcile: false })
  expect(await held()).toEqual(truthNow)
})

it('a community without a document gets one from the tally job, counted from the index', async () => {
  const id = `stats_wish_${h.communityId(COMMUNITY)}`
  h.emu.core.store.write([{ coll: 'counters', id, doc: null }])
  const wisher = await resident(h, COMMUNITY)
  await h.wishOk(wisher, 'post', wishInput())
  const jobs = await h.countNow({ reconcile: false })
  expect(jobs.wishTally.done).toBe(1)
  expect(await held()).toEqual(await truth())
  expect((await truth()).pending_review).toBeGreaterThanOrEqual(1)
})

it('the tally and the reconcile find their work on indexes (no scan of the collection each minute)', async () => {
  const wisher = await resident(h, COMMUNITY)
  await h.wishOk(wisher, 'post', wishInput())
  const before = h.emu.calls.length
  await h.countNow()
  const run = h.emu.calls.slice(before).find((c) => c.fn === 'scheduler')!
  expect(run.queries).toEqual(expect.arrayContaining(['wishes:untallied']))
  expect(run.queries.filter((q) => q.endsWith(':SCAN'))).toEqual([])
})
