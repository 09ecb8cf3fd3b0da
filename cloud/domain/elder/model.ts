// Elder activities' documents (issue 12; docs/ARCHITECTURE.md "Elder activities"). Names: an activity has a
// recurrence rule; each dated instance is an occurrence; a person's place in one is a sign-up; presence on the day is
// a check-in.
//
// Design decisions (the skeleton; every part keeps to them):
// - **Occurrences are computed from rules** (`rrule`, on "floating" China wall-clock times: a China time is written as
//   the same numbers in UTC, expanded, then shifted by −8 h; so the server's TZ never matters). A rule is a list of
//   **segments**, each valid from a China day on: editing the rule "from a date" closes the current segment the day
//   before and appends a new one, so the past is never rewritten.
// - **Only occurrences with sign-ups, check-ins or exceptions are stored** (`eld_occurrences`), with a deterministic
//   _id `<activityId>_<YYYYMMDD>` of the ORIGINAL day (an activity has at most one occurrence a day), created by the
//   first write that needs it (an insert on that _id; a lost race becomes the conditional update). A rule running
//   for years costs nothing.
// - **The occurrence document is the truth of its sign-ups and check-ins**: `signups` are pushed, never removed (a
//   cancellation is a status), so `signups.<i>` is stable, and a sign-up is ONE conditional update against the
//   capacity (`taken: _.lt(capacity)`, `signups.personKey: _.neq(key)`).
// - **A person** is `u:<openid>` (signing up themselves) or `p:<profileId>` (a managed elder profile).
// - **The week's view** = the community's activities (one indexed query) + the week's stored occurrences (one indexed
//   query on communityId + day): 2 requests, expanded in memory.
// - **Every write that may change tallies sets `untallied: tallyToken()`** (cloud/lib/counters.ts), as elsewhere.
import type { ActivityCategory, ElderCheckinMethod, ProfileKind, RecurrenceKind, SignupRole, SignupStatus } from '../../../src/contracts/elder/rules'
import type { Weekday } from '../../../src/contracts/weekdays'

export const ELD_ACTIVITIES = 'eld_activities'
export const ELD_OCCURRENCES = 'eld_occurrences'
export const ELD_PROFILES = 'eld_profiles'

/** One segment of an activity's rule, valid from `from` (a China day) until `until` (included) or open-ended. */
export interface RuleSegment {
  from: string
  until?: string
  kind: RecurrenceKind
  /** weekly: the ISO weekdays. */
  weekdays?: Weekday[]
  /** monthly_nth: the nth (1–5) `weekday` of each month. */
  nth?: number
  weekday?: Weekday
  /** once: the day (equal to `from`). */
  day?: string
  /** HH:mm China time, and the length. */
  startTime: string
  durationMin: number
  place: string
  /** null: no limit. */
  capacity: number | null
  signupRequired: boolean
}

/** An activity (collection `eld_activities`) of one community's 居家养老服务站. Archived, never deleted. */
export interface ActivityDoc {
  _id: string
  communityId: string
  title: string
  category: ActivityCategory
  /** The host, by name (e.g. a 社区达人). */
  host: string
  description: string
  segments: RuleSegment[]
  status: 'active' | 'archived'
  rev: number
  createdBy: string
  createdAt: Date
  updatedAt: Date
  requestId?: string
}

/** A person's sign-up: one entry of `OccurrenceDoc.signups`, never removed. */
export interface SignupEntry {
  /** `u:<openid>` or `p:<profileId>`. */
  personKey: string
  /** The name shown on the roster. */
  name: string
  status: SignupStatus
  /** Who made it, and as what. */
  by: string
  role: SignupRole
  at: Date
  /** The one-time subscription accepted at sign-up (the reminder goes to `by`). */
  subscribed: boolean
  /** Set (conditionally) when the reminder is claimed for sending: a job run twice sends once. */
  remindedAt?: Date
  checkedInAt?: Date
  checkedInBy?: string
  checkinMethod?: ElderCheckinMethod
  requestId?: string
  // part B: every requestId that changed this entry (sign-up, cancel, sign-up again: a retry of any is recognised),
  // the cancellation (who, when), and a reminder that WeChat refused after its claim (the call list shows it).
  requestIds?: string[]
  cancelledAt?: Date
  cancelledBy?: string
  remindFailed?: boolean
  // part C: the signer's nickname, for the roster ("who signed them up") without reading the users; set at sign-up
  // (part B). The roster reads the users of entries without it (one more request).
  byName?: string
}

/** Someone who came without signing up, added on the roster by name or from a managed profile. */
export interface WalkIn {
  name: string
  profileId?: string
  at: Date
  by: string
  // part C: the call that added it (a retried call is recognised, not added twice).
  requestId?: string
}

/** A stored occurrence (collection `eld_occurrences`, _id `<activityId>_<YYYYMMDD>` of the original day). */
export interface OccurrenceDoc {
  _id: string
  activityId: string
  communityId: string
  /** The original China day, YYYY-MM-DD, and the start the rule gave it. */
  day: string
  originalStartAt: Date
  /** The actual start and end (moved or not), and the place. */
  startAt: Date
  endAt: Date
  place: string
  capacity: number | null
  /** Sign-ups holding a place. */
  taken: number
  signups: SignupEntry[]
  walkIns: WalkIn[]
  /** Exceptions: moved (a new time or place) or cancelled, with who and why. */
  moved?: { reason: string; by: string; at: Date }
  cancelled?: { reason: string; by: string; at: Date }
  rev: number
  untallied?: string
  tallied?: string[]
  createdAt: Date
  updatedAt: Date
  // part A: the requestId of the last exception (cancel or move) written, so a retried call is recognised.
  exceptionRequestId?: string
  // part C: the occurrence's code (its scene, set by `occurrenceCode`; index `scene`), and the people present
  // (checked-in sign-ups + walk-ins; index `attended`, for the person-times recount).
  scene?: string
  checkins?: number
}

/** A managed elder (collection `eld_profiles`): a family's, or staff-managed (纸质同等, paper parity). */
export interface ProfileDoc {
  _id: string
  kind: ProfileKind
  communityId: string
  name: string
  age: number
  /** Optional; only managers and staff in scope ever see it. */
  phone?: string
  /** The elder's consent, as the family member or staff noted it. */
  consentNote: string
  /** Family profiles: the openids managing this elder. Staff profiles: empty (the community's staff manage). */
  managers: string[]
  status: 'active' | 'archived'
  createdBy: string
  createdAt: Date
  updatedAt: Date
  requestId?: string
  // part B: who archived it.
  archivedBy?: string
}
