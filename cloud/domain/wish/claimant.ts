import { MAX_PROMISE_DAYS, WISH_MESSAGES, type ParsedInputOf, type WishChange, type OutputOf } from '../../../src/contracts'
import { updateOneAndReturn } from '../../lib/cloud'
import { tallyToken, UNTALLIED } from '../../lib/counters'
import { requireSafeText } from '../../lib/contentSecurity'
import { requireSignedUp, type Ctx, type SignedUpCtx } from '../../lib/context'
import { addDays, chinaDay, isRealDay } from '../../lib/dates'
import { HandlerError, invalidField } from '../../lib/errors'
import type { WishChangeEntry, WishClaim, WishDoc } from '../../lib/model'
import { sendSubscribeMessage } from '../../lib/notify'
import { startPhotoChecks } from '../../lib/mediaCheck'
import { requireOwnFiles } from '../../lib/storage'
import { requireAllowed } from './allowed'
import { change, invalidState, isScopedStaff, loadWish, ownStep, PUBLISHED, transition, WISHES } from './doc'
import { templateId } from '../../lib/templates'

type In<A extends 'claim' | 'withdraw' | 'fulfil' | 'confirm'> = ParsedInputOf<'wish', A>

/** The detail page of a wish in the mini-program (where a subscription message leads). */
export function wishPage(id: string): string {
  return `packages/wish/pages/detail/index?id=${id}`
}

/**
 * An approved volunteer claims an open wish (or staff scoped to its community claim it for a unit,
 * naming the unit). The promised date is today or later, and no later than the needed-by date, or without
 * one, than MAX_PROMISE_DAYS from today (so every claim comes due and shows in the overdue queue).
 *
 * ONE conditional update that answers with the wish (`where({_id, status:'open', …})`, lib/cloud updateOneAndReturn) both decides the race and
 * returns the wish, so of concurrent claims exactly one wins and the others get WISH_NOT_OPEN.
 * Database requests: the user read + that update = 2. Only a refused update reads the wish once more,
 * to give the precise reason (or to recognise a retry of this very call: idempotent by the requestId
 * recorded in the history, without a generic request record).
 */
export async function claim(input: In<'claim'>, ctx: Ctx): Promise<OutputOf<'wish', 'claim'>> {
  requireSignedUp(ctx)
  const _ = ctx.db.command
  const forUnit = input.unitName !== undefined
  if (forUnit) {
    if (!ctx.roles.includes('staff') && !ctx.isAdmin) throw new HandlerError('ROLE_REQUIRED', '只有社区工作人员可以代表单位认领')
  } else if (!ctx.roles.includes('volunteer')) {
    throw new HandlerError('NOT_VOLUNTEER', '只有审核通过的志愿者才能认领心愿')
  }
  if (!isRealDay(input.promisedBy)) throw invalidField('promisedBy', '日期不存在')
  if (input.promisedBy < chinaDay(ctx.now)) throw invalidField('promisedBy', '承诺完成日期不能早于今天')

  const claimRecord: WishClaim = {
    openid: ctx.openid,
    claimantName: forUnit ? input.unitName! : ctx.user.nickname,
    ...(forUnit ? { unitName: input.unitName } : {}),
    promisedBy: input.promisedBy,
    claimedAt: ctx.now,
  }
  const entry: WishChangeEntry = { at: ctx.now, by: ctx.openid, role: forUnit ? 'unit' : 'volunteer', action: 'claim', from: 'open', to: 'claimed', requestId: ctx.requestId! }
  const where: Record<string, unknown> = {
    _id: input.wishId,
    status: 'open',
    wisherOpenid: _.neq(ctx.openid),
    neededBy: input.promisedBy > latestPromise(ctx) ? _.gte(input.promisedBy) : _.exists(false).or(_.gte(input.promisedBy)),
  }
  if (forUnit && !ctx.isAdmin) where.communityId = _.in(ctx.staffCommunityIds)
  const res = await updateOneAndReturn(ctx.db.collection(WISHES), where as typeof where & { _id: string }, {
    status: 'claimed',
    claimedAt: ctx.now,
    updatedAt: ctx.now,
    claim: _.set(claimRecord),
    history: _.push([entry]),
    [UNTALLIED]: tallyToken(),
  })
  const won = res.doc as WishDoc | null
  if (res.updated === 1 && won) {
    await notifyClaimed(won, claimRecord)
    return { ...change(won._id, 'claimed'), promisedBy: input.promisedBy }
  }
  return refusedClaim(input, ctx, forUnit)
}

/** The latest day a claim of a wish without a needed-by date may promise. */
function latestPromise(ctx: Ctx): string {
  return addDays(chinaDay(ctx.now), MAX_PROMISE_DAYS)
}

/** Why a claim's conditional update matched nothing (one more read), or the retry's original answer. */
async function refusedClaim(input: In<'claim'>, ctx: SignedUpCtx, forUnit: boolean): Promise<OutputOf<'wish', 'claim'>> {
  const wish = await loadWish(ctx, input.wishId)
  const visible = PUBLISHED.includes(wish.status) || wish.wisherOpenid === ctx.openid || isScopedStaff(ctx, wish)
  if (!visible) throw new HandlerError('NOT_FOUND', '没有找到这个心愿')
  const mine = ownStep(wish, ctx, 'claim')
  if (mine) return { ...change(wish._id, 'claimed'), promisedBy: wish.claim?.openid === ctx.openid ? wish.claim.promisedBy : input.promisedBy }
  requireAllowed(forUnit ? 'claimForUnit' : 'claim', wish, ctx)
  if (wish.neededBy && wish.neededBy < input.promisedBy) throw invalidField('promisedBy', `承诺完成日期不能晚于心愿的期望日期（${wish.neededBy}）`)
  if (!wish.neededBy && input.promisedBy > latestPromise(ctx)) throw invalidField('promisedBy', `${WISH_MESSAGES.promiseTooFar}（最晚 ${latestPromise(ctx)}）`)
  throw new HandlerError('CONFLICT')
}

/** Tells the wisher that their wish was claimed (subscription message; failures are logged and ignored). */
async function notifyClaimed(wish: WishDoc, c: WishClaim): Promise<void> {
  await sendSubscribeMessage(wish.wisherOpenid, templateId('WISH_CLAIMED'), wishPage(wish._id), {
    thing1: { value: wish.title.slice(0, 20) },
    thing2: { value: c.claimantName.slice(0, 20) },
    date3: { value: c.promisedBy },
    thing4: { value: '您的心愿已被认领，认领人会与您联系' },
  })
}

/** The claimant (volunteer or unit) of a wish: their role label in the history. */
function claimantRole(wish: WishDoc): WishChangeEntry['role'] {
  return wish.claim?.unitName ? 'unit' : 'volunteer'
}

/** The claimant gives the wish back, with a reason; it returns to the wall (open). */
export async function withdraw(input: In<'withdraw'>, ctx: Ctx): Promise<WishChange> {
  requireSignedUp(ctx)
  const wish = await loadWish(ctx, input.wishId)
  const done = ownStep(wish, ctx, 'withdraw')
  if (done) return change(wish._id, done.to)
  requireAllowed('withdraw', wish, ctx)
  return transition(ctx, wish, {
    action: 'withdraw',
    role: claimantRole(wish),
    to: 'open',
    reason: input.reason,
    unset: ['claim', 'claimedAt', 'releaseRequest'],
    where: { 'claim.openid': ctx.openid },
    conflict: invalidState('心愿状态已变化，请刷新后再试'),
  })
}

/** The claimant reports the wish fulfilled, with a note (public, content-checked) and an optional photo. */
export async function fulfil(input: In<'fulfil'>, ctx: Ctx): Promise<WishChange> {
  requireSignedUp(ctx)
  const wish = await loadWish(ctx, input.wishId)
  const done = ownStep(wish, ctx, 'fulfil')
  if (done) return change(wish._id, done.to)
  requireAllowed('fulfil', wish, ctx)
  if (input.photo) requireOwnFiles(ctx.openid, 'photo', input.photo)
  await requireSafeText(ctx, input.note, 2)
  const fulfilment = { note: input.note, fulfilledAt: ctx.now, ...(input.photo ? { photo: input.photo } : {}) }
  // The photo's image check starts before the write, so its trace id is stored with it (scene 2: a comment).
  const checks = input.photo ? await startPhotoChecks(ctx, [input.photo], 2) : []
  return transition(ctx, wish, {
    action: 'fulfil',
    role: claimantRole(wish),
    to: 'fulfilled',
    set: { fulfilment: ctx.db.command.set(fulfilment), fulfilledAt: ctx.now, ...(checks.length ? { photoChecks: ctx.db.command.push(checks) } : {}) },
    where: { 'claim.openid': ctx.openid },
    conflict: invalidState('心愿状态已变化，请刷新后再试'),
  })
}

/**
 * The wisher confirms a fulfilled wish (or staff scoped to the community confirm on their behalf: many
 * wishers are elderly and not on the app), optionally with a public thank-you (content-checked); → closed. A wish a
 * volunteer claimed becomes due for the credit of its hours (`creditDue`, cleared by volunteer.creditWish).
 */
export async function confirm(input: In<'confirm'>, ctx: Ctx): Promise<WishChange> {
  requireSignedUp(ctx)
  const wish = await loadWish(ctx, input.wishId)
  const done = ownStep(wish, ctx, 'confirm')
  if (done) return change(wish._id, done.to)
  requireAllowed('confirm', wish, ctx)
  const isWisher = wish.wisherOpenid === ctx.openid
  const thanks = input.thanks?.trim()
  if (thanks) await requireSafeText(ctx, thanks, 2)
  return transition(ctx, wish, {
    action: 'confirm',
    role: isWisher ? 'wisher' : 'staff',
    to: 'closed',
    // issue 10 part E: a volunteer's (not a unit's) wish is now due for the credit of its hours, in the same update.
    set: { closedAt: ctx.now, ...(thanks ? { thanks } : {}), ...(wish.claim && !wish.claim.unitName ? { creditDue: ctx.now.getTime() } : {}) },
    conflict: invalidState('心愿状态已变化，请刷新后再试'),
  })
}
