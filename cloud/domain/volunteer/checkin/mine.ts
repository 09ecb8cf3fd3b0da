import { checkinWindow, type MyCheckin, type ParsedInputOf } from '../../../../src/contracts'
import type { Ctx } from '../../../lib/context'
import { HandlerError } from '../../../lib/errors'
import { VOL_SLOTS, type SlotDoc } from '../model'
import { checkInRefusal, notSignedUp, pairsToday, pairView, shiftActions, shiftIndex, slotsAround } from './shift'

/**
 * The caller's shift on a slot for the check-in page (any day): the place, the window, the pairs, what they may do
 * now and, when check-in is not possible, why. Database requests: 2 (the user, the slot); 3 while check-in is open
 * and the shift may check in (the same read of the caller's slots around now as checkIn, for the day's pairs).
 */
export async function myCheckin(input: ParsedInputOf<'volunteer', 'myCheckin'>, ctx: Ctx): Promise<MyCheckin> {
  if (!ctx.roles.includes('volunteer')) throw new HandlerError('NOT_VOLUNTEER')
  const slot = (await ctx.db.collection(VOL_SLOTS).doc(input.slotId).get()).data as SlotDoc | null
  const i = slot ? shiftIndex(slot, ctx.openid) : -1
  if (!slot || i < 0) throw notSignedUp(false)
  const shift = slot.shifts[i]
  const { opensAt, closesAt } = checkinWindow(new Date(slot.startAt).getTime(), new Date(slot.endAt).getTime())
  const t = ctx.now.getTime()
  // While check-in is open, the day's pairs over all my slots decide it (the same read as checkIn's).
  const open = t >= opensAt && t <= closesAt && (shift.status === 'signed_up' || shift.status === 'checked_out')
  const pairs = open ? pairsToday(await slotsAround(ctx, ctx.openid), ctx.openid, ctx.now) : pairsToday([slot], ctx.openid, ctx.now)
  const can = shiftActions(slot, shift, ctx.now, pairs)
  const out: MyCheckin = {
    slotId: slot._id,
    title: slot.title,
    place: { name: slot.place.name, lat: slot.place.lat, lng: slot.place.lng, radiusM: slot.place.radiusM },
    date: slot.date,
    startTime: slot.startTime,
    endTime: slot.endTime,
    opensAt: new Date(opensAt).toISOString(),
    closesAt: new Date(closesAt).toISOString(),
    status: shift.status,
    pairs: shift.pairs.map(pairView),
    can,
  }
  if (shift.flagged) out.flagged = shift.flagged
  if (!can.length && shift.status !== 'checked_in') {
    const refusal = checkInRefusal(slot, shift, ctx.now, pairs)
    if (refusal) out.refusal = refusal
  }
  return out
}
