// Elder activities' rules (issue 12): one home for each status set, limit and label, used by the server, the forms and
// the tests. Zod-free. Names: an activity has a recurrence rule; each dated instance is an occurrence; a person's
// place in one is a sign-up; presence on the day is a check-in.

import { WEEKDAY_LABELS } from '../weekdays'

export const ACTIVITY_CATEGORIES = ['文娱', '健康', '学习', '手工', '运动', '助餐', '其他'] as const
export type ActivityCategory = (typeof ACTIVITY_CATEGORIES)[number]

/**
 * How an activity repeats: weekly on given weekdays, daily, monthly on the nth weekday (e.g. the first Wednesday; a
 * month without a 5th such weekday has none), or once. Computed with `rrule`, in China days whatever the server's TZ.
 */
export const RECURRENCE_KINDS = ['weekly', 'daily', 'monthly_nth', 'once'] as const
export type RecurrenceKind = (typeof RECURRENCE_KINDS)[number]
export const RECURRENCE_LABELS: Record<RecurrenceKind, string> = { weekly: '每周', daily: '每天', monthly_nth: '每月第几个星期几', once: '仅一次' }
export const NTH_LABELS = ['', '第一个', '第二个', '第三个', '第四个', '第五个'] as const

/** A sign-up's life: signed up, or cancelled (until the start). */
export const SIGNUP_STATUSES = ['signed_up', 'cancelled'] as const
export type SignupStatus = (typeof SIGNUP_STATUSES)[number]

/** Who made a sign-up: the elder, a family member for an elder they manage, or staff/a grid worker (代报名). */
export const SIGNUP_ROLES = ['self', 'family', 'staff'] as const
export type SignupRole = (typeof SIGNUP_ROLES)[number]
export const SIGNUP_ROLE_LABELS: Record<SignupRole, string> = { self: '本人报名', family: '家属代报名', staff: '工作人员代报名' }

/** How a person was checked in: ticked on the staff roster, by scanning the occurrence's code, or added as a walk-in. */
export const ELDER_CHECKIN_METHODS = ['roster', 'scan', 'walk_in'] as const
export type ElderCheckinMethod = (typeof ELDER_CHECKIN_METHODS)[number]

/** Managed elder profiles: a family's (with the elder's consent noted), or staff-managed for an elder without a phone. */
export const PROFILE_KINDS = ['family', 'staff'] as const
export type ProfileKind = (typeof PROFILE_KINDS)[number]

/** Reminders go out at this China time the day before an occurrence. */
export const REMINDER_TIME = '18:00'

/** Form limits (characters unless said otherwise). */
export const ELDER_LIMITS = {
  title: 30,
  host: 20,
  place: 40,
  description: 500,
  reason: 200,
  profileName: 20,
  consentNote: 100,
  /** Places in one occurrence (no capacity = unlimited). */
  capacity: 500,
  /** Minutes an occurrence lasts. */
  durationMin: 480,
  /** Elders one family member may manage. */
  profilesPerManager: 6,
  // part A: the staff page's coming occurrences (a daily activity over 8 weeks is 56).
  staffOccurrences: 60,
} as const

// part A: activities, exceptions and the week's view.

/** The week's view: this week (from today) or next week (China weeks, Monday first). */
export const WEEK_CHOICES = ['this', 'next'] as const
export type WeekChoice = (typeof WEEK_CHOICES)[number]

/** What staff may do with an activity (the server says; the page draws its buttons from it). */
export const ACTIVITY_VIEWER_ACTIONS = ['edit', 'editRule', 'archive'] as const
export type ActivityViewerAction = (typeof ACTIVITY_VIEWER_ACTIONS)[number]

/** What staff may do with one occurrence: cancel it or move it (before it starts, when not cancelled). */
export const OCCURRENCE_STAFF_ACTIONS = ['cancel', 'move'] as const
export type OccurrenceStaffAction = (typeof OCCURRENCE_STAFF_ACTIONS)[number]

/** Who made a sign-up, in a word, on a call list. */
export const SIGNUP_ROLE_SHORT: Record<SignupRole, string> = { self: '本人', family: '家属', staff: '工作人员' }

/** A rule segment in words, e.g. 每周二、周四 09:30 / 每月第一个周三 14:00 / 2026-12-05 09:00. */
export function ruleSummary(seg: { kind: RecurrenceKind; weekdays?: readonly number[]; nth?: number; weekday?: number; day?: string; from: string; startTime: string }): string {
  const names = WEEKDAY_LABELS
  switch (seg.kind) {
    case 'daily':
      return `每天 ${seg.startTime}`
    case 'weekly':
      return `每${[...(seg.weekdays ?? [])]
        .sort()
        .map((d) => names[d])
        .join('、')} ${seg.startTime}`
    case 'monthly_nth':
      return `每月${NTH_LABELS[seg.nth ?? 1]}${names[seg.weekday ?? 1]} ${seg.startTime}`
    case 'once':
      return `${seg.day ?? seg.from} ${seg.startTime}`
  }
}

// part B: sign-ups, managed profiles, reminders and the call list.

/** A managed elder's age (whole years), as the family member or staff noted it. */
export const PROFILE_AGE = { min: 40, max: 120 } as const

/** What a viewer may do about one person's place in an occurrence (the server's answer; pages draw from it). */
export const SIGNUP_ACTIONS = ['signUp', 'cancelSignUp'] as const
export type SignupAction = (typeof SIGNUP_ACTIONS)[number]

/** A person's state in one occurrence: not signed up, or the sign-up's status. */
export type PersonSignupStatus = SignupStatus | 'none'
export const PERSON_STATUS_LABELS: Record<PersonSignupStatus, string> = { none: '未报名', signed_up: '已报名', cancelled: '已取消' }

/** Refusals of part B (one home for the wording). */
export const SIGNUP_MESSAGES = {
  noOccurrence: '这一天没有这个活动',
  noSignup: '这个活动无需报名，到时直接参加即可',
  started: '活动已开始，不能再报名或取消',
  cancelled: '本次活动已取消',
  full: '名额已满',
  already: '已经报名了这次活动',
  notSignedUp: '没有找到这次活动的报名',
  notManaged: '只能为您管理的家人报名',
  archived: '这位长者的档案已停用',
  tooManyProfiles: `每位家属最多管理 ${ELDER_LIMITS.profilesPerManager} 位长者`,
  futureSignups: '这位长者还有未开始的活动报名，请先取消报名再停用档案',
} as const

// part C: on site (check-in, walk-ins, the occurrence's code), person-times, the poster.

/** Check-in by the occurrence's code opens this many minutes before the start (and closes at the end). */
export const SCAN_OPENS_MINUTES = 30

/** The weeks the poster (and the week's view) speak of: China weeks, Monday first. */
export const POSTER_WEEKS = ['this', 'next'] as const
export type PosterWeek = (typeof POSTER_WEEKS)[number]

/** Person-times (人次) counts are moved by the tally job each minute: the stats page says they may be this old. */
export const PERSON_TIMES_REFRESH_MINUTES = 1

/** What on-site refusals say (the codes are the shared ones: INVALID_STATE, NOT_FOUND, …). */
export const ONSITE_MESSAGES = {
  notAnOccurrence: '这一天没有这项活动',
  cancelled: '这次活动已取消',
  noSuchSignup: '名单已变化，请刷新后再试',
  signupCancelled: '此人已取消报名，可作为现场参加者添加',
  checkinNotOpen: '签到还没开始：活动开始前30分钟起可以签到',
  checkinClosed: '这次活动已结束，不能再签到',
  rosterClosed: '只能在活动当天签到',
  notOnDay: '今天没有这次活动，请看看日期是否扫错了',
  notSignedUp: '您没有报名这次活动，请找现场工作人员登记',
  unknownCode: '这个签到码无效，请扫现场的签到码',
  walkInWho: '请填写姓名，或选择一位长者档案',
  walkInTwice: '这位长者已在现场名单中',
  walkInSignedUp: '这位长者已报名，请在名单中勾选签到',
  profileNotHere: '只能选择本社区的长者档案',
  selfCheckin: '不能为自己签到，请由其他工作人员勾选',
  monthFormat: '月份格式应为 YYYY-MM',
  noCommunity: '请选择社区',
} as const
