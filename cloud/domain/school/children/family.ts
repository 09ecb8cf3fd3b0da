// The second guardian (issue 11, part A): a guardian makes a one-time invitation code (亲属码, INVITE_HOURS), shown
// once and stored only as its hash; the other guardian joins the family with it.
import { createHash } from 'crypto'
import { INVITE_CODE_ALPHABET, INVITE_CODE_LENGTH, INVITE_HOURS, SCHOOL_A_MESSAGES as M, type OutputOf, type ParsedInputOf } from '../../../../src/contracts'
import { requireSignedUp, type Ctx } from '../../../lib/context'
import { iso } from '../../../lib/dates'
import { isDuplicateKeyError } from '../../../lib/dbErrors'
import { HandlerError } from '../../../lib/errors'
import { SCH_CHILDREN, SCH_INVITES, type InviteDoc } from '../model'

type In<A extends 'createInvite' | 'joinFamily'> = ParsedInputOf<'school', A>

/** The invitation's _id: a hash of the code (the code itself is never stored). */
function inviteId(code: string): string {
  return `inv${createHash('sha256').update(`invite:${code}`).digest('hex').slice(0, 40)}`
}

/**
 * The code of a guardian's invitation call: derived from the caller and the call's requestId (random, known only
 * to the caller's client), so a retried call makes the same code and finds its own invitation.
 */
function inviteCode(openid: string, requestId: string): string {
  const bytes = createHash('sha256').update(`invite-code:${openid}:${requestId}`).digest()
  return Array.from(bytes.subarray(0, INVITE_CODE_LENGTH), (b) => INVITE_CODE_ALPHABET[b % INVITE_CODE_ALPHABET.length]).join('')
}

/**
 * A guardian with a family makes a 亲属码 for a second guardian: returned once, stored as its hash, valid for
 * INVITE_HOURS and one use. Database requests: the user + the insert = 2 (a retry 3).
 */
export async function createInvite(_input: In<'createInvite'>, ctx: Ctx): Promise<OutputOf<'school', 'createInvite'>> {
  requireSignedUp(ctx)
  const familyId = ctx.user.school?.familyId
  if (!familyId) throw new HandlerError('INVALID_STATE', M.inviteNoFamily)
  const code = inviteCode(ctx.openid, ctx.requestId!)
  const doc: InviteDoc = { _id: inviteId(code), familyId, by: ctx.openid, createdAt: ctx.now, expiresAt: new Date(ctx.now.getTime() + INVITE_HOURS * 3600_000) }
  try {
    await ctx.db.collection(SCH_INVITES).add({ data: doc })
    return { code, expiresAt: iso(doc.expiresAt) }
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err
    const mine = (await ctx.db.collection(SCH_INVITES).doc(doc._id).get()).data as InviteDoc
    if (mine.by !== ctx.openid) throw err
    return { code, expiresAt: iso(mine.expiresAt) }
  }
}

/** The refusal for an invitation that cannot be used now (used by another, expired), or null. */
function inviteRefusal(inv: InviteDoc, ctx: Ctx): HandlerError | null {
  if (inv.usedBy && inv.usedBy !== ctx.openid) return new HandlerError('INVALID_STATE', M.inviteUsed)
  if (!inv.usedBy && new Date(inv.expiresAt).getTime() <= ctx.now.getTime()) return new HandlerError('INVALID_STATE', M.inviteExpired)
  return null
}

/**
 * The second guardian joins the family with the code: once, before it expires. The invitation is claimed with ONE
 * update conditional on it being unused and unexpired; then the caller is added to `guardianOpenids` of every
 * child of the family in ONE update on the family index, and the caller's `school.familyId` is set. A caller who
 * already has a family with children is refused (say so). Unknown, used and expired codes: one message each.
 * A retry (the invitation used by the caller) repeats the two idempotent updates.
 * Database requests: the user + the invitation + the claim + the children + the user = 5 (6 for a caller who had
 * a family: its active children are counted). Once per family, so the extra request is accepted.
 */
export async function joinFamily(input: In<'joinFamily'>, ctx: Ctx): Promise<OutputOf<'school', 'joinFamily'>> {
  requireSignedUp(ctx)
  const _ = ctx.db.command
  const invites = ctx.db.collection(SCH_INVITES)
  const inv = (await invites.doc(inviteId(input.code)).get()).data as InviteDoc | null
  if (!inv) throw new HandlerError('NOT_FOUND', M.inviteUnknown)
  const refusal = inviteRefusal(inv, ctx)
  if (refusal) throw refusal
  const mine = ctx.user.school?.familyId
  if (mine === inv.familyId && inv.usedBy !== ctx.openid) throw new HandlerError('INVALID_STATE', M.inviteOwnFamily)
  if (mine && mine !== inv.familyId) {
    const own = await ctx.db.collection(SCH_CHILDREN).where({ familyId: mine, status: 'active' }).count()
    if (own.total > 0) throw new HandlerError('INVALID_STATE', M.inviteHasFamily)
  }
  if (!inv.usedBy) {
    const claim = await invites.where({ _id: inv._id, usedBy: _.exists(false), expiresAt: _.gt(ctx.now) }).update({ data: { usedBy: ctx.openid, usedAt: ctx.now } })
    if (claim.stats.updated !== 1) {
      const now = (await invites.doc(inv._id).get()).data as InviteDoc
      throw inviteRefusal(now, ctx) ?? new HandlerError('CONFLICT')
    }
  }
  const children = await ctx.db
    .collection(SCH_CHILDREN)
    .where({ familyId: inv.familyId })
    .update({ data: { guardianOpenids: _.addToSet(ctx.openid), updatedAt: ctx.now } })
  await ctx.db
    .collection('users')
    .where({ _id: ctx.openid })
    .update({ data: { 'school.familyId': inv.familyId, updatedAt: ctx.now } })
  return { familyId: inv.familyId, children: children.stats.updated }
}
