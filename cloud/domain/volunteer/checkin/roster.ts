import type { ParsedInputOf, Roster, RosterShift } from '../../../../src/contracts'
import { inScope, requireRole, type Ctx } from '../../../lib/context'
import { HandlerError } from '../../../lib/errors'
import { pageWindow } from '../../../lib/paging'
import type { VolunteerApplicationDoc } from '../../../lib/model'
import { VOL_SLOTS } from '../model'
import { pairsToday, pairView, shiftActions, type CheckSlot } from './shift'

/**
 * Staff of the slot's community: the roster, page by page — each shift holding a place (cancelled ones are left out)
 * with the volunteer's name, status, pairs, review flag and phone for calling, and what staff may do from the roster
 * (check in or out, never for themselves). A page is a window of the slot's shifts array (pushed at sign-up, never
 * removed: a window always holds the same sign-ups), so the pages list everyone once even while people sign up or
 * cancel; 20 shifts of 3 pairs each stay well under 32 KB (a full slot of 500 did not). The figures count the whole
 * slot. The page's phones come from the volunteers' approved applications, in ONE `$in` read on the `byUser` index.
 * Database requests: 3 (the user, the slot, the page's applications).
 */
export async function roster(input: ParsedInputOf<'volunteer', 'roster'>, ctx: Ctx): Promise<Roster> {
  requireRole(ctx, 'staff')
  const slot = (await ctx.db.collection(VOL_SLOTS).doc(input.slotId).get()).data as CheckSlot | null
  if (!slot) throw new HandlerError('NOT_FOUND', '没有找到这个班次')
  if (!inScope(ctx, slot.communityId)) throw new HandlerError('SCOPE_DENIED')
  const w = pageWindow(input)
  const end = w.skip + w.pageSize
  const shifts = slot.shifts.slice(w.skip, end).filter((s) => s.status !== 'cancelled')
  const phones = new Map<string, string>()
  const openids = [...new Set(shifts.map((s) => s.openid))]
  if (openids.length) {
    const _ = ctx.db.command
    const res = await ctx.db
      .collection('volunteer_applications')
      .where({ openid: _.in(openids), status: 'approved' })
      .field({ openid: true, phone: true })
      .limit(100)
      .get()
    for (const a of res.data as Pick<VolunteerApplicationDoc, 'openid' | 'phone'>[]) phones.set(a.openid, a.phone)
  }
  const rows: RosterShift[] = shifts.map((s) => {
    const row: RosterShift = {
      openid: s.openid,
      name: s.name,
      status: s.status,
      pairs: s.pairs.map(pairView),
      can: s.openid === ctx.openid ? [] : shiftActions(slot, s, ctx.now, pairsToday([slot], s.openid, ctx.now)),
    }
    if (s.flagged) row.flagged = s.flagged
    const phone = phones.get(s.openid)
    if (phone) row.phone = phone
    return row
  })
  return {
    slotId: slot._id,
    title: slot.title,
    placeName: slot.place.name,
    date: slot.date,
    startTime: slot.startTime,
    endTime: slot.endTime,
    headcount: slot.headcount,
    taken: slot.taken,
    checkedIn: slot.shifts.filter((s) => s.status === 'checked_in').length,
    shifts: rows,
    page: w.page,
    pageSize: w.pageSize,
    hasMore: slot.shifts.length > end,
  }
}
