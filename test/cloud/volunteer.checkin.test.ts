// Check-in and check-out (issue 10, part B), through the real `volunteer` function on the emulator: the on-site
// code (replay, another slot, a forged HMAC, after 60 s), the geofence at radius ± 1 m, the window's edges,
// idempotent repeats, 3 pairs a day, roster check-in, the forgotten check-out job, roster privacy, budgets.
import { CODE_WINDOW_MS, rotatingCode } from '../../cloud/lib/rotatingCode'
import { nowMs } from '../../cloud/lib/dates'
import { slotCodeScope } from '../../cloud/domain/volunteer/checkin/shift'
import { FORGOTTEN_CHECKOUT } from '../../cloud/domain/volunteer/checkin/jobs'
import type { SlotDoc } from '../../cloud/domain/volunteer/model'
import { CHECKIN_MESSAGES as M, parseSlotCodePayload, SLOT_CODE_WINDOW_S } from '../../src/contracts'
import { testNow } from '../clock'
import { rid, startHarness, type Harness } from './helpers'
import { LOCAL_SECRET, north, PLACE, shift, stageSlot, stageVolunteer, vol, volOk } from './volunteer.checkinFixtures'

let h: Harness
beforeAll(async () => {
  h = await startHarness({ poolSize: 1 })
})
afterAll(async () => {
  await h?.close()
})

async function slotDoc(id: string): Promise<SlotDoc> {
  return (await h.find('vol_slots', { _id: id }))[0]
}
const codeIn = (slotId: string) => volOk(h, 'demo-staff', 'slotCode', { slotId, purpose: 'in' })
const codeOut = (slotId: string) => volOk(h, 'demo-staff', 'slotCode', { slotId, purpose: 'out' })
const near = (m = 20) => ({ ...north(PLACE, m), accuracy: 15 })

describe('the on-site code (签到码)', () => {
  it('gives the slot staff a 6-digit HMAC code per purpose, with its QR text; refuses others', async () => {
    const v = await stageVolunteer(h)
    const slot = await stageSlot(h, [shift(v)])
    const c = await codeIn(slot._id)
    expect(c.code).toMatch(/^\d{6}$/)
    expect(parseSlotCodePayload(c.qr)).toEqual({ slotId: slot._id, purpose: 'in', code: c.code })
    expect(CODE_WINDOW_MS).toBe(SLOT_CODE_WINDOW_S * 1000)
    expect(Date.parse(c.expiresAt) - Date.parse(c.now)).toBeLessThanOrEqual(CODE_WINDOW_MS)
    expect(rotatingCode(LOCAL_SECRET, slotCodeScope(slot._id, 'in'), Date.parse(c.now)).code).toBe(c.code)
    expect((await codeOut(slot._id)).code).toBe(rotatingCode(LOCAL_SECRET, slotCodeScope(slot._id, 'out'), Date.parse(c.now)).code)
    expect(await vol(h, 'demo-staff-tangmen', 'slotCode', { slotId: slot._id, purpose: 'in' })).toMatchObject({ ok: false, code: 'SCOPE_DENIED' })
    expect(await vol(h, v, 'slotCode', { slotId: slot._id, purpose: 'in' })).toMatchObject({ ok: false, code: 'ROLE_REQUIRED' })
    expect(await vol(h, 'demo-staff', 'slotCode', { slotId: 'slot-none', purpose: 'in' })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  })

  it('checks in once with the code; a repeat answers the existing pair; the same code after check-out is refused', async () => {
    const v = await stageVolunteer(h)
    const slot = await stageSlot(h, [shift(v)])
    const { code } = await codeIn(slot._id)
    const first = await volOk(h, v, 'checkIn', { slotId: slot._id, method: 'code', code })
    expect(first).toMatchObject({ status: 'checked_in', repeated: false, pair: { inBy: 'code' } })
    // A repeated check-in (a new call, or the same call retried) answers the existing one and writes nothing.
    const again = await volOk(h, v, 'checkIn', { slotId: slot._id, method: 'code', code })
    expect(again).toMatchObject({ status: 'checked_in', repeated: true, pair: { inAt: first.pair.inAt } })
    const byLocation = await volOk(h, v, 'checkIn', { slotId: slot._id, method: 'location', ...near() })
    expect(byLocation).toMatchObject({ repeated: true, pair: { inAt: first.pair.inAt, inBy: 'code' } })
    let doc = await slotDoc(slot._id)
    expect(doc.shifts[0].pairs).toHaveLength(1)
    expect(doc.openPairs).toBe(1)

    // The in-code does not check out; the out-code does.
    expect(await vol(h, v, 'checkOut', { slotId: slot._id, method: 'code', code })).toMatchObject({ ok: false, message: M.codeOtherPurpose.out })
    const out = await volOk(h, v, 'checkOut', { slotId: slot._id, method: 'code', code: (await codeOut(slot._id)).code })
    expect(out).toMatchObject({ status: 'checked_out', pair: { inAt: first.pair.inAt, outBy: 'code' } })

    // The same in-code again (still current): used once by this volunteer for this purpose.
    const replay = await vol(h, v, 'checkIn', { slotId: slot._id, method: 'code', code })
    expect(replay).toMatchObject({ ok: false, code: 'INVALID_STATE', message: M.codeUsed })
    doc = await slotDoc(slot._id)
    expect(doc.shifts[0]).toMatchObject({ status: 'checked_out', pairs: [{ inBy: 'code', outBy: 'code' }] })
    expect(doc.openPairs).toBe(0)
  })

  it('retried with the same requestId, a check-in has one effect', async () => {
    const v = await stageVolunteer(h)
    const slot = await stageSlot(h, [shift(v)])
    const requestId = rid()
    const input = { slotId: slot._id, method: 'location', ...near() }
    const [a, b] = await Promise.all([vol(h, v, 'checkIn', input, requestId), vol(h, v, 'checkIn', input, requestId)])
    expect(a.ok && b.ok).toBe(true)
    const c = await volOk(h, v, 'checkIn', input, requestId)
    expect(c.repeated).toBe(true)
    expect((await slotDoc(slot._id)).shifts[0].pairs).toHaveLength(1)
  })

  it('refuses a code of another slot and a forged one, and writes nothing', async () => {
    const v = await stageVolunteer(h)
    const slot = await stageSlot(h, [shift(v)])
    const other = await stageSlot(h, [shift(await stageVolunteer(h))])
    const otherCode = (await codeIn(other._id)).code
    const forged = rotatingCode('another-secret-of-some-length', slotCodeScope(slot._id, 'in'), nowMs()).code
    const real = (await codeIn(slot._id)).code
    for (const code of [otherCode, forged, String((Number(real) + 1) % 1e6).padStart(6, '0')]) {
      if (code === real) continue
      expect(await vol(h, v, 'checkIn', { slotId: slot._id, method: 'code', code })).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: M.codeWrong })
    }
    expect(await vol(h, v, 'checkIn', { slotId: slot._id, method: 'code' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(await vol(h, v, 'checkIn', { slotId: slot._id, method: 'code', code: '12345' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect((await slotDoc(slot._id)).shifts[0]).toMatchObject({ status: 'signed_up', pairs: [], usedCodes: [] })
  })

  it('refuses a volunteer who did not sign up, and a resident', async () => {
    const v = await stageVolunteer(h)
    const slot = await stageSlot(h, [shift(v)])
    const { code } = await codeIn(slot._id)
    expect(await vol(h, 'demo-volunteer', 'checkIn', { slotId: slot._id, method: 'code', code })).toMatchObject({ ok: false, code: 'NOT_FOUND', message: M.notSignedUp })
    expect(await vol(h, 'demo-resident', 'checkIn', { slotId: slot._id, method: 'code', code })).toMatchObject({ ok: false, code: 'NOT_VOLUNTEER' })
    expect(await vol(h, v, 'checkOut', { slotId: slot._id, method: 'location', ...near() })).toMatchObject({ ok: false, code: 'INVALID_STATE', message: M.notCheckedIn })
  })
})

describe('location', () => {
  it('accepts radius − 1 m and refuses radius + 1 m with the distance; records distance and accuracy', async () => {
    const v = await stageVolunteer(h)
    const slot = await stageSlot(h, [shift(v)])
    const far = await vol(h, v, 'checkIn', { slotId: slot._id, method: 'location', ...north(PLACE, PLACE.radiusM + 1), accuracy: 10 })
    expect(far).toMatchObject({ ok: false, code: 'INVALID_STATE', message: '距离服务地点 201 米，请到现场后签到' })
    const blurry = await vol(h, v, 'checkIn', { slotId: slot._id, method: 'location', ...north(PLACE, 10), accuracy: PLACE.radiusM + 1 })
    expect(blurry).toMatchObject({ ok: false, code: 'INVALID_STATE', message: M.inaccurate(201, 200) })
    expect((await slotDoc(slot._id)).shifts[0].pairs).toEqual([])
    const ok = await volOk(h, v, 'checkIn', { slotId: slot._id, method: 'location', ...north(PLACE, PLACE.radiusM - 1), accuracy: 35.4 })
    expect(ok.pair).toMatchObject({ inBy: 'location', inDistanceM: 199, inAccuracyM: 35 })
    const out = await vol(h, v, 'checkOut', { slotId: slot._id, method: 'location', ...north(PLACE, 350), accuracy: 10 })
    expect(out).toMatchObject({ ok: false, message: '距离服务地点 350 米，请到现场后签退' })
    expect((await volOk(h, v, 'checkOut', { slotId: slot._id, method: 'location', ...north(PLACE, 5), accuracy: 8 })).pair).toMatchObject({
      outBy: 'location',
      outDistanceM: 5,
      outAccuracyM: 8,
    })
  })
})

describe('the window and the day', () => {
  it('opens 30 minutes before the start and closes at the end', async () => {
    const v = await stageVolunteer(h)
    // 30 min + 20 s ahead: not open yet; 30 min − 20 s ahead: open.
    const early = await stageSlot(h, [shift(v)], 30 + 1 / 3, 60)
    const refused = await vol(h, v, 'checkIn', { slotId: early._id, method: 'location', ...near() })
    expect(refused).toMatchObject({ ok: false, code: 'INVALID_STATE', message: expect.stringContaining('还没到签到时间') })
    const mine = await volOk(h, v, 'myCheckin', { slotId: early._id })
    expect(mine).toMatchObject({ status: 'signed_up', can: [], refusal: expect.stringContaining('还没到签到时间') })
    const v2 = await stageVolunteer(h)
    const justOpen = await stageSlot(h, [shift(v2)], 30 - 1 / 3, 60)
    expect((await volOk(h, v2, 'myCheckin', { slotId: justOpen._id })).can).toEqual(['checkIn'])
    expect(await volOk(h, v2, 'checkIn', { slotId: justOpen._id, method: 'location', ...near() })).toMatchObject({ status: 'checked_in' })

    // Ends in 20 s: still open; ended 20 s ago: closed.
    const v3 = await stageVolunteer(h)
    const ending = await stageSlot(h, [shift(v3)], -120 + 1 / 3, 120)
    expect(await volOk(h, v3, 'checkIn', { slotId: ending._id, method: 'location', ...near() })).toMatchObject({ status: 'checked_in' })
    const v4 = await stageVolunteer(h)
    const ended = await stageSlot(h, [shift(v4)], -120 - 1 / 3, 120)
    expect(await vol(h, v4, 'checkIn', { slotId: ended._id, method: 'location', ...near() })).toMatchObject({ ok: false, message: M.closed })
  })

  it('says when check-in opens for a slot on another day, on the page and when tried (not "not signed up")', async () => {
    const v = await stageVolunteer(h)
    const nextWeek = await stageSlot(h, [shift(v)], 7 * 24 * 60, 120)
    const start = h.emu.calls.length
    const mine = await volOk(h, v, 'myCheckin', { slotId: nextWeek._id })
    expect(mine).toMatchObject({ status: 'signed_up', can: [], refusal: expect.stringContaining('还没到签到时间') })
    expect(h.emu.calls.slice(start).find((c) => c.action === 'myCheckin')?.dbRequests).toBe(2)
    expect(await vol(h, v, 'checkIn', { slotId: nextWeek._id, method: 'location', ...near() })).toMatchObject({
      ok: false,
      code: 'INVALID_STATE',
      message: expect.stringContaining('还没到签到时间'),
    })
    expect(await vol(h, 'demo-volunteer', 'checkIn', { slotId: nextWeek._id, method: 'location', ...near() })).toMatchObject({ ok: false, code: 'NOT_FOUND', message: M.notSignedUp })
    expect(await vol(h, v, 'checkIn', { slotId: 'slot-none', method: 'location', ...near() })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await vol(h, 'demo-staff-tangmen', 'checkIn', { slotId: nextWeek._id, method: 'roster', openid: v })).toMatchObject({ ok: false, code: 'SCOPE_DENIED' })
  })

  it('allows at most 3 pairs a day per person', async () => {
    const v = await stageVolunteer(h)
    const slot = await stageSlot(h, [shift(v)])
    const input = { slotId: slot._id, method: 'roster', openid: v }
    for (let i = 0; i < 3; i++) {
      expect(await volOk(h, 'demo-staff', 'checkIn', input)).toMatchObject({ status: 'checked_in', repeated: false })
      expect(await volOk(h, 'demo-staff', 'checkOut', input)).toMatchObject({ status: 'checked_out', repeated: false })
    }
    expect(await vol(h, 'demo-staff', 'checkIn', input)).toMatchObject({ ok: false, code: 'INVALID_STATE', message: M.maxPairs })
    const doc = await slotDoc(slot._id)
    expect(doc.shifts[0].pairs).toHaveLength(3)
    expect(doc.shifts[0].pairs[0]).toMatchObject({ inBy: 'roster', inStaff: 'demo-staff', outBy: 'roster', outStaff: 'demo-staff' })
  })

  it('counts the pairs of the day over all my slots', async () => {
    const v = await stageVolunteer(h)
    const inAt = new Date(testNow() - 60_000)
    const done = { inAt, inBy: 'roster' as const, outAt: new Date(testNow() - 30_000), outBy: 'roster' as const }
    await stageSlot(h, [shift(v, '李志愿', { status: 'checked_out', pairs: [done, done, done] })], -5, 30)
    const slot = await stageSlot(h, [shift(v)], 20, 60)
    expect(await vol(h, v, 'checkIn', { slotId: slot._id, method: 'location', ...near() })).toMatchObject({ ok: false, message: M.maxPairs })
  })
})

describe('the roster', () => {
  it('gives the slot staff names, statuses and phones; checks in for volunteers without a phone, never for oneself', async () => {
    const a = await stageVolunteer(h, '张三', '13900001111')
    const b = await stageVolunteer(h, '李四', '13900002222')
    const slot = await stageSlot(h, [shift(a, '张三'), shift(b, '李四'), shift('demo-staff', '郑社工')])
    await volOk(h, 'demo-staff', 'checkIn', { slotId: slot._id, method: 'roster', openid: a })
    const r = await volOk(h, 'demo-staff', 'roster', { slotId: slot._id })
    expect(r).toMatchObject({ slotId: slot._id, taken: 3, checkedIn: 1 })
    expect(r.shifts.map((s: { name: string; phone?: string; status: string; can: string[] }) => [s.name, s.phone, s.status, s.can])).toEqual([
      ['张三', '13900001111', 'checked_in', ['checkOut']],
      ['李四', '13900002222', 'signed_up', ['checkIn']],
      ['郑社工', undefined, 'signed_up', []],
    ])
    expect(r.shifts[0].pairs[0]).toMatchObject({ inBy: 'roster' })
    expect(JSON.stringify(r)).not.toContain('inStaff')
    expect(await vol(h, 'demo-staff', 'checkIn', { slotId: slot._id, method: 'roster', openid: 'demo-staff' })).toMatchObject({ ok: false, code: 'SELF_REVIEW' })
    expect(await vol(h, 'demo-staff', 'checkIn', { slotId: slot._id, method: 'roster' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(await vol(h, 'demo-staff-tangmen', 'checkIn', { slotId: slot._id, method: 'roster', openid: b })).toMatchObject({ ok: false, code: 'SCOPE_DENIED' })
    expect(await vol(h, a, 'checkIn', { slotId: slot._id, method: 'roster', openid: b })).toMatchObject({ ok: false, code: 'ROLE_REQUIRED' })
  })

  it('never sends the phones to a volunteer or to staff of another community (raw responses)', async () => {
    const a = await stageVolunteer(h, '王五', '13900003333')
    const b = await stageVolunteer(h, '赵六', '13900004444')
    const slot = await stageSlot(h, [shift(a, '王五'), shift(b, '赵六')])
    for (const [who, code] of [
      [a, 'ROLE_REQUIRED'],
      ['demo-volunteer', 'ROLE_REQUIRED'],
      ['demo-staff-tangmen', 'SCOPE_DENIED'],
    ]) {
      const raw = await vol(h, who, 'roster', { slotId: slot._id })
      expect(raw).toMatchObject({ ok: false, code })
      expect(JSON.stringify(raw)).not.toMatch(/1390000(3333|4444)|王五|赵六/)
    }
    // A volunteer's own view names no one else.
    const mine = JSON.stringify(await vol(h, a, 'myCheckin', { slotId: slot._id }))
    expect(mine).not.toMatch(new RegExp(`13900004444|13900003333|赵六|${b}|1980-05-01`))
    const checked = JSON.stringify(await vol(h, a, 'checkIn', { slotId: slot._id, method: 'location', ...near() }))
    expect(checked).not.toMatch(new RegExp(`13900004444|赵六|${b}`))
  })
})

describe('the forgotten check-out', () => {
  async function runJob() {
    const later = new Date(nowMs() + 86_400_000)
    const next = { wishOverdueClaims: later, purgeRequests: later, wishTally: later, wishCounters: later, volunteerForgottenCheckouts: new Date(0) }
    if (!(await h.update('jobs', { _id: 'schedule' }, { next }))) await h.insert('jobs', { _id: 'schedule', next })
    const { result } = (await h.emu.fireTrigger('scheduler')) as { result: any }
    expect(result.ok).toBe(true)
    return result.data.jobs.volunteerForgottenCheckouts as { done: number; error?: string }
  }

  it('is closed at the slot end by the scheduler and flagged, once; open slots are left alone', async () => {
    const a = await stageVolunteer(h)
    const b = await stageVolunteer(h)
    const c = await stageVolunteer(h)
    const inAt = new Date(testNow() - 100 * 60_000)
    const open = { inAt, inBy: 'code' as const }
    const ended = await stageSlot(
      h,
      [shift(a, 'A', { status: 'checked_in', pairs: [open] }), shift(b, 'B', { status: 'checked_out', pairs: [{ ...open, outAt: new Date(testNow() - 50 * 60_000), outBy: 'code' }] })],
      -120,
      90,
      { openPairs: 1 },
    )
    const running = await stageSlot(h, [shift(c, 'C', { status: 'checked_in', pairs: [open] })], -110, 120, { openPairs: 1 })
    const first = await runJob()
    expect(first.error).toBeUndefined()
    expect(first.done).toBeGreaterThanOrEqual(1)
    const doc = await slotDoc(ended._id)
    expect(doc.openPairs).toBe(0)
    expect(doc.shifts[0]).toMatchObject({ status: 'checked_out', flagged: FORGOTTEN_CHECKOUT, pairs: [{ outBy: 'scheduler' }] })
    expect(new Date(doc.shifts[0].pairs[0].outAt!).getTime()).toBe(new Date(ended.endAt).getTime())
    expect(doc.shifts[1].flagged).toBeUndefined()
    expect((await slotDoc(running._id)).shifts[0]).toMatchObject({ status: 'checked_in' })
    // Twice: nothing more to do.
    expect((await runJob()).done).toBe(0)
    // The volunteer sees the flag and the closed pair.
    expect(await volOk(h, a, 'myCheckin', { slotId: ended._id })).toMatchObject({ status: 'checked_out', flagged: FORGOTTEN_CHECKOUT, can: [] })
  })
})

describe('budgets', () => {
  it('check-in and check-out ≤ 3 database requests, the code ≤ 2, my check-in ≤ 3 (2 outside the window), the roster ≤ 3; all on indexes, ≤ 32 KB', async () => {
    const v = await stageVolunteer(h)
    // A slot of 30 (the bulk-confirm size), the others with 2 closed pairs each and a location check-in open.
    const others = await Promise.all(Array.from({ length: 29 }, (_, i) => stageVolunteer(h, `志愿者${i}`)))
    const at = new Date(testNow() - 60_000)
    const closed = { inAt: at, inBy: 'location' as const, inDistanceM: 35, inAccuracyM: 20, outAt: at, outBy: 'location' as const, outDistanceM: 40, outAccuracyM: 18 }
    const busy = (o: string, i: number) => shift(o, `志愿者${i}`, { status: 'checked_in', pairs: [closed, closed, { ...closed, outAt: undefined, outBy: undefined }] })
    const slot = await stageSlot(h, [shift(v), ...others.map((o, i) => (i === 0 ? shift(o, '志愿者0') : busy(o, i)))], 10, 120, { headcount: 30, openPairs: 28 })
    await volOk(h, 'demo-staff', 'roster', { slotId: slot._id }) // warm
    const start = h.emu.calls.length
    const { code } = await codeIn(slot._id)
    await volOk(h, v, 'myCheckin', { slotId: slot._id })
    await volOk(h, v, 'checkIn', { slotId: slot._id, method: 'code', code })
    await volOk(h, v, 'checkIn', { slotId: slot._id, method: 'code', code })
    await volOk(h, v, 'checkOut', { slotId: slot._id, method: 'location', ...near() })
    await volOk(h, 'demo-staff', 'checkIn', { slotId: slot._id, method: 'roster', openid: others[0] })
    await volOk(h, 'demo-staff', 'checkOut', { slotId: slot._id, method: 'roster', openid: others[0] })
    await volOk(h, 'demo-staff', 'roster', { slotId: slot._id })
    const calls = h.emu.calls.slice(start).filter((c) => c.fn === 'volunteer')
    const ceiling: Record<string, number> = { slotCode: 2, myCheckin: 3, checkIn: 3, checkOut: 3, roster: 3 }
    const table: Record<string, number> = {}
    for (const c of calls) {
      expect({ action: c.action, dbRequests: Math.min(c.dbRequests, ceiling[c.action]) }).toEqual({ action: c.action, dbRequests: c.dbRequests })
      expect({ action: c.action, scans: c.queries.filter((q) => q.endsWith(':SCAN')) }).toEqual({ action: c.action, scans: [] })
      expect(c.responseBytes).toBeLessThanOrEqual(32 * 1024)
      table[c.action] = Math.max(table[c.action] ?? 0, c.dbRequests)
    }
    expect(Object.keys(table).sort()).toEqual(['checkIn', 'checkOut', 'myCheckin', 'roster', 'slotCode'])
    const roster = calls.filter((c) => c.action === 'roster').at(-1)!
    console.log('volunteer check-in db requests per action (max):', JSON.stringify(table), `roster of 30: ${roster.responseBytes} bytes`)
  })
})

describe('after 60 s', () => {
  it('refuses a code photographed and sent to a friend a minute later', async () => {
    const v = await stageVolunteer(h)
    const friend = await stageVolunteer(h)
    const slot = await stageSlot(h, [shift(v), shift(friend)], 10, 120)
    const { code } = await codeIn(slot._id)
    expect(await volOk(h, v, 'checkIn', { slotId: slot._id, method: 'code', code })).toMatchObject({ status: 'checked_in' })
    await h.emu.advanceClock(2 * CODE_WINDOW_MS + 1_000)
    expect(await vol(h, friend, 'checkIn', { slotId: slot._id, method: 'code', code })).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: M.codeWrong })
    expect((await slotDoc(slot._id)).shifts[1]).toMatchObject({ status: 'signed_up', pairs: [] })
  })
})
