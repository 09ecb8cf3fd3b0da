// The `export` function: the wish month as .xlsx in cloud storage, opened back with exceljs; who may export; the log.
import ExcelJS from 'exceljs'
import type { Result } from '../../src/contracts'
import { monthRange } from '../../cloud/domain/export/wishMonth'
import type { Ctx } from '../../cloud/lib/context'
import { requireExportAllowed } from '../../cloud/lib/export'
import { chinaToday } from '../clock'
import { rid, startHarness, type Harness } from './helpers'

let h: Harness
let junmen: string
let qingcheng: string
const month = chinaToday().slice(0, 7)
const { start } = monthRange(month)
const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000)

beforeAll(async () => {
  h = await startHarness()
  junmen = h.communityId('军门社区')
  qingcheng = h.communityId('庆城社区')
  const closed = (id: string, communityId: string, closedAt: Date, over: object = {}) =>
    h.insert('wishes', {
      _id: id,
      wisherOpenid: 'demo-resident',
      communityId,
      title: `导出测试 ${id}`,
      description: '导出测试',
      category: '生活帮扶',
      nameStyle: 'surname',
      displayName: '林阿姨',
      contact: { phone: '13600000000', address: '军门社区 测试路 1 号' },
      photos: [],
      status: 'closed',
      createdAt: at(-5 * 1440),
      updatedAt: closedAt,
      publishedAt: at(-4 * 1440),
      claimedAt: at(-3 * 1440),
      fulfilledAt: at(-1440),
      closedAt,
      claim: { openid: 'demo-volunteer', claimantName: '陈志远', promisedBy: '2026-01-01', claimedAt: at(-3 * 1440) },
      thanks: '谢谢',
      reporters: [],
      reports: [],
      reportCount: 0,
      history: [],
      ...over,
    })
  // 00:30 on the 1st in China (16:30 UTC the day before) is this month; 23:30 the evening before is not.
  await closed('export-first-hour', junmen, at(30))
  await closed('export-mid-month', junmen, at(10 * 1440))
  await closed('export-last-month', junmen, at(-30))
  await closed('export-other-community', qingcheng, at(60))
  await closed('export-not-closed', junmen, at(90), { status: 'fulfilled' })
})
afterAll(async () => {
  await h?.close()
})

function exportCall(openid: string, input: object, requestId: string | null = rid()): Promise<Result<any>> {
  const event: Record<string, unknown> = { action: 'wishMonth', input }
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

/** The values of a sheet's rows (row 1 = headers), without exceljs's leading empty slot. */
function rowsOf(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = []
  ws.eachRow((row) => out.push((row.values as unknown[]).slice(1)))
  return out
}

it("staff in scope export the month: Chinese headers, this month's closed wishes of that community, dates as dates", async () => {
  const res = await exportCall('demo-staff', { communityId: junmen, month })
  if (!res.ok) throw new Error(`${res.code} ${res.message}`)
  const data = res.data
  expect(data.fileID).toMatch(new RegExp(`^cloud://[^/]+/exports/${junmen}/${chinaToday()}-wish-month-${month}\\.xlsx$`))
  expect(data.name).toBe(`${month}-心愿月报-军门社区.xlsx`)
  const wb = await openWorkbook(data.url)

  const list = wb.getWorksheet('已圆满心愿')!
  const rows = rowsOf(list)
  expect(rows[0]).toEqual(['编号', '心愿', '类别', '心愿人', '认领人', '发布日期', '认领日期', '完成日期', '确认时间', '感谢语'])
  const ids = rows.slice(1).map((r) => r[0])
  expect(ids).toContain('export-first-hour')
  expect(ids).toContain('export-mid-month')
  expect(ids).not.toContain('export-last-month')
  expect(ids).not.toContain('export-other-community')
  expect(ids).not.toContain('export-not-closed')
  expect(ids.indexOf('export-first-hour')).toBeLessThan(ids.indexOf('export-mid-month'))
  expect(data.rows).toBe(ids.length)

  const first = rows.find((r) => r[0] === 'export-first-hour')!
  expect(first.slice(1, 5)).toEqual(['导出测试 export-first-hour', '生活帮扶', '林阿姨', '陈志远'])
  // Date cells, showing China's wall time: 00:30 on the 1st.
  for (const cell of first.slice(5, 9)) expect(cell).toBeInstanceOf(Date)
  const closedAt = first[8] as Date
  expect(closedAt.toISOString().slice(0, 16)).toBe(`${month}-01T00:30`)
  expect(list.getColumn(9).numFmt).toBe('yyyy-mm-dd hh:mm')
  expect(list.getColumn(6).numFmt).toBe('yyyy-mm-dd')
  // No private contact in the file.
  expect(JSON.stringify(rows)).not.toContain('13600000000')

  const summary = rowsOf(wb.getWorksheet('统计')!)
  expect(summary[0]).toEqual(['项目', '数值'])
  expect(summary).toContainEqual(['社区', '军门社区'])
  expect(summary).toContainEqual(['月份', month])
  expect(summary).toContainEqual(['本月圆满心愿', ids.length])
  const closedNow = summary.find((r) => r[0] === '当前已圆满')!
  expect(closedNow[1]).toBe(await h.count('wishes', { communityId: junmen, status: 'closed' }))
})

it('each export is logged: who, what, when; a retry answers the same file with one log entry', async () => {
  const requestId = rid()
  const a = await exportCall('demo-admin', { communityId: qingcheng, month }, requestId)
  const b = await exportCall('demo-admin', { communityId: qingcheng, month }, requestId)
  expect(a.ok && b.ok).toBe(true)
  if (!a.ok || !b.ok) return
  expect(b.data.fileID).toBe(a.data.fileID)
  expect(a.data.rows).toBe(1)
  const logs = await h.find('exports', { openid: 'demo-admin', requestId })
  expect(logs).toHaveLength(1)
  expect(logs[0]).toMatchObject({ as: 'staff', kind: 'wishMonth', communityId: qingcheng, params: { month }, fileID: a.data.fileID, rows: 1 })
  expect(new Date(logs[0].at).getTime()).toBeGreaterThan(Date.now() - 3600_000 * 24 * 365 * 10)
})

it('an export stays within the budget of 4 database requests per action, on indexes', async () => {
  await exportCall('demo-staff', { communityId: junmen, month }) // warm: the communities cache
  const start = h.emu.calls.length
  const res = await exportCall('demo-staff', { communityId: junmen, month })
  expect(res.ok).toBe(true)
  const [call] = h.emu.calls.slice(start).filter((c) => c.fn === 'export')
  // A cold instance of the pool also reads the communities list once (cached after): not the action's own cost.
  const cold = call.queries.some((q) => q.startsWith('communities:')) ? 1 : 0
  expect(call.dbRequests - cold).toBeLessThanOrEqual(4)
  expect(call.queries.filter((q) => q.endsWith(':SCAN') && !q.startsWith('communities:'))).toEqual([])
})

it('staff out of scope, a volunteer and a resident are refused, and nothing is written or logged', async () => {
  const before = await h.count('exports')
  expect(await exportCall('demo-staff-tangmen', { communityId: junmen, month })).toMatchObject({ ok: false, code: 'SCOPE_DENIED' })
  expect(await exportCall('demo-resident', { communityId: junmen, month })).toMatchObject({ ok: false, code: 'ROLE_REQUIRED' })
  expect(await exportCall('demo-volunteer', { communityId: junmen, month })).toMatchObject({ ok: false, code: 'ROLE_REQUIRED' })
  expect(await h.count('exports')).toBe(before)
})

it('bad input: a month that is not YYYY-MM, a missing requestId', async () => {
  expect(await exportCall('demo-staff', { communityId: junmen, month: '2026-13' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  expect(await exportCall('demo-staff', { communityId: junmen, month: '2026/11' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  expect(await exportCall('demo-staff', { communityId: junmen, month }, null)).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
})

it('the export rule: staff in scope or the admin as staff, the person a record is about as its owner, nobody else', () => {
  const viewer = (openid: string, staffCommunityIds: string[] = [], isAdmin = false) => ({ openid, staffCommunityIds, isAdmin }) as unknown as Ctx
  const hours = { communityId: 'junmen', ownerOpenid: 'demo-volunteer' }
  expect(requireExportAllowed(viewer('demo-staff', ['junmen', 'qingcheng']), hours)).toBe('staff')
  expect(requireExportAllowed(viewer('demo-admin', [], true), hours)).toBe('staff')
  expect(requireExportAllowed(viewer('demo-volunteer'), hours)).toBe('owner')
  expect(() => requireExportAllowed(viewer('demo-volunteer-2'), hours)).toThrow(expect.objectContaining({ code: 'ROLE_REQUIRED' }))
  expect(() => requireExportAllowed(viewer('demo-staff-tangmen', ['tangmen']), hours)).toThrow(expect.objectContaining({ code: 'SCOPE_DENIED' }))
  expect(() => requireExportAllowed(viewer('demo-volunteer'), { communityId: 'junmen' })).toThrow(expect.objectContaining({ code: 'ROLE_REQUIRED' }))
})
