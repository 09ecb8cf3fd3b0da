import type { ParsedInputOf } from '../../../../src/contracts'
import type { ElderPoster, PosterItem } from '../../../../src/contracts/elder/onsite'
import { findCommunity } from '../../../lib/communities'
import type { Ctx } from '../../../lib/context'
import { chinaDay, chinaTime } from '../../../lib/dates'
import { storedUnlimitedCode } from '../../../lib/wxacode'
import { staffCommunity } from './common'
import { occurrencesBetween, weekRange } from '../occurrences'

/** The page the poster's code opens: the elders' week (its scene names the community). */
export const WEEK_PAGE = 'packages/elder/pages/week/index'

/**
 * Staff in scope: the printable week of a community — its name, the week's range, each day's occurrences (time,
 * title, place, host; cancelled ones kept and marked, so the notice board says so), and the week page's
 * mini-program code (scene `c=<communityId>`) as a temporary URL. Database requests: the user, the communities (a
 * cold instance only), the activities and the week's stored occurrences side by side: ≤ 4.
 */
export async function poster(input: ParsedInputOf<'elder', 'poster'>, ctx: Ctx): Promise<ElderPoster> {
  const communityId = await staffCommunity(ctx, input.communityId)
  const { from, to } = weekRange(chinaDay(ctx.now), input.week)
  const [community, occurrences] = await Promise.all([findCommunity(ctx.db, communityId), occurrencesBetween(ctx, communityId, from, to)])
  const days = new Map<string, PosterItem[]>()
  for (const o of occurrences) {
    const item: PosterItem = {
      activityId: o.activityId,
      time: chinaTime(o.startAt),
      title: o.activity.title,
      place: o.place,
      host: o.activity.host,
      cancelled: o.cancelled,
      moved: o.moved,
    }
    const list = days.get(o.day) ?? days.set(o.day, []).get(o.day)!
    list.push(item)
  }
  const code = { page: WEEK_PAGE, scene: `c=${communityId}` }
  const { url } = await storedUnlimitedCode('elder', code)
  return {
    communityId,
    communityName: community?.name ?? '',
    week: input.week,
    from,
    to,
    days: [...days].sort(([a], [b]) => a.localeCompare(b)).map(([day, items]) => ({ day, items })),
    code: { ...code, url },
  }
}
