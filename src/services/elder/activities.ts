import type { InputOf } from '@/contracts'
import { call } from '../cloud'

/** The elder function's activities part (issue 12, part A): activities and exceptions for staff; the week's view. */
export const elderActivitiesService = {
  /** Staff: create an activity with its first rule (no activityId), or edit its details. */
  saveActivity: (input: InputOf<'elder', 'saveActivity'>) => call('elder', 'saveActivity', input),
  /** Staff: change the rule from a day on (the past is kept). */
  editRule: (input: InputOf<'elder', 'editRule'>) => call('elder', 'editRule', input),
  /** Staff: archive an activity (refused while future occurrences hold sign-ups). */
  archiveActivity: (activityId: string) => call('elder', 'archiveActivity', { activityId }),
  /** Staff: the activities of their communities, last changed first. */
  staffActivities: (input: InputOf<'elder', 'staffActivities'>) => call('elder', 'staffActivities', input),
  /** Staff: one activity, its rule and its coming occurrences. */
  staffActivity: (activityId: string) => call('elder', 'staffActivity', { activityId }),
  /** Staff: cancel one occurrence; answers who was told and whom to call. */
  cancelOccurrence: (input: InputOf<'elder', 'cancelOccurrence'>) => call('elder', 'cancelOccurrence', input),
  /** Staff: move one occurrence (same week); answers who was told and whom to call. */
  moveOccurrence: (input: InputOf<'elder', 'moveOccurrence'>) => call('elder', 'moveOccurrence', input),
  /** The week's schedule of a community (this week from today, next week, or today only). */
  week: (input: InputOf<'elder', 'week'>) => call('elder', 'week', input),
}
