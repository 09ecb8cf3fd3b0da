import { WISH_STATUSES, type WishStatus } from '../../../src/contracts'
import { loadCommunities } from '../../lib/communities'
import type { Database } from '../../lib/cloud'
import { readCounts, reconcileJob, sumCounts, tallyJob, type Counts, type TallySource } from '../../lib/counters'
import { addDays, chinaDay, chinaInstant } from '../../lib/dates'
import type { WishDoc } from '../../lib/model'
import { WISHES } from './doc'
import { CREDIT_DUE, FULFILLED, fulfilledOn, wishTallies } from './tallies'

/** Days of per-day fulfilment counters the readers use (the stats' 7 and 30 days). */
const RECENT_DAYS = 30
/** Rows of the index-only count: one per community, status and report count (the district: a few thousand). */
const MAX_ROWS = 10000
/** CloudBase's largest page for a server-side get. */
const PAGE = 1000

type Tallied = Pick<WishDoc, 'communityId' | 'status' | 'reportCount' | 'fulfilledAt' | 'creditDue' | 'untallied' | 'tallied'>

/**
 * The true counts of each of `communityIds`, from the index, in 2 requests:
 * - ONE aggregate, `$match` on communityId, `$group` on communityId, status and report count with `$sum: 1` (the
 *   `reported` index holds all three, so it is answered from the index alone), each row turned into tallies;
 * - the fulfilments of the last RECENT_DAYS days on the `fulfilled` index, one timestamp each, per China day;
 * - (issue 10 part E) the wishes whose hours wait for the credit: ONE aggregate answered from the `creditDue` index.
 */
async function recount(ctx: { db: Database; now: Date }, communityIds: string[]): Promise<Map<string, Counts>> {
  const out = new Map<string, Counts>()
  if (!communityIds.length) return out
  const add = (c: string, k: string, n: number) => {
    const counts = out.get(c) ?? out.set(c, {}).get(c)!
    counts[k] = (counts[k] ?? 0) + n
  }
  await Promise.all([countFromIndex(ctx, communityIds, add), recentFulfilments(ctx, communityIds, add), creditDueCounts(ctx, communityIds, add)])
  return out
}

type Add = (communityId: string, counter: string, n: number) => void

/** The status and `reported` counters: ONE aggregate answered from the `reported` index alone. */
async function countFromIndex(ctx: { db: Database }, communityIds: string[], add: Add): Promise<void> {
  const _ = ctx.db.command
  const grouped = await ctx.db
    .collection(WISHES)
    .aggregate()
    .match({ communityId: communityIds.length === 1 ? communityIds[0] : _.in(communityIds) })
    .group({ _id: { communityId: '$communityId', status: '$status', reportCount: '$reportCount' }, n: { $sum: 1 } })
    .limit(MAX_ROWS)
    .end()
  type Row = { _id: { communityId: string; status: WishStatus; reportCount?: number }; n: number }
  for (const { _id, n } of grouped.list as Row[]) for (const k of wishTallies(_id)) add(_id.communityId, k, n)
}

/** issue 10 part E: the CREDIT_DUE counter, ONE aggregate answered from the sparse `creditDue` index alone. */
async function creditDueCounts(ctx: { db: Database }, communityIds: string[], add: Add): Promise<void> {
  const _ = ctx.db.command
  const grouped = await ctx.db
    .collection(WISHES)
    .aggregate()
    .match({ communityId: communityIds.length === 1 ? communityIds[0] : _.in(communityIds), creditDue: _.gt(0) })
    .group({ _id: '$communityId', n: { $sum: 1 } })
    .limit(MAX_ROWS)
    .end()
  for (const { _id, n } of grouped.list as { _id: string; n: number }[]) add(_id, CREDIT_DUE, n)
}

/** The per-day fulfilment counters of the last RECENT_DAYS days: a bounded read on the `fulfilled` index. */
async function recentFulfilments(ctx: { db: Database; now: Date }, communityIds: string[], add: Add): Promise<void> {
  const _ = ctx.db.command
  const col = ctx.db.collection(WISHES)
  const communityId = communityIds.length === 1 ? communityIds[0] : _.in(communityIds)
  const since = chinaInstant(addDays(chinaDay(ctx.now), -RECENT_DAYS))
  for (let skip = 0; ; skip += PAGE) {
    const page = await col
      .where({ communityId, status: _.in([...FULFILLED]), fulfilledAt: _.gte(since) })
      .orderBy('fulfilledAt', 'desc')
      .skip(skip)
      .limit(PAGE)
      .field({ communityId: true, fulfilledAt: true })
      .get()
    for (const w of page.data as Pick<WishDoc, 'communityId' | 'fulfilledAt'>[]) add(w.communityId, fulfilledOn(chinaDay(new Date(w.fulfilledAt!))), 1)
    if (page.data.length < PAGE) break
  }
}

/** The wish domain's counters (cloud/lib/counters.ts): documents `stats_wish_<community>`. */
export const wishCounters: TallySource<Tallied> = {
  domain: 'wish',
  collection: WISHES,
  fields: { status: true, reportCount: true, fulfilledAt: true, creditDue: true },
  tallies: wishTallies,
  recount,
}

/** The wish counts of `communityIds` summed: ONE read of their counter documents (see readCounts). */
export async function wishCounts(ctx: { db: Database; now: Date }, communityIds: string[]): Promise<Counts> {
  return sumCounts(await readCounts(ctx, wishCounters, communityIds))
}

/** The exact status counts of one community from the index, in ONE request (the monthly export: a report, not a dashboard). */
export async function wishCountsNow(ctx: { db: Database }, communityId: string): Promise<Counts> {
  const counts: Counts = {}
  await countFromIndex(ctx, [communityId], (_c, k, n) => (counts[k] = (counts[k] ?? 0) + n))
  return counts
}

/** Counts by status, every status present (0 when none). */
export function byStatusOf(counts: Counts): Record<WishStatus, number> {
  return Object.fromEntries(WISH_STATUSES.map((s) => [s, Math.max(0, counts[s] ?? 0)])) as Record<WishStatus, number>
}

/** Fulfilments on today and the `days - 1` China days before it, from the per-day counters. */
export function fulfilledInDays(counts: Counts, now: Date, days: number): number {
  const today = chinaDay(now)
  let n = 0
  for (let d = 0; d < days; d++) n += Math.max(0, counts[fulfilledOn(addDays(today, -d))] ?? 0)
  return n
}

/** Job (each minute): moves the wish counters by the wishes written since (cloud/lib/counters.ts). */
export const tallyWishCounters = tallyJob(wishCounters, 'wishTally')

/** Job (daily): recounts the wish counters of every community and repairs any drift. */
export const reconcileWishCounters = reconcileJob(wishCounters, 'wishCounters', async (ctx) => (await loadCommunities(ctx.db)).map((c) => c._id))
