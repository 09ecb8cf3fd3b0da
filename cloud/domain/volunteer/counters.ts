// The volunteer service's counters (cloud/lib/counters.ts; docs/ARCHITECTURE.md "Volunteer service — workbench and
// statistics"): one counter document per community and source (`stats_volSlots_<c>`, `stats_volDisputes_<c>`,
// `stats_volCertificates_<c>`), moved each minute by the tally jobs, made true daily by the reconciles.
import { loadCommunities } from '../../lib/communities'
import type { Database } from '../../lib/cloud'
import { reconcileJob, tallyJob, type Counts, type TallySource } from '../../lib/counters'
import type { Job } from '../../lib/jobs'
import { VOL_CERTIFICATES, VOL_DISPUTES, VOL_SLOTS, type CertificateDoc, type DisputeDoc, type SlotDoc } from './model'
import { certificateTallies, disputeTallies, slotTallies } from './tallies'

/** Slots read per page by the slots' recount (each holds its shifts). */
const SLOT_PAGE = 100
/** Rows of a grouped count: one per community. */
const MAX_ROWS = 1000

type Ctx = { db: Database; now: Date }

const inScope = (ctx: Ctx, ids: string[]) => (ids.length === 1 ? ids[0] : ctx.db.command.in(ids))

/**
 * The slots' true counts: the slots with a checked-out shift (index `toConfirm`: communityId, shifts.status, endAt),
 * paged, only their shifts. Bounded by the shifts waiting for a decision, not by the collection.
 */
async function recountSlots(ctx: Ctx, communityIds: string[]): Promise<Map<string, Counts>> {
  const out = new Map<string, Counts>()
  if (!communityIds.length) return out
  const col = ctx.db.collection(VOL_SLOTS)
  for (let skip = 0; ; skip += SLOT_PAGE) {
    const page = await col
      .where({ communityId: inScope(ctx, communityIds), 'shifts.status': 'checked_out' })
      .orderBy('endAt', 'asc')
      .orderBy('_id', 'asc')
      .skip(skip)
      .limit(SLOT_PAGE)
      .field({ communityId: true, shifts: true })
      .get()
    for (const s of page.data as Pick<SlotDoc, 'communityId' | 'shifts'>[]) {
      const counts = out.get(s.communityId) ?? out.set(s.communityId, {}).get(s.communityId)!
      for (const k of slotTallies(s)) counts[k] = (counts[k] ?? 0) + 1
    }
    if (page.data.length < SLOT_PAGE) return out
  }
}

/** A one-status queue's true counts (disputes open, certificates requested): ONE grouped count on its `queue` index. */
function recountQueue(collection: string, status: string, counter: string) {
  return async (ctx: Ctx, communityIds: string[]): Promise<Map<string, Counts>> => {
    const out = new Map<string, Counts>()
    if (!communityIds.length) return out
    const grouped = await ctx.db
      .collection(collection)
      .aggregate()
      .match({ communityId: inScope(ctx, communityIds), status })
      .group({ _id: '$communityId', n: { $sum: 1 } })
      .limit(MAX_ROWS)
      .end()
    for (const { _id, n } of grouped.list as { _id: string; n: number }[]) out.set(_id, { [counter]: n })
    return out
  }
}

type Tallied<D> = D & { communityId: string; untallied?: string; tallied?: string[] }

/** Slots: shifts to confirm and flagged check-outs. */
export const slotCounters: TallySource<Tallied<Pick<SlotDoc, 'shifts'>>> = {
  domain: 'volSlots',
  collection: VOL_SLOTS,
  fields: { shifts: true },
  tallies: slotTallies,
  recount: recountSlots,
}

/** Disputes open. */
export const disputeCounters: TallySource<Tallied<Pick<DisputeDoc, 'status'>>> = {
  domain: 'volDisputes',
  collection: VOL_DISPUTES,
  fields: { status: true },
  tallies: disputeTallies,
  recount: recountQueue(VOL_DISPUTES, 'open', 'disputesOpen'),
}

/** Certificate requests waiting. */
export const certificateCounters: TallySource<Tallied<Pick<CertificateDoc, 'status'>>> = {
  domain: 'volCertificates',
  collection: VOL_CERTIFICATES,
  fields: { status: true },
  tallies: certificateTallies,
  recount: recountQueue(VOL_CERTIFICATES, 'requested', 'certificatesRequested'),
}

const communityIdsOf = async (ctx: { db: Database }) => (await loadCommunities(ctx.db)).map((c) => c._id)

/** The counters' jobs: a tally (each minute) and a reconcile (daily) per source. */
export const volunteerCounterJobs: readonly Job[] = [
  tallyJob(slotCounters, 'volSlotsTally'),
  tallyJob(disputeCounters, 'volDisputesTally'),
  tallyJob(certificateCounters, 'volCertificatesTally'),
  reconcileJob(slotCounters, 'volSlotsCounters', communityIdsOf),
  reconcileJob(disputeCounters, 'volDisputesCounters', communityIdsOf),
  reconcileJob(certificateCounters, 'volCertificatesCounters', communityIdsOf),
]
