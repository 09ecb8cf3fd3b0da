// The week's view (本周 / 下周 / 今天, issue 12, part A): a community's active activities and the week's stored
// occurrences, expanded in memory with the recurrence, grouped by China day, today first.
import type { WeekActivity, WeekDay, WeekItem } from '../../../../src/contracts/elder/activities'
import type { OutputOf, ParsedInputOf } from '../../../../src/contracts'
import { readUser, requireSignedUp, type Ctx } from '../../../lib/context'
import { isoWeekdayOf } from '../../../../src/contracts/weekdays'
import { addDays, chinaDay, chinaTime } from '../../../lib/dates'
import { occurrencesBetween, weekRange } from '../occurrences'
import type { Occurrence } from '../recurrence'

/** My status on an occurrence: signed up myself, and the names of the elders I signed up. Never anyone else's. */
function myStatus(o: Occurrence, openid: string): WeekItem['mine'] {
  if (!openid || !o.stored) return undefined
  const me = `u:${openid}`
  let self = false
  const others: string[] = []
  for (const s of o.stored.signups ?? []) {
    if (s.status !== 'signed_up') continue
    if (s.personKey === me) self = true
    else if (s.by === openid) others.push(s.name)
  }
  if (!self && !others.length) return undefined
  return { ...(self ? { self: true as const } : {}), ...(others.length ? { others } : {}) }
}

/** One occurrence of the view: times, place, places left, exceptions and my status. */
function toItem(o: Occurrence, ctx: Ctx): WeekItem {
  const mine = myStatus(o, ctx.openid)
  return {
    activityId: o.activityId,
    day: o.day,
    start: chinaTime(o.startAt),
    end: chinaTime(o.endAt),
    place: o.place,
    placesLeft: o.capacity === null ? null : Math.max(0, o.capacity - o.taken),
    signupRequired: o.signupRequired,
    ...(o.cancelled ? { cancelled: true as const } : {}),
    ...(o.moved ? { moved: true as const } : {}),
    ...(new Date(o.endAt).getTime() <= ctx.now.getTime() ? { ended: true as const } : {}),
    ...(mine ? { mine } : {}),
  }
}

/**
 * The week of a community (default the caller's): this week from today on (the days already past are dropped: an
 * elder looks ahead), next week Monday to Sunday, or today only. Public: the schedule is on the notice board; no
 * name but those of the elders I signed up myself. Database requests: the community's active activities (index
 * byCommunity) + the week's stored occurrences (index week: communityId + day) = 2, side by side; +1 (the user)
 * when no communityId is given.
 */
export async function week(input: ParsedInputOf<'elder', 'week'>, ctx: Ctx): Promise<OutputOf<'elder', 'week'>> {
  let communityId = input.communityId
  if (!communityId) {
    const c: Ctx = { ...ctx, user: await readUser(ctx.db, ctx.openid) }
    requireSignedUp(c)
    communityId = c.user.communityId
  }
  const today = chinaDay(ctx.now)
  // Today is in this week, whatever `week` says.
  const choice = input.todayOnly ? 'this' : (input.week ?? 'this')
  const { from: monday, to: sunday } = weekRange(today, choice)
  const byDay = new Map<string, WeekItem[]>()
  const used: Record<string, WeekActivity> = {}
  const first = choice === 'this' ? today : monday
  const last = input.todayOnly ? today : sunday
  for (const o of await occurrencesBetween(ctx, communityId, monday, sunday)) {
    const day = chinaDay(o.startAt)
    if (day < first || day > last) continue
    const items = byDay.get(day) ?? []
    items.push(toItem(o, ctx))
    byDay.set(day, items)
    const a = o.activity
    used[a._id] ??= { title: a.title, category: a.category, host: a.host }
  }
  const days: WeekDay[] = []
  for (let d = first; d <= last; d = addDays(d, 1)) {
    const items = (byDay.get(d) ?? []).sort((x, y) => x.start.localeCompare(y.start))
    days.push({ day: d, weekday: isoWeekdayOf(d), items })
  }
  return { communityId, week: choice, from: monday, to: sunday, today, activities: used, days }
}
