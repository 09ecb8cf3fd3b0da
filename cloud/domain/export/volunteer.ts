// Part D2 of issue 10: the volunteer service's exports. A volunteer's record (MCA Order 67's fields per entry, with
// totals, worded as a 平台记录) and a community's month of ledger entries, as .xlsx through saveExport.
import type ExcelJS from 'exceljs'
import { RECORD_WORDING, type ExportFile, type ParsedInputOf } from '../../../src/contracts'
import { formatHours } from '../../../src/contracts/volunteer/hours'
import { LEDGER_SOURCE_LABELS } from '../../../src/contracts/volunteer/rules'
import { findCommunity } from '../../lib/communities'
import { readUser, type Ctx } from '../../lib/context'
import { chinaDay } from '../../lib/dates'
import { HandlerError } from '../../lib/errors'
import { addSheet, addSummarySheet, chinaDate, newWorkbook, readPages, requireExportAllowed, saveExport } from '../../lib/export'
import { VOL_LEDGER, type LedgerEntryDoc } from '../volunteer/model'

/** Hours to 0.1 h as a number cell (minutes are what is stored). */
const hours = (minutes: number) => Number(formatHours(minutes))

/** The entry sheet's columns: MCA Order 67's record fields, in its order. */
const ENTRY_COLUMNS = [
  { header: '记录编号', key: 'id', width: 30 },
  { header: '姓名', key: 'name', width: 10 },
  { header: '志愿者编号', key: 'number', width: 14 },
  { header: '服务日期', key: 'date', width: 12 },
  { header: '开始时间', key: 'start', width: 10 },
  { header: '结束时间', key: 'end', width: 10 },
  { header: '服务地点', key: 'place', width: 20 },
  { header: '服务内容', key: 'content', width: 28 },
  { header: '服务时长（小时）', key: 'hours', width: 16 },
  { header: '组织单位', key: 'organiser', width: 14 },
  { header: '确认人', key: 'confirmedBy', width: 10 },
  { header: '确认时间', key: 'confirmedAt', width: 18, date: 'time' as const },
  { header: '来源', key: 'source', width: 10 },
  { header: '更正说明', key: 'note', width: 30 },
]

function entryRow(e: LedgerEntryDoc) {
  return {
    id: e._id,
    name: e.volunteerName,
    number: e.volunteerNo,
    date: e.serviceDate,
    start: e.startTime ?? '',
    end: e.endTime ?? '',
    place: e.place,
    content: e.content,
    hours: hours(e.minutes),
    organiser: e.organiser,
    confirmedBy: e.confirmedByName,
    confirmedAt: chinaDate(e.confirmedAt),
    source: LEDGER_SOURCE_LABELS[e.source] ?? e.source,
    note: e.correctionOf ? `更正 ${e.correctionOf}${e.reason ? `：${e.reason}` : ''}` : e.source === 'backfill' && e.reason ? `补录：${e.reason}` : '',
  }
}

/** The totals as the record page shows them: 补录 apart, this China year's apart. */
function totalsOf(entries: readonly LedgerEntryDoc[], year: string) {
  let live = 0
  let backfill = 0
  let thisYear = 0
  for (const e of entries) {
    if (e.source === 'backfill') backfill += e.minutes
    else {
      live += e.minutes
      if (e.serviceDate.startsWith(year)) thisYear += e.minutes
    }
  }
  return { live, backfill, thisYear }
}

function addEntrySheet(wb: ExcelJS.Workbook, name: string, entries: readonly LedgerEntryDoc[]): void {
  const ws = addSheet(wb, name, ENTRY_COLUMNS)
  for (const e of entries) ws.addRow(entryRow(e))
}

/**
 * A volunteer's record: their own (the caller, as owner), or a volunteer's of a community the caller serves (staff
 * in scope; the admin). Sheet 汇总 (the volunteer, the totals, the wording) and sheet 志愿服务平台记录 (every entry,
 * oldest first, corrections as their own rows). Totals are summed from the rows (the summary document holds the
 * same sums: the ledger's invariant). No phone or birth date is written. Database requests: user + (staff: the
 * volunteer) + the entries (1 per 1,000, index `mine`) + the log insert = 3 for the owner, 4 for staff.
 */
export async function volunteerRecord(input: ParsedInputOf<'export', 'volunteerRecord'>, ctx: Ctx): Promise<ExportFile> {
  const openid = input.openid ?? ctx.openid
  // Nobody but staff and the admin asks for someone else's record; they are refused before anything is read.
  if (openid !== ctx.openid && !ctx.isAdmin && !ctx.staffCommunityIds.length) throw new HandlerError('ROLE_REQUIRED')
  const volunteer = openid === ctx.openid ? ctx.user : await readUser(ctx.db, openid)
  if (!volunteer) throw new HandlerError(openid === ctx.openid ? 'ROLE_REQUIRED' : 'NOT_FOUND')
  const subject = { communityId: volunteer.communityId, ownerOpenid: openid }
  requireExportAllowed(ctx, subject)
  if (!volunteer.volunteer) throw new HandlerError('NOT_FOUND', '该用户还没有志愿服务记录')
  const community = await findCommunity(ctx.db, volunteer.communityId)
  const newestFirst = await readPages<LedgerEntryDoc>((skip, limit) =>
    ctx.db.collection(VOL_LEDGER).where({ openid }).orderBy('serviceDate', 'desc').orderBy('confirmedAt', 'desc').orderBy('_id', 'desc').skip(skip).limit(limit).get(),
  )
  const entries = newestFirst.reverse()
  const year = chinaDay(ctx.now).slice(0, 4)
  const t = totalsOf(entries, year)
  const name = volunteer.volunteer.realName
  const number = volunteer.volunteer.number ?? ''

  const wb = newWorkbook(ctx.now)
  addSummarySheet(
    wb,
    '汇总',
    [
      { item: '标题', value: `志愿服务${RECORD_WORDING}（非志愿服务记录证明）` },
      { item: '姓名', value: name },
      { item: '志愿者编号', value: number },
      { item: '所属社区', value: community?.name ?? '' },
      { item: '记录条数', value: entries.length },
      { item: '确认服务时长（小时）', value: hours(t.live) },
      { item: '补录时长（小时，另计）', value: hours(t.backfill) },
      { item: `${year}年服务时长（小时）`, value: hours(t.thisYear) },
      { item: '说明', value: `本表为和美社区${RECORD_WORDING}；如需证明，请向所属居委会申请志愿服务记录证明。` },
    ],
    ctx.now,
    { header: '内容', width: 36 },
  )
  addEntrySheet(wb, `志愿服务${RECORD_WORDING}`, entries)

  const day = chinaDay(ctx.now)
  return saveExport(ctx, {
    subject,
    kind: 'volunteerRecord',
    params: { openid },
    fileName: `volunteer-record-${number || openid.slice(0, 12)}`,
    displayName: `${day}-志愿服务${RECORD_WORDING}-${name}.xlsx`,
    rows: entries.length,
    workbook: wb,
  })
}

/**
 * Staff: a community's ledger entries of one month (by service date, China calendar), on the ledger's `community`
 * index, paged by 1,000. Sheet 汇总 (entries, hours, 补录 apart, distinct volunteers) and sheet 服务记录. Database
 * requests: user + the entries (1 per 1,000) + the log insert = 3 for a month under 1,000 entries (+1 communities,
 * cold); a month of n entries costs 2 + ceil((n + 1) / 1,000).
 */
export async function volunteerMonth(input: ParsedInputOf<'export', 'volunteerMonth'>, ctx: Ctx): Promise<ExportFile> {
  const subject = { communityId: input.communityId }
  requireExportAllowed(ctx, subject)
  const community = await findCommunity(ctx.db, input.communityId)
  if (!community) throw new HandlerError('NOT_FOUND')
  const _ = ctx.db.command
  const entries = await readPages<LedgerEntryDoc>((skip, limit) =>
    ctx.db
      .collection(VOL_LEDGER)
      .where({ communityId: input.communityId, serviceDate: _.gte(`${input.month}-01`).and(_.lte(`${input.month}-31`)) })
      .orderBy('serviceDate', 'asc')
      .orderBy('_id', 'asc')
      .skip(skip)
      .limit(limit)
      .get(),
  )
  const { live, backfill } = totalsOf(entries, input.month.slice(0, 4))
  const wb = newWorkbook(ctx.now)
  addSummarySheet(
    wb,
    '汇总',
    [
      { item: '社区', value: community.name },
      { item: '月份', value: input.month },
      { item: '记录条数', value: entries.length },
      { item: '服务时长（小时）', value: hours(live) },
      { item: '补录时长（小时，另计）', value: hours(backfill) },
      { item: '服务人数', value: new Set(entries.map((e) => e.openid)).size },
      { item: '说明', value: `本表为和美社区${RECORD_WORDING}` },
    ],
    ctx.now,
  )
  addEntrySheet(wb, '服务记录', entries)
  return saveExport(ctx, {
    subject,
    kind: 'volunteerMonth',
    params: { month: input.month },
    fileName: `volunteer-month-${input.month}`,
    displayName: `${input.month}-志愿服务记录-${community.name}.xlsx`,
    rows: entries.length,
    workbook: wb,
  })
}
