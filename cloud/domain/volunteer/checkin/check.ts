// checkIn and checkOut: by the on-site code, by location, or by staff from the roster (issue 10, part B).
import { CHECKIN_MESSAGES as M, type CheckMethod, type CheckPurpose, type CheckResult, type ParsedInputOf } from '../../../../src/contracts'
import { requireRole, requireScope, type Ctx } from '../../../lib/context'
import { tallyToken } from '../../../lib/counters'
import { HandlerError, invalidField } from '../../../lib/errors'
import { distanceM } from '../../../lib/geo'
import { codeSecret, matchRotatingCode } from '../../../lib/rotatingCode'
import { VOL_SLOTS, type CheckPair, type ShiftEntry, type SlotDoc } from '../model'
import { checkInRefusal, notSignedUp, pairsToday, pairView, shiftIndex, slotCodeScope, slotsAround, type CheckSlot } from './shift'

type CheckInput = ParsedInputOf<'volunteer', 'checkIn'>

/** What the way of checking proved: how, by whom, where, and the code window to mark used. */
interface Proof {
  by: CheckMethod
  staff?: string
  distanceM?: number
  accuracyM?: number
  codeTag?: string
}

/**
 * Checks the caller in (or, from the roster, the volunteer `openid`). Database requests: 3 — the user, ONE read of
 * the volunteer's slots around now (it holds this slot and the day's pairs), and ONE conditional update of
 * `shifts.<i>` whose condition holds the status read (two check-ins at once: one wins) and, for a code, that its
 * window is unused. A repeated check-in answers the existing pair; a retry is recognised by its requestId on the
 * shift (idempotentHandler). A lost race costs one more read, to answer what won.
 */
export async function checkIn(input: CheckInput, ctx: Ctx): Promise<CheckResult> {
  return check(input, ctx, 'in')
}

/** Checks the caller (or, from the roster, the volunteer `openid`) out of the open pair: as checkIn, 3 requests. */
export async function checkOut(input: CheckInput, ctx: Ctx): Promise<CheckResult> {
  return check(input, ctx, 'out')
}

async function check(input: CheckInput, ctx: Ctx, purpose: CheckPurpose): Promise<CheckResult> {
  const roster = input.method === 'roster'
  const openid = roster ? rosterTarget(input, ctx) : volunteerSelf(ctx)
  validateFields(input)
  const slots = await slotsAround(ctx, openid)
  const slot = slots.find((s) => s._id === input.slotId)
  if (!slot) return refuseAway(input.slotId, openid, roster, ctx)
  if (roster) requireScope(ctx, slot.communityId)
  const i = shiftIndex(slot, openid)
  if (i < 0) throw notSignedUp(roster)
  const shift = slot.shifts[i]

  const done = answered(slot, shift, ctx, purpose)
  if (done) return done
  if (purpose === 'in') {
    const refusal = checkInRefusal(slot, shift, ctx.now, pairsToday(slots, openid, ctx.now))
    if (refusal) throw new HandlerError('INVALID_STATE', refusal)
  } else {
    if (shift.status === 'confirmed' || shift.status === 'voided') throw new HandlerError('INVALID_STATE', M.decided)
    if (shift.status !== 'checked_in') throw new HandlerError('INVALID_STATE', M.notCheckedIn)
  }
  const proof = prove(input, ctx, slot, shift, purpose)

  const _ = ctx.db.command
  const at = `shifts.${i}`
  const where: Record<string, unknown> = { _id: slot._id, [`${at}.openid`]: openid, [`${at}.status`]: shift.status }
  if (purpose === 'in') where.status = 'published'
  // untallied: a check-in or check-out moves the workbench's shifts to confirm (part D, ../counters.ts).
  const data: Record<string, unknown> = { [`${at}.requestIds`]: _.push(ctx.requestId!), updatedAt: ctx.now, untallied: tallyToken() }
  if (proof.codeTag) {
    where[`${at}.usedCodes`] = _.neq(proof.codeTag)
    data[`${at}.usedCodes`] = _.push(proof.codeTag)
  }
  let pair: CheckPair
  if (purpose === 'in') {
    pair = { inAt: ctx.now, inBy: proof.by }
    if (proof.staff) pair.inStaff = proof.staff
    if (proof.distanceM !== undefined) Object.assign(pair, { inDistanceM: proof.distanceM, inAccuracyM: proof.accuracyM })
    Object.assign(data, { [`${at}.status`]: 'checked_in', [`${at}.pairs`]: _.push(pair), openPairs: _.inc(1) })
  } else {
    const n = shift.pairs.length - 1
    const out: Partial<CheckPair> = { outAt: ctx.now, outBy: proof.by }
    if (proof.staff) out.outStaff = proof.staff
    if (proof.distanceM !== undefined) Object.assign(out, { outDistanceM: proof.distanceM, outAccuracyM: proof.accuracyM })
    pair = { ...shift.pairs[n], ...out }
    for (const [k, v] of Object.entries(out)) data[`${at}.pairs.${n}.${k}`] = v
    Object.assign(data, { [`${at}.status`]: 'checked_out', openPairs: _.inc(-1) })
  }
  const res = await ctx.db.collection(VOL_SLOTS).where(where).update({ data })
  if (res.stats.updated === 1) return { slotId: slot._id, status: purpose === 'in' ? 'checked_in' : 'checked_out', pair: pairView(pair), repeated: false }

  // Lost a race (another check-in of the same shift, or the same code used a moment ago): answer what won.
  const now = (await ctx.db.collection(VOL_SLOTS).doc(slot._id).get()).data as CheckSlot | null
  const again = now?.shifts[i]
  const won = now && again?.openid === openid ? answered(now, again, ctx, purpose) : null
  if (won) return won
  if (proof.codeTag && again?.usedCodes.includes(proof.codeTag)) throw new HandlerError('INVALID_STATE', M.codeUsed)
  throw new HandlerError('CONFLICT')
}

/**
 * The slot is not among the volunteer's slots around now: one more read says why — not signed up, or a slot on
 * another day (check-in opens 30 minutes before its start, or has closed). Always a refusal.
 */
async function refuseAway(slotId: string, openid: string, roster: boolean, ctx: Ctx): Promise<never> {
  const slot = (await ctx.db.collection(VOL_SLOTS).doc(slotId).get()).data as SlotDoc | null
  if (!slot) throw notSignedUp(roster)
  if (roster) requireScope(ctx, slot.communityId)
  const i = shiftIndex(slot, openid)
  if (i < 0) throw notSignedUp(roster)
  throw new HandlerError('INVALID_STATE', checkInRefusal(slot, slot.shifts[i], ctx.now, 0) ?? M.closed)
}

/** The existing answer when this call (its requestId) or an equal one already did the work, else null. */
function answered(slot: CheckSlot, shift: ShiftEntry, ctx: Ctx, purpose: CheckPurpose): CheckResult | null {
  const last = shift.pairs[shift.pairs.length - 1]
  if (!last) return null
  const retry = !!ctx.requestId && shift.requestIds.includes(ctx.requestId)
  const same = purpose === 'in' ? shift.status === 'checked_in' : shift.status === 'checked_out' && !!last.outAt
  if (!retry && !same) return null
  return { slotId: slot._id, status: shift.status, pair: pairView(last), repeated: true }
}

/** Roster check-in/out: staff (never for themselves) name the volunteer. */
function rosterTarget(input: CheckInput, ctx: Ctx): string {
  requireRole(ctx, 'staff')
  if (!input.openid) throw invalidField('openid', M.rosterNeedsOpenid)
  if (input.openid === ctx.openid) throw new HandlerError('SELF_REVIEW', M.rosterSelf)
  return input.openid
}

/** Code and location: the caller, an approved volunteer, for themselves. */
function volunteerSelf(ctx: Ctx): string {
  if (!ctx.roles.includes('volunteer')) throw new HandlerError('NOT_VOLUNTEER')
  return ctx.openid
}

/** The fields the method needs are there (checked before any read). */
function validateFields(input: CheckInput): void {
  if (input.method === 'code' && !input.code) throw invalidField('code', M.codeMissing)
  if (input.method === 'location') {
    for (const f of ['lat', 'lng', 'accuracy'] as const) if (input[f] === undefined) throw invalidField(f, M.locationMissing)
  }
}

/** Verifies the way of checking against the slot: the code's HMAC and window, or the distance and accuracy. */
function prove(input: CheckInput, ctx: Ctx, slot: Pick<SlotDoc, '_id' | 'place'>, shift: ShiftEntry, purpose: CheckPurpose): Proof {
  if (input.method === 'roster') return { by: 'roster', staff: ctx.openid }
  if (input.method === 'code') {
    const secret = codeSecret()
    const at = ctx.now.getTime()
    const window = matchRotatingCode(secret, slotCodeScope(slot._id, purpose), input.code!, at)
    if (window === null) {
      const other = matchRotatingCode(secret, slotCodeScope(slot._id, purpose === 'in' ? 'out' : 'in'), input.code!, at)
      throw new HandlerError('INVALID_INPUT', other === null ? M.codeWrong : M.codeOtherPurpose[purpose])
    }
    const codeTag = `${purpose}:${window}`
    if (shift.usedCodes.includes(codeTag)) throw new HandlerError('INVALID_STATE', M.codeUsed)
    return { by: 'code', codeTag }
  }
  const accuracyM = Math.round(input.accuracy!)
  const d = distanceM({ lat: input.lat!, lng: input.lng! }, slot.place)
  const distance = Math.round(d)
  if (d > slot.place.radiusM) throw new HandlerError('INVALID_STATE', M.tooFar(distance, purpose))
  if (input.accuracy! > slot.place.radiusM) throw new HandlerError('INVALID_STATE', M.inaccurate(accuracyM, slot.place.radiusM))
  return { by: 'location', distanceM: distance, accuracyM }
}
