// The school function's attendance actions: input schemas and outputs (issue 11): the day's roster, leave, check-in, check-out with the pick-up code, the guardian's day, statistics (part C).
import * as z from 'zod/mini'
import { calendarDay, id, type ISODate, type Page } from '../common'
import { PICKUP_CODE_LENGTH, SCHOOL_LIMITS, type Grade, type NotSessionDay, type PickupRelation } from './rules'

/** A calendar day YYYY-MM-DD that exists (not 2026-02-30). */
const day = calendarDay
const reason = z.string().check(z.trim(), z.maxLength(SCHOOL_LIMITS.reason, `原因最多 ${SCHOOL_LIMITS.reason} 字`))
const requiredReason = z.string().check(z.trim(), z.minLength(1, '请填写原因'), z.maxLength(SCHOOL_LIMITS.reason, `原因最多 ${SCHOOL_LIMITS.reason} 字`))
const code = z.string().check(z.regex(new RegExp(`^\\d{${PICKUP_CODE_LENGTH}}$`), `请输入${PICKUP_CODE_LENGTH}位接送码`))
const child = { sessionId: id, childId: id }

/** Input schemas of the attendance actions. */
export const schoolAttendanceInputs = {
  /** Staff of the session's community, or a volunteer assigned to its station: the day's enrolled children. */
  roster: z.object({ sessionId: id, day: z.optional(day) }),
  /** A guardian: leave (请假) for today or a coming session day of an enrolled child. */
  reportLeave: z.object({ ...child, day, reason: z.optional(reason) }),
  /** Staff: mark a child on leave for a day (today unless given). */
  markLeave: z.object({ ...child, day: z.optional(day), reason: z.optional(reason) }),
  /** A guardian or staff: withdraw a leave while the day has not begun. */
  cancelLeave: z.object({ ...child, day }),
  /** Staff or an assigned volunteer: the child arrived (today). */
  checkInChild: z.object(child),
  /** Staff or an assigned volunteer: the child leaves with an authorised adult who gives the adult's code. */
  checkOutChild: z.object({ ...child, adultId: id, code }),
  /** Staff or an assigned volunteer: the authorised adults to choose from (ids, names, relations only). */
  checkoutOptions: z.object(child),
  /** Staff only, after phoning a guardian: the child leaves without a code (the code locked or failing). */
  releaseChild: z.object({ ...child, reason: requiredReason }),
  /** A guardian: a child's record of one day (today unless given). */
  childDay: z.object({ childId: id, day: z.optional(day) }),
  /** A guardian: a child's session days, two weeks a page (page 1: the coming week and the last one). */
  childDays: z.object({ childId: id, page: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(30))) }),
  /** Staff: cancel a session day (today or later), with the reason families see; the families are told. */
  cancelDay: z.object({ sessionId: id, day, reason: requiredReason }),
  /** Staff: enrolment counts, attendance by day and week, no-shows. */
  sessionStats: z.object({ sessionId: id }),
}

/** What the viewer may do on a roster row. */
export type RosterAction = 'checkIn' | 'checkOut' | 'release' | 'markLeave' | 'cancelLeave'

/** One enrolled child on the day's roster. Assigned volunteers get the masked name, grade and allergy flag only. */
export interface RosterChild {
  childId: string
  /** The full name for staff; masked (张*明) for assigned volunteers. */
  name: string
  grade: Grade
  allergy: boolean
  /** Staff only. */
  healthNote?: string
  /** On leave that day (volunteers see the mark only; staff also the reason). */
  leave?: { by: 'guardian' | 'staff'; reason?: string }
  arrivedAt?: ISODate
  /** Left: picked up (time) or released by staff. */
  outAt?: ISODate
  /** Staff only: who picked the child up, or the release. */
  pickedUpBy?: { name: string; relation: PickupRelation }
  released?: { staffName: string; reason: string }
  can: RosterAction[]
}

/** A session day's roster. */
export interface SchoolRoster {
  sessionId: string
  sessionName: string
  communityName: string
  startTime: string
  endTime: string
  day: string
  today: string
  /** Null when `day` is a session day; otherwise why not, and what the page says. */
  notSessionDay: NotSessionDay | null
  notSessionDayText?: string
  viewer: 'staff' | 'volunteer'
  /** The session days before and after `day` in the term (for the day switcher). */
  prevDay?: string
  nextDay?: string
  counts: { enrolled: number; onLeave: number; arrived: number; out: number }
  children: RosterChild[]
}

/** An authorised adult to choose at check-out (never a phone or a code). */
export interface CheckoutOption {
  adultId: string
  name: string
  relation: PickupRelation
}

export interface CheckoutOptions {
  childId: string
  /** Staff: the full name; volunteers: masked. */
  childName: string
  adults: CheckoutOption[]
  /** While code entry is locked: until when. */
  lockedUntil?: ISODate
}

/** Why a check-out was refused. */
export type CheckoutRefusal = 'adult_not_listed' | 'wrong_code' | 'locked'

/** A check-out: done (the adult and time), or refused with what to do next. */
export type CheckoutResult =
  | { outcome: 'picked_up'; childId: string; day: string; pickedUpAt: ISODate; by: { name: string; relation: PickupRelation }; repeated: boolean }
  | {
      outcome: 'refused'
      childId: string
      reason: CheckoutRefusal
      message: string
      /** Wrong codes left before the lock. */
      triesLeft?: number
      lockedUntil?: ISODate
      /** Staff only: the guardian's phone, to call. */
      guardianPhone?: string
      /** What to do: staff call the guardian (then may release); volunteers ask staff. */
      contact: string
      /** Staff may release after phoning (not their own family's child). */
      canRelease: boolean
    }

/** A check-in, a leave, a release or a cancellation of leave: the child's record of the day after it. */
export interface AttendanceChange {
  sessionId: string
  childId: string
  day: string
  record: DayRecordView
  /** True when the call found its own earlier change (a retry, or a second check-in). */
  repeated: boolean
}

/** One child's record of one day, as its guardians and staff see it (no openids). */
export interface DayRecordView {
  leave?: { by: 'guardian' | 'staff'; reason?: string; at: ISODate }
  arrivedAt?: ISODate
  pickedUpAt?: ISODate
  pickedUpBy?: { name: string; relation: PickupRelation }
  release?: { staffName: string; reason: string; at: ISODate }
}

/** A child's day in one session, for its guardians. */
export interface ChildDayItem {
  sessionId: string
  sessionName: string
  day: string
  startTime: string
  endTime: string
  /** Null on a session day; a cancelled day carries the reason. */
  notSessionDay: NotSessionDay | null
  cancelledReason?: string
  record: DayRecordView
  /** Past session day without arrival nor leave. */
  absent: boolean
  can: ('reportLeave' | 'cancelLeave')[]
}

export interface ChildDay {
  childId: string
  day: string
  items: ChildDayItem[]
}

/** Outputs of the attendance actions. */
export interface SchoolAttendanceOutputs {
  roster: SchoolRoster
  reportLeave: AttendanceChange
  markLeave: AttendanceChange
  cancelLeave: AttendanceChange
  checkInChild: AttendanceChange
  checkOutChild: CheckoutResult
  checkoutOptions: CheckoutOptions
  releaseChild: AttendanceChange
  childDay: ChildDay
  childDays: Page<ChildDayItem> & { from: string; to: string }
  cancelDay: CancelDayResult
  sessionStats: SessionStats
}

/** A cancelled day: the families told by subscription message, and staff's call list for the others. */
export interface CancelDayResult {
  sessionId: string
  day: string
  /** Guardians notified by subscription message. */
  notified: number
  callList: { childName: string; phone: string }[]
  repeated: boolean
}

/** Attendance of one session day, or one week (Monday's date). */
export interface AttendanceFigure {
  day: string
  /** Enrolled that day, minus those on leave. */
  expected: number
  onLeave: number
  arrived: number
  /** arrived ÷ expected, 0–1 (null when no one was expected). */
  rate: number | null
}

/** A session's figures for staff (from the one session document). */
export interface SessionStats {
  sessionId: string
  sessionName: string
  capacity: number
  enrolled: number
  waitlisted: number
  offered: number
  /** Past session days (before today), newest first. */
  byDay: AttendanceFigure[]
  byWeek: AttendanceFigure[]
  /** The rate over every past session day. */
  rate: number | null
  /** Children enrolled, not on leave and not arrived on a past session day: most days first (20 at most). */
  noShows: { childId: string; name: string; days: number; lastDay: string }[]
  noShowDays: number
}
