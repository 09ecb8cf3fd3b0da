// Issue 10 part D: the volunteer service's workbench tiles (shifts to confirm, flagged check-outs, open disputes,
// certificate requests) from counter documents. Each count equals the length of its queue as the staff pages list
// it; every write that changes a tally (check-in/out, the forgotten check-out job, confirm, void, dispute and its
// answer, certificate request and record) moves the count once the tally job ran, and not before; the workbench
// stays at 4 database requests with these tiles added.
import { tallyDelta } from '../../cloud/lib/counters'
import { certificateTallies, disputeTallies, slotTallies, VOL_TALLY } from '../../cloud/domain/volunteer/tallies'
import type { Workbench } from '../../src/contracts'
import { startHarness, type Harness } from './helpers'
import { stageSlot, stageVolunteer, vol, volOk } from './volunteerLedgerFixtures'
import * as live from './volunteer.checkinFixtures'
import { testNow } from '../clock'

let h: Harness
beforeAll(async () => {
  h = await startHarness({ poolSize: 1 })
})
afterAll(async () => {
  await h?.close()
})

const VOL_KEYS = ['volToConfirm', 'volFlagged', 'volDisputes', 'volCertificates'] as const

async function tiles(openid: string): Promise<Record<string, number>> {
  const w: Workbench = await h.userOk(openid, 'workbench', {})
  return Object.fromEntries(w.queues.filter((q) => (VOL_KEYS as readonly string[]).includes(q.key)).map((q) => [q.key, q.count]))
}

/** Every page of a staff list. */
async function all(openid: string, action: string): Promise<any[]> {
  const out: any[] = []
  for (let page = 1; ; page++) {
    const p = await volOk(h, openid, action, { page, pageSize: 20 })
    out.push(...p.items)
    if (!p.hasMore) return out
  }
}

/** The queues as the staff pages list them: the confirm queue's cards (waiting, of which flagged), disputes, certificates. */
async function queues(openid: string): Promise<Record<string, number>> {
  const cards = await all(openid, 'confirmQueue')
  return {
    volToConfirm: cards.reduce((n, c) => n + c.waiting - c.flagged, 0),
    volFlagged: cards.reduce((n, c) => n + c.flagged, 0),
    volDisputes: (await all(openid, 'disputeQueue')).length,
    volCertificates: (await all(openid, 'certificateQueue')).length,
  }
}

describe('tallies (pure)', () => {
  it('a slot adds toConfirm per checked-out shift, flagged per flagged one; disputes and certificates while waiting', () => {
    const s = (status: any, flagged?: string) => ({ status, ...(flagged ? { flagged } : {}) })
    const slot = { shifts: [s('checked_out'), s('checked_out'), s('checked_out', '未签退'), s('checked_in'), s('confirmed'), s('signed_up')] }
    expect(slotTallies(slot)).toEqual([VOL_TALLY.toConfirm, VOL_TALLY.toConfirm, VOL_TALLY.flagged])
    expect(slotTallies({})).toEqual([])
    // The counters move by the multiplicity of a repeated key: confirming one of two shifts is −1, not −2 or 0.
    expect(tallyDelta(slotTallies(slot), [VOL_TALLY.toConfirm, VOL_TALLY.flagged])).toEqual({ toConfirm: -1 })
    expect(tallyDelta([VOL_TALLY.toConfirm, VOL_TALLY.toConfirm], [VOL_TALLY.flagged])).toEqual({ toConfirm: -2, flagged: 1 })
    expect(disputeTallies({ status: 'open' })).toEqual(['disputesOpen'])
    expect(disputeTallies({ status: 'answered' })).toEqual([])
    expect(certificateTallies({ status: 'requested' })).toEqual(['certificatesRequested'])
    expect(certificateTallies({ status: 'issued' })).toEqual([])
  })
})

describe('the workbench tiles', () => {
  it('each count is the length of its queue, per scope, and moves with every write once tallied', async () => {
    const [a, b, c, d] = await Promise.all(['junmen', 'junmen', 'junmen', 'tangmen'].map((cId) => stageVolunteer(h, cId)))
    // junmen (demo-staff): two checked-out shifts and a flagged one on one slot, one more on another; tangmen: one.
    const s1 = await stageSlot(h, 'junmen', [{ openid: a.openid }, { openid: b.openid }, { openid: c.openid, flagged: '未签退，系统已按班次结束时间自动签退' }])
    await stageSlot(h, 'junmen', [{ openid: a.openid, pairs: [['09:00', '10:00']] }], { day: undefined, title: '另一个班次' })
    await stageSlot(h, 'tangmen', [{ openid: d.openid }])
    await h.countNow()
    const start = await tiles('demo-staff')
    expect(start).toEqual(await queues('demo-staff'))
    expect(start).toEqual({ volToConfirm: 3, volFlagged: 1, volDisputes: 0, volCertificates: 0 })
    expect(await tiles('demo-staff-tangmen')).toEqual({ volToConfirm: 1, volFlagged: 0, volDisputes: 0, volCertificates: 0 })
    const admin = await tiles('demo-admin')
    expect(admin.volToConfirm).toBe(4)

    // Confirm two of the first slot's shifts by name: not counted until the tally job runs, then −2.
    const { confirmed } = await volOk(h, 'demo-staff', 'confirmShifts', { slotId: s1._id, openids: [a.openid, b.openid] })
    expect(await tiles('demo-staff')).toEqual(start)
    expect((await h.countNow({ reconcile: false })).volSlotsTally).toMatchObject({ done: 1 })
    expect(await tiles('demo-staff')).toEqual({ ...start, volToConfirm: 1 })
    // Void the flagged one.
    await volOk(h, 'demo-staff', 'voidShift', { slotId: s1._id, openid: c.openid, reason: '当天未到岗' })
    await h.countNow({ reconcile: false })
    expect(await tiles('demo-staff')).toEqual({ ...start, volToConfirm: 1, volFlagged: 0 })

    // A dispute opens (+1), a certificate request (+1); answered and recorded (−1 each).
    const dispute = await volOk(h, a.openid, 'disputeEntry', { entryId: confirmed[0].entryId, reason: '我 8 点半就到了' })
    const cert = await volOk(h, b.openid, 'requestCertificate', { purpose: '升学' })
    await h.countNow({ reconcile: false })
    const opened = await tiles('demo-staff')
    expect(opened).toEqual({ volToConfirm: 1, volFlagged: 0, volDisputes: 1, volCertificates: 1 })
    expect(opened).toEqual(await queues('demo-staff'))
    await volOk(h, 'demo-staff', 'answerDispute', { disputeId: dispute.id, decision: 'keep', reason: '按签到记录' })
    await volOk(h, 'demo-staff', 'recordCertificate', { certificateId: cert.id, number: 'JM-2026-007', issuedOn: cert.requestedAt.slice(0, 10) })
    await h.countNow({ reconcile: false })
    expect(await tiles('demo-staff')).toEqual({ volToConfirm: 1, volFlagged: 0, volDisputes: 0, volCertificates: 0 })

    // A second tally run finds nothing; the reconcile agrees with what the tally job made.
    const again = await h.countNow()
    expect(again.volSlotsTally).toMatchObject({ done: 0 })
    expect(again.volSlotsCounters).toMatchObject({ done: 0 })
    expect(await tiles('demo-staff')).toEqual(await queues('demo-staff'))
  })

  it('check-in and check-out from the roster, and the forgotten check-out job, move the tiles', async () => {
    const before = await tiles('demo-staff')
    const v = await live.stageVolunteer(h)
    const slot = await live.stageSlot(h, [live.shift(v)], -10, 60)
    const input = { slotId: slot._id, method: 'roster', openid: v }
    await live.volOk(h, 'demo-staff', 'checkIn', input)
    await live.volOk(h, 'demo-staff', 'checkOut', input)
    await h.countNow({ reconcile: false })
    expect(await tiles('demo-staff')).toEqual({ ...before, volToConfirm: before.volToConfirm + 1 })
    // Checked in again: no longer waiting.
    await live.volOk(h, 'demo-staff', 'checkIn', input)
    await h.countNow({ reconcile: false })
    expect(await tiles('demo-staff')).toEqual(before)

    // A slot that ended with a pair left open: the job closes and flags it; once tallied, one more flagged.
    const w = await live.stageVolunteer(h)
    const ended = await live.stageSlot(h, [live.shift(w, '王志愿', { status: 'checked_in', pairs: [{ inAt: new Date(testNow() - 3 * 3600_000), inBy: 'roster' }] })], -240, 60, {
      openPairs: 1,
    })
    const later = new Date(testNow() + 86_400_000)
    await h.update('jobs', { _id: 'schedule' }, { next: { volunteerForgottenCheckouts: new Date(0), wishOverdueClaims: later, purgeRequests: later, volunteerNumbers: later } })
    const { result } = (await h.emu.fireTrigger('scheduler')) as any
    expect(result.data.jobs.volunteerForgottenCheckouts).toMatchObject({ done: 1, ids: [ended._id] })
    await h.countNow({ reconcile: false })
    expect(await tiles('demo-staff')).toEqual({ ...before, volFlagged: before.volFlagged + 1 })
    expect(await tiles('demo-staff')).toEqual(await queues('demo-staff'))
  })

  it('a community without a counter document yet is counted from the index; refusals', async () => {
    h.emu.core.store.write(['junmen', 'qingcheng'].map((c) => ({ coll: 'counters', id: `stats_volSlots_${c}`, doc: null })))
    expect(await tiles('demo-staff')).toEqual(await queues('demo-staff'))
    expect(await h.user('demo-volunteer', 'workbench', {})).toMatchObject({ ok: false, code: 'ROLE_REQUIRED' })
    expect(await vol(h, 'demo-volunteer', 'confirmQueue', {})).toMatchObject({ ok: false })
  })

  it('costs no request of its own: the workbench stays at 4, one read of every domain’s counters, no scan', async () => {
    await h.countNow()
    for (const openid of ['demo-staff', 'demo-admin']) {
      await h.userOk(openid, 'workbench', {})
      const call = h.emu.calls[h.emu.calls.length - 1]
      expect({ openid, dbRequests: call.dbRequests }).toEqual({ openid, dbRequests: 4 })
      expect(call.queries.filter((q) => q.startsWith('counters:'))).toEqual(['counters:_id'])
      expect(call.queries.filter((q) => q.endsWith(':SCAN'))).toEqual([])
    }
  })
})
