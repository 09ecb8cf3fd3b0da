// The hours ledger's budgets (issue 10, part C), as the emulator counts them: my totals = ONE database request (the
// summary, no user read); my record's first page ≤ 2; the reads and plain writes ≤ 4; every query on a declared index;
// pages of 20 ≤ 32 KB. The transactional writes (entries + summaries in one runTransaction) are reported, with the
// bulk confirmation of a slot's 30 shifts. One warmed worker, so the figures are deterministic.
import { rid, startHarness, type Harness } from './helpers'
import { BUDGET, KB32, callsOf, checkBudgets } from './budget'
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

const CEILING: Record<string, number> = {
  disputeEntry: 4,
  myTotals: 1,
  myRecord: 2,
  myDisputes: 1,
  confirmQueue: 2,
  disputeQueue: 2,
  certificateQueue: 2,
  confirmSlot: 2,
  voidShift: 3,
  requestCertificate: 3,
  recordCertificate: 3,
}
/** Transactional: the user read, the reads and writes of ONE runTransaction (start and commit included). */
const TRANSACTIONAL = ['confirmShifts', 'adjustShift', 'backfill', 'creditWish', 'correctEntry', 'answerDispute']

it('keeps every ledger action within its budget, on indexes; reports the transactional ones', async () => {
  const v = await stageVolunteer(h, junmen)
  const w = await stageVolunteer(h, junmen)
  await vol(h, 'demo-staff', 'confirmShifts', { slotId: 'no-such-slot' }) // warm: the communities cache
  const slot = await stageSlot(h, junmen, [{ openid: v.openid }, { openid: w.openid }])
  const slot2 = await stageSlot(h, junmen, [{ openid: v.openid }, { openid: w.openid }], { day: inDays(-2) })
  const wishId = `wish-${rid()}`
  await h.insert('wishes', {
    _id: wishId,
    wisherOpenid: 'demo-resident',
    communityId: junmen,
    title: '买菜',
    status: 'closed',
    closedAt: new Date(),
    claim: { openid: v.openid, claimantName: 'x', promisedBy: inDays(0), claimedAt: new Date() },
  })
  const start = h.emu.calls.length

  await volOk(h, 'demo-staff', 'confirmQueue', {})
  await volOk(h, 'demo-staff', 'confirmSlot', { slotId: slot._id })
  const { confirmed } = await volOk(h, 'demo-staff', 'confirmShifts', { slotId: slot._id, openids: [v.openid] })
  await volOk(h, 'demo-staff', 'adjustShift', { slotId: slot._id, openid: w.openid, minutes: 30, reason: '迟到' })
  await volOk(h, 'demo-staff', 'voidShift', { slotId: slot2._id, openid: w.openid, reason: '未到' })
  const bf = await volOk(h, 'demo-staff', 'backfill', {
    volunteerNo: v.number,
    serviceDate: inDays(-3),
    minutes: 60,
    place: '活动室',
    serviceType: '其他',
    content: '整理图书',
    reason: '线下活动',
    evidence: '照片',
  })
  await volOk(h, 'demo-staff', 'creditWish', { wishId, minutes: 30 })
  await volOk(h, 'demo-admin', 'correctEntry', { entryId: bf.id, minutes: 50, reason: '复核' })
  const d = await volOk(h, v.openid, 'disputeEntry', { entryId: confirmed[0].entryId, reason: '有异议' })
  await volOk(h, 'demo-staff', 'disputeQueue', {})
  await volOk(h, 'demo-staff', 'answerDispute', { disputeId: d.id, decision: 'adjust', minutes: 110, reason: '同意' })
  const c = await volOk(h, v.openid, 'requestCertificate', {})
  await volOk(h, 'demo-staff', 'certificateQueue', {})
  await volOk(h, 'demo-staff', 'recordCertificate', { certificateId: c.id, number: 'JM-9', issuedOn: inDays(0) })
  await volOk(h, v.openid, 'myTotals')
  await volOk(h, v.openid, 'myRecord', {})
  await volOk(h, v.openid, 'myRecord', { page: 2, pageSize: 2 })
  await volOk(h, v.openid, 'myDisputes', {})

  const calls = callsOf(h, 'volunteer', start)
  expect(calls.filter((c) => !c.ok)).toEqual([])
  const table = checkBudgets(calls, (c) => (TRANSACTIONAL.includes(c.action) ? Infinity : (CEILING[c.action] ?? BUDGET)))
  console.log('volunteer ledger db requests per action (max):', JSON.stringify(table))
  expect(table.myTotals).toBe(1)
  expect(table.myRecord).toBeLessThanOrEqual(2)
  // One shift confirmed: user + volunteer + [start, slot, summary, entry, summary, slot, commit] in one transaction.
  expect(table.confirmShifts).toBeLessThanOrEqual(9)
  expect(Object.keys(table).sort()).toEqual([...Object.keys(CEILING), ...TRANSACTIONAL].sort())
})

it('bulk confirm of a slot with 30 shifts: one transaction; its requests and time reported; pages of 20 ≤ 32 KB', async () => {
  const vols = await Promise.all(Array.from({ length: 30 }, () => stageVolunteer(h, junmen)))
  const slot = await stageSlot(
    h,
    junmen,
    vols.map((x) => ({
      openid: x.openid,
      name: x.realName,
      pairs: [
        ['08:55', '10:10'],
        ['10:20', '11:05'],
      ],
    })),
  )
  const start = h.emu.calls.length
  const tx = h.emu.txStats.started
  const res = await volOk(h, 'demo-staff', 'confirmShifts', { slotId: slot._id })
  const [call] = callsOf(h, 'volunteer', start)
  console.log(`bulk confirm of 30 shifts: ${call.dbRequests} db requests, ${call.durationMs.toFixed(0)} ms, ${h.emu.txStats.started - tx} transaction(s)`)
  expect(res.confirmed).toHaveLength(30)
  expect(res.confirmed.every((x: any) => x.minutes === 70 + 40)).toBe(true)
  // user + slot + the 30 users in one query, then ONE transaction of single-document work:
  // [start, slot, 30 summaries read, 30 entries added, 30 summaries set, slot, commit]
  expect(call.dbRequests).toBeLessThanOrEqual(3 + 4 + 30 * 3)
  // A volunteer with 25 entries: a page of 20 stays small.
  const v = vols[0]
  for (let i = 0; i < 24; i++)
    await volOk(h, 'demo-staff', 'backfill', {
      volunteerNo: v.number,
      serviceDate: inDays(-30 - i),
      minutes: 30 + i,
      place: '军门社区活动室（东楼二层）',
      serviceType: '助老助残',
      content: '陪伴独居老人聊天、读报、整理房间'.repeat(2),
      reason: '线下活动未签到，按纸质签到表补录'.repeat(3),
      evidence: '纸质签到表与照片已存档'.repeat(5),
    })
  const from = h.emu.calls.length
  const page = await volOk(h, v.openid, 'myRecord', {})
  expect(page.items).toHaveLength(20)
  expect(page.hasMore).toBe(true)
  const [rec] = callsOf(h, 'volunteer', from)
  expect(rec.dbRequests).toBeLessThanOrEqual(2)
  expect(rec.responseBytes).toBeLessThanOrEqual(KB32)
  const q = await vol(h, 'demo-staff', 'confirmQueue', { pageSize: 20 })
  expect(Buffer.byteLength(JSON.stringify(q))).toBeLessThanOrEqual(KB32)
})
