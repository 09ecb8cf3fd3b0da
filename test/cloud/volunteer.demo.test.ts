// The volunteer service's demo data (`npm start`, cloud/emulator/seed/volunteer.ts), through the real `volunteer`
// function: the demo volunteer can check in now, sees this week's slots, yesterday's shifts wait for the staff's
// confirmation, and the record's totals are the sum of the seeded ledger entries.
import { startHarness, type Harness } from './helpers'
import { ledgerSums, summaryOf } from './volunteerLedgerFixtures'
import { vol, volOk } from './volunteer.checkinFixtures'

let h: Harness
beforeAll(async () => {
  h = await startHarness({ poolSize: 1, volunteerDemo: true })
})
afterAll(async () => {
  await h?.close()
})

describe('volunteer demo data', () => {
  it('the demo volunteers carry their record fields', async () => {
    const [u] = await h.find('users', { _id: 'demo-volunteer' })
    expect(u.volunteer).toMatchObject({ realName: '陈志远', number: '00100001', birthDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) })
    expect(u.volunteerStatus).toBe('approved')
  })

  it('the slot open now takes a check-in with the 6 digits, then a check-out', async () => {
    const ids = async (tab: string) => (await volOk(h, 'demo-volunteer', 'myShifts', { tab })).items.map((s: { id: string }) => s.id)
    expect(await ids('upcoming')).toContain('demo-slot-now')
    expect(await ids('now')).not.toContain('demo-slot-now')
    const codeIn = await volOk(h, 'demo-staff', 'slotCode', { slotId: 'demo-slot-now', purpose: 'in' })
    expect(await vol(h, 'demo-volunteer', 'checkIn', { slotId: 'demo-slot-now', method: 'code', code: codeIn.code })).toMatchObject({ ok: true })
    expect(await ids('now')).toContain('demo-slot-now')
    const codeOut = await volOk(h, 'demo-staff', 'slotCode', { slotId: 'demo-slot-now', purpose: 'out' })
    expect(await vol(h, 'demo-volunteer', 'checkOut', { slotId: 'demo-slot-now', method: 'code', code: codeOut.code })).toMatchObject({ ok: true })
  })

  it('this week shows upcoming slots, and the demo volunteer holds one', async () => {
    const up = await volOk(h, 'demo-volunteer', 'myShifts', { tab: 'upcoming' })
    expect(up.items.map((s: { id: string }) => s.id)).toContain('demo-slot-week-1')
    const browse = await volOk(h, 'demo-volunteer-2', 'browseSlots', {})
    expect(browse.items.map((s: { id: string }) => s.id)).toEqual(expect.arrayContaining(['demo-slot-week-1', 'demo-slot-week-2']))
  })

  it("yesterday's checked-out shifts wait for the staff's confirmation", async () => {
    const q = await volOk(h, 'demo-staff', 'confirmQueue', {})
    expect(q.items.map((s: { slotId: string }) => s.slotId)).toContain('demo-slot-past')
  })

  it('the totals are the sum of the seeded entries, 补录 apart', async () => {
    const sums = await ledgerSums(h, 'demo-volunteer')
    expect(sums).toEqual({ live: 120, backfill: 90, entries: 2 })
    expect(await summaryOf(h, 'demo-volunteer')).toMatchObject({ liveMinutes: sums.live, backfillMinutes: sums.backfill, entries: sums.entries })
    const totals = await volOk(h, 'demo-volunteer', 'myTotals', {})
    expect(totals).toMatchObject({ liveMinutes: 120, backfillMinutes: 90 })
    const rec = await volOk(h, 'demo-volunteer', 'myRecord', {})
    expect(rec.items).toHaveLength(2)
  })

  it("the monthly statistics count the seeded entries once the statistics job ran (npm start's first minute)", async () => {
    const entries = await h.find('vol_ledger', { openid: 'demo-volunteer' })
    const months = [...new Set(entries.map((e: { serviceDate: string }) => e.serviceDate.slice(0, 7)))]
    await h.countNow({ reconcile: false })
    for (const month of months) {
      const mine = entries.filter((e: { serviceDate: string }) => e.serviceDate.startsWith(month))
      const live = mine.filter((e: { source: string }) => e.source !== 'backfill')
      const s = await volOk(h, 'demo-staff', 'monthStats', { communityId: 'junmen', month })
      expect({ month, minutes: s.minutes, backfillMinutes: s.backfillMinutes }).toEqual({
        month,
        minutes: live.reduce((n: number, e: { minutes: number }) => n + e.minutes, 0),
        backfillMinutes: mine.reduce((n: number, e: { source: string; minutes: number }) => n + (e.source === 'backfill' ? e.minutes : 0), 0),
      })
    }
  })
})
