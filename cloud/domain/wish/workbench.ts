import type { WorkbenchSource } from '../../lib/workbench'
import { wishCounters } from './counters'
import { overdueClaims, WISHES } from './doc'

/**
 * The workbench's wish tiles, the same sets as the staff queues (staff.ts `queue`), in 1 database request of its
 * own, neither reading a wish:
 * - to review and reported: the communities' counter documents (counters.ts: `pending_review`, and `reported` =
 *   published with reports), read by the workbench with every domain's counters in ONE request (`counters`);
 * - overdue: ONE `count()` with the overdue queue's own conditions (`overdueClaims`) on the `overdue` index. It is
 *   a count, not a counter, because a claim becomes overdue by the clock, with no write; the index range holds
 *   only the claims past their promised day.
 */
export const wishWorkbench: WorkbenchSource<'wishPending' | 'wishReported' | 'wishOverdue'> = {
  queues: ['wishPending', 'wishReported', 'wishOverdue'],
  counters: [wishCounters],
  async count(ctx, communityIds, countsOf) {
    const _ = ctx.db.command
    const communityId = communityIds.length === 1 ? communityIds[0] : _.in(communityIds)
    const overdue = await ctx.db
      .collection(WISHES)
      .where({ communityId, ...overdueClaims(ctx) })
      .count()
    const counts = countsOf(wishCounters.domain)
    return { wishPending: counts.pending_review ?? 0, wishReported: counts.reported ?? 0, wishOverdue: overdue.total }
  },
}
