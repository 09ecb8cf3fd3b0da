import type { OutputOf, ParsedInputOf, WishDetail, WishStatus } from '../../../src/contracts'
import { loadCommunities } from '../../lib/communities'
import { readUser, requireSignedUp, type Ctx } from '../../lib/context'
import { iso } from '../../lib/dates'
import { HandlerError } from '../../lib/errors'
import type { WishDoc } from '../../lib/model'
import { pageWindow, toPage } from '../../lib/paging'
import { tempFileUrls } from '../../lib/storage'
import { allowedActions } from './allowed'
import { fulfilmentPhotoView, photoView } from './photos'
import { CARD_FIELDS, isClaimant, isScopedStaff, loadWish, OWN_CARD_FIELDS, PUBLISHED, toCard, toEvent, WISHES } from './doc'

type In<A extends 'wall' | 'detail' | 'listMine' | 'listMyClaims'> = ParsedInputOf<'wish', A>

/** The wall's status filter as stored statuses ('fulfilled' on the wall means fulfilled or closed). */
function wallStatuses(status: In<'wall'>['status']): WishStatus[] {
  if (status === 'open') return ['open']
  if (status === 'claimed') return ['claimed']
  if (status === 'fulfilled') return ['fulfilled', 'closed']
  return [...PUBLISHED]
}

/**
 * Published wishes, newest first by publishing time, 20 a page: the caller's community (the default) or
 * the whole district. Public handler: a caller who has not signed up may browse the district wall (cards
 * carry no private data), but has no community, so the community wall answers NOT_SIGNED_UP.
 * Ties in publishedAt are broken by _id, so skip/limit pages never repeat or drop a card.
 * Database requests: ONE query (limit+1 tells hasMore; no count, ever) on the `wall` index
 * (communityId, status, publishedAt) or the `district` index (status, publishedAt), plus the user read for
 * the community wall. The projection keeps description, contact, photos and history in the database.
 */
export async function wall(input: In<'wall'>, ctx: Ctx): Promise<OutputOf<'wish', 'wall'>> {
  const _ = ctx.db.command
  const district = input.scope === 'district'
  const where: Record<string, unknown> = {}
  if (!district) {
    const user = ctx.user ?? (await readUser(ctx.db, ctx.openid))
    if (!user) throw new HandlerError('NOT_SIGNED_UP', '请先注册并选择社区，或切换到“全区”查看')
    where.communityId = user.communityId
  }
  const statuses = wallStatuses(input.status)
  where.status = statuses.length === 1 ? statuses[0] : _.in(statuses)
  if (input.category) where.category = input.category
  // Published up to now: a range on the index's last key, so the whole (communityId, status, publishedAt)
  // or (status, publishedAt) key serves the query, and the sort.
  where.publishedAt = _.lte(ctx.now)
  const w = pageWindow(input)
  const query = ctx.db.collection(WISHES).where(where).orderBy('publishedAt', 'desc').orderBy('_id', 'desc').skip(w.skip).limit(w.limit).field(CARD_FIELDS)
  const [res] = await Promise.all([query.get(), loadCommunities(ctx.db)])
  return toPage(res.data as WishDoc[], w, (d) => toCard(d, ctx.now))
}

/**
 * One wish in full. Published wishes: anyone signed up. Unpublished ones (pending, rejected, cancelled,
 * hidden): only the wisher, the current claimant and staff scoped to the community (others: NOT_FOUND).
 * The contact only for the wisher, the current claimant and scoped staff. Photos as temporary URLs; photos under
 * the image check only for the wisher and scoped staff (others get a count), risky ones for nobody (photos.ts).
 * Database requests: user, wish (+ communities on a cold instance); photos are a storage request.
 */
export async function detail(input: In<'detail'>, ctx: Ctx): Promise<WishDetail> {
  requireSignedUp(ctx)
  const [wish] = await Promise.all([loadWish(ctx, input.wishId), loadCommunities(ctx.db)])
  const isWisher = wish.wisherOpenid === ctx.openid
  const claimant = isClaimant(ctx, wish)
  const isStaff = isScopedStaff(ctx, wish)
  if (!PUBLISHED.includes(wish.status) && !isWisher && !isStaff && !claimant) throw new HandlerError('NOT_FOUND', '没有找到这个心愿')
  const files = [...(wish.photos ?? []), ...(wish.fulfilment?.photo ? [wish.fulfilment.photo] : [])]
  const urls = await tempFileUrls(files)
  // Photos that resolve and this viewer may see, in order (here and in draft.photoIds alike).
  const { shownIds, ...photos } = photoView(wish, urls, isWisher || isStaff)
  const privileged = isWisher || claimant || isStaff
  const can = allowedActions(wish, ctx)
  const canClaim = can.includes('claim') || can.includes('claimForUnit')
  const out: WishDetail = {
    ...toCard(wish, ctx.now, isWisher || isStaff),
    description: wish.description,
    ...photos,
    timeline: (wish.history ?? []).map((e) => toEvent(e, privileged)),
    viewer: { isWisher, isClaimant: claimant, isStaff, canClaim, can },
  }
  if (wish.neededBy) out.neededBy = wish.neededBy
  if (wish.claim && ['claimed', 'fulfilled', 'closed'].includes(wish.status)) {
    const { claimantName, unitName, promisedBy, claimedAt } = wish.claim
    out.claim = { claimantName, promisedBy, claimedAt: iso(claimedAt), ...(unitName ? { unitName } : {}) }
  }
  if ((isWisher || isStaff) && wish.status === 'claimed' && wish.releaseRequest) {
    out.releaseRequest = { reason: wish.releaseRequest.reason, at: iso(wish.releaseRequest.at) }
  }
  if (wish.fulfilment) {
    const { note, fulfilledAt } = wish.fulfilment
    out.fulfilment = { note, fulfilledAt: iso(fulfilledAt), ...fulfilmentPhotoView(wish, urls, claimant || isStaff) }
  }
  if (privileged) out.contact = { phone: wish.contact.phone, address: wish.contact.address }
  if (isWisher) {
    out.draft = { nameStyle: wish.nameStyle, ...(wish.surname ? { surname: wish.surname } : {}), ...(wish.honorific ? { honorific: wish.honorific } : {}), photoIds: shownIds }
  }
  return out
}

/** The caller's own wishes in every status, newest first, with the rejection or hiding reason (index `mine`). */
export async function listMine(input: In<'listMine'>, ctx: Ctx): Promise<OutputOf<'wish', 'listMine'>> {
  requireSignedUp(ctx)
  const w = pageWindow(input)
  const query = ctx.db.collection(WISHES).where({ wisherOpenid: ctx.openid }).orderBy('createdAt', 'desc').orderBy('_id', 'desc').skip(w.skip).limit(w.limit).field(OWN_CARD_FIELDS)
  const [res] = await Promise.all([query.get(), loadCommunities(ctx.db)])
  return toPage(res.data as WishDoc[], w, (d) => toCard(d, ctx.now, true))
}

/** The wishes the caller currently holds a claim on (claimed, fulfilled, closed), newest claim first (index `claims`). */
export async function listMyClaims(input: In<'listMyClaims'>, ctx: Ctx): Promise<OutputOf<'wish', 'listMyClaims'>> {
  requireSignedUp(ctx)
  const w = pageWindow(input)
  const query = ctx.db.collection(WISHES).where({ 'claim.openid': ctx.openid }).orderBy('claim.claimedAt', 'desc').orderBy('_id', 'desc').skip(w.skip).limit(w.limit).field(CARD_FIELDS)
  const [res] = await Promise.all([query.get(), loadCommunities(ctx.db)])
  return toPage(res.data as WishDoc[], w, (d) => toCard(d, ctx.now))
}
