// Authorised pick-up adults (接送人) with their 4-digit pick-up codes (issue 11, part A). The guardian sees and renews
// the codes; nobody else ever receives one (part C checks them on the server).
import { randomInt } from 'crypto'
import { MAX_PICKUP_ADULTS, PICKUP_CODE_LENGTH, SCHOOL_A_MESSAGES as M, type ParsedInputOf } from '../../../../src/contracts'
import type { ChildView } from '../../../../src/contracts/school/children'
import type { Ctx } from '../../../lib/context'
import { requireSignedUp } from '../../../lib/context'
import { HandlerError } from '../../../lib/errors'
import { SCH_CHILDREN, type ChildDoc, type PickupAdult } from '../model'
import { derivedId } from '../sessions/doc'
import { loadOwnChild, requireActiveChild, toChildView } from './doc'

type In<A extends 'savePickupAdult' | 'removePickupAdult' | 'renewPickupCode'> = ParsedInputOf<'school', A>

/** A fresh pick-up code, different from the child's other adults' codes. */
function newCode(taken: string[]): string {
  for (;;) {
    const code = String(randomInt(0, 10 ** PICKUP_CODE_LENGTH)).padStart(PICKUP_CODE_LENGTH, '0')
    if (!taken.includes(code)) return code
  }
}

/**
 * Changes a child's pick-up adults: the child read (guardian, active), then ONE update of the list conditional on
 * the child not having changed since (`updatedAt` read), recording the requestId (a retry answers the child as
 * it is). Database requests: the user + the child + the update = 3.
 */
async function changePickups(ctx: Ctx, childId: string, change: (c: ChildDoc) => PickupAdult[]): Promise<ChildView> {
  requireSignedUp(ctx)
  const c = await loadOwnChild(ctx, childId)
  requireActiveChild(c)
  if (c.requestId === ctx.requestId) return toChildView(c)
  const pickups = change(c)
  const res = await ctx.db
    .collection(SCH_CHILDREN)
    .where({ _id: c._id, guardianOpenids: ctx.openid, status: 'active', updatedAt: c.updatedAt })
    .update({ data: { pickups: ctx.db.command.set(pickups), updatedAt: ctx.now, requestId: ctx.requestId! } })
  if (res.stats.updated !== 1) throw new HandlerError('CONFLICT', '孩子的信息刚刚有变化，请刷新后再试')
  return toChildView({ ...c, pickups, updatedAt: ctx.now })
}

/** A guardian adds (no adultId) or edits a pick-up adult; a new adult gets a code from the server. */
export async function savePickupAdult(input: In<'savePickupAdult'>, ctx: Ctx): Promise<ChildView> {
  return changePickups(ctx, input.childId, (c) => {
    const list = c.pickups ?? []
    if (input.adultId) {
      if (!list.some((p) => p.id === input.adultId)) throw new HandlerError('NOT_FOUND', M.pickupNotFound)
      return list.map((p) => (p.id === input.adultId ? { ...p, name: input.name, relation: input.relation, phone: input.phone } : p))
    }
    if (list.length >= MAX_PICKUP_ADULTS) throw new HandlerError('INVALID_STATE', M.tooManyPickups)
    const adult: PickupAdult = {
      id: derivedId('pa', ctx.openid, ctx.requestId!).slice(0, 14),
      name: input.name,
      relation: input.relation,
      phone: input.phone,
      code: newCode(list.map((p) => p.code)),
      codeAt: ctx.now,
    }
    return [...list, adult]
  })
}

/** A guardian removes a pick-up adult (one already gone: nothing changes). */
export async function removePickupAdult(input: In<'removePickupAdult'>, ctx: Ctx): Promise<ChildView> {
  return changePickups(ctx, input.childId, (c) => (c.pickups ?? []).filter((p) => p.id !== input.adultId))
}

/** A guardian gives a pick-up adult a new code (the old one stops working at once). */
export async function renewPickupCode(input: In<'renewPickupCode'>, ctx: Ctx): Promise<ChildView> {
  return changePickups(ctx, input.childId, (c) => {
    const list = c.pickups ?? []
    if (!list.some((p) => p.id === input.adultId)) throw new HandlerError('NOT_FOUND', M.pickupNotFound)
    return list.map((p) => (p.id === input.adultId ? { ...p, code: newCode(list.map((q) => q.code)), codeAt: ctx.now } : p))
  })
}
