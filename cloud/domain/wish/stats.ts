import { WISH_STATS_SAMPLE, type ParsedInputOf, type WishStats } from '../../../src/contracts'
import type { Ctx } from '../../lib/context'
import { DAY_MS } from '../../lib/dates'
import type { WishDoc } from '../../lib/model'
import { byStatusOf, fulfilledInDays, wishCounts } from './counters'
import { FULFILLED } from './tallies'
import { WISHES } from './doc'
import { staffScope } from '../../lib/staffScope'

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
 * Staff: the wish figures of their communities (or the one named), without reading the collection
 * (docs/ARCHITECTURE.md, "Statistics that do not scan"):
 * - counts by status and the fulfilments of the last 7 and 30 China days (today included): ONE read of the
 *   communities' counter documents (`stats_wish_<community>`, counters.ts), moved each minute by the tally job;
 * - the medians: ONE bounded read on the `fulfilled` index (communityId, status, fulfilledAt): the wishes fulfilled
 *   in the last 90 days, newest first, at most WISH_STATS_SAMPLE.sampleMax, only three timestamps.
 * Database requests: user + 2 (+1 communities for an admin on a cold instance; +2 before the first reconcile).
 */
export async function stats(input: ParsedInputOf<'wish', 'stats'>, ctx: Ctx): Promise<WishStats> {
  const communityIds = await staffScope(ctx, input.communityId)
  const _ = ctx.db.command
  const { windowDays, sampleMax } = WISH_STATS_SAMPLE
  const [counts, sampleRes] = await Promise.all([
    wishCounts(ctx, communityIds),
    ctx.db
      .collection(WISHES)
      .where({
        communityId: communityIds.length === 1 ? communityIds[0] : _.in(communityIds),
        status: _.in([...FULFILLED]),
        fulfilledAt: _.gte(new Date(ctx.now.getTime() - windowDays * DAY_MS)),
      })
      .orderBy('fulfilledAt', 'desc')
      .limit(sampleMax)
      .field({ publishedAt: true, claimedAt: true, fulfilledAt: true })
      .get(),
  ])
  const sample = sampleRes.data as Sampled[]
  return {
    communityIds,
    byStatus: byStatusOf(counts),
    fulfilledLast7Days: fulfilledInDays(counts, ctx.now, 7),
    fulfilledLast30Days: fulfilledInDays(counts, ctx.now, 30),
    medianDaysToClaim: median(sample.map((w) => daysBetween(w.publishedAt, w.claimedAt))),
    medianDaysToFulfil: median(sample.map((w) => daysBetween(w.publishedAt, w.fulfilledAt))),
    medianSample: { windowDays, size: sample.length, capped: sample.length >= sampleMax },
  }
}
