import { checkinWindow, type MyCheckin, type ParsedInputOf } from '../../../../src/contracts'
import type { Ctx } from '../../../lib/context'
import { HandlerError } from '../../../lib/errors'
import { checkInRefusal, notSignedUp, pairsToday, pairView, shiftActions, shiftIndex, slotsAround } from './shift'

/**
 * The caller's shift on a slot for the check-in page: the place, the window, the pairs, what they may do now and,
 * when check-in is not possible, why. Database requests: 2 (the user, the same read of the caller's slots around
 * now as checkIn, so the page sees what checkIn will see).
 */
export async function myCheckin(input: ParsedInputOf<'volunteer', 'myCheckin'>, ctx: Ctx): Promise<MyCheckin> {
  if (!ctx.roles.includes('volunteer')) throw new HandlerError('NOT_VOLUNTEER')
  const slots = await slotsAround(ctx, ctx.openid)
  const slot = slots.find((s) => s._id === input.slotId)
  const i = slot ? shiftIndex(slot, ctx.openid) : -1
  if (!slot || i < 0) throw notSignedUp(false)
  const shift = slot.shifts[i]
  const pairs = pairsToday(slots, ctx.openid, ctx.now)
  const { opensAt, closesAt } = checkinWindow(new Date(slot.startAt).getTime(), new Date(slot.endAt).getTime())
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
