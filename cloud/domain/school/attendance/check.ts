// Check-in, check-out with the authorised adult's pick-up code, and staff's release after phoning a guardian
// (issue 11, part C). Each recognises its own retry by the requestId recorded on what it changed.
import type { AttendanceChange, CheckoutRefusal, CheckoutResult } from '../../../../src/contracts/school/attendance'
import { ATTENDANCE_MESSAGES as M, PICKUP_LOCK_MINUTES, PICKUP_WRONG_LIMIT } from '../../../../src/contracts/school/rules'
import type { ParsedInputOf } from '../../../../src/contracts'
import { requireRole, requireScope, type Ctx } from '../../../lib/context'
import { chinaTime, iso } from '../../../lib/dates'
import { HandlerError } from '../../../lib/errors'
import { SCH_CHILDREN, type AttendanceRecord } from '../model'
import { enrolledEntry, isOut, isOwnFamily, readDaySession, recordOf, requireSessionDay, requireViewer, staffName, todayOf, type DaySession, type Viewer } from './common'
import { findPickupChild, lockedUntil, type PickupChild } from './roster'
import { changeOf, ownChange, rereadRecord, writeRecord } from './write'

type In<A extends 'checkInChild' | 'checkOutChild' | 'releaseChild'> = ParsedInputOf<'school', A>

/** Tries of a conditional write that lost a race before giving up (CONFLICT). */
const TRIES = 3

/**
 * Staff or an assigned volunteer: the child arrived today (a session day, the child enrolled). A second check-in
 * (a retry, or a colleague's) answers the first, changed nothing. A child on leave may still arrive: both are kept.
 * Database requests: the user + the session (projected to the child's record) + the update = 3.
 */
export async function checkInChild(input: In<'checkInChild'>, ctx: Ctx): Promise<AttendanceChange> {
  const day = todayOf(ctx)
  const s = await readDaySession(ctx, input.sessionId, day, { childId: input.childId, entries: ['childId', 'status'] })
  requireViewer(ctx, s.communityId)
  requireSessionDay(s, day)
  enrolledEntry(s, input.childId)
  const r = recordOf(s, day, input.childId)
  if (r.arrivedAt) return changeOf(s, day, input.childId, r, true)
  const _ = ctx.db.command
  if (await writeRecord(ctx, s._id, day, input.childId, { arrivedAt: _.exists(false) }, { arrivedAt: ctx.now, arrivedBy: ctx.openid })) {
    return changeOf(s, day, input.childId, { ...r, arrivedAt: ctx.now, arrivedBy: ctx.openid }, false)
  }
  // A colleague checked the child in meanwhile: answer theirs.
  return changeOf(s, day, input.childId, await rereadRecord(ctx, s._id, day, input.childId), true)
}

/** The communities whose rosters the caller may act on (null: every one, the admin). */
function rosterScope(ctx: Ctx): string[] | null {
  if (ctx.isAdmin) return null
  return [...ctx.staffCommunityIds, ...(ctx.roles.includes('volunteer') ? (ctx.user?.school?.stations ?? []) : [])]
}

/** The session, the viewer and the child's record today, for a check-out that cannot go through: scope first. */
async function checkoutContext(ctx: Ctx, input: In<'checkOutChild'>, day: string): Promise<{ s: DaySession; viewer: Viewer; r: AttendanceRecord; familyId: string }> {
  const s = await readDaySession(ctx, input.sessionId, day, { childId: input.childId, entries: ['childId', 'status', 'familyId'] })
  const viewer = requireViewer(ctx, s.communityId)
  const e = enrolledEntry(s, input.childId)
  const r = recordOf(s, day, input.childId)
  return { s, viewer, r, familyId: e.familyId }
}

/** Refuses a check-out of a child who is not there today (not arrived, or gone). */
function requirePresent(r: AttendanceRecord): void {
  if (!r.arrivedAt) throw new HandlerError('INVALID_STATE', M.notArrived)
  if (isOut(r)) throw new HandlerError('INVALID_STATE', r.release ? `${M.alreadyOut}（${r.release.staffName} 已放行）` : `${M.alreadyOut}（${r.pickedUpBy?.name ?? ''} 已接走）`)
}

function refusal(ctx: Ctx, c: PickupChild, viewer: Viewer, familyId: string, reason: CheckoutRefusal, extra: { triesLeft?: number; lockedUntil?: Date } = {}): CheckoutResult {
  const staff = viewer === 'staff'
  const lockText = extra.lockedUntil ? `${M.locked}，${chinaTime(extra.lockedUntil)} 后可再输入` : ''
  const message =
    reason === 'adult_not_listed' ? M.adultNotListed : reason === 'locked' ? lockText || M.locked : extra.lockedUntil ? lockText : `${M.wrongCode}，还可以再试 ${extra.triesLeft} 次`
  return {
    outcome: 'refused',
    childId: c._id,
    reason,
    message,
    ...(extra.triesLeft !== undefined && !extra.lockedUntil ? { triesLeft: extra.triesLeft } : {}),
    ...(extra.lockedUntil ? { lockedUntil: iso(extra.lockedUntil) } : {}),
    ...(staff ? { guardianPhone: c.guardianPhone } : {}),
    contact: staff ? M.callGuardian : M.contactStaff,
    canRelease: staff && !isOwnFamily(ctx, familyId) && !c.guardianOpenids.includes(ctx.openid),
  }
}

/**
 * Counts a wrong code on the child, conditionally on the lock as read (concurrent wrong codes each count once);
 * the PICKUP_WRONG_LIMIT-th locks code entry for PICKUP_LOCK_MINUTES. A retried call (its requestId is the last
 * counted) counts nothing. Answers the lock after it. One database request (more only when racing).
 */
async function countWrongCode(ctx: Ctx, child: PickupChild): Promise<{ wrong: number; until?: Date }> {
  const _ = ctx.db.command
  let c = child
  for (let i = 0; i < TRIES; i++) {
    const lock = c.pickupLock
    if (lock && ctx.requestId && lock.rid === ctx.requestId) return { wrong: lock.wrong, ...(lock.until ? { until: new Date(lock.until) } : {}) }
    const expired = lock?.until && new Date(lock.until).getTime() <= ctx.now.getTime()
    const wrong = (expired ? 0 : (lock?.wrong ?? 0)) + 1
    const until = wrong >= PICKUP_WRONG_LIMIT ? new Date(ctx.now.getTime() + PICKUP_LOCK_MINUTES * 60_000) : undefined
    const next = { wrong, ...(until ? { until } : {}), ...(ctx.requestId ? { rid: ctx.requestId } : {}) }
    const where = lock ? { _id: c._id, 'pickupLock.wrong': lock.wrong, 'pickupLock.rid': lock.rid ?? _.exists(false) } : { _id: c._id, pickupLock: _.exists(false) }
    const res = await ctx.db
      .collection(SCH_CHILDREN)
      .where(where)
      .update({ data: { pickupLock: _.set(next), updatedAt: ctx.now } })
    if (res.stats.updated === 1) return { wrong, ...(until ? { until } : {}) }
    const again = await findPickupChild(ctx, c._id)
    if (!again) throw new HandlerError('NOT_FOUND', M.childGone)
    c = again
  }
  throw new HandlerError('CONFLICT')
}

/**
 * Staff or an assigned volunteer, after check-in: the child leaves with an authorised adult (the child's `pickups`)
 * who gives that adult's code. Success is ONE conditional update of the session (the caller's scope, the child
 * arrived and not gone), so a success costs: the user + the child + the update = 3 (+1 clearing earlier wrong
 * codes). A refusal (unlisted adult, wrong code, locked) first reads the session to check the caller's scope and
 * the child's presence, then answers what to do: staff get the guardian's phone to call (and may release),
 * volunteers "请联系工作人员". PICKUP_WRONG_LIMIT wrong codes lock code entry for the child (see countWrongCode).
 * A retried call (same requestId) answers as the first.
 */
export async function checkOutChild(input: In<'checkOutChild'>, ctx: Ctx): Promise<CheckoutResult> {
  const day = todayOf(ctx)
  const c = await findPickupChild(ctx, input.childId)
  if (!c) throw new HandlerError('NOT_FOUND', '没有找到这个孩子')
  const refuse = async (reason: CheckoutRefusal, count = false): Promise<CheckoutResult> => {
    const { viewer, r, familyId } = await checkoutContext(ctx, input, day)
    if (ownChange(r, ctx) && r.pickedUpAt) return pickedUp(r, true)
    requirePresent(r)
    const until = lockedUntil(c, ctx.now)
    if (until) return refusal(ctx, c, viewer, familyId, 'locked', { lockedUntil: until })
    if (!count) return refusal(ctx, c, viewer, familyId, reason)
    const lock = await countWrongCode(ctx, c)
    return refusal(ctx, c, viewer, familyId, lock.until ? 'locked' : 'wrong_code', { triesLeft: PICKUP_WRONG_LIMIT - lock.wrong, lockedUntil: lock.until })
  }
  const pickedUp = (r: AttendanceRecord, repeated: boolean): CheckoutResult => ({
    outcome: 'picked_up',
    childId: input.childId,
    day,
    pickedUpAt: iso(r.pickedUpAt),
    by: { name: r.pickedUpBy?.name ?? '', relation: r.pickedUpBy?.relation ?? '其他' },
    repeated,
  })
  if (lockedUntil(c, ctx.now)) return refuse('locked')
  const adult = (c.pickups ?? []).find((a) => a.id === input.adultId)
  if (!adult) return refuse('adult_not_listed')
  if (adult.code !== input.code) return refuse('wrong_code', true)

  const _ = ctx.db.command
  const scope = rosterScope(ctx)
  const by = { adultId: adult.id, name: adult.name, relation: adult.relation }
  const done = await writeRecord(
    ctx,
    input.sessionId,
    day,
    input.childId,
    { arrivedAt: _.exists(true), pickedUpAt: _.exists(false), release: _.exists(false) },
    { pickedUpAt: ctx.now, pickedUpBy: by, outBy: ctx.openid },
    scope ? { communityId: _.in(scope) } : {},
  )
  if (!done) {
    // Not in scope, not arrived, already gone, or this call's own retry: read and say which.
    const { r } = await checkoutContext(ctx, input, day)
    if (ownChange(r, ctx) && r.pickedUpAt) return pickedUp(r, true)
    requirePresent(r)
    throw new HandlerError('CONFLICT')
  }
  if (c.pickupLock)
    await ctx.db
      .collection(SCH_CHILDREN)
      .doc(c._id)
      .update({ data: { pickupLock: _.remove(), updatedAt: ctx.now } })
  return pickedUp({ pickedUpAt: ctx.now, pickedUpBy: by }, false)
}

/**
 * Staff only (never an assigned volunteer), after phoning a guardian: the child leaves without a code, even while
 * code entry is locked, with the reason; recorded with the staff member's name, and the guardian sees it. Staff
 * never release a child of their own family (four eyes). Database requests: the user + the session and the child
 * (side by side) + the update = 4.
 */
export async function releaseChild(input: In<'releaseChild'>, ctx: Ctx): Promise<AttendanceChange> {
  requireRole(ctx, 'staff')
  const day = todayOf(ctx)
  const [s, c] = await Promise.all([readDaySession(ctx, input.sessionId, day, { childId: input.childId, entries: ['childId', 'status', 'familyId'] }), findPickupChild(ctx, input.childId)])
  requireScope(ctx, s.communityId)
  const e = enrolledEntry(s, input.childId)
  if (!c) throw new HandlerError('NOT_FOUND', '没有找到这个孩子')
  if (isOwnFamily(ctx, e.familyId) || isOwnFamily(ctx, c.familyId) || c.guardianOpenids.includes(ctx.openid)) throw new HandlerError('SELF_REVIEW', M.ownFamily)
  requireSessionDay(s, day)
  const r = recordOf(s, day, input.childId)
  if (ownChange(r, ctx)) return changeOf(s, day, input.childId, r, true)
  requirePresent(r)
  const _ = ctx.db.command
  const release = { staffOpenid: ctx.openid, staffName: staffName(ctx), reason: input.reason, at: ctx.now }
  if (await writeRecord(ctx, s._id, day, input.childId, { arrivedAt: _.exists(true), pickedUpAt: _.exists(false), release: _.exists(false) }, { release, outBy: ctx.openid })) {
    return changeOf(s, day, input.childId, { ...r, release }, false)
  }
  requirePresent(await rereadRecord(ctx, s._id, day, input.childId))
  throw new HandlerError('CONFLICT')
}
