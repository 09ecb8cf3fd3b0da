// The 4 o'clock school's documents (issue 11; docs/ARCHITECTURE.md "4 o'clock school"). Names: a station
// (少儿成长服务站, one per community) runs sessions (a term's class); a child's place in a session is an enrolment
// (one entry of the session's `entries`); when full, children are on the waitlist; a freed place is an offer.
//
// Design decisions (the skeleton; every part keeps to them):
// - **The session document is the truth of its enrolments and attendance.** `entries` (pushed, never removed, so
//   `entries.<i>` is stable; an update addresses `entries.<i>` with `entries.<i>.childId: <id>` in its condition)
//   and `days.<YYYYMMDD>.<childId>` (the day's attendance) live in it. An enrolment is ONE conditional update of
//   the session, so it is atomic against the capacity under any concurrency and nothing is lost if a function dies
//   between two writes (there is no second write). Handlers read it with a projection (never the whole term's
//   `days` when they need one day) and never send it raw: every view goes through the part's view function.
// - **Waitlist positions are derived**, never stored: a waitlisted entry's position is 1 + the waitlisted entries
//   before it in `entries` (array order = arrival order, or draw order after a 摇号). So positions are strictly
//   increasing, without gap or duplicate, by construction, and move up when an offer takes the first.
// - **`held`** counts the entries holding a place (HOLDING_STATUSES: enrolled + offered), changed in the same update
//   as the entry; a first-come enrolment's condition is `held: _.lt(capacity read)` with `capacity: <read>`.
// - **`rev`** is bumped by every update of the session; whole-document decisions (a cancellation that offers the
//   next place, the draw, a capacity change) are conditional on the `rev` they read (retry with `ownStep`).
// - **Children** are their own documents (`sch_children`), read by guardians (index `guardianOpenids`); an entry
//   carries a snapshot of what care needs (name, grade, the allergy flag and health note), so a roster reads one
//   document; the child's edits and deletion rewrite the snapshots of the sessions holding it.
// - **Every write that may change a session's tallies sets `untallied: tallyToken()`** (cloud/lib/counters.ts)
//   in the same update (the workbench and statistics count from counter documents).
import type { AllocationMode, DayActivity, EnrolmentStatus, Gender, Grade, PickupRelation, PriorityGroup, SessionStatus, Weekday } from '../../../src/contracts/school/rules'

export const SCH_SESSIONS = 'sch_sessions'
export const SCH_CHILDREN = 'sch_children'
export const SCH_CONSENTS = 'sch_consents'
export const SCH_INVITES = 'sch_invites'

/** What care needs of a child, copied onto each of its entries (a roster reads one document). */
export interface ChildSnapshot {
  name: string
  gender: Gender
  grade: Grade
  /** True when the child has an allergy or health note (the only health fact assigned volunteers see). */
  allergy: boolean
  /** Staff of the station only. */
  healthNote?: string
}

/** A child's enrolment in a session: one entry of `SessionDoc.entries`, never removed (a cancellation is a status). */
export interface EnrolmentEntry {
  childId: string
  /** The family (children sharing guardians): a 摇号 entry and siblings go together. */
  familyId: string
  status: EnrolmentStatus
  /** When the child joined (enrolled, waitlisted or entered the lottery). */
  at: Date
  /** The guardian who enrolled the child. */
  by: string
  child: ChildSnapshot
  /** While `offered`: when the place was offered and when the offer lapses (OFFER_HOURS). */
  offer?: { at: Date; expiresAt: Date }
  /** Days (YYYY-MM-DD) the guardian reported leave for in advance. */
  leaveDays?: string[]
  /** The last change's who, when and why (removal reasons are shown to the family). */
  changedBy?: string
  changedAt?: Date
  reason?: string
  /** The requestId of the call that made the last change (a retried call recognises its own change). */
  requestId?: string
  // part B: the guardian accepted the subscription message for offers when enrolling.
  subscribed?: boolean
}

/** A family's 摇号 entry: all its children who apply, so siblings get places together or wait together. */
export interface LotteryEntry {
  familyId: string
  childIds: string[]
  by: string
  at: Date
  /** The priority group claimed, and whether staff verified it (an unverified claim counts as ordinary). */
  claim?: PriorityGroup
  verified?: boolean
  verifiedBy?: string
  verifiedAt?: Date
  // part B: the entry number (the order of entry, 1, 2, …; seeds its place in the draw), and the call that made it.
  no: number
  requestId?: string
}

/** A 摇号's published draw: anyone can re-run it from these (scripts/lottery-rerun.ts). */
export interface LotteryDraw {
  /** The number announced before the window closed. */
  announcedNumber: string
  /** The seed: built from the close time and the announced number (one home: the draw's code). */
  seed: string
  drawnAt: Date
  drawnBy: string
  /** The families in draw order. */
  order: string[]
  // part B: the places the draw allocated (the results are recomputed from the order and this, never guessed).
  capacity: number
}

/** One child's attendance on one session day: `days.<YYYYMMDD>.<childId>` of the session. */
export interface AttendanceRecord {
  /** 请假: reported by a guardian (in advance) or marked by staff. */
  leave?: { by: string; role: 'guardian' | 'staff'; at: Date; reason?: string }
  arrivedAt?: Date
  /** The staff member or assigned volunteer who checked the child in. */
  arrivedBy?: string
  pickedUpAt?: Date
  /** The authorised adult who picked the child up (checked with the adult's code). */
  pickedUpBy?: { adultId: string; name: string; relation: PickupRelation }
  /** A release by staff after phoning a guardian (the code locked or failing): who, and why. The guardian sees it. */
  release?: { staffOpenid: string; staffName: string; reason: string; at: Date }
  /** Who recorded the check-out. */
  outBy?: string
  // part C: the requestIds of the calls that changed this record (a retried call recognises its own change).
  rids?: string[]
}

/** A session day cancelled by staff (the families are notified). */
export interface CancelledDay {
  day: string
  reason: string
  by: string
  at: Date
  // part C: the call that cancelled it (a retry notifies no one again).
  requestId?: string
}

/** A session (collection `sch_sessions`), owned by one community's station staff. Cancelled, never deleted. */
export interface SessionDoc {
  _id: string
  communityId: string
  name: string
  /** The term, China days YYYY-MM-DD, both included. */
  termStart: string
  termEnd: string
  weekdays: Weekday[]
  /** The daily time, HH:mm China time. */
  startTime: string
  endTime: string
  capacity: number
  grades: { min: Grade; max: Grade }
  /** The enrolment window. */
  opensAt: Date
  closesAt: Date
  mode: AllocationMode
  priorityGroups: PriorityGroup[]
  activities: DayActivity[]
  notes?: string
  status: SessionStatus
  /** Entries holding a place (enrolled + offered). */
  held: number
  /** Entries waitlisted (first come), or families entered (摇号, before the draw); changed with the entries. */
  waiting: number
  entries: EnrolmentEntry[]
  /** 摇号 sessions: the families' entries during the window, and the draw once run. */
  lottery?: { announcedNumber: string; entries: LotteryEntry[]; draw?: LotteryDraw }
  cancelledDays: CancelledDay[]
  /** Attendance by China day (YYYYMMDD) then child id. Read with a projection of the day needed. */
  days: Record<string, Record<string, AttendanceRecord>>
  /** The earliest `offer.expiresAt` of its offered entries (sparse, indexed: the offer-expiry job's range). */
  offerDue?: Date
  rev: number
  untallied?: string
  tallied?: string[]
  createdBy: string
  createdAt: Date
  updatedAt: Date
  requestId?: string
}

/** An adult a guardian authorises to pick the child up, with the 4-digit code the guardian sees and can renew. */
export interface PickupAdult {
  id: string
  name: string
  relation: PickupRelation
  phone: string
  code: string
  codeAt: Date
}

/** A child (collection `sch_children`). Deleted by anonymising (status 'deleted'), never removed. */
export interface ChildDoc {
  _id: string
  familyId: string
  /** Guardians' openids (the first, and those who joined with an invitation code). */
  guardianOpenids: string[]
  name: string
  gender: Gender
  /** YYYY-MM-DD. */
  birthDate: string
  school: string
  grade: Grade
  healthNote?: string
  /** The guardian's phone, for staff to call. */
  guardianPhone: string
  pickups: PickupAdult[]
  /** The consent this child was added under (a copy of the consent record). */
  consent: { version: string; at: Date; by: string }
  /**
   * Wrong pick-up codes in a row, and the lock they caused (PICKUP_WRONG_LIMIT, PICKUP_LOCK_MINUTES). part C: `rid`,
   * the call that counted the last wrong code (a retried call does not count twice).
   */
  pickupLock?: { wrong: number; until?: Date; rid?: string }
  status: 'active' | 'deleted'
  deletedAt?: Date
  createdAt: Date
  updatedAt: Date
  requestId?: string
}

/**
 * A guardian's consent to the children's personal-information rules (collection `sch_consents`, _id
 * `<openid>_<version>`): written before any child field is, never removed.
 */
export interface ConsentDoc {
  _id: string
  openid: string
  version: string
  at: Date
}

/** A second guardian's invitation (collection `sch_invites`, _id = a hash of the code): one use, INVITE_HOURS. */
export interface InviteDoc {
  _id: string
  familyId: string
  by: string
  createdAt: Date
  expiresAt: Date
  usedBy?: string
  usedAt?: Date
}
