// Shared pieces of the enrolment part (issue 11, part B): loading sessions and children, derived waitlist positions,
// the family's and staff's views of entries, and what a family may do (`allowed`).
import { ENROLMENT_MESSAGES, HOLDING_STATUSES, type FamilyEnrolmentAction, type MyChildOption, type MyEnrolment } from '../../../../src/contracts/school'
import type { Ctx } from '../../../lib/context'
import { iso } from '../../../lib/dates'
import { HandlerError } from '../../../lib/errors'
import { SCH_CHILDREN, SCH_SESSIONS, type ChildDoc, type EnrolmentEntry, type SessionDoc } from '../model'

/** A session as this part reads it: everything but attendance. */
export type EnrolSession = Omit<SessionDoc, 'days'>

/** The projection of a session without its attendance (`days` holds the whole term). */
export const NO_DAYS = { days: false } as const

/** Refuses an anonymous caller (public handlers read no user: the openid alone selects the data). */
export function requireOpenid(ctx: Ctx): void {
  if (!ctx.openid) throw new HandlerError('UNAUTHENTICATED')
}

/** One session (without `days`), or NOT_FOUND. */
export async function loadSession(ctx: Pick<Ctx, 'db'>, id: string): Promise<EnrolSession> {
  const res = await ctx.db.collection(SCH_SESSIONS).where({ _id: id }).field(NO_DAYS).limit(1).get()
  const s = (res.data as EnrolSession[])[0]
  if (!s) throw new HandlerError('NOT_FOUND', '没有找到这个班')
  return s
}

/** One child of the caller's family (the caller among its guardians), or NOT_FOUND / refused. */
export async function loadMyChild(ctx: Ctx, childId: string): Promise<ChildDoc> {
  const c = (await ctx.db.collection(SCH_CHILDREN).doc(childId).get()).data as ChildDoc | null
  if (!c || c.status !== 'active') throw new HandlerError('NOT_FOUND', '没有找到这个孩子')
  if (!(c.guardianOpenids ?? []).includes(ctx.openid)) throw new HandlerError('ROLE_REQUIRED', ENROLMENT_MESSAGES.notGuardian)
  return c
}

/** The caller's children (guardian index), active only. */
export async function loadMyChildren(ctx: Ctx): Promise<ChildDoc[]> {
  const res = await ctx.db.collection(SCH_CHILDREN).where({ guardianOpenids: ctx.openid, status: 'active' }).orderBy('createdAt', 'asc').limit(20).get()
  return res.data as ChildDoc[]
}

/** A child's entry in the session and its index (stable: entries are never removed), or null. */
export function findEntry(s: Pick<SessionDoc, 'entries'>, childId: string): { entry: EnrolmentEntry; index: number } | null {
  const index = (s.entries ?? []).findIndex((e) => e.childId === childId)
  return index < 0 ? null : { entry: s.entries[index], index }
}

/** Waitlist positions by entry index: 1 + the waitlisted entries before it (derived, never stored). */
export function waitlistPositions(entries: readonly Pick<EnrolmentEntry, 'status'>[]): Map<number, number> {
  const out = new Map<number, number>()
  let n = 0
  entries.forEach((e, i) => {
    if (e.status === 'waitlisted') out.set(i, ++n)
  })
  return out
}

/** True while an offered entry's window is open at `now`. */
export function offerOpen(e: Pick<EnrolmentEntry, 'status' | 'offer'>, now: Date): boolean {
  return e.status === 'offered' && !!e.offer && new Date(e.offer.expiresAt).getTime() > now.getTime()
}

/** What a family may do with its child's entry now. */
export function entryActions(s: Pick<SessionDoc, 'status'>, e: Pick<EnrolmentEntry, 'status' | 'offer'>, now: Date): FamilyEnrolmentAction[] {
  if (s.status === 'cancelled') return []
  const out: FamilyEnrolmentAction[] = []
  if (offerOpen(e, now)) out.push('accept', 'decline')
  if (['enrolled', 'waitlisted'].includes(e.status)) out.push('cancel')
  return out
}

/** True when the session takes new entries now (open, inside the window). */
export function windowOpen(s: Pick<SessionDoc, 'status' | 'opensAt' | 'closesAt'>, now: Date): boolean {
  const t = now.getTime()
  return s.status === 'open' && new Date(s.opensAt).getTime() <= t && t < new Date(s.closesAt).getTime()
}

/** A child's place as its family sees it (`name`: the family's own child). */
export function toMyEnrolment(s: Pick<SessionDoc, 'status'>, e: EnrolmentEntry, position: number | undefined, name: string, now: Date): MyEnrolment {
  return {
    childId: e.childId,
    childName: name,
    status: e.status,
    ...(position ? { position } : {}),
    ...(e.status === 'offered' && e.offer ? { offerExpiresAt: iso(e.offer.expiresAt) } : {}),
    ...(e.status === 'removed' && e.reason ? { reason: e.reason } : {}),
    at: iso(e.at),
    allowed: entryActions(s, e, now),
  }
}

/** My children's places in a session: only their entries, never another family's. */
export function myEnrolments(s: Pick<SessionDoc, 'status' | 'entries'>, children: readonly Pick<ChildDoc, '_id' | 'name'>[], now: Date): MyEnrolment[] {
  const names = new Map(children.map((c) => [c._id, c.name]))
  const positions = waitlistPositions(s.entries ?? [])
  const out: MyEnrolment[] = []
  ;(s.entries ?? []).forEach((e, i) => {
    const name = names.get(e.childId)
    if (name !== undefined) out.push(toMyEnrolment(s, e, positions.get(i), name, now))
  })
  return out
}

/** A child as the forms list it. */
export function toChildOption(c: ChildDoc, grades?: SessionDoc['grades']): MyChildOption {
  return { id: c._id, name: c.name, grade: c.grade, ...(grades ? { fits: c.grade >= grades.min && c.grade <= grades.max } : {}) }
}

/** Entries holding a place (enrolled + offered). */
export function holding(entries: readonly Pick<EnrolmentEntry, 'status'>[]): number {
  return entries.filter((e) => HOLDING_STATUSES.includes(e.status)).length
}
