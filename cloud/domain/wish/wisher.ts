import { MAX_NEEDED_BY_DAYS, MAX_OPEN_WISHES, OPEN_WISH_STATUSES, WISH_MESSAGES, type ParsedInputOf, type WishChange } from '../../../src/contracts'
import { requireNotRisky } from '../../lib/contentSecurity'
import { requireSignedUp, type Ctx, type SignedUpCtx } from '../../lib/context'
import { addDays, chinaDay, isRealDay } from '../../lib/dates'
import { tallyToken } from '../../lib/counters'
import { isDuplicateKeyError } from '../../lib/dbErrors'
import { startPhotoChecks, type PhotoCheck } from '../../lib/mediaCheck'
import { requireOwnFiles } from '../../lib/storage'
import { HandlerError, invalidField } from '../../lib/errors'
import { wishDisplayName, type WishChangeEntry, type WishDoc } from '../../lib/model'
import { refusal, requireAllowed } from './allowed'
import { releaseSlot, takeSlot } from './slots'
import { change, invalidState, loadWish, ownStep, PUBLISHED, transition, WISHES, wishIdFor } from './doc'

type In<A extends 'post' | 'resubmit' | 'cancel' | 'requestRelease'> = ParsedInputOf<'wish', A>

/**
 * Checks what the schema cannot (name style, real dates, not in the past, own photos) and the text, then starts the
 * image check of new photos (`previous`: the checks of the photos the wish already has); returns the stored fields.
 */
async function wishContent(input: In<'post'>, ctx: SignedUpCtx, previous: PhotoCheck[] = []) {
  if (input.nameStyle === 'surname') {
    if (!input.surname) throw invalidField('surname', '请填写姓氏，或选择匿名')
    if (!input.honorific) throw invalidField('honorific', '请选择称呼（阿姨/叔叔/同学）')
  }
  if (input.neededBy !== undefined) {
    if (!isRealDay(input.neededBy)) throw invalidField('neededBy', '日期不存在')
    if (input.neededBy < chinaDay(ctx.now)) throw invalidField('neededBy', '期望完成日期不能早于今天')
    const latest = addDays(chinaDay(ctx.now), MAX_NEEDED_BY_DAYS)
    if (input.neededBy > latest) throw invalidField('neededBy', `${WISH_MESSAGES.neededByTooFar}（最晚 ${latest}）`)
  }
  // Photos only from the wisher's own upload folder in this environment (issue 7 item 10).
  if (input.photos?.length) requireOwnFiles(ctx.openid, 'photos', input.photos)
  // A human reviews every wish before it is published, so only clearly risky text is refused here.
  await requireNotRisky(ctx, `${input.title}\n${input.description}`, 3)
  const named = input.nameStyle === 'surname'
  const photos = [...new Set(input.photos ?? [])]
  // Checked before the wish is written, so the trace ids are stored with it (no push can arrive before them).
  const photoChecks = await startPhotoChecks(ctx, photos, 3, previous)
  const fields = {
    title: input.title,
    description: input.description,
    category: input.category,
    nameStyle: input.nameStyle,
    ...(named ? { surname: input.surname, honorific: input.honorific } : {}),
    displayName: wishDisplayName({ nameStyle: input.nameStyle, surname: input.surname, honorific: input.honorific }),
    contact: { phone: input.contactPhone, address: input.address },
    photos,
    photoChecks,
  }
  return { fields, neededBy: input.neededBy }
}

/**
 * A signed-up resident posts a wish in their community; it waits for review (pending_review).
 * At most MAX_OPEN_WISHES unfinished wishes per resident, under any concurrency: the wish first takes one of
 * the wisher's numbered slots with a conditional write (slots.ts). Idempotent by itself: the wish's _id is
 * derived from the requestId, so a retried post finds the wish its first attempt created.
 * Database requests: user, the unfinished wishes, the slot, the insert (a retry: user + 1 or 2 reads).
 */
export async function post(input: In<'post'>, ctx: Ctx): Promise<WishChange> {
  requireSignedUp(ctx)
  const _ = ctx.db.command
  const id = wishIdFor(ctx.openid, ctx.requestId!)
  const col = ctx.db.collection(WISHES)
  const open = (
    await col
      .where({ wisherOpenid: ctx.openid, status: _.in(OPEN_WISH_STATUSES) })
      .field({ _id: true, status: true })
      .limit(100)
      .get()
  ).data as Pick<WishDoc, '_id' | 'status'>[]
  const again = open.find((w) => w._id === id)
  if (again) return change(id, again.status)
  if (open.length >= MAX_OPEN_WISHES) return refusedPost(ctx, id)
  const { fields, neededBy } = await wishContent(input, ctx)
  const slot = await takeSlot(
    ctx,
    id,
    open.map((w) => w._id),
  )
  if (!slot) return refusedPost(ctx, id)
  const entry: WishChangeEntry = { at: ctx.now, by: ctx.openid, role: 'wisher', action: 'post', to: 'pending_review', requestId: ctx.requestId! }
  const doc: WishDoc = {
    _id: id,
    wisherOpenid: ctx.openid,
    communityId: ctx.user.communityId,
    ...fields,
    ...(neededBy ? { neededBy } : {}),
    status: 'pending_review',
    createdAt: ctx.now,
    updatedAt: ctx.now,
    reporters: [],
    reports: [],
    reportCount: 0,
    history: [entry],
    untallied: tallyToken(),
  }
  try {
    await col.add({ data: doc })
  } catch (err) {
    await releaseSlot(ctx, ctx.openid, id, slot)
    if (!isDuplicateKeyError(err)) throw err
    const mine = await retried(ctx, id)
    if (mine) return mine
    throw err
  }
  return change(id, 'pending_review')
}

/** A post over the limit: the answer of this call's earlier attempt (a retry), else TOO_MANY_OPEN_WISHES. */
async function refusedPost(ctx: Ctx, id: string): Promise<WishChange> {
  const mine = await retried(ctx, id)
  if (mine) return mine
  throw new HandlerError('TOO_MANY_OPEN_WISHES')
}

/** The wish this caller's earlier attempt of the same post created, if any. */
async function retried(ctx: Ctx, id: string): Promise<WishChange | null> {
  const w = (await ctx.db.collection(WISHES).doc(id).get()).data as WishDoc | null
  return w && w.wisherOpenid === ctx.openid ? change(w._id, w.status) : null
}

/** The wisher edits their rejected wish and sends it to review again (content-checked like a post). */
export async function resubmit(input: In<'resubmit'>, ctx: Ctx): Promise<WishChange> {
  requireSignedUp(ctx)
  const wish = await loadWish(ctx, input.wishId)
  const done = ownStep(wish, ctx, 'resubmit')
  if (done) return change(wish._id, done.to)
  requireAllowed('resubmit', wish, ctx)
  const { fields, neededBy } = await wishContent(input, ctx, wish.photoChecks)
  const unset = ['reviewReason']
  if (!neededBy) unset.push('neededBy')
  if (input.nameStyle !== 'surname') unset.push('surname', 'honorific')
  return transition(ctx, wish, {
    action: 'resubmit',
    role: 'wisher',
    to: 'pending_review',
    set: {
      ...fields,
      contact: ctx.db.command.set(fields.contact),
      photos: ctx.db.command.set(fields.photos),
      photoChecks: ctx.db.command.set(fields.photoChecks),
      ...(neededBy ? { neededBy } : {}),
    },
    unset,
    where: { wisherOpenid: ctx.openid },
    conflict: invalidState('只有未通过审核的心愿可以修改后重新提交'),
  })
}

/** The wisher cancels their wish while it is waiting for review, rejected, or open (not yet claimed). Nothing is deleted. */
export async function cancel(input: In<'cancel'>, ctx: Ctx): Promise<WishChange> {
  requireSignedUp(ctx)
  const wish = await loadWish(ctx, input.wishId)
  const done = ownStep(wish, ctx, 'cancel')
  if (done) return change(wish._id, done.to)
  requireAllowed('cancel', wish, ctx)
  return transition(ctx, wish, {
    action: 'cancel',
    role: 'wisher',
    to: 'cancelled',
    reason: input.reason,
    set: { cancelledAt: ctx.now },
    where: { wisherOpenid: ctx.openid },
    conflict: invalidState('心愿状态已变化，请刷新后再试'),
  })
}

/**
 * The wisher asks staff to release a claimed wish (the claimant is not answering), with a reason: the wish joins
 * staff's `release` queue; staff decide (release). Not a state change: kept on the wish, once per claim, with the
 * requestId (a retry answers the same). Database requests: user + one conditional update (refused: + 1 read).
 */
export async function requestRelease(input: In<'requestRelease'>, ctx: Ctx): Promise<WishChange> {
  requireSignedUp(ctx)
  const _ = ctx.db.command
  const request = { at: ctx.now, reason: input.reason, requestId: ctx.requestId! }
  const res = await ctx.db
    .collection(WISHES)
    .where({ _id: input.wishId, status: 'claimed', wisherOpenid: ctx.openid, releaseRequest: _.exists(false) })
    .update({ data: { releaseRequest: _.set(request), updatedAt: ctx.now } })
  if (res.stats.updated === 1) return change(input.wishId, 'claimed')
  const wish = await loadWish(ctx, input.wishId)
  if (wish.releaseRequest?.requestId === ctx.requestId && wish.wisherOpenid === ctx.openid) return change(wish._id, wish.status)
  const visible = PUBLISHED.includes(wish.status) || wish.wisherOpenid === ctx.openid
  if (!visible) throw new HandlerError('NOT_FOUND', '没有找到这个心愿')
  throw refusal('requestRelease', wish, ctx) ?? new HandlerError('CONFLICT')
}
