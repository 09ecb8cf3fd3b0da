// What one occurrence adds to its community's person-times counters (cloud/lib/counters.ts): a pure function of the
// document, with no database or SDK, so the fixtures and seeders stamp the same tallies.
import type { OccurrenceDoc } from './model'

/** The counter of an activity's person-times (人次) in the month of `day`: `pt<YYYYMM>_<activityId>`. */
export function personTimesKey(day: string, activityId: string): string {
  return `${personTimesPrefix(day.slice(0, 7))}${activityId}`
}

/** The prefix of a month's person-times counters (`month` YYYY-MM). */
export function personTimesPrefix(month: string): string {
  return `pt${month.slice(0, 4)}${month.slice(5, 7)}_`
}

/**
 * What an occurrence adds: its activity's month counter once per person present — each checked-in sign-up and each
 * walk-in (the key repeats: the counters count its multiplicity). Categories are summed from the activities when
 * read, so a month's figures follow one activity list.
 */
export function occurrenceTallies(o: Pick<OccurrenceDoc, 'day' | 'activityId' | 'signups' | 'walkIns'>): string[] {
  const present = (o.signups ?? []).filter((s) => s.checkedInAt).length + (o.walkIns ?? []).length
  return new Array<string>(present).fill(personTimesKey(o.day, o.activityId))
}
