// The hours ledger (issue 10, part C), layer 1: confirmation into the append-only ledger with the summary in the same
// transaction, adjust and void, 补录 kept apart, a wish's credit, corrections, disputes, certificates, four eyes,
// retries, privacy and scope, on the real emulator and the real SDK.
import { startHarness, rid, type Harness } from './helpers'
import { chinaAt, ledgerSums, stageSlot, stageVolunteer, summaryOf, vol, volOk, type StagedVolunteer } from './volunteerLedgerFixtures'
import { inDays } from '../clock'

let h: Harness
let junmen: string
let tangmen: string
beforeAll(async () => {
  h = await startHarness()
  junmen = h.communityId('军门社区')
  tangmen = h.communityId('汤门社区')
})
afterAll(async () => {
  await h?.close()
})

async function expectSummaryMatches(openid: string) {
  const sums = await ledgerSums(h, openid)
  const s = await summaryOf(h, openid)
  expect({ live: s?.liveMinutes ?? 0, backfill: s?.backfillMinutes ?? 0, entries: s?.entries ?? 0 }).toEqual(sums)
}

describe('confirmation', () => {
  let a: StagedVolunteer, b: StagedVolunteer, c: StagedVolunteer
  let slotId: string
  beforeAll(async () => {
    ;[a, b, c] = await Promise.all([stageVolunteer(h, junmen), stageVolunteer(h, junmen), stageVolunteer(h, junmen)])
    const slot = await stageSlot(h, junmen, [
      { openid: a.openid, name: a.realName, pairs: [['08:40', '11:30']] }, // travel either side: clipped to 120
      {
        openid: b.openid,
        name: b.realName,
        pairs: [
          ['09:00', '10:00'],
          ['09:30', '10:30'],
        ],
      }, // overlap counted once: 90
      { openid: c.openid, name: c.realName, status: 'checked_in', pairs: [['09:05']] },
    ])
    slotId = slot._id
  })

  it('lists the slot in the staff queue with its waiting shifts, only in scope', async () => {
    const q = await volOk(h, 'demo-staff', 'confirmQueue', {})
    const card = q.items.find((x: any) => x.slotId === slotId)
    expect(card).toMatchObject({ waiting: 2, flagged: 0, title: '社区环境清洁' })
    const other = await volOk(h, 'demo-staff-tangmen', 'confirmQueue', {})
    expect(other.items.find((x: any) => x.slotId === slotId)).toBeUndefined()
    expect((await vol(h, 'demo-staff-tangmen', 'confirmQueue', { communityId: junmen })).ok).toBe(false)
    expect(await vol(h, a.openid, 'confirmQueue', {})).toMatchObject({ ok: false, code: 'ROLE_REQUIRED' })
  })

  it('shows the computed minutes (clipped, overlaps once) and what staff may do; refuses other communities', async () => {
    const v = await volOk(h, 'demo-staff', 'confirmSlot', { slotId })
    const by = Object.fromEntries(v.shifts.map((s: any) => [s.openid, s]))
    expect(by[a.openid]).toMatchObject({ computedMinutes: 120, allowed: ['confirm', 'adjust', 'void'] })
    expect(by[b.openid]).toMatchObject({ computedMinutes: 90 })
    expect(by[c.openid]).toMatchObject({ status: 'checked_in', allowed: [] })
    expect(await vol(h, 'demo-staff-tangmen', 'confirmSlot', { slotId })).toMatchObject({ ok: false, code: 'SCOPE_DENIED' })
  })

  it('bulk confirms the checked-out shifts: entries with Order 67 fields, summary = sum, shift marked; a retry writes once', async () => {
    const requestId = rid()
    const res = await volOk(h, 'demo-staff', 'confirmShifts', { slotId }, requestId)
    expect(res.confirmed.map((x: any) => [x.openid, x.minutes]).sort()).toEqual(
      [
        [a.openid, 120],
        [b.openid, 90],
      ].sort(),
    )
    expect(res.skipped).toEqual([])
    const [entry] = await h.find('vol_ledger', { openid: a.openid })
    expect(entry).toMatchObject({
      volunteerName: a.realName,
      volunteerNo: a.number,
      serviceDate: inDays(-1),
      startTime: '09:00',
      endTime: '11:00',
      place: '军门社区广场',
      serviceType: '环境保护',
      content: '环境保护：社区环境清洁',
      minutes: 120,
      organiser: '军门社区',
      source: 'live',
      confirmedBy: 'demo-staff',
      slotId,
    })
    expect(entry.confirmedAt).toBeTruthy()
    const again = await volOk(h, 'demo-staff', 'confirmShifts', { slotId }, requestId)
    expect(again.confirmed.length).toBe(2)
    expect(await h.count('vol_ledger', { slotId })).toBe(2)
    await expectSummaryMatches(a.openid)
    await expectSummaryMatches(b.openid)
    expect((await summaryOf(h, a.openid)).liveMinutes).toBe(120)
    // A second confirmation by another call skips them.
    const third = await volOk(h, 'demo-admin', 'confirmShifts', { slotId })
    expect(third.confirmed).toEqual([])
    expect(await h.count('vol_ledger', { slotId })).toBe(2)
    const slot = (await h.find('vol_slots', { _id: slotId }))[0]
    expect(slot.shifts[0]).toMatchObject({ status: 'confirmed', minutes: 120, decidedBy: 'demo-staff', ledgerEntryId: entry._id })
  })

  it('a bulk confirm without a list skips a flagged shift (closed by the scheduler); listing it confirms it', async () => {
    const [x, y] = await Promise.all([stageVolunteer(h, junmen), stageVolunteer(h, junmen)])
    const slot = await stageSlot(h, junmen, [{ openid: x.openid }, { openid: y.openid, pairs: [['09:10', '11:00']], flagged: '忘记签退，系统在结束时自动签退' }])
    expect((await volOk(h, 'demo-staff', 'confirmQueue', {})).items.find((c: any) => c.slotId === slot._id)).toMatchObject({ waiting: 2, flagged: 1 })
    const bulk = await volOk(h, 'demo-staff', 'confirmShifts', { slotId: slot._id })
    expect(bulk.confirmed.map((c: any) => c.openid)).toEqual([x.openid])
    expect(bulk.skipped).toEqual([{ openid: y.openid, reason: expect.stringContaining('需复核') }])
    const one = await volOk(h, 'demo-staff', 'confirmShifts', { slotId: slot._id, openids: [y.openid] })
    expect(one.confirmed).toEqual([{ openid: y.openid, entryId: expect.any(String), minutes: 110 }])
  })
})

describe('four eyes', () => {
  it('staff never confirm, adjust, void, back-fill, credit or correct their own hours, nor answer their own dispute', async () => {
    const staffVol = await stageVolunteer(h, junmen, { staffCommunityIds: [junmen] })
    const other = await stageVolunteer(h, junmen)
    const slot = await stageSlot(h, junmen, [{ openid: staffVol.openid }, { openid: other.openid }])
    const bulk = await volOk(h, staffVol.openid, 'confirmShifts', { slotId: slot._id })
    expect(bulk.confirmed.map((x: any) => x.openid)).toEqual([other.openid])
    expect(bulk.skipped).toEqual([{ openid: staffVol.openid, reason: expect.stringContaining('其他工作人员') }])
    expect(await vol(h, staffVol.openid, 'confirmShifts', { slotId: slot._id, openids: [staffVol.openid] })).toMatchObject({ ok: true, data: { confirmed: [] } })
    expect(await vol(h, staffVol.openid, 'adjustShift', { slotId: slot._id, openid: staffVol.openid, minutes: 60, reason: '提前离开' })).toMatchObject({ ok: false, code: 'SELF_REVIEW' })
    expect(await vol(h, staffVol.openid, 'voidShift', { slotId: slot._id, openid: staffVol.openid, reason: 'x' })).toMatchObject({ ok: false, code: 'SELF_REVIEW' })
    const own = await vol(h, staffVol.openid, 'backfill', backfillInput(staffVol.number))
    expect(own).toMatchObject({ ok: false, code: 'SELF_REVIEW' })
    const wishId = `wish-${rid()}`
    await h.insert('wishes', {
      _id: wishId,
      wisherOpenid: 'demo-resident',
      communityId: junmen,
      title: '修门锁',
      status: 'closed',
      closedAt: new Date(),
      claim: { openid: staffVol.openid, claimantName: 'x', promisedBy: inDays(0), claimedAt: new Date() },
    })
    expect(await vol(h, staffVol.openid, 'creditWish', { wishId, minutes: 60 })).toMatchObject({ ok: false, code: 'SELF_REVIEW' })
    const v = await volOk(h, staffVol.openid, 'confirmSlot', { slotId: slot._id })
    expect(v.shifts.find((s: any) => s.openid === staffVol.openid)).toMatchObject({ allowed: [], note: expect.stringContaining('其他工作人员') })
    // Another staff member confirms it; then the staff volunteer may not correct it, nor answer their own dispute.
    const done = await volOk(h, 'demo-staff', 'confirmShifts', { slotId: slot._id })
    const entryId = done.confirmed[0].entryId
    expect(await vol(h, staffVol.openid, 'correctEntry', { entryId, minutes: 200, reason: '多算' })).toMatchObject({ ok: false, code: 'SELF_REVIEW' })
    const d = await volOk(h, staffVol.openid, 'disputeEntry', { entryId, reason: '时长少算了' })
    expect(await vol(h, staffVol.openid, 'answerDispute', { disputeId: d.id, decision: 'adjust', minutes: 120, reason: '同意' })).toMatchObject({ ok: false, code: 'SELF_REVIEW' })
    expect((await volOk(h, 'demo-staff', 'answerDispute', { disputeId: d.id, decision: 'keep', reason: '签到记录为准' })).status).toBe('answered')
    const cert = await volOk(h, staffVol.openid, 'requestCertificate', {})
    expect(await vol(h, staffVol.openid, 'recordCertificate', { certificateId: cert.id, number: 'JM-1', issuedOn: inDays(0) })).toMatchObject({ ok: false, code: 'SELF_REVIEW' })
    await expectSummaryMatches(staffVol.openid)
  })
})

function backfillInput(volunteerNo: string, over: Record<string, unknown> = {}) {
  return {
    volunteerNo,
    serviceDate: inDays(-10),
    startTime: '14:00',
    endTime: '16:30',
    place: '军门社区活动室',
    serviceType: '助老助残',
    content: '陪伴独居老人',
    reason: '当日网络故障未能签到',
    evidence: '纸质签到表已存档（第 3 页）',
    ...over,
  }
}

describe('adjust, void, 补录, wish credit, corrections', () => {
  it('adjusts one shift (≤ the credit, with a reason) and voids another', async () => {
    const [a, b] = await Promise.all([stageVolunteer(h, junmen), stageVolunteer(h, junmen)])
    const slot = await stageSlot(h, junmen, [{ openid: a.openid }, { openid: b.openid }])
    expect(await vol(h, 'demo-staff', 'adjustShift', { slotId: slot._id, openid: a.openid, minutes: 150, reason: '多了' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(await vol(h, 'demo-staff', 'adjustShift', { slotId: slot._id, openid: a.openid, minutes: 45, reason: '' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    const adj = await volOk(h, 'demo-staff', 'adjustShift', { slotId: slot._id, openid: a.openid, minutes: 45, reason: '中途离开' })
    expect(adj.confirmed).toEqual([{ openid: a.openid, entryId: expect.any(String), minutes: 45 }])
    expect((await h.find('vol_ledger', { openid: a.openid }))[0]).toMatchObject({ minutes: 45, reason: '中途离开' })
    const requestId = rid()
    expect(await volOk(h, 'demo-staff', 'voidShift', { slotId: slot._id, openid: b.openid, reason: '未实际参加' }, requestId)).toMatchObject({ status: 'voided' })
    expect(await volOk(h, 'demo-staff', 'voidShift', { slotId: slot._id, openid: b.openid, reason: '未实际参加' }, requestId)).toMatchObject({ status: 'voided' })
    expect(await vol(h, 'demo-staff', 'voidShift', { slotId: slot._id, openid: b.openid, reason: '再作废' })).toMatchObject({ ok: false, code: 'INVALID_STATE' })
    expect(await h.count('vol_ledger', { openid: b.openid })).toBe(0)
    expect((await h.find('vol_slots', { _id: slot._id }))[0].shifts[1]).toMatchObject({ status: 'voided', reason: '未实际参加', decidedBy: 'demo-staff' })
  })

  it('补录 is marked backfill and kept apart in every total; a retry writes once; bad input writes nothing', async () => {
    const v = await stageVolunteer(h, junmen)
    const slot = await stageSlot(h, junmen, [{ openid: v.openid }])
    await volOk(h, 'demo-staff', 'confirmShifts', { slotId: slot._id })
    const requestId = rid()
    const e = await volOk(h, 'demo-staff', 'backfill', backfillInput(v.number), requestId)
    expect(e).toMatchObject({ source: 'backfill', minutes: 150, hours: '2.5', evidence: expect.stringContaining('签到表'), reason: expect.any(String) })
    await volOk(h, 'demo-staff', 'backfill', backfillInput(v.number), requestId)
    expect(await h.count('vol_ledger', { openid: v.openid, source: 'backfill' })).toBe(1)
    const t = await volOk(h, v.openid, 'myTotals')
    expect(t).toMatchObject({ liveMinutes: 120, backfillMinutes: 150, yearMinutes: expect.any(Number), wording: '平台记录' })
    expect(t.yearMinutes + t.yearBackfillMinutes).toBeLessThanOrEqual(270)
    await expectSummaryMatches(v.openid)
    const before = await h.count('vol_ledger', {})
    for (const bad of [
      backfillInput(v.number, { serviceDate: inDays(1) }),
      backfillInput(v.number, { endTime: '13:00' }),
      backfillInput(v.number, { startTime: undefined, endTime: undefined }),
      backfillInput(v.number, { minutes: 200 }),
      backfillInput(v.number, { evidence: '' }),
      backfillInput('NO-SUCH-NUMBER'),
    ]) {
      const res = await vol(h, 'demo-staff', 'backfill', bad)
      expect(res).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
      expect((res as any).message).toMatch(/[\u4e00-\u9fa5]/)
    }
    expect(await vol(h, 'demo-staff-tangmen', 'backfill', backfillInput(v.number))).toMatchObject({ ok: false, code: 'SCOPE_DENIED' })
    expect(await h.count('vol_ledger', {})).toBe(before)
  })

  it('credits a closed wish claimed by a volunteer, once, by staff of its community', async () => {
    const v = await stageVolunteer(h, junmen)
    const wishId = `wish-${rid()}`
    const base = {
      communityId: junmen,
      title: '帮忙修门锁',
      status: 'closed',
      closedAt: chinaAt(inDays(-2), '15:00'),
      claim: { openid: v.openid, claimantName: v.realName, promisedBy: inDays(-3), claimedAt: new Date() },
    }
    await h.insert('wishes', { _id: wishId, wisherOpenid: 'demo-resident', ...base })
    await h.insert('wishes', { _id: `${wishId}-open`, wisherOpenid: 'demo-resident', ...base, status: 'fulfilled' })
    expect(await vol(h, 'demo-staff-tangmen', 'creditWish', { wishId, minutes: 60 })).toMatchObject({ ok: false, code: 'SCOPE_DENIED' })
    expect(await vol(h, 'demo-staff', 'creditWish', { wishId: `${wishId}-open`, minutes: 60 })).toMatchObject({ ok: false, code: 'INVALID_STATE' })
    const e = await volOk(h, 'demo-staff', 'creditWish', { wishId, minutes: 60 })
    expect(e).toMatchObject({ source: 'wish', minutes: 60, serviceDate: inDays(-2), content: expect.stringContaining('帮忙修门锁') })
    expect(await vol(h, 'demo-admin', 'creditWish', { wishId, minutes: 90 })).toMatchObject({ ok: false, code: 'INVALID_STATE' })
    expect(await h.count('vol_ledger', { wishId })).toBe(1)
    await expectSummaryMatches(v.openid)
  })

  it('a correction is a new entry with the signed difference, who and why; the original is untouched', async () => {
    const v = await stageVolunteer(h, junmen)
    const slot = await stageSlot(h, junmen, [{ openid: v.openid }])
    const { confirmed } = await volOk(h, 'demo-staff', 'confirmShifts', { slotId: slot._id })
    const entryId = confirmed[0].entryId
    const version = h.emu.core.store.versionOf('vol_ledger', entryId)
    const c1 = await volOk(h, 'demo-admin', 'correctEntry', { entryId, minutes: 100, reason: '提前 20 分钟离开' })
    expect(c1).toMatchObject({ correctionOf: entryId, minutes: -20, reason: '提前 20 分钟离开', confirmedByName: expect.any(String) })
    const requestId = rid()
    const c2 = await volOk(h, 'demo-staff', 'correctEntry', { entryId, minutes: 110, reason: '复核后' }, requestId)
    expect(c2.minutes).toBe(10)
    expect((await volOk(h, 'demo-staff', 'correctEntry', { entryId, minutes: 110, reason: '复核后' }, requestId)).id).toBe(c2.id)
    expect(await vol(h, 'demo-staff', 'correctEntry', { entryId, minutes: 110, reason: '同样' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(await vol(h, 'demo-staff', 'correctEntry', { entryId: c1.id, minutes: 5, reason: '改更正' })).toMatchObject({ ok: false, code: 'INVALID_STATE' })
    expect(await vol(h, 'demo-staff-tangmen', 'correctEntry', { entryId, minutes: 5, reason: '越权' })).toMatchObject({ ok: false, code: 'SCOPE_DENIED' })
    expect(await vol(h, v.openid, 'correctEntry', { entryId, minutes: 500, reason: '自己改' })).toMatchObject({ ok: false, code: 'ROLE_REQUIRED' })
    expect(h.emu.core.store.versionOf('vol_ledger', entryId)).toBe(version)
    expect((await summaryOf(h, v.openid)).liveMinutes).toBe(110)
    await expectSummaryMatches(v.openid)
  })
})

describe('disputes and certificates', () => {
  it('a volunteer disputes an entry; staff adjust it by a correction with a reason the volunteer sees', async () => {
    const v = await stageVolunteer(h, junmen)
    const slot = await stageSlot(h, junmen, [{ openid: v.openid, pairs: [['09:30', '10:30']] }])
    const { confirmed } = await volOk(h, 'demo-staff', 'confirmShifts', { slotId: slot._id })
    const entryId = confirmed[0].entryId
    const other = await stageVolunteer(h, junmen)
    expect(await vol(h, other.openid, 'disputeEntry', { entryId, reason: '不是我的' })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    const requestId = rid()
    const d = await volOk(h, v.openid, 'disputeEntry', { entryId, reason: '我 9 点就到了' }, requestId)
    expect(d).toMatchObject({ status: 'open', entryMinutes: 60 })
    expect((await volOk(h, v.openid, 'disputeEntry', { entryId, reason: '我 9 点就到了' }, requestId)).id).toBe(d.id)
    expect(await vol(h, v.openid, 'disputeEntry', { entryId, reason: '再次' })).toMatchObject({ ok: false, code: 'INVALID_STATE' })
    const q = await volOk(h, 'demo-staff', 'disputeQueue', {})
    expect(q.items.map((x: any) => x.id)).toContain(d.id)
    expect((await volOk(h, 'demo-staff-tangmen', 'disputeQueue', {})).items.map((x: any) => x.id)).not.toContain(d.id)
    expect(await vol(h, 'demo-staff-tangmen', 'answerDispute', { disputeId: d.id, decision: 'keep', reason: '维持' })).toMatchObject({ ok: false, code: 'SCOPE_DENIED' })
    expect(await vol(h, 'demo-staff', 'answerDispute', { disputeId: d.id, decision: 'adjust', reason: '核实' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    const ans = await volOk(h, 'demo-staff', 'answerDispute', { disputeId: d.id, decision: 'adjust', minutes: 90, reason: '核实监控，9 点到场' })
    expect(ans).toMatchObject({ status: 'answered', decision: 'adjust', answer: '核实监控，9 点到场', correctionId: expect.any(String) })
    expect(await vol(h, 'demo-staff', 'answerDispute', { disputeId: d.id, decision: 'keep', reason: '再答' })).toMatchObject({ ok: false, code: 'INVALID_STATE' })
    const mine = await volOk(h, v.openid, 'myDisputes', {})
    expect(mine.items[0]).toMatchObject({ id: d.id, answer: '核实监控，9 点到场', decision: 'adjust' })
    expect((await volOk(h, v.openid, 'myTotals')).liveMinutes).toBe(90)
    await expectSummaryMatches(v.openid)
  })

  it('certificates: requested once at a time, recorded by scoped staff with the number; wording is 平台记录 until then', async () => {
    const v = await stageVolunteer(h, tangmen)
    const requestId = rid()
    const c = await volOk(h, v.openid, 'requestCertificate', { purpose: '升学' }, requestId)
    expect(c.label).not.toMatch(/已出具/)
    expect((await volOk(h, v.openid, 'requestCertificate', { purpose: '升学' }, requestId)).id).toBe(c.id)
    expect(await vol(h, v.openid, 'requestCertificate', {})).toMatchObject({ ok: false, code: 'INVALID_STATE' })
    expect(await vol(h, 'demo-resident', 'requestCertificate', {})).toMatchObject({ ok: false, code: 'NOT_VOLUNTEER' })
    expect((await volOk(h, 'demo-staff-tangmen', 'certificateQueue', {})).items.map((x: any) => x.id)).toContain(c.id)
    expect(await vol(h, 'demo-staff', 'recordCertificate', { certificateId: c.id, number: 'TM-2026-001', issuedOn: inDays(0) })).toMatchObject({ ok: false, code: 'SCOPE_DENIED' })
    expect(await vol(h, 'demo-staff-tangmen', 'recordCertificate', { certificateId: c.id, number: 'TM-2026-001', issuedOn: inDays(1) })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    const r = await volOk(h, 'demo-staff-tangmen', 'recordCertificate', { certificateId: c.id, number: 'TM-2026-001', issuedOn: inDays(0) })
    expect(r.label).toBe('已出具证明 No. TM-2026-001')
    const rec = await volOk(h, v.openid, 'myRecord', {})
    expect(rec.certificates[0]).toMatchObject({ number: 'TM-2026-001', label: '已出具证明 No. TM-2026-001' })
    // The request's own retry, arriving after staff recorded it, answers it as it is now and writes nothing.
    expect(await volOk(h, v.openid, 'requestCertificate', { purpose: '升学' }, requestId)).toMatchObject({ id: c.id, label: '已出具证明 No. TM-2026-001' })
    expect(await h.count('vol_certificates', { openid: v.openid })).toBe(1)
    expect((await volOk(h, v.openid, 'myTotals')).wording).toBe('平台记录')
  })
})

describe('privacy and scope', () => {
  it('a volunteer sees only their own record; no phone or birth date in any raw response; anonymous refused', async () => {
    const [a, b] = await Promise.all([stageVolunteer(h, junmen), stageVolunteer(h, junmen)])
    const slot = await stageSlot(h, junmen, [
      { openid: a.openid, name: a.realName },
      { openid: b.openid, name: b.realName },
    ])
    await volOk(h, 'demo-staff', 'confirmShifts', { slotId: slot._id })
    const raw = [
      JSON.stringify(await vol(h, a.openid, 'myRecord', {})),
      JSON.stringify(await vol(h, a.openid, 'myTotals')),
      JSON.stringify(await vol(h, 'demo-staff', 'confirmSlot', { slotId: slot._id })),
      JSON.stringify(await vol(h, 'demo-staff', 'confirmQueue', {})),
    ]
    expect(raw[0]).toContain(a.realName)
    expect(raw[0]).not.toContain(b.realName)
    expect(raw[0]).not.toContain(b.number)
    for (const text of raw) {
      for (const x of [a, b]) {
        expect(text).not.toContain(x.phone)
        expect(text).not.toContain(x.birthDate)
      }
    }
    expect(raw[0]).not.toContain('demo-staff') // the confirmer is named, never by openid
    expect(await vol(h, null, 'myTotals')).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
    expect(await vol(h, null, 'myRecord', {})).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
    expect(await vol(h, null, 'myDisputes', {})).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
    for (const action of ['confirmQueue', 'disputeQueue', 'certificateQueue']) expect(await vol(h, a.openid, action, {})).toMatchObject({ ok: false, code: 'ROLE_REQUIRED' })
  })
})
