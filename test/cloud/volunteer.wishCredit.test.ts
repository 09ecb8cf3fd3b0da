// Issue 10 part E, layer 1: a closed wish's hours credited from the workbench. A wish a volunteer claimed becomes due
// (`creditDue`) in the update that closes it; the workbench tile 待记录时长的心愿 counts it once the tally job ran;
// volunteer.creditQueue lists it for the staff of its community; creditWish clears it in its transaction (a retry
// answers the same entry); hiding the wish clears it too. Real emulator, real SDK.
import type { Workbench } from '../../src/contracts'
import { startHarness, rid, type Harness } from './helpers'
import { fulfilledWish, openWish, staffOf, stored } from './wishFixtures'
import { ledgerSums, stageVolunteer, summaryOf, vol, volOk } from './volunteerLedgerFixtures'
import { inDays } from '../clock'

let h: Harness
let junmen: string
let tangmen: string
beforeAll(async () => {
  h = await startHarness({ poolSize: 1 })
  junmen = h.communityId('军门社区')
  tangmen = h.communityId('汤门社区')
})
afterAll(async () => {
  await h?.close()
})

async function tile(openid: string): Promise<number> {
  const w: Workbench = await h.userOk(openid, 'workbench', {})
  return w.queues.find((q) => q.key === 'volCreditDue')!.count
}

/** Every page of the queue as `openid` sees it. */
async function queue(openid: string, communityId?: string): Promise<any[]> {
  const out: any[] = []
  for (let page = 1; ; page++) {
    const p = await volOk(h, openid, 'creditQueue', { page, pageSize: 20, ...(communityId ? { communityId } : {}) })
    expect(p.items.length).toBeLessThanOrEqual(20)
    out.push(...p.items)
    if (!p.hasMore) return out
  }
}

/** A wish fulfilled by a new volunteer and confirmed (closed) by its wisher. */
async function closedWish(community = '军门社区') {
  const w = await fulfilledWish(h, community)
  await h.wishOk(w.wisher, 'confirm', { wishId: w.id })
  return w
}

describe('a closed wish due for the credit', () => {
  it('becomes due in the update that closes it; a unit’s claim does not', async () => {
    const w = await fulfilledWish(h)
    expect((await stored(h, w.id)).creditDue).toBeUndefined()
    await h.wishOk(w.wisher, 'confirm', { wishId: w.id })
    const doc = await stored(h, w.id)
    expect(doc.status).toBe('closed')
    expect(doc.creditDue).toBe(new Date(doc.closedAt).getTime())
    expect(doc.untallied).toEqual(expect.any(String))

    // A unit's claim (staff for a unit): closed, but no volunteer to credit.
    const u = await openWish(h)
    await h.wishOk('demo-staff', 'claim', { wishId: u.id, promisedBy: inDays(2), unitName: '鼓楼供电共建小组' })
    await h.wishOk('demo-staff', 'fulfil', { wishId: u.id, note: '已经换好了。' })
    await h.wishOk(u.wisher, 'confirm', { wishId: u.id })
    expect(await stored(h, u.id)).toMatchObject({ status: 'closed' })
    expect((await stored(h, u.id)).creditDue).toBeUndefined()
    expect((await queue('demo-staff')).map((x) => x.wishId)).toEqual(expect.arrayContaining([w.id]))
    expect((await queue('demo-staff')).map((x) => x.wishId)).not.toContain(u.id)
  })

  it('the tile counts it once the tally ran; the queue lists it to its community’s staff only; crediting clears both, a retry answers the same entry', async () => {
    await h.countNow({ tally: true })
    const before = await tile('demo-staff')
    expect(before).toBe((await queue('demo-staff')).length)
    const w = await closedWish()
    const claimant = (await stored(h, w.id)).claim.openid
    expect(await tile('demo-staff')).toBe(before) // not before the tally job
    await h.countNow({ tally: true, reconcile: false })
    expect(await tile('demo-staff')).toBe(before + 1)
    const rows = await queue('demo-staff')
    expect(rows).toHaveLength(before + 1)
    // The demo seed's closed wish claimed by a volunteer is due too, so npm start shows the tile.
    expect(rows.map((x) => x.wishId)).toContain('wish-demo-chat')
    const row = rows.find((x) => x.wishId === w.id)
    expect(row).toEqual({ wishId: w.id, communityId: junmen, title: '帮忙修理门锁', claimantName: '志愿者小王', closedOn: inDays(0), allowed: ['credit'] })

    // Need to know: the raw page holds neither the claimant's nor the wisher's openid, phone or address.
    const raw = JSON.stringify(await vol(h, 'demo-staff', 'creditQueue', {}))
    for (const secret of [claimant, w.wisher, w.phone, w.address]) expect(raw).not.toContain(secret)

    // Out of scope and not staff.
    expect((await queue('demo-staff-tangmen')).map((x) => x.wishId)).not.toContain(w.id)
    expect(await vol(h, 'demo-staff-tangmen', 'creditQueue', { communityId: junmen })).toMatchObject({ ok: false, code: 'SCOPE_DENIED' })
    expect(await vol(h, 'demo-staff-tangmen', 'creditWish', { wishId: w.id, minutes: 60 })).toMatchObject({ ok: false, code: 'SCOPE_DENIED' })
    expect(await vol(h, 'demo-volunteer', 'creditQueue', {})).toMatchObject({ ok: false, code: 'ROLE_REQUIRED' })
    expect(await vol(h, claimant, 'creditQueue', {})).toMatchObject({ ok: false, code: 'ROLE_REQUIRED' })
    expect(await vol(h, null, 'creditQueue', {})).toMatchObject({ ok: false })

    // Credit; the same call again (same requestId) answers the same entry; another call is refused.
    const requestId = rid()
    const e = await volOk(h, 'demo-staff', 'creditWish', { wishId: w.id, minutes: 45 }, requestId)
    expect(e).toMatchObject({ source: 'wish', minutes: 45, volunteerName: '王志愿', serviceDate: inDays(0) })
    const doc = await stored(h, w.id)
    expect(doc.creditDue).toBeUndefined()
    expect(doc.untallied).toEqual(expect.any(String))
    expect((await volOk(h, 'demo-staff', 'creditWish', { wishId: w.id, minutes: 45 }, requestId)).id).toBe(e.id)
    expect(await vol(h, 'demo-admin', 'creditWish', { wishId: w.id, minutes: 45 })).toMatchObject({ ok: false, code: 'INVALID_STATE' })
    expect(await h.count('vol_ledger', { wishId: w.id })).toBe(1)
    const sums = await ledgerSums(h, claimant)
    expect(sums).toEqual({ live: 45, backfill: 0, entries: 1 })
    expect((await summaryOf(h, claimant)).liveMinutes).toBe(45)

    expect((await queue('demo-staff')).map((x) => x.wishId)).not.toContain(w.id)
    await h.countNow({ tally: true, reconcile: false })
    expect(await tile('demo-staff')).toBe(before)
    // The daily reconcile agrees with what the tally job moved.
    await h.countNow({ tally: false, reconcile: true })
    expect(await tile('demo-staff')).toBe(before)
  })

  it('hiding the wish clears it', async () => {
    await h.countNow({ tally: true })
    const before = await tile('demo-staff')
    const w = await closedWish()
    await h.countNow({ tally: true, reconcile: false })
    expect(await tile('demo-staff')).toBe(before + 1)
    await h.wishOk(staffOf('军门社区'), 'hide', { wishId: w.id, reason: '内容不实' })
    expect(await stored(h, w.id)).toMatchObject({ status: 'hidden' })
    expect((await stored(h, w.id)).creditDue).toBeUndefined()
    expect((await queue('demo-staff')).map((x) => x.wishId)).not.toContain(w.id)
    await h.countNow({ tally: true, reconcile: false })
    expect(await tile('demo-staff')).toBe(before)
    expect(await vol(h, 'demo-staff', 'creditWish', { wishId: w.id, minutes: 30 })).toMatchObject({ ok: false, code: 'INVALID_STATE' })
  })

  it('four eyes: staff see the wish they claimed themselves without the action, and may not credit it', async () => {
    const staffVol = await stageVolunteer(h, tangmen, { staffCommunityIds: [tangmen] })
    const wishId = `wish-${rid()}`
    const closedAt = new Date()
    await h.insert('wishes', {
      _id: wishId,
      wisherOpenid: 'demo-resident',
      communityId: tangmen,
      title: '代买生活用品',
      status: 'closed',
      closedAt,
      creditDue: closedAt.getTime(),
      claim: { openid: staffVol.openid, claimantName: '汤门志愿者', promisedBy: inDays(0), claimedAt: closedAt },
    })
    const mine = (await queue(staffVol.openid)).find((x) => x.wishId === wishId)
    expect(mine).toMatchObject({ allowed: [], note: expect.stringContaining('其他工作人员') })
    expect(await vol(h, staffVol.openid, 'creditWish', { wishId, minutes: 30 })).toMatchObject({ ok: false, code: 'SELF_REVIEW' })
    expect((await stored(h, wishId)).creditDue).toBe(closedAt.getTime())
    expect((await queue('demo-staff-tangmen')).find((x) => x.wishId === wishId)).toMatchObject({ allowed: ['credit'] })
    await volOk(h, 'demo-staff-tangmen', 'creditWish', { wishId, minutes: 30 })
    expect((await stored(h, wishId)).creditDue).toBeUndefined()
  })

  it('budgets: the queue in 2 requests on the creditDue index; the workbench stays at 4', async () => {
    await h.countNow()
    for (const openid of ['demo-staff', 'demo-admin']) {
      await volOk(h, openid, 'creditQueue', { pageSize: 20 })
      const q = h.emu.calls[h.emu.calls.length - 1]
      expect({ openid, dbRequests: q.dbRequests <= 3 }).toEqual({ openid, dbRequests: true })
      expect(q.queries.filter((x) => x.startsWith('wishes:'))).toEqual(['wishes:creditDue'])
      await h.userOk(openid, 'workbench', {})
      const wb = h.emu.calls[h.emu.calls.length - 1]
      expect({ openid, dbRequests: wb.dbRequests }).toEqual({ openid, dbRequests: 4 })
      expect(wb.queries.filter((x) => x.endsWith(':SCAN'))).toEqual([])
    }
    await volOk(h, 'demo-staff', 'creditQueue', {})
    expect(h.emu.calls[h.emu.calls.length - 1].dbRequests).toBe(2)
  })
})
