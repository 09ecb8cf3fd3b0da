// The one home of elder activities' recurrence (issue 12): an activity's rule segments expanded to dated occurrences
// with `rrule`, and the stored exceptions laid over them. Pure (no SDK, no clock): the week view, the sign-up, the
// roster, the reminders and the poster all call it.
//
// Time zones: rrule is given "floating" times — a China wall-clock time written as the same numbers in UTC
// (09:30 China → 09:30Z) — and expands them in UTC, then each result is shifted back by China's offset (−8 h) to
// the real instant. China has no daylight saving, so the day and time never drift, and the server's TZ never
// enters (rrule without `tzid` uses only UTC methods).
import { RRule, type Options, type Weekday as RRuleWeekday } from 'rrule'
import type { Weekday } from '../../../src/contracts/weekdays'
import type { ActivityDoc, OccurrenceDoc, RuleSegment } from './model'

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000
const DAY_MS = 24 * 60 * 60 * 1000
/** rrule's weekdays by ISO number (1 = Monday). */
const RRULE_DAYS: Record<Weekday, RRuleWeekday> = { 1: RRule.MO, 2: RRule.TU, 3: RRule.WE, 4: RRule.TH, 5: RRule.FR, 6: RRule.SA, 7: RRule.SU }

/** One dated instance an activity's rule gives (before exceptions). */
export interface ComputedOccurrence {
  activityId: string
  /** The China day YYYY-MM-DD, the key of the occurrence (with the activity). */
  day: string
  startAt: Date
  endAt: Date
  place: string
  capacity: number | null
  signupRequired: boolean
}

/** A computed occurrence with its stored exceptions applied (moved: new time/place; cancelled). */
export interface Occurrence extends ComputedOccurrence {
  /** The start the rule gave it (differs from `startAt` when moved). */
  originalStartAt: Date
  cancelled: boolean
  moved: boolean
  /** Sign-ups holding a place (0 when nothing is stored). */
  taken: number
  /** The stored document, when there is one. */
  stored?: OccurrenceDoc
}

/** The stored occurrence's _id: the activity and the ORIGINAL China day (at most one occurrence a day). */
export function occurrenceId(activityId: string, day: string): string {
  return `${activityId}_${day.replace(/-/g, '')}`
}

/** A China day + HH:mm as a floating instant (the same numbers in UTC). */
function floating(day: string, time = '00:00'): Date {
  return new Date(`${day}T${time}:00Z`)
}

/** The rrule options of one segment (without the window). */
function ruleOptions(seg: RuleSegment): Partial<Options> {
  const dtstart = floating(seg.from, seg.startTime)
  switch (seg.kind) {
    case 'daily':
      return { freq: RRule.DAILY, dtstart }
    case 'weekly':
      return { freq: RRule.WEEKLY, dtstart, byweekday: (seg.weekdays ?? []).map((d) => RRULE_DAYS[d]) }
    case 'monthly_nth':
      return { freq: RRule.MONTHLY, dtstart, byweekday: [RRULE_DAYS[seg.weekday ?? 1].nth(seg.nth ?? 1)] }
    case 'once':
      return { freq: RRule.DAILY, dtstart: floating(seg.day ?? seg.from, seg.startTime), count: 1 }
  }
}

/**
 * The occurrences of `activity` on the China days `fromDay`..`toDay` (both included), in time order, before
 * exceptions. Each segment gives only the days inside its own [from, until] span.
 */
export function expand(activity: Pick<ActivityDoc, '_id' | 'segments'>, fromDay: string, toDay: string): ComputedOccurrence[] {
  const out: ComputedOccurrence[] = []
  for (const seg of activity.segments) {
    const lo = seg.from > fromDay ? seg.from : fromDay
    const hi = seg.until && seg.until < toDay ? seg.until : toDay
    if (lo > hi) continue
    if (seg.kind === 'weekly' && !seg.weekdays?.length) continue
    const rule = new RRule(ruleOptions(seg) as Options)
    for (const f of rule.between(floating(lo), new Date(floating(hi).getTime() + DAY_MS - 1), true)) {
      const startAt = new Date(f.getTime() - CHINA_OFFSET_MS)
      out.push({
        activityId: activity._id,
        day: f.toISOString().slice(0, 10),
        startAt,
        endAt: new Date(startAt.getTime() + seg.durationMin * 60 * 1000),
        place: seg.place,
        capacity: seg.capacity,
        signupRequired: seg.signupRequired,
      })
    }
  }
  return out.sort((a, b) => a.startAt.getTime() - b.startAt.getTime())
}

/** The occurrence of `activity` on `day`, or null when its rule gives none that day. */
export function occurrenceOn(activity: Pick<ActivityDoc, '_id' | 'segments'>, day: string): ComputedOccurrence | null {
  return expand(activity, day, day)[0] ?? null
}

/** Lays the stored documents (exceptions, sign-ups) over the computed occurrences, matched by activity and day. */
export function applyStored(computed: ComputedOccurrence[], stored: readonly OccurrenceDoc[]): Occurrence[] {
  const byId = new Map(stored.map((s) => [s._id, s]))
  return computed.map((c) => {
    const s = byId.get(occurrenceId(c.activityId, c.day))
    if (!s) return { ...c, originalStartAt: c.startAt, cancelled: false, moved: false, taken: 0 }
    return {
      ...c,
      originalStartAt: c.startAt,
      startAt: new Date(s.startAt),
      endAt: new Date(s.endAt),
      place: s.place,
      capacity: s.capacity,
      cancelled: !!s.cancelled,
      moved: !!s.moved,
      taken: s.taken,
      stored: s,
    }
  })
}

/** A fresh stored occurrence for a computed one (the first write that needs it inserts this, with its change). */
export function newOccurrenceDoc(activity: Pick<ActivityDoc, '_id' | 'communityId'>, c: ComputedOccurrence, at: Date): OccurrenceDoc {
  return {
    _id: occurrenceId(activity._id, c.day),
    activityId: activity._id,
    communityId: activity.communityId,
    day: c.day,
    originalStartAt: c.startAt,
    startAt: c.startAt,
    endAt: c.endAt,
    place: c.place,
    capacity: c.capacity,
    taken: 0,
    signups: [],
    walkIns: [],
    rev: 0,
    createdAt: at,
    updatedAt: at,
  }
}
