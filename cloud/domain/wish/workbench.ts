import type { WorkbenchSource } from '../../lib/workbench'
import { wishCounts } from './counters'
import { overdueClaims, WISHES } from './doc'

/**
 * The workbench's wish tiles, the same sets as the staff queues (staff.ts `queue`), in 2 database requests,
 * neither reading a wish:
 * - to review and reported: the communities' counter documents (counters.ts: `pending_review`, and `reported` =
 *   published with reports), ONE read; a community without a document yet is counted from the index;
 * - overdue: ONE `count()` with the overdue queue's own conditions (`overdueClaims`) on the `overdue` index. It is
 *   a count, not a counter, because a claim becomes overdue by the clock, with no write; the index range holds
 *   only the claims past their promised day.
 */
export const wishWorkbench: WorkbenchSource<'wishPending' | 'wishReported' | 'wishOverdue'> = {
  queues: ['wishPending', 'wishReported', 'wishOverdue'],
  async count(ctx, communityIds) {
    const _ = ctx.db.command
    const communityId = communityIds.length === 1 ? communityIds[0] : _.in(communityIds)
    const [counts, overdue] = await Promise.all([
      wishCounts(ctx, communityIds),
      ctx.db
        .collection(WISHES)
        .where({ communityId, ...overdueClaims(ctx) })
        .count(),
    ])
    return { wishPending: Math.max(0, counts.pending_review ?? 0), wishReported: Math.max(0, counts.reported ?? 0), wishOverdue: overdue.total }
  },
}
