// Slots as volunteers see and take them: browse, detail, sign-up, cancel, 我的服务 (issue 10, part A).
import { checkinWindow, SLOT_LIMITS, type MyShiftCard, type OutputOf, type ParsedInputOf, type SlotDetail } from '../../../../src/contracts'
import { loadCommunities } from '../../../lib/communities'
import { inScope, requireSignedUp, type Ctx, type SignedUpCtx } from '../../../lib/context'
import { addDays, chinaInstant, iso } from '../../../lib/dates'
import { HandlerError } from '../../../lib/errors'
import { pageWindow, toPage } from '../../../lib/paging'
import { VOL_SLOTS, type ShiftEntry, type SlotDoc } from '../model'
import { allowedSlotActions } from './allowed'
import { CARD_PROJECTION, HOLDING, loadProject, loadSlot, myShift, slotKey, toSlotCard } from './doc'

type In<A extends 'browseSlots' | 'slotDetail' | 'signUp' | 'cancelSignUp' | 'myShifts'> = ParsedInputOf<'volunteer', A>

/**
 * Open slots, soonest first: published and not started, in my community (default) or the district, of a service
 * type, on a day. ONE query on an index (browse: community, status, start; district: status, start) that never
 * fetches the shifts. Database requests: the user + the query = 2 (the communities cache when cold: 3).
 */
export async function browseSlots(input: In<'browseSlots'>, ctx: Ctx): Promise<OutputOf<'volunteer', 'browseSlots'>> {
  requireSignedUp(ctx)
  const _ = ctx.db.command
  const w = pageWindow(input)
  const from = input.date ? Math.max(chinaInstant(input.date, '00:00').getTime(), ctx.now.getTime()) : ctx.now.getTime()
  const startAt = input.date ? _.gt(new Date(from)).and(_.lt(chinaInstant(addDays(input.date, 1), '00:00'))) : _.gt(new Date(from))
  const where: Record<string, unknown> = { status: 'published', startAt }
  if (input.scope !== 'district') where.communityId = ctx.user.communityId
  if (input.serviceType) where.serviceType = input.serviceType
  const [res] = await Promise.all([ctx.db.collection(VOL_SLOTS).where(where).orderBy('startAt', 'asc').skip(w.skip).limit(w.limit).field(CARD_PROJECTION).get(), loadCommunities(ctx.db)])
  return toPage(res.data as SlotDoc[], w, toSlotCard)
}

/**
 * One slot for a volunteer or staff: the card, the project's description, the place, my shift's state and what I
 * may do (`allowed`). Never another volunteer's data: no shift but mine; the contact only to those holding a place
 * and the slot's staff. Database requests: the user + the slot + the project = 3.
 */
export async function slotDetail(input: In<'slotDetail'>, ctx: Ctx): Promise<SlotDetail> {
  requireSignedUp(ctx)
  const slot = await loadSlot(ctx, input.slotId)
  const [project] = await Promise.all([loadProject(ctx, slot.projectId), loadCommunities(ctx.db)])
  const mine = myShift(slot, ctx.openid)?.shift
  const isStaff = inScope(ctx, slot.communityId)
  const holding = !!mine && HOLDING.includes(mine.status)
  const out: SlotDetail = { ...toSlotCard(slot), description: project.description, place: { ...slot.place }, allowed: allowedSlotActions(slot, ctx), isStaff }
  if (holding || isStaff) out.contact = { name: project.contactName, phone: project.contactPhone }
  if (mine) out.mine = { status: mine.status, signedUpAt: iso(mine.signedUpAt), pairs: (mine.pairs ?? []).length, ...(mine.flagged ? { flagged: mine.flagged } : {}) }
  return out
}

/** Whole years from a birth date (YYYY-MM-DD) to a day. */
function ageOn(birthDate: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4))
  return day.slice(5) >= birthDate.slice(5) ? years : years - 1
}

/** Refuses a volunteer who does not meet the slot's requirements (age, training, insurance acknowledged). */
function requireEligible(slot: SlotDoc, ctx: SignedUpCtx, insuranceAck: boolean): void {
  const req = slot.requirements ?? { trainingTags: [], insuranceRequired: false }
  const record = ctx.user.volunteer
  if (req.minAge) {
    if (!record?.birthDate) throw new HandlerError('BIRTH_DATE_REQUIRED')
    if (ageOn(record.birthDate, slot.date) < req.minAge) throw new HandlerError('TOO_YOUNG', `这个项目要求年满 ${req.minAge} 周岁`)
  }
  const missing = (req.trainingTags ?? []).filter((t) => !(record?.trainingTags ?? []).includes(t))
  if (missing.length) throw new HandlerError('TRAINING_REQUIRED', `这个项目需要：${missing.join('、')}，请联系社区工作人员登记`)
  if (req.insuranceRequired && !insuranceAck) throw new HandlerError('INSURANCE_ACK_REQUIRED')
}

/** The refusal for a slot that is not open to this sign-up (as read), or null when it is. */
function closedReason(slot: SlotDoc, ctx: Ctx): HandlerError | null {
  if (slot.status !== 'published') throw new HandlerError('SIGNUP_CLOSED', '这个班次已取消')
  if (new Date(slot.signupCutoffAt).getTime() <= ctx.now.getTime()) return new HandlerError('SIGNUP_CLOSED')
  if (slot.taken >= slot.headcount) return new HandlerError('SLOT_FULL')
  return null
}

/**
 * An approved volunteer takes a place on a slot. Database requests: the user + ONE read + ONE conditional update = 3.
 * - The one read (index lookup) fetches the slot (`slot:<id>` in `keys`) together with the volunteer's own slots
 *   that have not ended (their openid in `keys`), so the overlap check needs no second read; a volunteer holds at
 *   most SLOT_LIMITS.upcomingShifts such shifts, so the read is complete.
 * - The checks: approved; old enough on the slot's day (birth date); the training tags; insurance acknowledged;
 *   once per slot; no overlap in time with a slot held; before the cutoff; a place left.
 * - The ONE conditional update holds the rules (published, headcount as read, taken < headcount, my openid not
 *   there, cutoff not passed) and pushes the shift, `taken + 1`, the openid into `volunteerOpenids` and `keys`:
 *   atomic against the headcount under any concurrency. A volunteer who cancelled earlier gets the same entry back
 *   (`shifts.<i>`, conditional on its openid and status).
 * - Idempotent by its own write: the shift records the requestId; a retry finds it and answers the same.
 * A lost race reads the slot once more (4) to say why (full, closed) or to recognise its own retry.
 */
export async function signUp(input: In<'signUp'>, ctx: Ctx): Promise<OutputOf<'volunteer', 'signUp'>> {
  requireSignedUp(ctx)
  if (!ctx.roles.includes('volunteer')) throw new HandlerError('NOT_VOLUNTEER', '只有审核通过的志愿者才能报名')
  const _ = ctx.db.command
  const rows = (
    await ctx.db
      .collection(VOL_SLOTS)
      .where({ keys: _.in([slotKey(input.slotId), ctx.openid]), startAt: _.gt(new Date(ctx.now.getTime() - SLOT_LIMITS.maxWindowMin * 60_000)) })
      .orderBy('startAt', 'asc')
      .limit(SLOT_LIMITS.upcomingShifts + 2)
      .get()
  ).data as SlotDoc[]
  const slot = rows.find((s) => s._id === input.slotId)
  if (!slot) {
    // Not found among slots that have not ended: it does not exist, or it is over.
    const old = await loadSlot(ctx, input.slotId)
    throw new HandlerError('SIGNUP_CLOSED', old.status === 'cancelled' ? '这个班次已取消' : '这个班次已结束')
  }
  const found = myShift(slot, ctx.openid)
  const retry = found?.shift.requestIds?.includes(ctx.requestId!)
  if (retry && found) return { slotId: slot._id, status: found.shift.status, placesLeft: Math.max(0, slot.headcount - slot.taken) }
  if (found && HOLDING.includes(found.shift.status)) throw new HandlerError('INVALID_STATE', '您已报名这个班次')
  const closed = closedReason(slot, ctx)
  if (closed) throw closed
  requireEligible(slot, ctx, !!input.insuranceAck)
  const held = rows.filter((s) => s._id !== slot._id && s.status === 'published' && (s.volunteerOpenids ?? []).includes(ctx.openid) && new Date(s.endAt).getTime() > ctx.now.getTime())
  if (rows.length > SLOT_LIMITS.upcomingShifts) throw new HandlerError('TOO_MANY_SHIFTS')
  const clash = held.find((s) => new Date(s.startAt).getTime() < new Date(slot.endAt).getTime() && new Date(s.endAt).getTime() > new Date(slot.startAt).getTime())
  if (clash) throw new HandlerError('SLOT_OVERLAP', `与您已报名的「${clash.title}」（${clash.date} ${clash.startTime}-${clash.endTime}）时间重叠`)

  const record = ctx.user.volunteer
  const where: Record<string, unknown> = {
    _id: slot._id,
    status: 'published',
    headcount: slot.headcount,
    taken: _.lt(slot.headcount),
    volunteerOpenids: _.neq(ctx.openid),
    signupCutoffAt: _.gt(ctx.now),
  }
  const data: Record<string, unknown> = { taken: _.inc(1), volunteerOpenids: _.push([ctx.openid]), keys: _.push([ctx.openid]), updatedAt: ctx.now }
  const fields = { status: 'signed_up' as const, signedUpAt: ctx.now, insuranceAck: !!input.insuranceAck, subscribed: !!input.subscribed }
  if (found) {
    // Back after a cancellation: the same entry (indexes never move), conditional on it being mine and cancelled.
    where[`shifts.${found.index}.openid`] = ctx.openid
    where[`shifts.${found.index}.status`] = 'cancelled'
    for (const [k, v] of Object.entries(fields)) data[`shifts.${found.index}.${k}`] = v
    data[`shifts.${found.index}.requestIds`] = _.push([ctx.requestId!])
  } else {
    const entry: ShiftEntry = {
      openid: ctx.openid,
      name: record?.realName ?? ctx.user.nickname,
      ...fields,
      pairs: [],
      usedCodes: [],
      requestIds: [ctx.requestId!],
      ...(record?.phone ? { phone: record.phone } : {}),
    }
    data.shifts = _.push([entry])
  }
  const res = await ctx.db.collection(VOL_SLOTS).where(where).update({ data })
  if (res.stats.updated === 1) return { slotId: slot._id, status: 'signed_up', placesLeft: Math.max(0, slot.headcount - slot.taken - 1) }
  // Lost a race (the last place, a headcount change, the cutoff) or a concurrent retry of this call.
  const now = await loadSlot(ctx, slot._id)
  const mine = myShift(now, ctx.openid)?.shift
  if (mine?.requestIds?.includes(ctx.requestId!)) return { slotId: slot._id, status: mine.status, placesLeft: Math.max(0, now.headcount - now.taken) }
  if (mine && HOLDING.includes(mine.status)) throw new HandlerError('INVALID_STATE', '您已报名这个班次')
  throw closedReason(now, ctx) ?? new HandlerError('CONFLICT')
}

/**
 * A volunteer gives their place back before the cutoff: ONE conditional update (my entry, signed up, cutoff not
 * passed) sets it cancelled, `taken - 1`, and takes the openid out of `volunteerOpenids` and `keys`. A retry finds
 * the requestId on the entry and changes nothing (the place is given back once). Database requests: 3.
 */
export async function cancelSignUp(input: In<'cancelSignUp'>, ctx: Ctx): Promise<OutputOf<'volunteer', 'cancelSignUp'>> {
  requireSignedUp(ctx)
  const slot = await loadSlot(ctx, input.slotId)
  const found = myShift(slot, ctx.openid)
  if (!found) throw new HandlerError('NOT_FOUND', '您没有报名这个班次')
  const left = (s: SlotDoc) => Math.max(0, s.headcount - s.taken)
  if (found.shift.status === 'cancelled' && found.shift.requestIds?.includes(ctx.requestId!)) return { slotId: slot._id, status: 'cancelled', placesLeft: left(slot) }
  if (found.shift.status !== 'signed_up') throw new HandlerError('INVALID_STATE', found.shift.status === 'cancelled' ? '您已取消报名' : '已签到的班次不能取消报名')
  if (slot.status !== 'published' || new Date(slot.signupCutoffAt).getTime() <= ctx.now.getTime())
    throw new HandlerError('SIGNUP_CLOSED', '已过报名截止时间，不能取消报名，请联系社区工作人员')
  const _ = ctx.db.command
  const i = found.index
  const res = await ctx.db
    .collection(VOL_SLOTS)
    .where({ _id: slot._id, status: 'published', signupCutoffAt: _.gt(ctx.now), [`shifts.${i}.openid`]: ctx.openid, [`shifts.${i}.status`]: 'signed_up' })
    .update({
      data: {
        [`shifts.${i}.status`]: 'cancelled',
        [`shifts.${i}.requestIds`]: _.push([ctx.requestId!]),
        taken: _.inc(-1),
        volunteerOpenids: _.pull(ctx.openid),
        keys: _.pull(ctx.openid),
        updatedAt: ctx.now,
      },
    })
  if (res.stats.updated !== 1) throw new HandlerError('CONFLICT', '班次刚刚有变化，请刷新后再试')
  return { slotId: slot._id, status: 'cancelled', placesLeft: left(slot) + 1 }
}

/**
 * 我的服务: the slots I hold, by tab. `upcoming`: not ended, soonest first; `now`: started (or opening for
 * check-in) and not ended, where I am checked in; `done`: ended, latest first. ONE query on the mineByEnd index
 * (volunteerOpenids, endAt). Database requests: the user + the query = 2.
 */
export async function myShifts(input: In<'myShifts'>, ctx: Ctx): Promise<OutputOf<'volunteer', 'myShifts'>> {
  requireSignedUp(ctx)
  const _ = ctx.db.command
  const w = pageWindow(input)
  const col = ctx.db.collection(VOL_SLOTS)
  const tab = input.tab ?? 'upcoming'
  const done = tab === 'done'
  const where: Record<string, unknown> = { volunteerOpenids: ctx.openid, endAt: done ? _.lte(ctx.now) : _.gt(ctx.now) }
  if (tab === 'now') where.shifts = _.elemMatch({ openid: ctx.openid, status: 'checked_in' })
  const [res] = await Promise.all([
    col
      .where(where)
      .orderBy('endAt', done ? 'desc' : 'asc')
      .skip(w.skip)
      .limit(w.limit)
      .get(),
    loadCommunities(ctx.db),
  ])
  return toPage(res.data as SlotDoc[], w, (s): MyShiftCard => {
    const status = myShift(s, ctx.openid)?.shift.status ?? 'signed_up'
    return { ...toSlotCard(s), shiftStatus: status, ...(checkinOpenFor(s, status, ctx.now) ? { checkinOpen: true as const } : {}) }
  })
}

/** part D: whether 签到签退 is open now for a shift in this state (the check-in window; the page itself says what is allowed). */
function checkinOpenFor(slot: SlotDoc, status: ShiftEntry['status'], now: Date): boolean {
  if (slot.status !== 'published' || !['signed_up', 'checked_in', 'checked_out'].includes(status)) return false
  const { opensAt, closesAt } = checkinWindow(new Date(slot.startAt).getTime(), new Date(slot.endAt).getTime())
  return now.getTime() >= opensAt && now.getTime() <= closesAt
}
