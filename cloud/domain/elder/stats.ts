import type { ParsedInputOf } from '../../../src/contracts'
import type { ElderMonthStats } from '../../../src/contracts/elder/onsite'
import { ACTIVITY_CATEGORIES, PERSON_TIMES_REFRESH_MINUTES, type ActivityCategory } from '../../../src/contracts/elder/rules'
import type { Ctx } from '../../lib/context'
import { readCounts } from '../../lib/counters'
import { personTimesCounters } from './counters'
import { ELD_ACTIVITIES, type ActivityDoc } from './model'
import { staffCommunity } from './onsite/common'
import { personTimesPrefix } from './tallies'

/**
 * Staff in scope: person-times (人次) of a month in one community, by activity and by category, from the counter
 * document (counts up to a minute old). Database requests: the user, the counter document, the month's activities
 * by _id (their titles and categories): 3 (a community without a counter document yet is recounted instead).
 */
export async function monthStats(input: ParsedInputOf<'elder', 'monthStats'>, ctx: Ctx): Promise<ElderMonthStats> {
  const communityId = await staffCommunity(ctx, input.communityId)
  const counts = (await readCounts(ctx, personTimesCounters, [communityId])).get(communityId) ?? {}
  const prefix = personTimesPrefix(input.month)
  const perActivity = new Map<string, number>()
  for (const [k, n] of Object.entries(counts)) if (k.startsWith(prefix) && n > 0) perActivity.set(k.slice(prefix.length), n)
  const ids = [...perActivity.keys()]
  const activities = new Map<string, Pick<ActivityDoc, '_id' | 'title' | 'category'>>()
  if (ids.length) {
    const _ = ctx.db.command
    const res = await ctx.db
      .collection(ELD_ACTIVITIES)
      .where({ _id: ids.length === 1 ? ids[0] : _.in(ids) })
      .field({ title: true, category: true })
      .limit(ids.length)
      .get()
    for (const a of res.data as Pick<ActivityDoc, '_id' | 'title' | 'category'>[]) activities.set(a._id, a)
  }
  const byCategory = new Map<ActivityCategory, number>(ACTIVITY_CATEGORIES.map((c) => [c, 0]))
  const byActivity = ids.map((activityId) => {
    const a = activities.get(activityId)
    const category: ActivityCategory = a?.category ?? '其他'
    const count = perActivity.get(activityId)!
    byCategory.set(category, (byCategory.get(category) ?? 0) + count)
    return { activityId, title: a?.title ?? '（未知活动）', category, count }
  })
  byActivity.sort((x, y) => y.count - x.count || x.title.localeCompare(y.title))
  return {
    communityId,
    month: input.month,
    total: byActivity.reduce((n, a) => n + a.count, 0),
    byCategory: [...byCategory].map(([category, count]) => ({ category, count })),
    byActivity,
    refreshMinutes: PERSON_TIMES_REFRESH_MINUTES,
  }
}
