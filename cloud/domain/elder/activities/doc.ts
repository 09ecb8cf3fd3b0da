// Shared pieces of elder activities (issue 12, part A): loading an activity, rule segments from the form, China weeks,
// how activities and occurrences are shown to staff, and the notice to those signed up when an occurrence changes.
import { createHash } from 'crypto'
import type { ActivityCard, ActivityView, ElderCallEntry, RuleSegmentView, StaffOccurrence } from '../../../../src/contracts/elder/activities'
import { ruleSummary, type OccurrenceStaffAction } from '../../../../src/contracts/elder/rules'
import type { Weekday } from '../../../../src/contracts/weekdays'
import type { Ctx } from '../../../lib/context'
import { chinaDay, chinaTime, iso } from '../../../lib/dates'
import { HandlerError, invalidField } from '../../../lib/errors'
import { sendSubscribeMessage } from '../../../lib/notify'
import { ELD_ACTIVITIES, type ActivityDoc, type OccurrenceDoc, type RuleSegment } from '../model'
import type { Occurrence } from '../recurrence'
import { templateId } from '../../../lib/templates'

/** A document id derived from the caller and the requestId, so a retried create finds its own. */
export function derivedId(prefix: string, openid: string, requestId: string): string {
  return `${prefix}${createHash('sha256').update(`${prefix}:${openid}:${requestId}`).digest('hex').slice(0, 24)}`
}

/** One activity by id, or NOT_FOUND. */
export async function loadActivity(ctx: Ctx, id: string): Promise<ActivityDoc> {
  const a = (await ctx.db.collection(ELD_ACTIVITIES).doc(id).get()).data as ActivityDoc | null
  if (!a) throw new HandlerError('NOT_FOUND', '没有找到这个活动')
  return a
}

/** The form's rule as a stored segment, or the refusal (field paths under `rule`). */
export function toSegment(rule: {
  kind: RuleSegment['kind']
  weekdays?: number[]
  nth?: number
  weekday?: number
  from: string
  startTime: string
  durationMin: number
  place: string
  capacity: number | null
  signupRequired: boolean
}): RuleSegment {
  const base = { from: rule.from, startTime: rule.startTime, durationMin: rule.durationMin, place: rule.place, capacity: rule.capacity, signupRequired: rule.signupRequired }
  switch (rule.kind) {
    case 'daily':
      return { ...base, kind: 'daily' }
    case 'weekly': {
      const weekdays = [...new Set(rule.weekdays ?? [])].sort() as Weekday[]
      if (!weekdays.length) throw invalidField('rule.weekdays', '请至少选择一天')
      return { ...base, kind: 'weekly', weekdays }
    }
    case 'monthly_nth':
      if (!rule.nth) throw invalidField('rule.nth', '请选择每月第几个')
      if (!rule.weekday) throw invalidField('rule.weekday', '请选择星期几')
      return { ...base, kind: 'monthly_nth', nth: rule.nth, weekday: rule.weekday as Weekday }
    case 'once':
      return { ...base, kind: 'once', day: rule.from, until: rule.from }
  }
}

/** A segment as shown. */
function toSegmentView(s: RuleSegment): RuleSegmentView {
  return {
    from: s.from,
    ...(s.until ? { until: s.until } : {}),
    kind: s.kind,
    ...(s.weekdays ? { weekdays: s.weekdays } : {}),
    ...(s.nth ? { nth: s.nth } : {}),
    ...(s.weekday ? { weekday: s.weekday } : {}),
    startTime: s.startTime,
    durationMin: s.durationMin,
    place: s.place,
    capacity: s.capacity,
    signupRequired: s.signupRequired,
    summary: ruleSummary(s),
  }
}

/** The segment in force on `today`, else the next to start, else the last. */
function currentSegment(a: ActivityDoc, today: string): RuleSegment | undefined {
  const segs = a.segments
  return segs.find((s) => s.from <= today && (!s.until || s.until >= today)) ?? segs.find((s) => s.from > today) ?? segs[segs.length - 1]
}

/** An activity as its staff see it. */
export function toActivityView(a: ActivityDoc, today: string): ActivityView {
  const cur = currentSegment(a, today)
  return {
    id: a._id,
    communityId: a.communityId,
    title: a.title,
    category: a.category,
    host: a.host,
    description: a.description,
    status: a.status,
    rev: a.rev,
    summary: cur ? `${ruleSummary(cur)} · ${cur.place}${cur.until && cur.until < today ? '（已结束）' : ''}` : '',
    segments: a.segments.map(toSegmentView),
    updatedAt: iso(a.updatedAt),
  }
}

/** An activity in the staff list (no description, no segments). */
export function toActivityCard(a: ActivityDoc, today: string): ActivityCard {
  const { description: _d, segments: _s, ...card } = toActivityView(a, today)
  return card
}

/** What staff may still do with an occurrence: cancel or move it before it starts, unless cancelled. */
export function occurrenceActions(o: Pick<Occurrence, 'cancelled' | 'startAt'>, at: Date): OccurrenceStaffAction[] {
  return o.cancelled || new Date(o.startAt).getTime() <= at.getTime() ? [] : ['cancel', 'move']
}

/** An occurrence on the staff page: counts, never names. */
export function toStaffOccurrence(o: Occurrence, at: Date): StaffOccurrence {
  const s = o.stored
  return {
    day: o.day,
    date: chinaDay(o.startAt),
    start: chinaTime(o.startAt),
    end: chinaTime(o.endAt),
    place: o.place,
    capacity: o.capacity,
    taken: o.taken,
    ...(s?.cancelled ? { cancelled: { reason: s.cancelled.reason } } : {}),
    ...(s?.moved ? { moved: { reason: s.moved.reason } } : {}),
    allowed: occurrenceActions(o, at),
  }
}

/** Those holding a place on a stored occurrence, with their index in `signups`. */
export function signedUp(doc: OccurrenceDoc | undefined): { index: number; name: string; by: string; role: ElderCallEntry['role']; subscribed: boolean }[] {
  return (doc?.signups ?? []).flatMap((s, index) => (s.status === 'signed_up' ? [{ index, name: s.name, by: s.by, role: s.role, subscribed: !!s.subscribed }] : []))
}

/**
 * Tells those signed up what changed: a subscription message (to whoever made the sign-up) for each sign-up whose
 * maker accepted one and is not staff; a call list (names and who signed them up) of the others and of those whose
 * message failed. Phones are on the day's 电话提醒名单 (part B's callList), not here.
 */
export async function notifySignedUp(
  title: string,
  occurrence: { activityId: string; day: string; startAt: Date },
  people: ReturnType<typeof signedUp>,
  what: string,
): Promise<{ notified: number; callList: ElderCallEntry[] }> {
  const callList: ElderCallEntry[] = []
  let notified = 0
  for (const p of people) {
    const sent =
      p.subscribed &&
      p.role !== 'staff' &&
      (await sendSubscribeMessage(p.by, templateId('ELDER_CHANGED'), `packages/elder/pages/occurrence/index?activityId=${occurrence.activityId}&day=${occurrence.day}`, {
        thing1: { value: title.slice(0, 20) },
        time2: { value: `${chinaDay(occurrence.startAt)} ${chinaTime(occurrence.startAt)}` },
        thing3: { value: what.slice(0, 20) },
      }))
    if (sent) notified += 1
    else callList.push({ name: p.name, role: p.role })
  }
  return { notified, callList }
}
