import type { ParsedInputOf, WishStats, WishStatus } from '../../../src/contracts'
import type { Ctx } from '../../lib/context'
import { DAY_MS } from '../../lib/dates'
import { WISHES } from './doc'
import { staffScope } from './staff'

const ALL_STATUSES: WishStatus[] = ['pending_review', 'rejected', 'open', 'claimed', 'fulfilled', 'closed', 'cancelled', 'hidden']

/** The median of a list of numbers, rounded to 0.1, or null when empty. */
export function median(xs: number[]): number | null {
  const v = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b)
  if (!v.length) return null
  const m = v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2
  return Math.round(m * 10) / 10
}

/**
 * Staff: the wish figures of their communities (or the one named). Two aggregations side by side, each on
 * the `wall` index's communityId prefix: counts by status; and, over claimed/fulfilled/closed wishes, the
 * days from publishing to claim and to fulfilment (medians computed here) and the fulfilments in the last
 * 7 and 30 days. Database requests: user + 2 aggregations (+ communities for an admin on a cold instance).
 */
export async function stats(input: ParsedInputOf<'wish', 'stats'>, ctx: Ctx): Promise<WishStats> {
  const communityIds = await staffScope(ctx, input.communityId)
  const _ = ctx.db.command
  const col = ctx.db.collection(WISHES)
  const inScope = communityIds.length === 1 ? communityIds[0] : _.in(communityIds)
  const since7 = new Date(ctx.now.getTime() - 7 * DAY_MS)
  const since30 = new Date(ctx.now.getTime() - 30 * DAY_MS)
  // A missing fulfilledAt sorts below every date (BSON order), so it never counts as recent.
  const recent = (since: Date) => ({ $cond: [{ $gte: ['$fulfilledAt', since] }, 1, 0] })
  const [byStatusRes, timesRes] = await Promise.all([
    col
      .aggregate()
      .match({ communityId: inScope })
      .group({ _id: '$status', n: { $sum: 1 } })
      .end(),
    col
      .aggregate()
      .match({ communityId: inScope, status: _.in(['claimed', 'fulfilled', 'closed']) })
      .project({
        toClaim: { $divide: [{ $subtract: ['$claimedAt', '$publishedAt'] }, DAY_MS] },
        toFulfil: { $cond: [{ $ifNull: ['$fulfilledAt', false] }, { $divide: [{ $subtract: ['$fulfilledAt', '$publishedAt'] }, DAY_MS] }, null] },
        in7: recent(since7),
        in30: recent(since30),
      })
      .group({ _id: null, toClaim: { $push: '$toClaim' }, toFulfil: { $push: '$toFulfil' }, in7: { $sum: '$in7' }, in30: { $sum: '$in30' } })
      .end(),
  ])
  const byStatus = Object.fromEntries(ALL_STATUSES.map((s) => [s, 0])) as Record<WishStatus, number>
  for (const row of byStatusRes.list as { _id: WishStatus; n: number }[]) if (row._id in byStatus) byStatus[row._id] = row.n
  const t = (timesRes.list[0] ?? {}) as { toClaim?: (number | null)[]; toFulfil?: (number | null)[]; in7?: number; in30?: number }
  return {
    communityIds,
    byStatus,
    fulfilledLast7Days: t.in7 ?? 0,
    fulfilledLast30Days: t.in30 ?? 0,
    medianDaysToClaim: median((t.toClaim ?? []) as number[]),
    medianDaysToFulfil: median((t.toFulfil ?? []) as number[]),
  }
}
