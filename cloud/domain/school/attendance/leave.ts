// Leave (请假): a guardian reports it for today or a coming session day, staff mark it; either withdraws it while
// the day has not begun (issue 11, part C). Written on `days.<d>.<childId>.leave` of the session.
import type { AttendanceChange } from '../../../../src/contracts/school/attendance'
import { ATTENDANCE_MESSAGES as M } from '../../../../src/contracts/school/rules'
import type { ParsedInputOf } from '../../../../src/contracts'
import { requireRole, requireScope, type Ctx } from '../../../lib/context'
import { HandlerError } from '../../../lib/errors'
import type { AttendanceRecord } from '../model'
import { dayNotBegun, enrolledEntry, isOwnFamily, readDaySession, recordOf, requireSessionDay, todayOf, type DaySession } from './common'
import { changeOf, ownChange, rereadRecord, writeRecord } from './write'

type In<A extends 'reportLeave' | 'markLeave' | 'cancelLeave'> = ParsedInputOf<'school', A>

/** The session with the child's record of the day and entries; the caller's right on the child: guardian or staff. */
async function leaveContext(ctx: Ctx, sessionId: string, childId: string, day: string, as: 'guardian' | 'staff' | 'either'): Promise<{ s: DaySession; role: 'guardian' | 'staff' }> {
  const s = await readDaySession(ctx, sessionId, day, { childId, entries: ['childId', 'status', 'familyId'] })
  const e = enrolledEntry(s, childId)
  const guardian = isOwnFamily(ctx, e.familyId)
  if (as === 'guardian' || (as === 'either' && guardian)) {
    if (!guardian) throw new HandlerError('ROLE_REQUIRED', M.notGuardian)
    return { s, role: 'guardian' }
  }
  requireRole(ctx, 'staff')
  requireScope(ctx, s.communityId)
  return { s, role: 'staff' }
}

async function putLeave(ctx: Ctx, input: { sessionId: string; childId: string; reason?: string }, day: string, as: 'guardian' | 'staff'): Promise<AttendanceChange> {
  if (day < todayOf(ctx)) throw new HandlerError('INVALID_STATE', M.pastDay)
  const { s, role } = await leaveContext(ctx, input.sessionId, input.childId, day, as)
  requireSessionDay(s, day)
  const r = recordOf(s, day, input.childId)
  if (r.leave) return changeOf(s, day, input.childId, r, true)
  if (r.arrivedAt) throw new HandlerError('INVALID_STATE', M.alreadyArrived)
  const leave: NonNullable<AttendanceRecord['leave']> = { by: ctx.openid, role, at: ctx.now, ...(input.reason ? { reason: input.reason } : {}) }
  const _ = ctx.db.command
  if (await writeRecord(ctx, s._id, day, input.childId, { leave: _.exists(false), arrivedAt: _.exists(false) }, { leave })) {
    return changeOf(s, day, input.childId, { ...r, leave }, false)
  }
  const now = await rereadRecord(ctx, s._id, day, input.childId)
  if (now.leave) return changeOf(s, day, input.childId, now, true)
  throw new HandlerError('INVALID_STATE', M.alreadyArrived)
}

/**
 * A guardian (the child's family): leave for today or a coming session day of an enrolled child, with an optional
 * reason. Leave already there answers as it is. Database requests: the user + the session + the update = 3.
 */
export async function reportLeave(input: In<'reportLeave'>, ctx: Ctx): Promise<AttendanceChange> {
  return putLeave(ctx, input, input.day, 'guardian')
}

/** Staff of the community: mark a child on leave (today unless a coming day is given). Requests: 3, as reportLeave. */
export async function markLeave(input: In<'markLeave'>, ctx: Ctx): Promise<AttendanceChange> {
  return putLeave(ctx, input, input.day ?? todayOf(ctx), 'staff')
}

/**
 * A guardian or staff: withdraw the leave of a day that has not begun (China time, the session's start). A retry
 * finds its own change and answers it. Database requests: the user + the session + the update = 3.
 */
export async function cancelLeave(input: In<'cancelLeave'>, ctx: Ctx): Promise<AttendanceChange> {
  const { s } = await leaveContext(ctx, input.sessionId, input.childId, input.day, 'either')
  const r = recordOf(s, input.day, input.childId)
  if (!r.leave) {
    if (ownChange(r, ctx)) return changeOf(s, input.day, input.childId, r, true)
    throw new HandlerError('INVALID_STATE', M.noLeave)
  }
  if (!dayNotBegun(s, input.day, ctx.now)) throw new HandlerError('INVALID_STATE', M.dayBegun)
  const _ = ctx.db.command
  if (await writeRecord(ctx, s._id, input.day, input.childId, { leave: _.exists(true) }, { leave: _.remove() })) {
    const { leave: _gone, ...rest } = r
    return changeOf(s, input.day, input.childId, rest, false)
  }
  throw new HandlerError('CONFLICT')
}
