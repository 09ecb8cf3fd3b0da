// The volunteer service's documents (issue 10; docs/ARCHITECTURE.md "Volunteer service"). Names: a project
// (服务项目) has slots (班次); a volunteer's presence on a slot is a shift (one entry of the slot's `shifts`), made
// of check-in/check-out pairs; confirmed hours are ledger entries (append-only) summed in one summary per volunteer.
import type { CertificateStatus, CheckMethod, DisputeStatus, LedgerSource, ServiceType, ShiftStatus, SlotStatus } from '../../../src/contracts/volunteer/rules'

export const VOL_PROJECTS = 'vol_projects'
export const VOL_SLOTS = 'vol_slots'
export const VOL_LEDGER = 'vol_ledger'
export const VOL_SUMMARIES = 'vol_summaries'
export const VOL_DISPUTES = 'vol_disputes'
export const VOL_CERTIFICATES = 'vol_certificates'

/** A service place: its name, gcj02 coordinates and the geofence radius. */
export interface Place {
  name: string
  lat: number
  lng: number
  radiusM: number
}

/** What a project requires of a volunteer (copied onto each slot, so a sign-up reads one document). */
export interface Requirements {
  minAge?: number
  trainingTags: string[]
  insuranceRequired: boolean
}

/** A service project (collection `vol_projects`), owned by one community's staff. Archived, never deleted. */
export interface ProjectDoc {
  _id: string
  communityId: string
  title: string
  description: string
  serviceType: ServiceType
  place: Place
  requirements: Requirements
  contactName: string
  /** Staff only; never sent to volunteers other than as the project's published contact. */
  contactPhone: string
  status: 'active' | 'archived'
  createdBy: string
  createdAt: Date
  updatedAt: Date
  // part A: the requestId of the last save (a retried edit is a pure set; a retried create finds its _id).
  requestId?: string
}

/** One check-in/check-out pair of a shift. Minutes are computed from these, clipped to the slot window. */
export interface CheckPair {
  inAt: Date
  inBy: CheckMethod
  /** The staff member who checked the volunteer in from the roster. */
  inStaff?: string
  /** Location check-ins: the distance to the place and the accuracy reported, in metres. */
  inDistanceM?: number
  inAccuracyM?: number
  outAt?: Date
  outBy?: CheckMethod
  outStaff?: string
  outDistanceM?: number
  outAccuracyM?: number
}

/**
 * A volunteer's shift on a slot: one entry of `SlotDoc.shifts`, pushed at sign-up and never removed (a
 * cancellation is a status), so its index in the array is stable and updates address `shifts.<i>` with the
 * volunteer's openid in the condition.
 */
export interface ShiftEntry {
  openid: string
  /** The name staff see on the roster (the volunteer's real name from the approved application). */
  name: string
  status: ShiftStatus
  signedUpAt: Date
  insuranceAck: boolean
  pairs: CheckPair[]
  /** The on-site code windows already used, as `in:<window>` / `out:<window>`: a code works once per purpose. */
  usedCodes: string[]
  /** Why staff must look at it (e.g. a check-out closed by the scheduler). */
  flagged?: string
  /** Set when the shift is confirmed or voided: the ledger entry written, who and when. */
  minutes?: number
  ledgerEntryId?: string
  decidedBy?: string
  decidedAt?: Date
  reason?: string
  /** The requestIds of the calls that changed it, so a retry is recognised. */
  requestIds: string[]
  // part A: the phone from the volunteer's record (only ever sent to the slot's staff), and whether they accepted
  // the one-time subscription message at sign-up (those who did not are on the staff's call list).
  phone?: string
  subscribed?: boolean
}

/** A slot (班次) of a project (collection `vol_slots`). Cancelled, never deleted. */
export interface SlotDoc {
  _id: string
  projectId: string
  communityId: string
  /** Copied from the project when the slot is made or edited. */
  title: string
  serviceType: ServiceType
  place: Place
  requirements: Requirements
  /** China day and times (HH:mm), and the same as instants. */
  date: string
  startTime: string
  endTime: string
  startAt: Date
  endAt: Date
  headcount: number
  /** Shifts holding a place (signed up, checked in or out, confirmed): kept in the same update as `shifts`. */
  taken: number
  /** The hours credited, in minutes: at most the window. */
  creditMinutes: number
  signupCutoffAt: Date
  status: SlotStatus
  shifts: ShiftEntry[]
  /** The openids of `shifts` holding a place (multikey index: 我的服务 and the overlap check). */
  volunteerOpenids: string[]
  createdBy: string
  createdAt: Date
  updatedAt: Date
  // part A: `slot:<_id>` plus `volunteerOpenids` (index lookup): the sign-up's ONE read fetches this slot and the
  // volunteer's own slots together. Changed in the same update as `volunteerOpenids`.
  keys: string[]
  cancelReason?: string
  cancelledBy?: string
  cancelledAt?: Date
  /** The requestId of the last staff change (edit, cancel), so a retry does not notify twice. */
  requestId?: string
  // part B: the pairs left open (checked in, not yet out), kept in the same update as each check-in and check-out;
  // the scheduler finds slots that ended with open pairs by the `openPairs` index (checkin/jobs.ts). Absent: 0.
  openPairs?: number
  // part D: the counters' fields (cloud/lib/counters.ts): a fresh token on each write that may change the tallies
  // (tallies.ts), cleared by the tally job, which keeps what it counted in `tallied`.
  untallied?: string
  tallied?: string[]
}

/**
 * One ledger entry (collection `vol_ledger`): append-only, never updated or removed. A correction is a new entry
 * with `correctionOf` and the difference in minutes. Holds MCA Order 67's record fields.
 */
export interface LedgerEntryDoc {
  _id: string
  openid: string
  volunteerName: string
  volunteerNo: string
  communityId: string
  /** The organiser, as the record names it (the community's name). */
  organiser: string
  source: LedgerSource
  slotId?: string
  projectId?: string
  wishId?: string
  serviceDate: string
  startTime?: string
  endTime?: string
  place: string
  serviceType: ServiceType
  content: string
  /** Minutes credited by this entry (a correction: the signed difference). */
  minutes: number
  correctionOf?: string
  reason?: string
  evidence?: string
  confirmedBy: string
  confirmedByName: string
  confirmedAt: Date
  requestId: string
}

/**
 * A volunteer's totals (collection `vol_summaries`, _id = openid), written in the same transaction as each ledger
 * entry: always the sum of the entries.
 */
export interface SummaryDoc {
  _id: string
  liveMinutes: number
  backfillMinutes: number
  /** Minutes per China calendar year, e.g. { "2026": 1230 }. */
  byYear: Record<string, number>
  entries: number
  updatedAt: Date
  // part C: 补录 minutes per China year, kept apart from `byYear` (which holds every other source).
  backfillByYear?: Record<string, number>
  // part D: the monthly statistics (stats.ts). The community of the last entry and the last service day (the quiet
  // list, index `quiet`); the entries the statistics job has yet to count, with `untallied` set in the same write.
  communityId?: string
  lastServiceDate?: string
  volunteerName?: string
  volunteerNo?: string
  statsPending?: StatsItem[]
  untallied?: string
}

// part D: the monthly statistics.

export const VOL_STATS = 'vol_stats'

/** What the statistics job needs of one ledger entry (kept on the summary until counted). */
export interface StatsItem {
  entryId: string
  communityId: string
  /** The service month, YYYY-MM. */
  month: string
  serviceType: ServiceType
  minutes: number
  backfill: boolean
  correction: boolean
  name: string
  volunteerNo: string
}

/** One community's month (collection `vol_stats`, _id `m_<community>_<YYYYMM>`), set by the statistics job. */
export interface MonthStatsDoc {
  _id: string
  communityId: string
  month: string
  minutes: number
  entries: number
  backfillMinutes: number
  backfillEntries: number
  /** By service type: confirmed minutes and person-times. */
  byType: Partial<Record<ServiceType, { m: number; n: number }>>
  /** By volunteer (openid): confirmed minutes, person-times, name and number (the top list, distinct volunteers). */
  byVolunteer: Record<string, { m: number; n: number; name: string; no: string }>
  updatedAt: Date
}

// part C: disputes and certificate requests.

/** A volunteer's dispute of one ledger entry (collection `vol_disputes`, _id = the entry's id: one per entry). */
export interface DisputeDoc {
  _id: string
  entryId: string
  openid: string
  volunteerName: string
  communityId: string
  serviceDate: string
  content: string
  /** The entry's minutes (with its corrections) when disputed. */
  entryMinutes: number
  reason: string
  status: DisputeStatus
  decision?: 'adjust' | 'keep'
  /** The answer's reason, which the volunteer sees. */
  answer?: string
  correctionId?: string
  answeredBy?: string
  answeredAt?: Date
  createdAt: Date
  requestId: string
  answerRequestId?: string
  // part D: the counters' fields (cloud/lib/counters.ts): a fresh token on each write that may change the tallies
  // (tallies.ts), cleared by the tally job, which keeps what it counted in `tallied`.
  untallied?: string
  tallied?: string[]
}

/** A certificate request (collection `vol_certificates`); staff record the number the 居委会 issued offline. */
export interface CertificateDoc {
  _id: string
  openid: string
  communityId: string
  volunteerName: string
  volunteerNo: string
  purpose?: string
  status: CertificateStatus
  requestedAt: Date
  number?: string
  issuedOn?: string
  recordedBy?: string
  recordedAt?: Date
  requestId: string
  // part D: the counters' fields (cloud/lib/counters.ts): a fresh token on each write that may change the tallies
  // (tallies.ts), cleared by the tally job, which keeps what it counted in `tallied`.
  untallied?: string
  tallied?: string[]
}
