// Part D2 of issue 10: the volunteer exports (a volunteer's record, a community's month of ledger entries) as .xlsx
// in cloud storage, opened back with exceljs; the rows equal the ledger's entries; scope, privacy and retries.
import ExcelJS from 'exceljs'
import type { Result } from '../../src/contracts'
import { inDays } from '../clock'
import { rid, startHarness, type Harness } from './helpers'
import { stageSlot, stageVolunteer, volOk, type StagedVolunteer } from './volunteerLedgerFixtures'

let h: Harness
let junmen: string
let a: StagedVolunteer
let b: StagedVolunteer
const day = inDays(-1)
const month = day.slice(0, 7)
/** A day in the month before `day`'s (the 1st of the month, minus one day, minus a few more). */
const lastMonthDay = inDays(-1 - Number(day.slice(8, 10)) - 3)

beforeAll(async () => {
  h = await startHarness({ poolSize: 1 })
  junmen = h.communityId('军门社区')
  a = await stageVolunteer(h, junmen)
  b = await stageVolunteer(h, junmen)
  // Live entries: one slot of yesterday with both, confirmed by staff (the real path).
  const slot = await stageSlot(
    h,
    junmen,
    [
      { openid: a.openid, name: a.realName },
      { openid: b.openid, name: b.realName },
    ],
    { day },
  )
  await volOk(h, 'demo-staff', 'confirmShifts', { slotId: slot._id })
  // An earlier month's slot for A only, then a 补录 for A (a back-fill, kept apart in the totals).
  const old = await stageSlot(h, junmen, [{ openid: a.openid, name: a.realName, pairs: [['09:00', '10:00']] }], { day: lastMonthDay })
  await volOk(h, 'demo-staff', 'confirmShifts', { slotId: old._id })
  await volOk(h, 'demo-staff', 'backfill', {
    volunteerNo: a.number,
    serviceDate: lastMonthDay,
    startTime: '14:00',
    endTime: '16:00',
    place: '军门社区服务站',
    serviceType: '社区服务',
    content: '线下登记的服务',
    minutes: 90,
    reason: '线下活动补登',
    evidence: '签到表照片',
  })
}, 60_000)
afterAll(async () => {
  await h?.close()
})

function exportCall(openid: string, action: string, input: object, requestId: string | null = rid()): Promise<Result<any>> {
  const event: Record<string, unknown> = { action, input }
  if (requestId) event.requestId = requestId
  return h.emu.invoke('export', event, openid) as Promise<Result<any>>
}

async function openWorkbook(url: string): Promise<ExcelJS.Workbook> {
  const res = await fetch(url)
  expect(res.status).toBe(200)
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer)
  return wb
}

function rowsOf(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = []
  ws.eachRow((row) => out.push((row.values as unknown[]).slice(1)))
  return out
}

const HEADERS = ['记录编号', '姓名', '志愿者编号', '服务日期', '开始时间', '结束时间', '服务地点', '服务内容', '服务时长（小时）', '组织单位', '确认人', '确认时间', '来源', '更正说明']
const hours = (m: number) => Math.round(m / 6) / 10

it("a volunteer exports their own record: Order 67's fields, every entry, totals, worded 平台记录", async () => {
  const res = await exportCall(a.openid, 'volunteerRecord', {})
  if (!res.ok) throw new Error(`${res.code} ${res.message}`)
  expect(res.data.name).toContain('平台记录')
  const wb = await openWorkbook(res.data.url)
  const list = wb.getWorksheet('志愿服务平台记录')!
  expect(list).toBeDefined()
  const rows = rowsOf(list)
  expect(rows[0]).toEqual(HEADERS)
  const entries = (await h.find('vol_ledger', { openid: a.openid })) as any[]
  expect(entries).toHaveLength(3)
  expect(res.data.rows).toBe(3)
  const body = rows.slice(1)
  expect(body.map((r) => r[0]).sort()).toEqual(entries.map((e) => e._id).sort())
  for (const e of entries) {
    const r = body.find((x) => x[0] === e._id)!
    expect(r.slice(1, 11)).toEqual([a.realName, a.number, e.serviceDate, e.startTime ?? '', e.endTime ?? '', e.place, e.content, hours(e.minutes), '军门社区', e.confirmedByName])
    expect(r[11]).toBeInstanceOf(Date)
    expect(r[12]).toBe(e.source === 'backfill' ? '补录' : e.source === 'roster' ? '名单签到' : '现场签到')
  }
  // Oldest first.
  const dates = body.map((r) => r[3] as string)
  expect([...dates].sort()).toEqual(dates)
  // Totals: live apart from 补录, equal to the summary document.
  const summary = rowsOf(wb.getWorksheet('汇总')!)
  const sum = (await h.find('vol_summaries', { _id: a.openid }))[0] as any
  expect(summary).toContainEqual(['标题', '志愿服务平台记录（非志愿服务记录证明）'])
  expect(summary).toContainEqual(['确认服务时长（小时）', hours(sum.liveMinutes)])
  expect(summary).toContainEqual(['补录时长（小时，另计）', hours(sum.backfillMinutes)])
  expect(sum.backfillMinutes).toBe(90)
  // Privacy: no phone, no birth date.
  const text = JSON.stringify([rows, summary])
  expect(text).not.toContain(a.phone)
  expect(text).not.toContain(a.birthDate)
  expect(JSON.stringify(res)).not.toContain(a.phone)
})

it("staff in scope export a volunteer's record; another volunteer, staff out of scope and a resident are refused, nothing logged", async () => {
  const ok = await exportCall('demo-staff', 'volunteerRecord', { openid: b.openid })
  if (!ok.ok) throw new Error(`${ok.code} ${ok.message}`)
  expect(ok.data.rows).toBe(1)
  const rows = rowsOf((await openWorkbook(ok.data.url)).getWorksheet('志愿服务平台记录')!)
  expect(rows.slice(1).map((r) => r[1])).toEqual([b.realName])
  const logs = await h.find('exports', { openid: 'demo-staff', kind: 'volunteerRecord' })
  expect(logs[0]).toMatchObject({ as: 'staff', communityId: junmen, params: { openid: b.openid } })

  const before = await h.count('exports')
  expect(await exportCall(a.openid, 'volunteerRecord', { openid: b.openid })).toMatchObject({ ok: false, code: 'ROLE_REQUIRED' })
  expect(await exportCall('demo-resident', 'volunteerRecord', { openid: b.openid })).toMatchObject({ ok: false, code: 'ROLE_REQUIRED' })
  expect(await exportCall('demo-staff-tangmen', 'volunteerRecord', { openid: b.openid })).toMatchObject({ ok: false, code: 'SCOPE_DENIED' })
  expect(await exportCall('demo-staff', 'volunteerRecord', { openid: 'nobody-at-all' })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  expect(await exportCall('demo-resident', 'volunteerRecord', {})).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  expect(await exportCall('demo-staff', 'volunteerMonth', { communityId: junmen, month: '2026/11' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  expect(await exportCall(a.openid, 'volunteerMonth', { communityId: junmen, month })).toMatchObject({ ok: false, code: 'ROLE_REQUIRED' })
  expect(await exportCall('demo-staff-tangmen', 'volunteerMonth', { communityId: junmen, month })).toMatchObject({ ok: false, code: 'SCOPE_DENIED' })
  expect(await h.count('exports')).toBe(before)
})

it("staff export a community's month: exactly that month's entries of that community, on the index, ≤ 4 requests", async () => {
  await exportCall('demo-staff', 'volunteerMonth', { communityId: junmen, month }) // warm: the communities cache
  const start = h.emu.calls.length
  const res = await exportCall('demo-staff', 'volunteerMonth', { communityId: junmen, month })
  if (!res.ok) throw new Error(`${res.code} ${res.message}`)
  const [call] = h.emu.calls.slice(start).filter((c) => c.fn === 'export')
  expect(call.dbRequests).toBeLessThanOrEqual(4)
  expect(call.queries.filter((q) => q.endsWith(':SCAN'))).toEqual([])

  const expected = ((await h.find('vol_ledger', { communityId: junmen })) as any[]).filter((e) => e.serviceDate.startsWith(month))
  expect(expected).toHaveLength(2)
  const wb = await openWorkbook(res.data.url)
  const rows = rowsOf(wb.getWorksheet('服务记录')!)
  expect(rows[0]).toEqual(HEADERS)
  expect(
    rows
      .slice(1)
      .map((r) => r[0])
      .sort(),
  ).toEqual(expected.map((e) => e._id).sort())
  expect(res.data.rows).toBe(2)
  const summary = rowsOf(wb.getWorksheet('汇总')!)
  expect(summary).toContainEqual(['服务人数', 2])
  expect(summary).toContainEqual(['服务时长（小时）', hours(expected.reduce((s, e) => s + e.minutes, 0))])
  const text = JSON.stringify(rows)
  expect(text).not.toContain(a.phone)
  expect(text).not.toContain(b.phone)
})

it('a retried export answers the same file with one log entry; the record export stays within 4 requests', async () => {
  const requestId = rid()
  const start = h.emu.calls.length
  const first = await exportCall('demo-staff', 'volunteerRecord', { openid: a.openid }, requestId)
  const again = await exportCall('demo-staff', 'volunteerRecord', { openid: a.openid }, requestId)
  expect(first.ok && again.ok).toBe(true)
  if (!first.ok || !again.ok) return
  expect(again.data.fileID).toBe(first.data.fileID)
  expect(await h.find('exports', { openid: 'demo-staff', requestId })).toHaveLength(1)
  const [call] = h.emu.calls.slice(start).filter((c) => c.fn === 'export')
  expect(call.dbRequests).toBeLessThanOrEqual(4)
  expect(call.queries.filter((q) => q.endsWith(':SCAN'))).toEqual([])
  // The owner's own export: user + entries + log.
  const from = h.emu.calls.length
  expect((await exportCall(a.openid, 'volunteerRecord', {})).ok).toBe(true)
  const [own] = h.emu.calls.slice(from).filter((c) => c.fn === 'export')
  expect(own.dbRequests).toBeLessThanOrEqual(3)
})

it('a big month is read in pages of 1,000 on the index: 1,200 entries give 1,200 distinct rows in 4 requests', async () => {
  const qingcheng = h.communityId('庆城社区')
  const at = new Date()
  const docs = Array.from({ length: 1200 }, (_, i) => ({
    _id: `big-month-${String(i).padStart(4, '0')}`,
    openid: `big-vol-${i % 40}`,
    volunteerName: `志愿者${i % 40}`,
    volunteerNo: `QC-${i % 40}`,
    communityId: qingcheng,
    organiser: '庆城社区',
    source: 'live',
    // Many entries share a day, so the order needs its _id tie-break for the pages to neither skip nor repeat.
    serviceDate: `${month}-${String(1 + (i % 9)).padStart(2, '0')}`,
    place: '庆城社区广场',
    serviceType: '社区服务',
    content: '社区服务：环境清洁',
    minutes: 60,
    confirmedBy: 'demo-staff',
    confirmedByName: '郑社工',
    confirmedAt: at,
    requestId: `big-${i}`,
  }))
  h.emu.core.store.write(docs.map((doc) => ({ coll: 'vol_ledger', id: doc._id, doc })))
  await exportCall('demo-staff', 'volunteerMonth', { communityId: qingcheng, month }) // warm
  const start = h.emu.calls.length
  const res = await exportCall('demo-staff', 'volunteerMonth', { communityId: qingcheng, month })
  if (!res.ok) throw new Error(`${res.code} ${res.message}`)
  const [call] = h.emu.calls.slice(start).filter((c) => c.fn === 'export')
  expect(call.dbRequests).toBe(4)
  expect(call.queries.filter((q) => q.endsWith(':SCAN'))).toEqual([])
  const rows = rowsOf((await openWorkbook(res.data.url)).getWorksheet('服务记录')!).slice(1)
  expect(res.data.rows).toBe(1200)
  expect(new Set(rows.map((r) => r[0])).size).toBe(1200)
  const dates = rows.map((r) => r[3] as string)
  expect([...dates].sort()).toEqual(dates)
})
