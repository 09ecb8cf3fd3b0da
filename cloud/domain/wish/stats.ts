import { WISH_STATS_SAMPLE, type ParsedInputOf, type WishStats, type WishStatus } from '../../../src/contracts'
import type { Ctx } from '../../lib/context'
import { DAY_MS } from '../../lib/dates'
import type { WishDoc } from '../../lib/model'
import { WISHES } from './doc'
import { staffScope } from './staff'

const ALL_STATUSES: WishStatus[] = ['pending_review', 'rejected', 'open', 'claimed', 'fulfilled', 'closed', 'cancelled', 'hidden']
/** A fulfilment counts while the wish is fulfilled or closed (not hidden afterwards). */
const FULFILLED: WishStatus[] = ['fulfilled', 'closed']

/** Rows of the count aggregate: one per community and status (the district's 69 × 8 = 552); CloudBase returns 20 unless told. */
const MAX_GROUPS = 1000

type Sampled = Pick<WishDoc, '_id' | 'publishedAt' | 'claimedAt' | 'fulfilledAt'>

/** The median of a list of numbers, rounded to 0.1, or null when empty. */
export function median(xs: number[]): number | null {
  const v = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b)
  if (!v.length) return null
  const m = v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2
  return Math.round(m * 10) / 10
}

/** Days between two instants, or NaN when either is missing (left out of a median). */
function daysBetween(from: Date | undefined, to: Date | undefined): number {
  return from && to ? (to.getTime() - from.getTime()) / DAY_MS : NaN
}

/**
 * The wishes of `communityIds` counted by status, in ONE database request: `$match` on communityId then `$group` on
 * communityId and status with `$sum: 1`, answered from a `communityId+status…` index alone; summed over the communities.
 */
export async function countsByStatus(ctx: Ctx, communityIds: string[]): Promise<Record<WishStatus, number>> {
  const _ = ctx.db.command
  const res = await ctx.db
    .collection(WISHES)
    .aggregate()
    .match({ communityId: communityIds.length === 1 ? communityIds[0] : _.in(communityIds) })
    .group({ _id: { communityId: '$communityId', status: '$status' }, n: { $sum: 1 } })
    .limit(MAX_GROUPS)
    .end()
  const byStatus = Object.fromEntries(ALL_STATUSES.map((s) => [s, 0])) as Record<WishStatus, number>
  for (const { _id, n } of res.list as { _id: { status: WishStatus }; n: number }[]) if (_id.status in byStatus) byStatus[_id.status] += n
  return byStatus
}

/**
 * Staff: the wish figures of their communities (or the one named), without reading the collection
 * (docs/ARCHITECTURE.md, "Statistics that do not scan"):
 * - counts by status: ONE aggregate, `$match` on communityId then `$group` on communityId and status with
 *   `$sum: 1`, which the database answers from a `communityId+status…` index alone, reading its entries in index
 *   order (grouping on the index's leading keys needs no sort); summed here over the communities;
 * - the medians and the recent fulfilments: ONE bounded read on the `fulfilled` index (communityId, status,
 *   fulfilledAt): the wishes fulfilled in the last 90 days, newest first, at most 1,000, only three timestamps.
 *   The 7- and 30-day counts are taken from that sample when it reaches back past the day that starts the
 *   window; when the cap binds sooner, a `count()` on the same index answers instead.
 * Database requests: user + 2 (+1 per count the cap left open, +1 communities for an admin on a cold instance).
 */
export async function stats(input: ParsedInputOf<'wish', 'stats'>, ctx: Ctx): Promise<WishStats> {
  const communityIds = await staffScope(ctx, input.communityId)
  const _ = ctx.db.command
  const col = ctx.db.collection(WISHES)
  const communityId = communityIds.length === 1 ? communityIds[0] : _.in(communityIds)
  const since = (days: number) => new Date(ctx.now.getTime() - days * DAY_MS)
  const fulfilledSince = (days: number) => ({ communityId, status: _.in(FULFILLED), fulfilledAt: _.gte(since(days)) })
  const { windowDays, sampleMax } = WISH_STATS_SAMPLE
  const [byStatus, sampleRes] = await Promise.all([
    countsByStatus(ctx, communityIds),
    col.where(fulfilledSince(windowDays)).orderBy('fulfilledAt', 'desc').limit(sampleMax).field({ publishedAt: true, claimedAt: true, fulfilledAt: true }).get(),
  ])
  const sample = sampleRes.data as Sampled[]
  const capped = sample.length >= sampleMax
  const oldest = sample.length ? sample[sample.length - 1].fulfilledAt : undefined
  /** Fulfilments in the last `days` days: from the sample when it holds all of them, else an index-only count. */
  const recent = async (days: number): Promise<number> => {
    const from = since(days)
    if (!capped || (oldest && oldest < from)) return sample.filter((w) => w.fulfilledAt && w.fulfilledAt >= from).length
    return (await col.where(fulfilledSince(days)).count()).total
  }
  const [in7, in30] = await Promise.all([recent(7), recent(30)])
  return {
    communityIds,
    byStatus,
    fulfilledLast7Days: in7,
    fulfilledLast30Days: in30,
    medianDaysToClaim: median(sample.map((w) => daysBetween(w.publishedAt, w.claimedAt))),
    medianDaysToFulfil: median(sample.map((w) => daysBetween(w.publishedAt, w.fulfilledAt))),
    medianSample: { windowDays, size: sample.length, capped },
  }
}
