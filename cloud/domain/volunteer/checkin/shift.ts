// Shared by the check-in handlers: reading the caller's slots of the day, finding their shift, the views.
import { checkinWindow, CHECKIN_MESSAGES as M, MAX_PAIRS_PER_DAY, type CheckinAction, type CheckPurpose, type PairView } from '../../../../src/contracts/volunteer'
import type { Ctx } from '../../../lib/context'
import { chinaDay, chinaTime, DAY_MS, iso } from '../../../lib/dates'
import { HandlerError } from '../../../lib/errors'
import { VOL_SLOTS, type CheckPair, type ShiftEntry, type SlotDoc } from '../model'

/** The fields the check-in handlers read of a slot (never the other volunteers' data beyond their shifts). */
export const CHECK_FIELDS = {
  communityId: true,
  title: true,
  place: true,
  date: true,
  startTime: true,
  endTime: true,
  startAt: true,
  endAt: true,
  status: true,
  headcount: true,
  taken: true,
  shifts: true,
  openPairs: true,
} as const

/** A slot as the check-in handlers read it. */
export type CheckSlot = Pick<SlotDoc, '_id' | keyof typeof CHECK_FIELDS>

/** The scope a slot's on-site codes are drawn for, per purpose. */
export function slotCodeScope(slotId: string, purpose: CheckPurpose): string {
  return `slot:${slotId}:${purpose}`
}

/**
 * ONE read: the slots `openid` holds a place on that start within a day either side of now (the `mine` index:
 * volunteerOpenids, startAt). It holds the slot being checked in or out (check-in opens 30 minutes before the
 * start and a slot lasts less than a day) and every pair of the China day, for the 3-pairs rule.
 */
export async function slotsAround(ctx: Pick<Ctx, 'db' | 'now'>, openid: string): Promise<CheckSlot[]> {
  const _ = ctx.db.command
  const t = ctx.now.getTime()
  const res = await ctx.db
    .collection(VOL_SLOTS)
    .where({ volunteerOpenids: openid, startAt: _.gte(new Date(t - DAY_MS)).and(_.lte(new Date(t + DAY_MS))) })
    .orderBy('startAt', 'asc')
    .limit(20)
    .field(CHECK_FIELDS)
    .get()
  return res.data as CheckSlot[]
}

/** The index of `openid`'s shift on the slot holding a place (the latest, should they have cancelled and come back), or -1. */
export function shiftIndex(slot: Pick<SlotDoc, 'shifts'>, openid: string): number {
  for (let i = slot.shifts.length - 1; i >= 0; i--) if (slot.shifts[i].openid === openid && slot.shifts[i].status !== 'cancelled') return i
  return -1
}

/** Pairs `openid` checked in on the China day of `now`, over the slots read. */
export function pairsToday(slots: readonly CheckSlot[], openid: string, now: Date): number {
  const today = chinaDay(now)
  let n = 0
  for (const s of slots) for (const sh of s.shifts) if (sh.openid === openid) n += sh.pairs.filter((p) => chinaDay(new Date(p.inAt)) === today).length
  return n
}

/** A pair as shown: instants as ISO strings, no staff openids. */
export function pairView(p: CheckPair): PairView {
  const v: PairView = { inAt: iso(p.inAt), inBy: p.inBy }
  if (p.inDistanceM !== undefined) v.inDistanceM = p.inDistanceM
  if (p.inAccuracyM !== undefined) v.inAccuracyM = p.inAccuracyM
  if (p.outAt) v.outAt = iso(p.outAt)
  if (p.outBy) v.outBy = p.outBy
  if (p.outDistanceM !== undefined) v.outDistanceM = p.outDistanceM
  if (p.outAccuracyM !== undefined) v.outAccuracyM = p.outAccuracyM
  return v
}

/** Why the shift cannot be checked in now (the rules of all three ways), or null. `pairs`: the day's so far. */
export function checkInRefusal(slot: CheckSlot, shift: ShiftEntry, now: Date, pairs: number): string | null {
  if (slot.status !== 'published') return M.slotCancelled
  if (shift.status === 'confirmed' || shift.status === 'voided') return M.decided
  const t = now.getTime()
  const { opensAt, closesAt } = checkinWindow(new Date(slot.startAt).getTime(), new Date(slot.endAt).getTime())
  if (t < opensAt) return M.tooEarly(chinaTime(opensAt))
  if (t > closesAt) return M.closed
  if (pairs >= MAX_PAIRS_PER_DAY) return M.maxPairs
  return null
}

/** What the volunteer may do on the shift now (the page draws its buttons from it). */
export function shiftActions(slot: CheckSlot, shift: ShiftEntry, now: Date, pairs: number): CheckinAction[] {
  if (shift.status === 'checked_in') return slot.status === 'published' ? ['checkOut'] : []
  if (shift.status === 'signed_up' || shift.status === 'checked_out') return checkInRefusal(slot, shift, now, pairs) ? [] : ['checkIn']
  return []
}

/** NOT_FOUND with the words for who asked. */
export function notSignedUp(forStaff: boolean): HandlerError {
  return new HandlerError('NOT_FOUND', forStaff ? M.rosterNotSignedUp : M.notSignedUp)
}
