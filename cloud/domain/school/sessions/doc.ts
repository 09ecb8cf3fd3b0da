// Shared pieces of part A (sessions and the station): derived ids, loading a session with a projection, and what
// staff may do with one (the one allowed list: the handlers guard with it and the staff pages draw from it).
import { createHash } from 'crypto'
import { SCHOOL_A_MESSAGES as M, type StaffSessionAction } from '../../../../src/contracts/school/rules'
import type { StaffSessionDetail } from '../../../../src/contracts/school/sessions'
import type { Ctx } from '../../../lib/context'
import { HandlerError } from '../../../lib/errors'
import { SCH_SESSIONS, type SessionDoc } from '../model'
import { SESSION_VIEW_FIELDS, sessionView } from '../views'

/** A document id derived from the caller and the requestId (and a part), so a retried create finds its own. */
export function derivedId(prefix: string, openid: string, requestId: string, part = ''): string {
  return `${prefix}${createHash('sha256').update(`${prefix}:${openid}:${requestId}:${part}`).digest('hex').slice(0, 24)}`
}

/** What a staff read of a session projects: the view's fields, the lock (entries' statuses), the rev, the retry. */
export const STAFF_SESSION_FIELDS = { ...SESSION_VIEW_FIELDS, rev: true, createdBy: true, requestId: true, 'entries.status': true } as const

/** A session as the staff handlers read it (entries hold only their status). */
export type StaffSessionRow = Omit<SessionDoc, 'entries' | 'days'> & { entries?: { status: string }[] }

/** One session by id (projected for staff), or NOT_FOUND. */
export async function loadStaffSession(ctx: Ctx, sessionId: string): Promise<StaffSessionRow> {
  const res = await ctx.db.collection(SCH_SESSIONS).where({ _id: sessionId }).field(STAFF_SESSION_FIELDS).limit(1).get()
  const s = res.data[0] as StaffSessionRow | undefined
  if (!s) throw new HandlerError('NOT_FOUND', M.sessionNotFound)
  return s
}

/** True once a session has entries: its mode, grades, capacity and announced number are fixed here. */
export function isLocked(s: { entries?: unknown[] }): boolean {
  return (s.entries?.length ?? 0) > 0
}

/** What staff of the session's community may do with it (links to the other parts' pages included). */
export function allowedStaffSessionActions(s: Pick<SessionDoc, 'status'>): StaffSessionAction[] {
  const out: StaffSessionAction[] = []
  if (s.status !== 'cancelled') out.push('edit')
  if (s.status === 'open') out.push('close')
  out.push('enrolments', 'roster', 'stats')
  return out
}

/** A session as its staff see it (needs the communities cache). */
export function toStaffDetail(s: StaffSessionRow, now: Date): StaffSessionDetail {
  return { session: sessionView(s, now), locked: isLocked(s), allowed: allowedStaffSessionActions(s) }
}
