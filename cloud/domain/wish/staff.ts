import type { OutputOf, ParsedInputOf, WishChange } from '../../../src/contracts'
import { loadCommunities } from '../../lib/communities'
import { tallyToken, UNTALLIED } from '../../lib/counters'
import { requireRole, requireScope, requireSignedUp, type Ctx } from '../../lib/context'
import { staffScope } from '../../lib/staffScope'
import { HandlerError, invalidField } from '../../lib/errors'
import type { WishDoc } from '../../lib/model'
import { pageWindow, toPage } from '../../lib/paging'
import { refusal, requireAllowed } from './allowed'
import { change, invalidState, loadWish, overdueClaims, ownStep, OWN_CARD_FIELDS, PUBLISHED, toCard, transition, WISHES } from './doc'

type In<A extends 'report' | 'queue' | 'review' | 'hide' | 'release' | 'stats'> = ParsedInputOf<'wish', A>

/**
 * Any signed-up user reports a published wish, with a reason; once per user (ALREADY_REPORTED).
 * One conditional update (`reporters` must not hold the caller yet) records the report and bumps the count.
 * Not a state change, so it is not in the history; the report itself (who, when, why, requestId) is kept.
 * Database requests: user + update (a refused update: + 1 read for the reason, or to recognise a retry).
 */
export async function report(input: In<'report'>, ctx: Ctx): Promise<OutputOf<'wish', 'report'>> {
  requireSignedUp(ctx)
  const _ = ctx.db.command
  const entry = { at: ctx.now, by: ctx.openid, reason: input.reason, requestId: ctx.requestId! }
  const res = await ctx.db
    .collection(WISHES)
    .where({ _id: input.wishId, status: _.in([...PUBLISHED]), reporters: _.neq(ctx.openid), ...bystander(ctx) })
    .update({ data: { reporters: _.push([ctx.openid]), reports: _.push([entry]), reportCount: _.inc(1), lastReportedAt: ctx.now, [UNTALLIED]: tallyToken() } })
  if (res.stats.updated === 1) return { id: input.wishId, reported: true }
  const wish = await loadWish(ctx, input.wishId)
  if ((wish.reports ?? []).some((r) => r.by === ctx.openid && r.requestId === ctx.requestId)) return { id: wish._id, reported: true }
  throw refusal('report', wish, ctx) ?? new HandlerError('CONFLICT')
}

/**
 * The report's conditions on the caller, in the update itself (allowedActions' bystander rule): not the
 * wisher, not the claimant, not staff of the community. Admins are staff of every community: never matched.
 */
function bystander(ctx: Ctx): Record<string, unknown> {
  const _ = ctx.db.command
  const where: Record<string, unknown> = { wisherOpenid: _.neq(ctx.openid), 'claim.openid': _.neq(ctx.openid) }
  if (ctx.isAdmin) where.communityId = _.in([])
  else if (ctx.staffCommunityIds.length) where.communityId = _.nin(ctx.staffCommunityIds)
  return where
}

/**
 * Staff's work lists for their communities (or the one named): `pending` review (oldest first, index
 * `queue`), `reported` published wishes (most reports first, index `reported`), `overdue` claims past the
 * promised date (most overdue first, index `overdue`), claims the wisher asked to release (oldest request first,
 * index `releaseRequested`). One query each; cards without contact.
 */
export async function queue(input: In<'queue'>, ctx: Ctx): Promise<OutputOf<'wish', 'queue'>> {
  const scope = await staffScope(ctx, input.communityId)
  const _ = ctx.db.command
  const w = pageWindow(input)
  const col = ctx.db.collection(WISHES)
  const communityId = scope.length === 1 ? scope[0] : _.in(scope)
  const query =
    input.kind === 'pending'
      ? col.where({ communityId, status: 'pending_review' }).orderBy('createdAt', 'asc').orderBy('_id', 'asc')
      : input.kind === 'reported'
        ? col
            .where({ communityId, status: _.in([...PUBLISHED]), reportCount: _.gt(0) })
            .orderBy('reportCount', 'desc')
            .orderBy('lastReportedAt', 'desc')
            .orderBy('_id', 'asc')
        : input.kind === 'release'
          ? col
              .where({ communityId, status: 'claimed', 'releaseRequest.at': _.exists(true) })
              .orderBy('releaseRequest.at', 'asc')
              .orderBy('_id', 'asc')
          : col
              .where({ communityId, ...overdueClaims(ctx) })
              .orderBy('claim.promisedBy', 'asc')
              .orderBy('_id', 'asc')
  const [res] = await Promise.all([query.skip(w.skip).limit(w.limit).field(OWN_CARD_FIELDS).get(), loadCommunities(ctx.db)])
  return toPage(res.data as WishDoc[], w, (d) => toCard(d, ctx.now, true))
}

/** Staff of the wish's community (or admin): the wish itself, after the role and scope checks. */
async function scopedWish(ctx: Ctx, wishId: string): Promise<WishDoc> {
  requireRole(ctx, 'staff')
  const wish = await loadWish(ctx, wishId)
  requireScope(ctx, wish.communityId)
  return wish
}

/** Staff approve a pending wish (published: open, with publishedAt) or reject it with a reason the wisher sees. */
export async function review(input: In<'review'>, ctx: Ctx): Promise<WishChange> {
  const reason = input.reason || undefined
  if (input.decision === 'reject' && !reason) throw invalidField('reason', '请填写不通过的原因，发布人会看到')
  const wish = await scopedWish(ctx, input.wishId)
  const done = ownStep(wish, ctx, 'review')
  if (done) return change(wish._id, done.to)
  requireAllowed('review', wish, ctx)
  const approve = input.decision === 'approve'
  return transition(ctx, wish, {
    action: 'review',
    role: 'staff',
    to: approve ? 'open' : 'rejected',
    reason,
    set: approve ? { publishedAt: ctx.now } : { reviewReason: reason },
    conflict: invalidState('这个心愿已经审核过了'),
  })
}

/** Staff hide a published wish (typically after reports), with a reason; nothing is deleted. */
export async function hide(input: In<'hide'>, ctx: Ctx): Promise<WishChange> {
  const wish = await scopedWish(ctx, input.wishId)
  const done = ownStep(wish, ctx, 'hide')
  if (done) return change(wish._id, done.to)
  requireAllowed('hide', wish, ctx)
  return transition(ctx, wish, {
    action: 'hide',
    role: 'staff',
    to: 'hidden',
    reason: input.reason,
    set: { hiddenReason: input.reason },
    unset: ['creditDue'], // issue 10 part E: a hidden wish's hours are no longer due for credit
    conflict: invalidState('心愿状态已变化，请刷新后再试'),
  })
}

/** Staff release any claim back to the wall, with a reason (overdue, or stuck: the claimant is not answering). */
export async function release(input: In<'release'>, ctx: Ctx): Promise<WishChange> {
  const wish = await scopedWish(ctx, input.wishId)
  const done = ownStep(wish, ctx, 'release')
  if (done) return change(wish._id, done.to)
  requireAllowed('release', wish, ctx)
  return transition(ctx, wish, {
    action: 'release',
    role: 'staff',
    to: 'open',
    reason: input.reason,
    unset: ['claim', 'claimedAt', 'releaseRequest'],
    where: { 'claim.openid': wish.claim!.openid, 'claim.promisedBy': wish.claim!.promisedBy },
    conflict: invalidState('心愿状态已变化，请刷新后再试'),
  })
}
