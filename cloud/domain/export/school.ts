// Issue 11 part C: the 4 o'clock school's exports (staff only, through saveExport): a session's roster (enrolled
// children with the guardian's phone and the authorised adults, for the station's paper file) and a month's
// attendance (child × session day: 到/请假/未到 with the times).
import { GENDER_LABELS, GRADE_LABELS, dayKey, notSessionDay } from '../../../src/contracts/school/rules'
import type { ExportFile, ParsedInputOf } from '../../../src/contracts'
import { communityName, loadCommunities } from '../../lib/communities'
import type { Ctx } from '../../lib/context'
import { addDays, chinaDay, chinaTime } from '../../lib/dates'
import { HandlerError } from '../../lib/errors'
import { addSheet, newWorkbook, requireExportAllowed, saveExport } from '../../lib/export'
import { DAY_FIELDS, type DaySession } from '../school/attendance/common'
import { SCH_CHILDREN, SCH_SESSIONS, type AttendanceRecord, type ChildDoc } from '../school/model'

/** Refuses callers who are staff of no community before anything is read. */
function requireSomeStaff(ctx: Ctx): void {
  if (!ctx.isAdmin && !ctx.staffCommunityIds.length) throw new HandlerError('ROLE_REQUIRED')
}

async function readSession(ctx: Ctx, sessionId: string, extra: Record<string, true>): Promise<DaySession> {
  await loadCommunities(ctx.db) // cached per instance: the file's community name
  const res = await ctx.db
    .collection(SCH_SESSIONS)
    .where({ _id: sessionId })
    .field({ ...DAY_FIELDS, 'entries.childId': true, 'entries.status': true, 'entries.child': true, ...extra })
    .limit(1)
    .get()
  const s = (res.data as DaySession[])[0]
  if (!s) throw new HandlerError('NOT_FOUND', '没有找到这期课程')
  return s
}

/**
 * Staff of the session's community: the enrolled children (name, gender, grade, the guardian's phone, the
 * authorised adults' names and relations — never their codes — and the allergy or health note). Database
 * requests: the user + the session + the children + the log insert = 4.
 */
export async function schoolRoster(input: ParsedInputOf<'export', 'schoolRoster'>, ctx: Ctx): Promise<ExportFile> {
  requireSomeStaff(ctx)
  const s = await readSession(ctx, input.sessionId, {})
  const subject = { communityId: s.communityId }
  requireExportAllowed(ctx, subject)
  const enrolled = (s.entries ?? []).filter((e) => e.status === 'enrolled')
  const ids = enrolled.map((e) => e.childId)
  const _ = ctx.db.command
  const children = new Map<string, Pick<ChildDoc, '_id' | 'guardianPhone' | 'pickups' | 'healthNote'>>()
  if (ids.length) {
    const res = await ctx.db
      .collection(SCH_CHILDREN)
      .where({ _id: ids.length === 1 ? ids[0] : _.in(ids) })
      .field({ guardianPhone: true, pickups: true, healthNote: true })
      .limit(ids.length)
      .get()
    for (const c of res.data as Pick<ChildDoc, '_id' | 'guardianPhone' | 'pickups' | 'healthNote'>[]) children.set(c._id, c)
  }
  const wb = newWorkbook(ctx.now)
  const ws = addSheet(wb, '花名册', [
    { header: '序号', key: 'no', width: 6 },
    { header: '姓名', key: 'name', width: 10 },
    { header: '性别', key: 'gender', width: 6 },
    { header: '年级', key: 'grade', width: 8 },
    { header: '监护人电话', key: 'phone', width: 14 },
    { header: '授权接送人', key: 'adults', width: 30 },
    { header: '过敏/健康提示', key: 'health', width: 30 },
  ])
  enrolled.forEach((e, i) => {
    const c = children.get(e.childId)
    ws.addRow({
      no: i + 1,
      name: e.child.name,
      gender: GENDER_LABELS[e.child.gender] ?? '',
      grade: GRADE_LABELS[e.child.grade] ?? '',
      phone: c?.guardianPhone ?? '',
      adults: (c?.pickups ?? []).map((a) => `${a.name}（${a.relation}）`).join('、'),
      health: c?.healthNote ?? e.child.healthNote ?? (e.child.allergy ? '有' : ''),
    })
  })
  const day = chinaDay(ctx.now)
  return saveExport(ctx, {
    subject,
    kind: 'schoolRoster',
    params: { sessionId: s._id },
    fileName: `school-roster-${s._id}`,
    displayName: `${day}-四点钟学校花名册-${s.name}-${communityName(s.communityId)}.xlsx`,
    rows: enrolled.length,
    workbook: wb,
  })
}

/** A record as one cell of the month sheet. */
function cellOf(r: AttendanceRecord | undefined, past: boolean): string {
  if (r?.arrivedAt) {
    const out = r.pickedUpAt ?? r.release?.at
    return `到 ${chinaTime(r.arrivedAt)}${out ? `–${chinaTime(out)}${r.release ? ' 放行' : ''}` : ''}`
  }
  if (r?.leave) return '请假'
  return past ? '未到' : ''
}

/**
 * Staff of the session's community: a month's attendance of the session, one row per child (enrolled, or with a
 * record that month) and one column per session day: 到 with the arrival and pick-up times, 请假, 未到 (a past day),
 * 停课. Database requests: the user + the session (projected to the month's days) + the log insert = 3.
 */
export async function schoolMonth(input: ParsedInputOf<'export', 'schoolMonth'>, ctx: Ctx): Promise<ExportFile> {
  requireSomeStaff(ctx)
  const first = `${input.month}-01`
  const days: string[] = []
  for (let d = first; d.startsWith(input.month); d = addDays(d, 1)) days.push(d)
  const s = await readSession(ctx, input.sessionId, Object.fromEntries(days.map((d) => [`days.${dayKey(d)}`, true as const])))
  const subject = { communityId: s.communityId }
  requireExportAllowed(ctx, subject)
  const today = chinaDay(ctx.now)
  const columns = days.filter((d) => !notSessionDay(s, d) || notSessionDay(s, d) === 'cancelled')
  const records = (d: string) => s.days?.[dayKey(d)] ?? {}
  const rows = (s.entries ?? []).filter((e) => e.status === 'enrolled' || columns.some((d) => records(d)[e.childId]))
  const wb = newWorkbook(ctx.now)
  const ws = addSheet(wb, '出勤', [{ header: '姓名', key: 'name', width: 10 }, ...columns.map((d) => ({ header: d.slice(5), key: d, width: 16 }))])
  for (const e of rows) {
    const row: Record<string, string> = { name: e.child.name }
    for (const d of columns) row[d] = notSessionDay(s, d) === 'cancelled' ? '停课' : cellOf(records(d)[e.childId], d < today)
    ws.addRow(row)
  }
  return saveExport(ctx, {
    subject,
    kind: 'schoolMonth',
    params: { sessionId: s._id, month: input.month },
    fileName: `school-month-${s._id}-${input.month}`,
    displayName: `${input.month}-四点钟学校出勤-${s.name}-${communityName(s.communityId)}.xlsx`,
    rows: rows.length,
    workbook: wb,
  })
}
