import { createHash } from 'crypto'
import ExcelJS from 'exceljs'
import type { ExportFile } from '../../src/contracts'
import { cloud } from './cloud'
import { inScope, type Ctx } from './context'
import { chinaDay } from './dates'
import { isDuplicateKeyError } from './dbErrors'
import { HandlerError } from './errors'
import { tempFileUrls } from './storage'

export const EXPORTS = 'exports'
const CHINA_OFFSET_MS = 8 * 3600 * 1000

/** Who an export is about: a community's records, optionally one person's own record (e.g. a volunteer's hours). */
export interface ExportSubject {
  communityId: string
  ownerOpenid?: string
}

/** One export log entry (collection `exports`): who exported what, when, and the file written. */
export interface ExportLogDoc {
  _id: string
  openid: string
  /** 'staff' (in scope, or the admin) or 'owner' (their own record). */
  as: 'staff' | 'owner'
  kind: string
  communityId: string
  params: Record<string, unknown>
  fileID: string
  name: string
  rows: number
  requestId: string
  at: Date
}

/**
 * Refuses an export unless the caller is staff of the subject's community (the admin: every community), or the
 * person the record is about (ROLE_REQUIRED, SCOPE_DENIED). Answers in which right the caller exports.
 */
export function requireExportAllowed(ctx: Ctx, subject: ExportSubject): 'staff' | 'owner' {
  if (inScope(ctx, subject.communityId)) return 'staff'
  if (subject.ownerOpenid && subject.ownerOpenid === ctx.openid) return 'owner'
  throw new HandlerError(ctx.isAdmin || ctx.staffCommunityIds.length ? 'SCOPE_DENIED' : 'ROLE_REQUIRED')
}

/** A new workbook with the house defaults (creator, dates written as dates). */
export function newWorkbook(at: Date): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook()
  wb.creator = '和美社区'
  wb.created = at
  return wb
}

/**
 * A stored instant as a spreadsheet date showing China's wall time. Excel dates carry no zone and exceljs writes a
 * Date's UTC fields, so the instant is shifted by +8 h; undefined stays an empty cell.
 */
export function chinaDate(at: Date | string | undefined | null): Date | undefined {
  if (!at) return undefined
  const t = new Date(at).getTime()
  return Number.isNaN(t) ? undefined : new Date(t + CHINA_OFFSET_MS)
}

/** Adds a sheet with a frozen, bold header row and column widths; a column with `date` gets a day or day-and-time format. */
export function addSheet(wb: ExcelJS.Workbook, name: string, columns: { header: string; key: string; width?: number; date?: 'day' | 'time' }[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] })
  ws.columns = columns.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.width ?? 14,
    style: c.date ? { numFmt: c.date === 'day' ? 'yyyy-mm-dd' : 'yyyy-mm-dd hh:mm' } : {},
  }))
  ws.getRow(1).font = { bold: true }
  return ws
}

/** CloudBase's largest page for a server-side get. */
const EXPORT_PAGE = 1000
/** A sheet stops here: more rows than this for one person or one community's month is not a real record. */
const EXPORT_MAX_ROWS = 5000

/**
 * An export's rows read in pages: `query(skip)` answers one page of up to EXPORT_PAGE documents (1 database request
 * each), read until a short page or EXPORT_MAX_ROWS.
 */
export async function readPages<T>(query: (skip: number, limit: number) => Promise<{ data: unknown[] }>): Promise<T[]> {
  const out: T[] = []
  while (out.length < EXPORT_MAX_ROWS) {
    const res = await query(out.length, EXPORT_PAGE)
    out.push(...(res.data as T[]))
    if (res.data.length < EXPORT_PAGE) break
  }
  return out
}

/**
 * Adds a two-column summary sheet (项目 and `valueHeader`): the given rows, then 导出时间 (`at`, China's wall time,
 * formatted as day and time).
 */
export function addSummarySheet(
  wb: ExcelJS.Workbook,
  name: string,
  rows: { item: string; value: string | number | Date | undefined }[],
  at: Date,
  value: { header: string; width: number } = { header: '数值', width: 20 },
): ExcelJS.Worksheet {
  const ws = addSheet(wb, name, [
    { header: '项目', key: 'item', width: 24 },
    { header: value.header, key: 'value', width: value.width },
  ])
  ws.addRows([...rows, { item: '导出时间', value: chinaDate(at) }])
  ws.getCell(`B${ws.rowCount}`).numFmt = 'yyyy-mm-dd hh:mm'
  return ws
}

/** The storage path of an export: exports/<community>/<China day>-<name>.xlsx. */
export function exportPath(communityId: string, day: string, name: string): string {
  return `exports/${communityId}/${day}-${name}.xlsx`
}

function logId(openid: string, requestId: string): string {
  return createHash('sha256').update(`export:${openid}:${requestId}`).digest('hex').slice(0, 32)
}

/** A fresh temporary URL for a written file (a storage request, not a database one). */
async function urlOf(fileID: string): Promise<string> {
  const url = (await tempFileUrls([fileID])).get(fileID)
  if (!url) throw new Error('export file has no download URL')
  return url
}

/**
 * Writes the workbook to cloud storage (`cloud.uploadFile`) under exports/<community>/<day>-<fileName>.xlsx, logs
 * who exported what and when in `exports`, and answers the fileID with a temporary URL. Idempotent by the log:
 * its _id comes from the caller and requestId, so a retry writes the same path and answers as the first call.
 * Database requests: 1 (the log insert; +1 reading the first call's log on a retry).
 */
export async function saveExport(
  ctx: Ctx,
  e: { subject: ExportSubject; kind: string; params: Record<string, unknown>; fileName: string; displayName: string; rows: number; workbook: ExcelJS.Workbook },
): Promise<ExportFile> {
  const as = requireExportAllowed(ctx, e.subject)
  const buffer = Buffer.from(await e.workbook.xlsx.writeBuffer())
  const cloudPath = exportPath(e.subject.communityId, chinaDay(ctx.now), e.fileName)
  const { fileID } = await cloud.uploadFile({ cloudPath, fileContent: buffer })
  const requestId = ctx.requestId ?? `q-${ctx.now.getTime()}`
  const log: ExportLogDoc = {
    _id: logId(ctx.openid, requestId),
    openid: ctx.openid,
    as,
    kind: e.kind,
    communityId: e.subject.communityId,
    params: e.params,
    fileID,
    name: e.displayName,
    rows: e.rows,
    requestId,
    at: ctx.now,
  }
  try {
    await ctx.db.collection(EXPORTS).add({ data: log })
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err
    const first = (await ctx.db.collection(EXPORTS).doc(log._id).get()).data as ExportLogDoc | null
    if (!first) throw err
    return { fileID: first.fileID, url: await urlOf(first.fileID), name: first.name, rows: first.rows }
  }
  return { fileID, url: await urlOf(fileID), name: e.displayName, rows: e.rows }
}
