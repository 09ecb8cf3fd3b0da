// The school function's enrolment actions: input schemas and outputs (issue 11): enrolment (先到先得 and 摇号), the
// waitlist, offers, the family's view (part B).
import * as z from 'zod/mini'
import { id, pageInput, type ISODate, type Page } from '../common'
import { text } from '../text'
import {
  ENROLMENT_TABS,
  LOTTERY_MAX_CHILDREN,
  PRIORITY_GROUPS,
  SCHOOL_LIMITS,
  type EnrolmentStatus,
  type EnrolmentTab,
  type FamilyEnrolmentAction,
  type Gender,
  type Grade,
  type PriorityGroup,
  type StaffEnrolmentAction,
} from './rules'
import type { SessionView } from './views'

const reason = text({ min: 1, max: SCHOOL_LIMITS.reason, minMessage: '请填写原因', maxMessage: `原因最多${SCHOOL_LIMITS.reason}个字`, multiline: true })
const place = { sessionId: id, childId: id }

/** Input schemas of the enrolment actions. */
export const schoolEnrolmentInputs = {
  /** A guardian enrols a child in a 先到先得 session: a place if one is free, else the waitlist. */
  enrol: z.object({ ...place, subscribed: z.optional(z.boolean()) }),
  /** A guardian enters the family in a 摇号 session: its children who apply, with an optional priority claim. */
  enterLottery: z.object({
    sessionId: id,
    childIds: z.array(id).check(z.minLength(1, '请至少选择一个孩子'), z.maxLength(LOTTERY_MAX_CHILDREN, `一次最多${LOTTERY_MAX_CHILDREN}个孩子`)),
    claim: z.optional(z.enum(PRIORITY_GROUPS)),
    subscribed: z.optional(z.boolean()),
  }),
  /** A guardian gives a place (or a waitlist place, or an offer) back. */
  cancelEnrolment: z.object(place),
  /** A guardian accepts an offered place before it lapses. */
  acceptOffer: z.object(place),
  /** A guardian declines an offered place (it goes to the next on the waitlist). */
  declineOffer: z.object(place),
  /** Staff remove a child's entry with a reason (a held place goes to the next on the waitlist). */
  removeEnrolment: z.object({ ...place, reason }),
  /** Staff change a session's places (never below the places held); more places are offered to the waitlist. */
  setCapacity: z.object({
    sessionId: id,
    capacity: z.number().check(z.int(), z.minimum(1, `名额应在 1–${SCHOOL_LIMITS.capacity} 之间`), z.maximum(SCHOOL_LIMITS.capacity, `名额应在 1–${SCHOOL_LIMITS.capacity} 之间`)),
  }),
  /** Staff verify or reject a family's priority claim, after the close and before the draw. */
  verifyClaim: z.object({ sessionId: id, familyId: id, verified: z.boolean() }),
  /** Staff run a 摇号 session's draw, once, after the close. */
  drawLottery: z.object({ sessionId: id }),
  /** A 摇号's published results (families of the community and staff). */
  lotteryResults: z.object({ sessionId: id }),
  /** A guardian: my children's entries across sessions. */
  familyView: z.object({ ...pageInput }),
  /** A family's view of one session: the session, my children's status there, what I may do. */
  sessionDetail: z.object({ sessionId: id }),
  /** Staff: a session's entries by tab. */
  sessionEnrolments: z.object({ sessionId: id, tab: z.optional(z.enum(ENROLMENT_TABS)), ...pageInput }),
  /** Staff: the outstanding offers of a session with the guardians' phones, to call. */
  offerCallList: z.object({ sessionId: id }),
}

/** A child's place in a session as its family sees it. */
export interface MyEnrolment {
  childId: string
  childName: string
  status: EnrolmentStatus
  /** Waitlisted: 1 + the waitlisted entries before it. */
  position?: number
  /** Offered: when the offer lapses. */
  offerExpiresAt?: ISODate
  /** Removed by staff: the reason. */
  reason?: string
  at: ISODate
  allowed: FamilyEnrolmentAction[]
}

/** One of my children as the enrolment forms list it (id, name, grade only). */
export interface MyChildOption {
  id: string
  name: string
  grade: Grade
  /** Whether the child's grade fits the session (sessionDetail only). */
  fits?: boolean
}

/** A session and my children's places in it. */
export interface FamilySessionCard {
  session: SessionView
  mine: MyEnrolment[]
}

/** The family's view: my children's entries across sessions, latest term first. */
export interface FamilyView extends Page<FamilySessionCard> {
  children: MyChildOption[]
}

/** A family's view of one session. */
export interface SessionDetail {
  session: SessionView
  mine: MyEnrolment[]
  /** My children (to choose whom to enrol); empty: the page links to adding one. */
  children: MyChildOption[]
  /** What I may do with the session as a whole: enrol a child, enter the 摇号. */
  allowed: FamilyEnrolmentAction[]
  /** 摇号: my family's entry. */
  lotteryEntry?: { no: number; childIds: string[]; claim?: PriorityGroup; verified?: boolean }
}

/** An enrol / lottery / offer answer. */
export interface EnrolmentAnswer {
  sessionId: string
  childId: string
  status: EnrolmentStatus
  position?: number
  offerExpiresAt?: ISODate
}

/** A 摇号 entry answer. */
export interface LotteryEntryAnswer {
  sessionId: string
  no: number
  childIds: string[]
}

/** A staff change of a session's places: the new figures and the children offered a place. */
export interface PlacesChange {
  sessionId: string
  capacity: number
  held: number
  waiting: number
  /** Entries offered a place by this change. */
  offered: number
}

/** One entry as staff see it (what care needs, the status, the position, the offer). */
export interface StaffEnrolmentRow {
  childId: string
  familyId: string
  name: string
  gender: Gender
  grade: Grade
  allergy: boolean
  healthNote?: string
  status: EnrolmentStatus
  position?: number
  offerExpiresAt?: ISODate
  reason?: string
  at: ISODate
}

/** A 摇号 entry as staff see it. */
export interface StaffLotteryRow {
  no: number
  familyId: string
  children: { childId: string; name: string; grade: Grade }[]
  claim?: PriorityGroup
  verified?: boolean
  at: ISODate
  /** Whether this viewer may verify the claim (never their own family's). */
  canVerify: boolean
}

/** Staff: a session's entries (or its 摇号 entries) by tab. */
export interface SessionEnrolments {
  session: SessionView
  tab: EnrolmentTab
  counts: Record<EnrolmentTab, number>
  rows: Page<StaffEnrolmentRow>
  lottery?: Page<StaffLotteryRow>
  allowed: StaffEnrolmentAction[]
}

/** One line of a 摇号's results: an entry number (never a name) and what it got. */
export interface LotteryResultRow {
  no: number
  priority: boolean
  children: number
  result: 'enrolled' | 'waitlisted'
}

/** A 摇号's published results: anyone can re-run the draw from these (scripts/lottery-rerun.ts). */
export interface LotteryResults {
  session: SessionView
  drawn: boolean
  announcedNumber: string
  closesAt: ISODate
  seed?: string
  capacity: number
  drawnAt?: ISODate
  /** In draw order. */
  rows: LotteryResultRow[]
  algorithm: readonly string[]
  /** My family's entry number, when I entered. */
  myNo?: number
}

/** Staff: the outstanding offers with the guardians' phones. */
export interface OfferCallList {
  sessionId: string
  items: { childId: string; name: string; phone: string; offeredAt: ISODate; expiresAt: ISODate }[]
}

/** Outputs of the enrolment actions. */
export interface SchoolEnrolmentOutputs {
  enrol: EnrolmentAnswer
  enterLottery: LotteryEntryAnswer
  cancelEnrolment: EnrolmentAnswer
  acceptOffer: EnrolmentAnswer
  declineOffer: EnrolmentAnswer
  removeEnrolment: EnrolmentAnswer
  setCapacity: PlacesChange
  verifyClaim: { sessionId: string; familyId: string; verified: boolean }
  drawLottery: LotteryResults
  lotteryResults: LotteryResults
  familyView: FamilyView
  sessionDetail: SessionDetail
  sessionEnrolments: SessionEnrolments
  offerCallList: OfferCallList
}
