// Part C's shared reads and rules: the occurrence (the activity + its stored document, read side by side), staff
// scope, the check-in windows, and the counts of the people present.
import { ONSITE_MESSAGES as M, SCAN_OPENS_MINUTES } from '../../../../src/contracts/elder/rules'
import { loadCommunities } from '../../../lib/communities'
import { requireRole, requireScope, type Ctx } from '../../../lib/context'
import { addDays, chinaDay, chinaInstant } from '../../../lib/dates'
import { HandlerError } from '../../../lib/errors'
import { ELD_ACTIVITIES, ELD_OCCURRENCES, type ActivityDoc, type OccurrenceDoc } from '../model'
import { applyStored, occurrenceId, occurrenceOn, type Occurrence } from '../recurrence'

/** An occurrence as the onsite actions use it: the activity, and the occurrence with its stored document applied. */
export interface Loaded {
  activity: ActivityDoc
  occ: Occurrence
}

/** The activity's document by id (null when none). */
export async function readActivity(ctx: Ctx, activityId: string): Promise<ActivityDoc | null> {
  return ((await ctx.db.collection(ELD_ACTIVITIES).doc(activityId).get()).data as ActivityDoc | null) ?? null
}

/** The stored occurrence by id (null when none is stored). */
export async function readOccurrence(ctx: Ctx, id: string): Promise<OccurrenceDoc | null> {
  return ((await ctx.db.collection(ELD_OCCURRENCES).doc(id).get()).data as OccurrenceDoc | null) ?? null
}

/**
 * Staff in scope: the activity and the stored occurrence of `day`, read side by side (2 requests). Refuses a day the
 * rule gives no occurrence (a stored one the rule no longer gives still counts: its sign-ups are the truth).
 */
export async function loadForStaff(ctx: Ctx, activityId: string, day: string): Promise<Loaded> {
  requireRole(ctx, 'staff')
  const [activity, stored] = await Promise.all([readActivity(ctx, activityId), readOccurrence(ctx, occurrenceId(activityId, day))])
  if (!activity) throw new HandlerError('NOT_FOUND', '没有找到这项活动')
  requireScope(ctx, activity.communityId)
  return { activity, occ: occurrenceOf(activity, day, stored) }
}

/** The occurrence of `activity` on `day` with `stored` applied; NOT_FOUND when neither the rule nor the store has it. */
export function occurrenceOf(activity: ActivityDoc, day: string, stored: OccurrenceDoc | null): Occurrence {
  const computed = occurrenceOn(activity, day)
  if (computed) return applyStored([computed], stored ? [stored] : [])[0]
  if (!stored) throw new HandlerError('NOT_FOUND', M.notAnOccurrence)
  return {
    activityId: activity._id,
    day,
    startAt: new Date(stored.startAt),
    endAt: new Date(stored.endAt),
    originalStartAt: new Date(stored.originalStartAt),
    place: stored.place,
    capacity: stored.capacity,
    signupRequired: true,
    cancelled: !!stored.cancelled,
    moved: !!stored.moved,
    taken: stored.taken,
    stored,
  }
}

/** The roster's window: from 30 minutes before the start to the end, or later that China day (staff tick late). */
export function rosterOpen(occ: Pick<Occurrence, 'startAt' | 'endAt' | 'cancelled'>, now: Date): boolean {
  if (occ.cancelled) return false
  const t = now.getTime()
  const opens = occ.startAt.getTime() - SCAN_OPENS_MINUTES * 60_000
  const closes = Math.max(occ.endAt.getTime(), chinaInstant(addDays(chinaDay(occ.startAt), 1)).getTime())
  return t >= opens && t < closes
}

/** Refuses a tick or a walk-in outside the roster's window. */
export function requireRosterOpen(occ: Pick<Occurrence, 'startAt' | 'endAt' | 'cancelled'>, now: Date): void {
  if (occ.cancelled) throw new HandlerError('INVALID_STATE', M.cancelled)
  if (!rosterOpen(occ, now)) throw new HandlerError('INVALID_STATE', now < occ.startAt ? M.checkinNotOpen : M.rosterClosed)
}

/**
 * The scan's window: from 30 minutes before the start to the end. Outside it, a scan on another China day than the
 * occurrence's is told so (the wrong day's code), else that it is too early or over.
 */
export function requireScanOpen(occ: Pick<OccurrenceDoc, 'startAt' | 'endAt' | 'cancelled'>, now: Date): void {
  if (occ.cancelled) throw new HandlerError('INVALID_STATE', M.cancelled)
  const start = new Date(occ.startAt).getTime()
  const early = now.getTime() < start - SCAN_OPENS_MINUTES * 60_000
  const late = now.getTime() > new Date(occ.endAt).getTime()
  if (!early && !late) return
  if (chinaDay(start) !== chinaDay(now)) throw new HandlerError('INVALID_STATE', M.notOnDay)
  throw new HandlerError('INVALID_STATE', early ? M.checkinNotOpen : M.checkinClosed)
}

/** The people present: checked-in sign-ups + walk-ins. */
export function presentCount(o: Pick<OccurrenceDoc, 'signups' | 'walkIns'>): number {
  return (o.signups ?? []).filter((s) => s.checkedInAt).length + (o.walkIns ?? []).length
}

/**
 * The community a staff view is about: the one asked for (in scope), else the caller's own community when they are
 * its staff, else their first community; the admin (who serves none by name) gets the district's first.
 */
export async function staffCommunity(ctx: Ctx, asked: string | undefined): Promise<string> {
  requireRole(ctx, 'staff')
  let communityId = asked ?? (ctx.user?.communityId && ctx.staffCommunityIds.includes(ctx.user.communityId) ? ctx.user.communityId : ctx.staffCommunityIds[0])
  if (!communityId && ctx.isAdmin) communityId = (await loadCommunities(ctx.db))[0]?._id
  if (!communityId) throw new HandlerError('INVALID_INPUT', M.noCommunity, [{ path: 'communityId', message: M.noCommunity }])
  requireScope(ctx, communityId)
  return communityId
}
