import type { Job } from '../../lib/jobs'
import type { WishDoc } from '../../lib/model'
import { reconcileWishCounters, tallyWishCounters } from './counters'
import { overdueClaims, WISHES } from './doc'

/** Claims flagged per run; more are left for the next run (`more`). */
const BATCH = 100

/**
 * Job: flags overdue claims — exactly the claims the staff `overdue` queue shows (the same conditions,
 * overdueClaims) — by setting `claim.overdueAt` once. Flagging, not releasing: staff still decide (release, or
 * ask the volunteer), the queue keeps showing the claim, and the flag goes when the claim ends (release
 * unsets `claim`; fulfilment leaves the `claimed` status). One indexed read (`overdueDue`: status,
 * claim.promisedBy) and, when any are found, one conditional update of those not yet flagged: a second,
 * overlapping run finds them flagged and updates none.
 */
const flagOverdueClaims: Job = {
  name: 'wishOverdueClaims',
  everyMinutes: 60,
  async run(ctx) {
    const _ = ctx.db.command
    const where = { ...overdueClaims(ctx), 'claim.overdueAt': _.exists(false) }
    const col = ctx.db.collection(WISHES)
    const found = await col.where(where).orderBy('claim.promisedBy', 'asc').limit(BATCH).field({ _id: true }).get()
    const ids = (found.data as Pick<WishDoc, '_id'>[]).map((w) => w._id)
    if (!ids.length) return { done: 0 }
    const res = await col.where({ ...where, _id: _.in(ids) }).update({ data: { 'claim.overdueAt': ctx.now } })
    return { done: res.stats.updated, ids, more: ids.length === BATCH }
  },
}

/** The wish domain's scheduled jobs (run by the `scheduler` function). */
export const wishJobs: readonly Job[] = [flagOverdueClaims, tallyWishCounters, reconcileWishCounters]
