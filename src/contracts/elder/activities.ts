// The elder function's activities actions: input schemas and outputs (issue 12): activities and their rules, exceptions (cancel or move one occurrence, edit from a date), the week's view (part A).
import * as z from 'zod/mini'
import { calendarDay, id, pageInput, type ISODate, type Page } from '../common'
import { text } from '../text'
import type { Weekday } from '../weekdays'
import {
  ACTIVITY_CATEGORIES,
  ELDER_LIMITS as L,
  RECURRENCE_KINDS,
  WEEK_CHOICES,
  type ActivityCategory,
  type ActivityViewerAction,
  type OccurrenceStaffAction,
  type RecurrenceKind,
  type SignupRole,
  type WeekChoice,
} from './rules'

/** A China day, YYYY-MM-DD, that exists. */
const day = calendarDay
/** A China time of day, HH:mm. */
const time = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:mm'))
const place = text({ min: 1, max: L.place, minMessage: '请填写活动地点', maxMessage: `地点最多${L.place}个字` })
const reason = text({ min: 1, max: L.reason, minMessage: '请填写原因', maxMessage: `原因最多${L.reason}个字`, multiline: true })
const weekday = z.number().check(z.int(), z.minimum(1, '星期应为 1–7'), z.maximum(7, '星期应为 1–7'))

/**
 * One segment of a rule as staff give it: how it repeats, when, where and for how many. `from` (a China day) is
 * when it takes effect; for `once` it is the day of the one occurrence.
 */
const rule = z.object({
  kind: z.enum(RECURRENCE_KINDS),
  /** weekly: the ISO weekdays (1 = Monday). */
  weekdays: z.optional(z.array(weekday).check(z.maxLength(7))),
  /** monthly_nth: the nth (1–5) weekday of the month. */
  nth: z.optional(z.number().check(z.int(), z.minimum(1, '应为第 1–5 个'), z.maximum(5, '应为第 1–5 个'))),
  weekday: z.optional(weekday),
  from: day,
  startTime: time,
  durationMin: z.number().check(z.int(), z.minimum(10, `活动时长应在 10–${L.durationMin} 分钟之间`), z.maximum(L.durationMin, `活动时长应在 10–${L.durationMin} 分钟之间`)),
  place,
  /** null: no limit on places. */
  capacity: z.nullable(z.number().check(z.int(), z.minimum(1, `名额应在 1–${L.capacity} 之间`), z.maximum(L.capacity, `名额应在 1–${L.capacity} 之间`))),
  signupRequired: z.boolean(),
})

const details = {
  title: text({ min: 1, max: L.title, minMessage: '请填写活动名称', maxMessage: `活动名称最多${L.title}个字` }),
  category: z.enum(ACTIVITY_CATEGORIES),
  host: text({ min: 1, max: L.host, minMessage: '请填写主持人或带领人', maxMessage: `主持人最多${L.host}个字` }),
  description: text({ max: L.description, maxMessage: `活动介绍最多${L.description}个字`, multiline: true }),
}

/** Input schemas of the activities actions. */
export const elderActivitiesInputs = {
  /** Staff: create an activity with its first rule segment (no activityId), or edit its details (not the rule). */
  saveActivity: z.object({ activityId: z.optional(id), communityId: id, ...details, rule: z.optional(rule), rev: z.optional(z.number().check(z.int())) }),
  /** Staff: change the rule from a China day on (today or later); the past keeps its occurrences. */
  editRule: z.object({ activityId: id, rev: z.number().check(z.int()), rule }),
  /** Staff: archive an activity (refused while its future occurrences hold sign-ups: cancel those first). */
  archiveActivity: z.object({ activityId: id }),
  /** Staff: their communities' activities (or one community's), last changed first. */
  staffActivities: z.object({ communityId: z.optional(id), status: z.optional(z.enum(['active', 'archived'])), ...pageInput }),
  /** Staff: one activity, its rule segments and its occurrences of the next `weeks` weeks (default 4). */
  staffActivity: z.object({ activityId: id, weeks: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(8))) }),
  /** Staff: cancel one occurrence (those signed up are notified). */
  cancelOccurrence: z.object({ activityId: id, day, reason }),
  /** Staff: move one occurrence to another day of the same week and/or time, and/or another place. */
  moveOccurrence: z.object({ activityId: id, day, newDay: z.optional(day), startTime: z.optional(time), place: z.optional(place), reason }),
  /** The week's schedule of a community (default mine): this week from today, next week, or today only. */
  week: z.object({ communityId: z.optional(id), week: z.optional(z.enum(WEEK_CHOICES)), todayOnly: z.optional(z.boolean()) }),
}

/** A rule segment as shown. */
export interface RuleSegmentView {
  from: string
  until?: string
  kind: RecurrenceKind
  weekdays?: Weekday[]
  nth?: number
  weekday?: Weekday
  startTime: string
  durationMin: number
  place: string
  capacity: number | null
  signupRequired: boolean
  /** In words, e.g. 每周二、周四 09:30. */
  summary: string
}

/** An activity as its staff see it. */
export interface ActivityView {
  id: string
  communityId: string
  title: string
  category: ActivityCategory
  host: string
  description: string
  status: 'active' | 'archived'
  rev: number
  /** The segment in force today (or the next to start), in words. */
  summary: string
  segments: RuleSegmentView[]
  updatedAt: ISODate
}

/** An activity in the staff list: no description, no segments (the summary says the rule in force). */
export type ActivityCard = Omit<ActivityView, 'description' | 'segments'>

/** One occurrence on the staff page: counts, never names. */
export interface StaffOccurrence {
  /** The original China day (the occurrence's key). */
  day: string
  /** The actual day and times (moved or not). */
  date: string
  start: string
  end: string
  place: string
  capacity: number | null
  taken: number
  cancelled?: { reason: string }
  moved?: { reason: string }
  allowed: OccurrenceStaffAction[]
}

export interface StaffActivityDetail {
  activity: ActivityView
  occurrences: StaffOccurrence[]
  allowed: ActivityViewerAction[]
}

/** Whom staff must call: those signed up who cannot get a message (not subscribed, staff-managed, or it failed). */
export interface ElderCallEntry {
  name: string
  /** Who made the sign-up: 本人 / 家属 / 工作人员. */
  role: SignupRole
}

/** The answer to a change that concerns those signed up. */
export interface OccurrenceChange {
  occurrence: StaffOccurrence
  /** Subscription messages sent. */
  notified: number
  callList: ElderCallEntry[]
}

/** The answer to a rule edit: the activity, and the stored occurrences with sign-ups the new rule no longer gives. */
export interface RuleChange {
  activity: ActivityView
  /** Cancelled because the new rule drops them (or gives them at another time), with those notified. */
  cancelled: { day: string; notified: number; callList: ElderCallEntry[] }[]
}

/** An activity's fields shared by its occurrences in the week's view (sent once). */
export interface WeekActivity {
  title: string
  category: ActivityCategory
  host: string
}

/** One occurrence in the week's view. */
export interface WeekItem {
  activityId: string
  /** The original China day: with activityId, the key of the occurrence page. */
  day: string
  start: string
  end: string
  place: string
  /** capacity − taken; null: no limit. */
  placesLeft: number | null
  signupRequired: boolean
  cancelled?: true
  moved?: true
  /** Over (ended) already. */
  ended?: true
  /** My status: I signed up myself, and/or the names of the elders I signed up. Never anyone else's. */
  mine?: { self?: true; others?: string[] }
}

export interface WeekDay {
  day: string
  weekday: Weekday
  items: WeekItem[]
}

export interface WeekView {
  communityId: string
  week: WeekChoice
  /** Monday and Sunday of the week, and China's today. */
  from: string
  to: string
  today: string
  activities: Record<string, WeekActivity>
  /** Today first, then the rest of the week (past days dropped); next week: Monday to Sunday. */
  days: WeekDay[]
}

/** Outputs of the activities actions. */
export interface ElderActivitiesOutputs {
  saveActivity: ActivityView
  editRule: RuleChange
  archiveActivity: ActivityView
  staffActivities: Page<ActivityCard>
  staffActivity: StaffActivityDetail
  cancelOccurrence: OccurrenceChange
  moveOccurrence: OccurrenceChange
  week: WeekView
}
