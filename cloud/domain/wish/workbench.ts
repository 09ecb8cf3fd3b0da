import type { WishStatus } from '../../../src/contracts'
import type { WishClaim } from '../../lib/model'
import type { WorkbenchSource } from '../../lib/workbench'
import { isOverdue, PUBLISHED, WISHES } from './doc'

/** Rows of the pending/claimed aggregate: one per status and promised day. */
type Row = { _id: { status?: WishStatus; promisedBy?: string | null }; n: number }

/** Distinct promised days of claimed wishes are far fewer; CloudBase returns 20 aggregate rows unless told. */
const MAX_ROWS = 1000

/**
 * The workbench's wish tiles, the same sets as the staff queues (staff.ts `queue`), in 2 database requests:
 * - to review and overdue: ONE aggregate on the `overdue` index (communityId, status, claim.promisedBy),
 *   `$match` on communityId and status, `$group` on status and promised day with `$sum: 1`; a claimed row is
 *   overdue by `isOverdue`, the wish domain's one definition (the overdue queue and job use the same rule);
 * - reported: ONE `count()` on the `reported` index (published, reportCount > 0).
 */
export const wishWorkbench: WorkbenchSource<'wishPending' | 'wishReported' | 'wishOverdue'> = {
  queues: ['wishPending', 'wishReported', 'wishOverdue'],
  async count(ctx, communityIds) {
    const _ = ctx.db.command
    const col = ctx.db.collection(WISHES)
    const communityId = communityIds.length === 1 ? communityIds[0] : _.in(communityIds)
    const [grouped, reported] = await Promise.all([
      col
        .aggregate()
        .match({ communityId, status: _.in(['pending_review', 'claimed']) })
        .group({ _id: { status: '$status', promisedBy: '$claim.promisedBy' }, n: { $sum: 1 } })
        .limit(MAX_ROWS)
        .end(),
      col.where({ communityId, status: _.in([...PUBLISHED]), reportCount: _.gt(0) }).count(),
    ])
    let wishPending = 0
    let wishOverdue = 0
    for (const { _id, n } of grouped.list as Row[]) {
      if (_id.status === 'pending_review') wishPending += n
      else if (_id.status && isOverdue({ status: _id.status, claim: _id.promisedBy ? ({ promisedBy: _id.promisedBy } as WishClaim) : undefined }, ctx.now)) wishOverdue += n
    }
    return { wishPending, wishReported: reported.total, wishOverdue }
  },
}
