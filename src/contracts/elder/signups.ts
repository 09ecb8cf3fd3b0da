// The elder function's signups actions: input schemas and outputs (issue 12): sign-up for self, a family elder or a
// staff-managed profile, managed profiles, reminders and the call list (part B).
import * as z from 'zod/mini'
import { calendarDay, id, pageInput, phone, type ISODate, type Page } from '../common'
import { text } from '../text'
import { ELDER_LIMITS as L, PROFILE_AGE, type PersonSignupStatus, type ProfileKind, type SignupAction, type SignupRole } from './rules'

/** Whom a sign-up is for: myself, or a managed elder profile. */
const person = z.union([z.literal('self'), z.object({ profileId: id })])
const occurrenceRef = { activityId: id, day: calendarDay }

const profileFields = {
  name: text({ min: 1, max: L.profileName, minMessage: '请填写长者姓名', maxMessage: `姓名最多${L.profileName}个字` }),
  age: z
    .number()
    .check(
      z.int('年龄应为整数'),
      z.minimum(PROFILE_AGE.min, `年龄应在 ${PROFILE_AGE.min}–${PROFILE_AGE.max} 岁之间`),
      z.maximum(PROFILE_AGE.max, `年龄应在 ${PROFILE_AGE.min}–${PROFILE_AGE.max} 岁之间`),
    ),
  phone: z.optional(phone),
  /** The elder's consent, as noted (required): e.g. 已征得本人同意. */
  consentNote: text({ min: 1, max: L.consentNote, minMessage: '请注明已征得长者本人同意', maxMessage: `同意说明最多${L.consentNote}个字` }),
}

/** Input schemas of the signups actions. */
export const elderSignupsInputs = {
  /** One occurrence for an elder or a family member: places left and whom I may sign up (myself, my elders). */
  occurrenceDetail: z.object(occurrenceRef),
  /**
   * Sign up myself or an elder (a family member: those they manage; staff: any profile of their community).
   * `subscribed`: the one-time subscription was accepted in the tap handler. `stored`: what occurrenceDetail said
   * (only picks which write is tried first; both orders are correct).
   */
  signUp: z.object({ ...occurrenceRef, person, subscribed: z.optional(z.boolean()), stored: z.optional(z.boolean()) }),
  /** Give the place back, until the start (the person, whoever made it, their manager, or staff in scope). */
  cancelSignUp: z.object({ ...occurrenceRef, person }),
  /** My sign-ups and those I made for my family, from today on. */
  mySignups: z.object(pageInput),
  /** A family member adds (no profileId) or edits an elder they manage, with the elder's consent noted. */
  saveProfile: z.object({ profileId: z.optional(id), ...profileFields }),
  myProfiles: z.object(pageInput),
  /** Archive (never delete) a profile: refused while it holds sign-ups that have not started. */
  archiveProfile: z.object({ profileId: id }),
  /** Staff add (no profileId) or edit a staff-managed elder of their community (纸质同等: an elder without a phone). */
  saveStaffProfile: z.object({ profileId: z.optional(id), communityId: id, ...profileFields }),
  /** Staff: the community's managed elders (family and staff-managed) and who manages whom. */
  staffProfiles: z.object({ communityId: z.optional(id), ...pageInput }),
  /** Staff: 电话提醒名单 — a day's sign-ups that get no message (staff-managed, or not subscribed), with phones. */
  callList: z.object({ communityId: z.optional(id), day: z.optional(calendarDay) }),
}

/** Whom a sign-up is for, as the client names it. */
export type ElderPersonRef = 'self' | { profileId: string }

/** One person I may sign up for an occurrence, with their state there and what I may do. */
export interface ElderSignupCandidate {
  person: ElderPersonRef
  name: string
  status: PersonSignupStatus
  /** Who made the sign-up (when there is one). */
  role?: SignupRole
  allowed: SignupAction[]
}

/** An occurrence as an elder or a family member sees it. No other person's name, phone or age. */
export interface ElderOccurrenceDetail {
  activityId: string
  day: string
  title: string
  category: string
  host: string
  description: string
  place: string
  startAt: ISODate
  endAt: ISODate
  signupRequired: boolean
  /** null: no limit. */
  capacity: number | null
  placesLeft: number | null
  cancelled: boolean
  moved: boolean
  /** Whether the occurrence document exists (pass it back to signUp as `stored`). */
  stored: boolean
  /** Myself, then each elder I manage. */
  candidates: ElderSignupCandidate[]
}

/** The answer to a sign-up or a cancellation. */
export interface ElderSignupResult {
  activityId: string
  day: string
  person: ElderPersonRef
  status: PersonSignupStatus
  placesLeft: number | null
}

/** 我的报名: one sign-up I made (for me or for an elder). */
export interface MyElderSignupCard {
  activityId: string
  day: string
  title: string
  place: string
  startAt: ISODate
  person: ElderPersonRef
  name: string
  status: PersonSignupStatus
  cancelled: boolean
  allowed: SignupAction[]
}

/** A managed elder as their managers (and staff in scope) see it: phone and age included. */
export interface ElderProfileView {
  id: string
  kind: ProfileKind
  communityId: string
  name: string
  age: number
  phone?: string
  consentNote: string
  status: 'active' | 'archived'
}

/** A managed elder in the staff list: who manages them (family members' nicknames; none: staff-managed). */
export interface ElderStaffProfileView extends ElderProfileView {
  managers: string[]
}

/** One line of 电话提醒名单. `phone` absent: none on file. */
export interface ElderCallListLine {
  activityId: string
  title: string
  startAt: ISODate
  name: string
  phone?: string
  role: SignupRole
  /** Why no message: staff-managed or signed up by staff; not subscribed; the message failed. */
  reason: 'staff' | 'unsubscribed' | 'failed'
}

/** Outputs of the signups actions. */
export interface ElderSignupsOutputs {
  occurrenceDetail: ElderOccurrenceDetail
  signUp: ElderSignupResult
  cancelSignUp: ElderSignupResult
  mySignups: Page<MyElderSignupCard>
  saveProfile: ElderProfileView
  myProfiles: Page<ElderProfileView>
  archiveProfile: ElderProfileView
  saveStaffProfile: ElderProfileView
  staffProfiles: Page<ElderStaffProfileView>
  callList: { communityId: string; day: string; lines: ElderCallListLine[] }
}
