// A closed wish's hours (issue 10, parts C and E): staff of the wish's community credit the volunteer who claimed it
// (source `wish`), from the workbench's 待记录时长的心愿 queue. The wish's `creditDue` is set by the update that closes
// it (cloud/domain/wish/claimant.ts `confirm`), cleared here in the credit's own transaction, and by hiding the wish.
import type { CreditDueWish, OutputOf, ParsedInputOf } from '../../../../src/contracts'
import { communityName, loadCommunities } from '../../../lib/communities'
import { requireRole, requireScope, requireSignedUp, type Ctx } from '../../../lib/context'
import { tallyToken, UNTALLIED } from '../../../lib/counters'
import { chinaDay } from '../../../lib/dates'
import { HandlerError } from '../../../lib/errors'
import type { UserDoc, WishDoc } from '../../../lib/model'
import { pageWindow, toPage } from '../../../lib/paging'
import { VOL_LEDGER, type LedgerEntryDoc } from '../model'
import { appendEntries, entryIdFor, inTransaction, requireOtherPerson, toEntryView } from './common'
import { staffScope } from '../../../lib/staffScope'
import { confirmer } from './entries'

type In<A extends 'creditWish' | 'creditQueue'> = ParsedInputOf<'volunteer', A>

/** The wish collection (cloud/domain/wish/doc.ts WISHES; named here so the volunteer bundle leaves the wish domain out). */
const WISHES = 'wishes'

const SELF_NOTE = '本人认领的心愿，须由其他工作人员记录服务时长'

/**
 * Staff of the wish's community: credit hours for a closed wish claimed by a volunteer (not a unit), once per wish
 * (the entry's id comes from the wish), never to themselves. Source `wish`. ONE transaction reads the wish, the
 * volunteer and the entry's id, then writes the entry, the volunteer's summary and the wish (no longer `creditDue`,
 * marked for the counters' tally): a retried call (same requestId) answers the entry it wrote; another call for the
 * same wish is refused.
 */
export async function creditWish(input: In<'creditWish'>, ctx: Ctx): Promise<OutputOf<'volunteer', 'creditWish'>> {
  requireRole(ctx, 'staff')
  requireSignedUp(ctx)
  await loadCommunities(ctx.db)
  const _ = ctx.db.command
  const entry = await inTransaction(ctx, async (t) => {
    const wish = (await t.collection(WISHES).doc(input.wishId).get()).data as WishDoc | null
    if (!wish) throw new HandlerError('NOT_FOUND', '没有找到这个心愿')
    requireScope(ctx, wish.communityId)
    if (wish.status !== 'closed') throw new HandlerError('INVALID_STATE', '心愿完成并确认（已关闭）后才能记录服务时长')
    if (!wish.claim?.openid || wish.claim.unitName) throw new HandlerError('INVALID_STATE', '这个心愿不是由志愿者个人认领的')
    requireOtherPerson(ctx, wish.claim.openid)
    const id = entryIdFor('w', wish._id)
    const [user, existing] = await Promise.all([
      (async () => (await t.collection('users').doc(wish.claim!.openid).get()).data as UserDoc | null)(),
      (async () => (await t.collection(VOL_LEDGER).doc(id).get()).data as LedgerEntryDoc | null)(),
    ])
    if (existing) {
      if (existing.requestId === ctx.requestId) return existing
      throw new HandlerError('INVALID_STATE', '这个心愿已记录过服务时长')
    }
    if (!user || user.volunteerStatus !== 'approved') throw new HandlerError('NOT_VOLUNTEER', '认领人不是审核通过的志愿者')
    const organiser = communityName(wish.communityId)
    const e: LedgerEntryDoc = {
      _id: id,
      openid: user._id,
      volunteerName: user.volunteer?.realName ?? wish.claim.claimantName,
      volunteerNo: user.volunteer?.number ?? '',
      communityId: wish.communityId,
      organiser,
      source: 'wish',
      wishId: wish._id,
      serviceDate: chinaDay(wish.closedAt ?? ctx.now),
      place: organiser,
      serviceType: '邻里互助',
      content: `邻里互助：微心愿「${wish.title}」`,
      minutes: input.minutes,
      ...confirmer(ctx),
    }
    await appendEntries(t, [e], ctx.now)
    if (wish.creditDue)
      await t
        .collection(WISHES)
        .doc(wish._id)
        .update({ data: { creditDue: _.remove(), [UNTALLIED]: tallyToken() } })
    return e
  })
  return toEntryView(entry)
}

/** The row of the queue: title, the claimant's name and the closing day; never the claimant's openid or the wish's contact. */
function toCreditDueWish(ctx: Ctx, w: Pick<WishDoc, '_id' | 'communityId' | 'title' | 'claim' | 'closedAt' | 'creditDue'>): CreditDueWish {
  const own = w.claim?.openid === ctx.openid
  return {
    wishId: w._id,
    communityId: w.communityId,
    title: w.title,
    claimantName: w.claim?.claimantName ?? '',
    closedOn: chinaDay(w.closedAt ?? new Date(w.creditDue!)),
    allowed: own ? [] : ['credit'],
    ...(own ? { note: SELF_NOTE } : {}),
  }
}

/**
 * Staff: the closed wishes of their communities (or the one named) whose volunteer's hours wait for the credit, the
 * oldest closed first, on the sparse index `creditDue`. Database requests: 2 (the user, one page).
 */
export async function creditQueue(input: In<'creditQueue'>, ctx: Ctx): Promise<OutputOf<'volunteer', 'creditQueue'>> {
  const scope = await staffScope(ctx, input.communityId)
  const _ = ctx.db.command
  const w = pageWindow(input)
  const res = await ctx.db
    .collection(WISHES)
    .where({ communityId: scope.length === 1 ? scope[0] : _.in(scope), creditDue: _.gt(0) })
    .orderBy('creditDue', 'asc')
    .orderBy('_id', 'asc')
    .skip(w.skip)
    .limit(w.limit)
    .field({ communityId: true, title: true, 'claim.openid': true, 'claim.claimantName': true, closedAt: true, creditDue: true })
    .get()
  return toPage(res.data as WishDoc[], w, (wish) => toCreditDueWish(ctx, wish))
}
