// What the attendance handlers share (issue 11, part C): who the viewer is for a session's children, the session
// read with the projection of one day, a record's view, and the day rules. The session document is the truth of
// attendance: `days.<YYYYMMDD>.<childId>` (cloud/domain/school/model.ts).
import type { DayRecordView } from '../../../../src/contracts/school/attendance'
import { ATTENDANCE_MESSAGES as M, dayKey, NOT_SESSION_DAY_LABELS, notSessionDay } from '../../../../src/contracts/school/rules'
import type { Ctx } from '../../../lib/context'
import { chinaDay, chinaInstant, iso } from '../../../lib/dates'
import { HandlerError } from '../../../lib/errors'
import { SCH_SESSIONS, type AttendanceRecord, type EnrolmentEntry, type SessionDoc } from '../model'

/** How the caller sees a session's children: staff of its community (or the admin), or a volunteer assigned to its station. */
export type Viewer = 'staff' | 'volunteer'

/** The caller's right on a community's rosters, or null. */
export function viewerOf(ctx: Ctx, communityId: string): Viewer | null {
  if (ctx.isAdmin || ctx.staffCommunityIds.includes(communityId)) return 'staff'
  if (ctx.roles.includes('volunteer') && (ctx.user?.school?.stations ?? []).includes(communityId)) return 'volunteer'
  return null
}

/** Refuses callers who are neither staff of the community nor a volunteer assigned to its station. */
export function requireViewer(ctx: Ctx, communityId: string): Viewer {
  const v = viewerOf(ctx, communityId)
  if (v) return v
  if (ctx.staffCommunityIds.length) throw new HandlerError('SCOPE_DENIED')
  throw new HandlerError('ROLE_REQUIRED', M.notStaffOrAssigned)
}

/** The session facts every attendance action reads (never the whole term's `days`). */
export const DAY_FIELDS = {
  communityId: true,
  name: true,
  status: true,
  termStart: true,
  termEnd: true,
  weekdays: true,
  startTime: true,
  endTime: true,
  cancelledDays: true,
} as const

export type DaySession = Pick<SessionDoc, '_id' | 'communityId' | 'name' | 'status' | 'termStart' | 'termEnd' | 'weekdays' | 'startTime' | 'endTime' | 'cancelledDays'> & {
  entries?: EnrolmentEntry[]
  days?: Record<string, Record<string, AttendanceRecord>>
}

/**
 * One session with the day's facts, its entries (`entries: true`, or only `entries.<fields>`) and the records of
 * `day` (all of them, or one child's). One database request.
 */
export async function readDaySession(ctx: Ctx, sessionId: string, day: string, opts: { childId?: string; entries?: boolean | string[] } = {}): Promise<DaySession> {
  const key = dayKey(day)
  const field: Record<string, true> = { ...DAY_FIELDS, [opts.childId ? `days.${key}.${opts.childId}` : `days.${key}`]: true }
  if (opts.entries === true) field.entries = true
  else if (Array.isArray(opts.entries)) for (const f of opts.entries) field[`entries.${f}`] = true
  const res = await ctx.db.collection(SCH_SESSIONS).where({ _id: sessionId }).field(field).limit(1).get()
  const s = (res.data as DaySession[])[0]
  if (!s) throw new HandlerError('NOT_FOUND', '没有找到这期课程')
  return s
}

/** The child's record of `day` in a session read by readDaySession (empty when none). */
export function recordOf(s: DaySession, day: string, childId: string): AttendanceRecord {
  return s.days?.[dayKey(day)]?.[childId] ?? {}
}

/** The child's entry with a place (status enrolled), or a refusal. */
export function enrolledEntry(s: DaySession, childId: string): EnrolmentEntry {
  const e = (s.entries ?? []).find((x) => x.childId === childId && x.status === 'enrolled')
  if (!e) throw new HandlerError('INVALID_STATE', M.notEnrolled)
  return e
}

/** Refuses a day that is not a session day, with the reason. */
export function requireSessionDay(s: DaySession, day: string): void {
  const why = notSessionDay(s, day)
  if (why) throw new HandlerError('INVALID_STATE', `${day} 不是上课日：${NOT_SESSION_DAY_LABELS[why]}`)
}

/** True while the day's session has not begun (China time). */
export function dayNotBegun(s: Pick<SessionDoc, 'startTime'>, day: string, now: Date): boolean {
  return now.getTime() < chinaInstant(day, s.startTime).getTime()
}

/** China's today at the call's clock. */
export function todayOf(ctx: Ctx): string {
  return chinaDay(ctx.now)
}

/** A record as guardians and staff see it (no openids). */
export function recordView(r: AttendanceRecord): DayRecordView {
  const v: DayRecordView = {}
  if (r.leave) v.leave = { by: r.leave.role, ...(r.leave.reason ? { reason: r.leave.reason } : {}), at: iso(r.leave.at) }
  if (r.arrivedAt) v.arrivedAt = iso(r.arrivedAt)
  if (r.pickedUpAt) v.pickedUpAt = iso(r.pickedUpAt)
  if (r.pickedUpBy) v.pickedUpBy = { name: r.pickedUpBy.name, relation: r.pickedUpBy.relation }
  if (r.release) v.release = { staffName: r.release.staffName, reason: r.release.reason, at: iso(r.release.at) }
  return v
}

/** True when the child has left (picked up with a code, or released by staff). */
export function isOut(r: AttendanceRecord): boolean {
  return !!(r.pickedUpAt || r.release)
}

/** The path of a child's record of a day in the session document. */
export function recordPath(day: string, childId: string): string {
  return `days.${dayKey(day)}.${childId}`
}

/** The name staff are recorded and shown under: the volunteer record's real name, else the nickname. */
export function staffName(ctx: Ctx): string {
  return ctx.user?.volunteer?.realName || ctx.user?.nickname || '工作人员'
}

/** True when the caller is a guardian of the family (the entry's family is the caller's). */
export function isOwnFamily(ctx: Ctx, familyId: string | undefined): boolean {
  return !!familyId && ctx.user?.school?.familyId === familyId
}
