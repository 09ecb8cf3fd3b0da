// The hours ledger at the bench size (issue 10, part C): 2,000 volunteers with 50,000 ledger entries written
// straight into the store; my totals stay ONE request and my record's first page ≤ 2 on the `mine` index, and a bulk
// confirmation of 30 shifts is timed. Reports p50/p95 (one run; the machine is shared and noisy).
import type { LedgerEntryDoc, SummaryDoc } from '../../cloud/domain/volunteer/model'
import { addToSummary } from '../../cloud/domain/volunteer/ledger/common'
import { startHarness, type Harness } from './helpers'
import { stageSlot, stageVolunteer, vol, volOk } from './volunteerLedgerFixtures'
import { inDays } from '../clock'

let h: Harness
let junmen: string
beforeAll(async () => {
  h = await startHarness({ poolSize: 1 })
  junmen = h.communityId('军门社区')
})
afterAll(async () => {
  await h?.close()
})

const VOLUNTEERS = 2000
const ENTRIES = 50_000

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]
}

it('my totals = 1 request and my record ≤ 2 with 50,000 entries; bulk confirm of 30 timed', async () => {
  const staged = await stageVolunteer(h, junmen)
  const openids = [staged.openid, ...Array.from({ length: VOLUNTEERS - 1 }, (_, i) => `bench-vol-${i}`)]
  const now = new Date()
  const entries: LedgerEntryDoc[] = Array.from({ length: ENTRIES }, (_, i) => {
    const openid = openids[i % VOLUNTEERS]
    return {
      _id: `bench-entry-${i}`,
      openid,
      volunteerName: '志愿者',
      volunteerNo: `JM-${i % VOLUNTEERS}`,
      communityId: junmen,
      organiser: '军门社区',
      source: i % 10 === 0 ? 'backfill' : 'live',
      serviceDate: inDays(-(i % 700)),
      place: '军门社区广场',
      serviceType: '社区服务',
      content: '社区服务：环境清洁',
      minutes: 60 + (i % 90),
      confirmedBy: 'demo-staff',
      confirmedByName: '郑社工',
      confirmedAt: now,
      requestId: `bench-${i}`,
    }
  })
  const byOpenid = new Map<string, LedgerEntryDoc[]>()
  for (const e of entries) byOpenid.set(e.openid, [...(byOpenid.get(e.openid) ?? []), e])
  const summaries: SummaryDoc[] = [...byOpenid].map(([o, es]) => addToSummary(o, null, es, now))
  const store = h.emu.core.store
  for (let i = 0; i < entries.length; i += 5000) store.write(entries.slice(i, i + 5000).map((doc) => ({ coll: 'vol_ledger', id: doc._id, doc })))
  store.write(summaries.map((doc) => ({ coll: 'vol_summaries', id: doc._id, doc })))

  await volOk(h, staged.openid, 'myTotals') // warm
  const start = h.emu.calls.length
  for (let i = 0; i < 40; i++) {
    await volOk(h, staged.openid, 'myTotals')
    const rec = await volOk(h, staged.openid, 'myRecord', {})
    expect(rec.items).toHaveLength(20)
  }
  const calls = h.emu.calls.slice(start)
  const of = (a: string) => calls.filter((c) => c.action === a)
  for (const c of calls) expect(c.queries.filter((q) => q.endsWith(':SCAN'))).toEqual([])
  expect(Math.max(...of('myTotals').map((c) => c.dbRequests))).toBe(1)
  expect(Math.max(...of('myRecord').map((c) => c.dbRequests))).toBeLessThanOrEqual(2)
  const t = (a: string) => of(a).map((c) => c.durationMs)
  const totals = await volOk(h, staged.openid, 'myTotals')
  expect(totals.entries).toBe(ENTRIES / VOLUNTEERS)

  // Bulk confirm of a slot's 30 shifts, five times.
  const bulk: { ms: number; requests: number }[] = []
  for (let k = 0; k < 5; k++) {
    const vols = await Promise.all(Array.from({ length: 30 }, () => stageVolunteer(h, junmen)))
    const slot = await stageSlot(
      h,
      junmen,
      vols.map((x) => ({ openid: x.openid })),
      { day: inDays(-1 - k) },
    )
    const from = h.emu.calls.length
    const res = await vol(h, 'demo-staff', 'confirmShifts', { slotId: slot._id })
    expect(res.ok).toBe(true)
    const [c] = h.emu.calls.slice(from).filter((x) => x.fn === 'volunteer')
    bulk.push({ ms: c.durationMs, requests: c.dbRequests })
  }
  const report = {
    myTotals: { requests: 1, p50: pct(t('myTotals'), 50).toFixed(1), p95: pct(t('myTotals'), 95).toFixed(1) },
    myRecord: { requests: Math.max(...of('myRecord').map((c) => c.dbRequests)), p50: pct(t('myRecord'), 50).toFixed(1), p95: pct(t('myRecord'), 95).toFixed(1) },
    bulkConfirm30: {
      requests: Math.max(...bulk.map((b) => b.requests)),
      p50: pct(
        bulk.map((b) => b.ms),
        50,
      ).toFixed(0),
      p95: pct(
        bulk.map((b) => b.ms),
        95,
      ).toFixed(0),
    },
  }
  console.log(`ledger at ${VOLUNTEERS} volunteers / ${ENTRIES} entries (ms):`, JSON.stringify(report))
}, 300_000)
