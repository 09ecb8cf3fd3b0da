// One home for a community's occurrences over a range of China days (the week's view, the poster): the active
// activities (index byCommunity) + the range's stored occurrences (index week), expanded with `expand` +
// `applyStored`. Two requests, side by side.
import type { PosterWeek } from '../../../src/contracts/elder/rules'
import type { Ctx } from '../../lib/context'
import { addDays, mondayOf } from '../../lib/dates'
import { ELD_ACTIVITIES, ELD_OCCURRENCES, type ActivityDoc, type OccurrenceDoc } from './model'
import { applyStored, expand, type Occurrence } from './recurrence'

/** Active activities one community may hold (a station runs a few dozen; the bench's largest has 30). */
const MAX_ACTIVITIES = 200
/** Stored occurrences one week of one community may hold. */
const MAX_STORED = 1000

/** This or next China week (Monday first) around `today`: its first and last day. */
export function weekRange(today: string, week: PosterWeek): { from: string; to: string } {
  const from = addDays(mondayOf(today), week === 'next' ? 7 : 0)
  return { from, to: addDays(from, 6) }
}

/** An occurrence with its activity. */
export type RangeOccurrence = Occurrence & { activity: Pick<ActivityDoc, '_id' | 'title' | 'category' | 'host'> }

/**
 * The community's active activities' occurrences on `from`..`to`, exceptions applied, in time order. Each carries
 * its stored document (`stored`, sign-ups included) when there is one: the caller decides what of it to show.
 */
export async function occurrencesBetween(ctx: Pick<Ctx, 'db'>, communityId: string, from: string, to: string): Promise<RangeOccurrence[]> {
  const _ = ctx.db.command
  const [acts, stored] = await Promise.all([
    ctx.db
      .collection(ELD_ACTIVITIES)
      .where({ communityId, status: 'active' })
      .orderBy('updatedAt', 'desc')
      .field({ title: true, category: true, host: true, segments: true, communityId: true })
      .limit(MAX_ACTIVITIES)
      .get(),
    ctx.db
      .collection(ELD_OCCURRENCES)
      .where({ communityId, day: _.gte(from).and(_.lte(to)) })
      .limit(MAX_STORED)
      .get(),
  ])
  const docs = stored.data as OccurrenceDoc[]
  const out: RangeOccurrence[] = []
  for (const a of acts.data as ActivityDoc[]) {
    for (const o of applyStored(expand(a, from, to), docs)) out.push({ ...o, activity: { _id: a._id, title: a.title, category: a.category, host: a.host } })
  }
  return out.sort((x, y) => x.startAt.getTime() - y.startAt.getTime())
}
