import { createHash } from 'crypto'
import { CLAIMED_WISH_STATUSES, PUBLISHED_WISH_STATUSES, type WishCard, type WishChange, type WishEvent, type WishStatus } from '../../../src/contracts'
import { communityName } from '../../lib/communities'
import { inScope, type Ctx } from '../../lib/context'
import { chinaDay, iso } from '../../lib/dates'
import { HandlerError } from '../../lib/errors'
import type { WishChangeEntry, WishDoc } from '../../lib/model'
import { tallyToken, UNTALLIED } from '../../lib/counters'
import { leavesOpenSet, releaseSlot } from './slots'

export const WISHES = 'wishes'

/** Statuses the public sees on the wall and in details (published). */
export const PUBLISHED: readonly WishStatus[] = PUBLISHED_WISH_STATUSES

/**
 * What list queries fetch: never the description, contact, photos, reports or history, so private data
 * does not even leave the database for a list.
 */
export const CARD_FIELDS = {
  title: true,
  category: true,
  displayName: true,
  communityId: true,
  status: true,
  createdAt: true,
  publishedAt: true,
  'claim.promisedBy': true,
  thanks: true,
} as const
/** Cards for the wisher's own list and staff queues also carry why a wish was rejected or hidden, or its release asked for, and reports. */
export const OWN_CARD_FIELDS = { ...CARD_FIELDS, reviewReason: true, hiddenReason: true, reportCount: true, 'releaseRequest.reason': true } as const

/** The _id of the wish created by `openid`'s call `requestId`: a retried post computes the same one. */
export function wishIdFor(openid: string, requestId: string): string {
  return createHash('sha256').update(`wish:${openid}:${requestId}`).digest('hex').slice(0, 32)
}

/** One wish by id, or NOT_FOUND. */
export async function loadWish(ctx: Ctx, id: string): Promise<WishDoc> {
  const wish = (await ctx.db.collection(WISHES).doc(id).get()).data as WishDoc | null
  if (!wish) throw new HandlerError('NOT_FOUND', '没有找到这个心愿')
  return wish
}

/** True when the wish is claimed and the promised date has passed (China time). The query form: overdueClaims. */
export function isOverdue(w: Pick<WishDoc, 'status' | 'claim'>, now: Date): boolean {
  return w.status === 'claimed' && !!w.claim?.promisedBy && w.claim.promisedBy < chinaDay(now)
}

/** The query conditions of an overdue claim (isOverdue's rule): the staff queue and the overdue job both use them. */
export function overdueClaims(ctx: Pick<Ctx, 'db' | 'now'>): { status: 'claimed'; 'claim.promisedBy': unknown } {
  return { status: 'claimed', 'claim.promisedBy': ctx.db.command.lt(chinaDay(ctx.now)) }
}

/** A wish as a list card (needs the communities cache). `own`: the wisher's list or a staff queue. */
export function toCard(w: Partial<WishDoc> & Pick<WishDoc, '_id'>, now: Date, own = false): WishCard {
  const card: WishCard = {
    id: w._id,
    title: w.title ?? '',
    category: w.category!,
    displayName: w.displayName ?? '匿名居民',
    communityId: w.communityId ?? '',
    communityName: communityName(w.communityId ?? ''),
    status: w.status!,
    createdAt: iso(w.createdAt),
    overdue: isOverdue(w as WishDoc, now),
  }
  if (w.publishedAt) card.publishedAt = iso(w.publishedAt)
  if (w.thanks) card.thanks = w.thanks
  if (own) {
    if (w.reportCount) card.reportCount = w.reportCount
    const reason = w.status === 'rejected' ? w.reviewReason : w.status === 'hidden' ? w.hiddenReason : w.status === 'claimed' ? w.releaseRequest?.reason : undefined
    if (reason) card.reason = reason
  }
  return card
}

/** A history entry as the public timeline shows it: a role label, never an openid; reasons only when asked. */
export function toEvent(e: WishChangeEntry, withReason: boolean): WishEvent {
  const ev: WishEvent = { at: iso(e.at), to: e.to, action: e.action, by: e.role }
  if (e.from) ev.from = e.from
  if (withReason && e.reason) ev.reason = e.reason
  return ev
}

/** The caller's earlier change of this wish made by the same call (same requestId), if any: the call is a retry. */
export function ownStep(wish: Pick<WishDoc, 'history'>, ctx: Ctx, action: string): WishChangeEntry | undefined {
  if (!ctx.requestId) return undefined
  return (wish.history ?? []).find((e) => e.requestId === ctx.requestId && e.by === ctx.openid && e.action === action)
}

/** A state change's answer. */
export function change(id: string, status: WishStatus): WishChange {
  return { id, status }
}

/** True when the caller is the wish's current claimant. */
export function isClaimant(ctx: Pick<Ctx, 'openid'>, w: Pick<WishDoc, 'claim' | 'status'>): boolean {
  return !!w.claim && w.claim.openid === ctx.openid && CLAIMED_WISH_STATUSES.includes(w.status)
}

/** True when the caller is staff (or admin) scoped to the wish's community. */
export function isScopedStaff(ctx: Ctx, w: Pick<WishDoc, 'communityId'>): boolean {
  return inScope(ctx, w.communityId)
}

export interface Transition {
  action: string
  role: WishChangeEntry['role']
  to: WishStatus
  reason?: string
  /** Fields set with the change. */
  set?: Record<string, unknown>
  /** Fields removed with the change. */
  unset?: string[]
  /** Extra conditions of the conditional update (e.g. the claimant). */
  where?: Record<string, unknown>
  /** The refusal when the wish changed under us. */
  conflict: HandlerError
}

/**
 * Moves `wish` from the status it was read in to `t.to` with ONE conditional update that also pushes the
 * history entry (who, role, from, to, why, requestId). If someone else changed it first, nothing is written:
 * the wish is read again, and either this call's own earlier change is found (a retry: success) or
 * `t.conflict` is thrown. The update marks the wish for the counters' tally job (cloud/lib/counters.ts). A change
 * that takes the wish out of the unfinished set gives its slot back (slots.ts).
 */
export async function transition(ctx: Ctx, wish: WishDoc, t: Transition): Promise<WishChange> {
  const _ = ctx.db.command
  const entry: WishChangeEntry = { at: ctx.now, by: ctx.openid, role: t.role, action: t.action, from: wish.status, to: t.to, requestId: ctx.requestId! }
  if (t.reason) entry.reason = t.reason
  const data: Record<string, unknown> = { ...(t.set ?? {}), status: t.to, updatedAt: ctx.now, history: _.push([entry]), [UNTALLIED]: tallyToken() }
  for (const f of t.unset ?? []) data[f] = _.remove()
  const res = await ctx.db
    .collection(WISHES)
    .where({ _id: wish._id, status: wish.status, ...(t.where ?? {}) })
    .update({ data })
  if (res.stats.updated === 1) {
    if (leavesOpenSet(wish.status, t.to)) await releaseSlot(ctx, wish.wisherOpenid, wish._id)
    return change(wish._id, t.to)
  }
  const now = await loadWish(ctx, wish._id)
  const mine = ownStep(now, ctx, t.action)
  if (mine) return change(wish._id, mine.to)
  throw t.conflict
}

/** INVALID_STATE with a specific Chinese message. */
export function invalidState(message: string): HandlerError {
  return new HandlerError('INVALID_STATE', message)
}
