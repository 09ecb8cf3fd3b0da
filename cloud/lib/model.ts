/** Database document shapes (what is stored), as distinct from the contract's outputs (what is shown). */
import type { ApplicationStatus, HONORIFICS, VolunteerStatus, WishCategory, WishEvent, WishStatus } from '../../src/contracts'
import type { PhotoCheck } from './mediaCheck'

export interface CommunityDoc {
  _id: string
  name: string
  street: string
  grids: { id: string; name: string }[]
  order: number
}

/** One per WeChat user; `_id` is the OPENID. */
export interface UserDoc {
  _id: string
  nickname: string
  communityId: string
  gridId?: string
  privacyVersion: string
  privacyAgreedAt: Date
  largeFont?: boolean
  volunteerStatus: VolunteerStatus
  /**
   * An approved volunteer's record fields (issue 10), copied from the application on approval: the real name, the
   * birth date (for age requirements), the training tags staff record, and the volunteer number (志愿者编号).
   */
  volunteer?: {
    realName: string
    birthDate?: string
    trainingTags: string[]
    number?: string
    approvedAt: Date
    // part A: the phone from the application (copied onto each shift for the slot's staff), and who last set the tags.
    phone?: string
    tagsBy?: string
  }
  /** part A: set on approval until the numbering job issues `volunteer.number` (cloud/domain/volunteer/slots/jobs.ts). */
  volunteerNumberDue?: boolean
  /**
   * The 4 o'clock school (issue 11): the guardian's family (set with the first child, or by joining with an invitation
   * code), and, for an approved volunteer, the communities whose station staff assigned them to (they see its
   * rosters, masked).
   */
  school?: { familyId?: string; stations?: string[] }
  /** Communities the user is staff of; empty for non-staff. Granted by an admin. */
  staffCommunityIds: string[]
  /** Changes of the staff scope (grantStaff/revokeStaff), pushed with the change: from/to are comma-joined ids. */
  history?: StateChange<string, 'admin'>[]
  createdAt: Date
  updatedAt: Date
}

export interface VolunteerApplicationDoc {
  _id: string
  openid: string
  communityId: string
  realName: string
  /** Stored as given; masked on the way out except to the applicant and scoped staff. */
  phone: string
  skills: string[]
  intro?: string
  /** YYYY-MM-DD (issue 10); applications made before it was asked have none. */
  birthDate?: string
  status: ApplicationStatus
  reason?: string
  reviewedBy?: string
  reviewedAt?: Date
  /** The requestId of the call that made the last state change (withdraw/review), so its retry is recognised. */
  requestId?: string
  /** Every state change, pushed in the same conditional update as the change (the audit trail). */
  history?: StateChange<ApplicationStatus, 'applicant' | 'staff'>[]
  createdAt: Date
  updatedAt: Date
}

/**
 * One entry of a document's own audit trail: who (openid), in which role, did what, from which state to
 * which, why, and the requestId of the call (so a retried call recognises its own change).
 */
export interface StateChange<S extends string = string, R extends string = string> {
  at: Date
  /** The actor's openid (never shown to other users). */
  by: string
  /** The role the actor acted in (a label shown in timelines), e.g. 'staff'. */
  role: R
  action: string
  from?: S
  to: S
  reason?: string
  requestId: string
}

/** Idempotency record for a mutating call, keyed by `${openid}:${fn}:${requestId}`. */
export interface RequestDoc {
  _id: string
  fn: string
  action: string
  status: 'running' | 'done'
  result?: unknown
  createdAt: Date
}

/** The claim on a wish: who took it (a volunteer, or staff on behalf of a unit) and by when it will be done. */
export interface WishClaim {
  openid: string
  /** The volunteer's nickname, or the unit's name for a unit claim. */
  claimantName: string
  unitName?: string
  /** YYYY-MM-DD, China time. */
  promisedBy: string
  claimedAt: Date
  /** When the overdue job first found this claim past its promised date (cloud/domain/wish/jobs.ts); goes with the claim. */
  overdueAt?: Date
}

/** A report of a published wish by a user (private: never shown). */
export interface WishReport {
  at: Date
  by: string
  reason: string
  requestId: string
}

/**
 * A wish on the wall (collection `wishes`). Nothing is ever deleted: cancelled and hidden wishes stay,
 * and `history` holds every state change (see StateChange).
 */
export interface WishDoc {
  _id: string
  wisherOpenid: string
  communityId: string
  title: string
  description: string
  category: WishCategory
  /** YYYY-MM-DD, China time. */
  neededBy?: string
  nameStyle: 'surname' | 'anonymous'
  surname?: string
  honorific?: (typeof HONORIFICS)[number]
  /** surname + honorific, or 匿名居民: the only name lists show. */
  displayName: string
  /** Private: only the wisher, the current claimant and scoped staff see it (never in lists). */
  contact: { phone: string; address: string }
  /** Cloud-storage fileIDs. */
  photos: string[]
  /** The image content check of each photo (cloud/lib/mediaCheck.ts); a photo without one counts as passed. */
  photoChecks?: PhotoCheck[]
  status: WishStatus
  createdAt: Date
  updatedAt: Date
  publishedAt?: Date
  claimedAt?: Date
  fulfilledAt?: Date
  closedAt?: Date
  cancelledAt?: Date
  claim?: WishClaim
  fulfilment?: { note: string; photo?: string; fulfilledAt: Date }
  /** The wisher's public thank-you, content-checked. */
  thanks?: string
  /** Why the review rejected it (the wisher sees it). */
  reviewReason?: string
  /** Why staff hid it. */
  hiddenReason?: string
  /** Openids that reported it (once each), the reports, and their count. */
  reporters: string[]
  reports: WishReport[]
  reportCount: number
  /** The wisher asked staff to release the claim (cleared when the claim ends). */
  releaseRequest?: { at: Date; reason: string; requestId: string }
  lastReportedAt?: Date
  history: WishChangeEntry[]
  /** Counters (cloud/lib/counters.ts): set by each write that may change the tallies, until the tally job runs. */
  untallied?: string
  /** Counters: the tallies the community's counter document holds for this wish. */
  tallied?: string[] /**
   * issue 10 part E: set (to the closing time, ms) when a wish claimed by a volunteer closes, until staff credit its
   * hours (volunteer.creditWish) or hide it: the 待记录时长的心愿 queue (sparse index `creditDue`).
   */
  creditDue?: number
}

/** One entry of a wish's history (its role labels are the public timeline's). */
export type WishChangeEntry = StateChange<WishStatus, WishEvent['by']>

/** The public name of a wisher: surname + honorific, or 匿名居民. */
export function wishDisplayName(w: Pick<WishDoc, 'nameStyle' | 'surname' | 'honorific'>): string {
  return w.nameStyle === 'surname' && w.surname && w.honorific ? `${w.surname}${w.honorific}` : '匿名居民'
}
