// Person-times counters (cloud/lib/counters.ts): one document per community (`stats_eldPt_<c>`), counts by
// `pt<YYYYMM>_<activityId>`, moved each minute by the tally job from the occurrences' `untallied` tokens.
import type { Database } from '../../lib/cloud'
import { tallyJob, type Counts, type TallySource } from '../../lib/counters'
import type { Job } from '../../lib/jobs'
import { ELD_OCCURRENCES, type OccurrenceDoc } from './model'
import { occurrenceTallies } from './tallies'

/** Occurrences read per page by the recount. */
const PAGE = 100

type Ctx = { db: Database; now: Date }

/**
 * The true counts: the community's occurrences with anyone present (index `attended`: communityId, checkins > 0),
 * paged, only the fields the tallies read. Run when a community has no counter document yet (the tally job then
 * creates it); bounded by the occurrences that had people present, not by the collection.
 */
async function recount(ctx: Ctx, communityIds: string[]): Promise<Map<string, Counts>> {
  const out = new Map<string, Counts>()
  if (!communityIds.length) return out
  const _ = ctx.db.command
  for (let skip = 0; ; skip += PAGE) {
    const page = await ctx.db
      .collection(ELD_OCCURRENCES)
      .where({ communityId: communityIds.length === 1 ? communityIds[0] : _.in(communityIds), checkins: _.gt(0) })
      .orderBy('checkins', 'asc')
      .orderBy('_id', 'asc')
      .skip(skip)
      .limit(PAGE)
      .field({ communityId: true, day: true, activityId: true, signups: true, walkIns: true })
      .get()
    for (const o of page.data as Pick<OccurrenceDoc, 'communityId' | 'day' | 'activityId' | 'signups' | 'walkIns'>[]) {
      const counts = out.get(o.communityId) ?? out.set(o.communityId, {}).get(o.communityId)!
      for (const k of occurrenceTallies(o)) counts[k] = (counts[k] ?? 0) + 1
    }
    if (page.data.length < PAGE) return out
  }
}

type Tallied = Pick<OccurrenceDoc, 'day' | 'activityId' | 'signups' | 'walkIns'> & { communityId: string; untallied?: string; tallied?: string[] }

/** Person-times by month and activity. */
export const personTimesCounters: TallySource<Tallied> = {
  domain: 'eldPt',
  collection: ELD_OCCURRENCES,
  fields: { day: true, activityId: true, signups: true, walkIns: true },
  tallies: occurrenceTallies,
  recount,
}

/**
 * The tally job (each minute). No daily reconcile: person-times only ever grow with check-ins, and a recount reads
 * every attended occurrence of the community's history (it runs once, when the document is first created).
 */
export const elderCounterJobs: readonly Job[] = [tallyJob(personTimesCounters, 'eldPersonTimesTally')]
