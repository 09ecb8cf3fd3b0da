import type { WishStatus } from '../../../src/contracts'
import type { WorkbenchSource } from '../../lib/workbench'
import { overdueClaims, PUBLISHED, WISHES } from './doc'

/** Rows of the status/report-count aggregate. */
type Row = { _id: { status: WishStatus; reportCount: number }; n: number }

/** Distinct (status, report count) pairs are few; CloudBase returns 20 aggregate rows unless told. */
const MAX_ROWS = 1000

/**
 * The workbench's wish tiles, the same sets as the staff queues (staff.ts `queue`), in 2 database requests,
 * each answered from an index alone:
 * - to review and reported: ONE aggregate on the `reported` index (communityId, status, reportCount), `$match`
 *   on communityId and status, `$group` on status and report count with `$sum: 1`;
 * - overdue: ONE `count()` with the overdue queue's own conditions (`overdueClaims`) on the `overdue` index.
 */
export const wishWorkbench: WorkbenchSource<'wishPending' | 'wishReported' | 'wishOverdue'> = {
  queues: ['wishPending', 'wishReported', 'wishOverdue'],
  async count(ctx, communityIds) {
    const _ = ctx.db.command
    const col = ctx.db.collection(WISHES)
    const communityId = communityIds.length === 1 ? communityIds[0] : _.in(communityIds)
    const [grouped, overdue] = await Promise.all([
      col
        .aggregate()
        .match({ communityId, status: _.in(['pending_review', ...PUBLISHED]) })
        .group({ _id: { status: '$status', reportCount: '$reportCount' }, n: { $sum: 1 } })
        .limit(MAX_ROWS)
        .end(),
      col.where({ communityId, ...overdueClaims(ctx) }).count(),
    ])
    let wishPending = 0
    let wishReported = 0
    for (const { _id, n } of grouped.list as Row[]) {
      if (_id.status === 'pending_review') wishPending += n
      else if (_id.reportCount > 0) wishReported += n
    }
    return { wishPending, wishReported, wishOverdue: overdue.total }
  },
}
