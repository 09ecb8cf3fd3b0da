// The volunteer function's checkin actions: input schemas and outputs (issue 10, part B): the on-site code
// (签到码), check-in and check-out by code, location or the roster, the volunteer's check-in state, the roster.
import * as z from 'zod/mini'
import { id, pageInput, type ISODate } from '../common'
import { CHECK_INPUT_METHODS, CHECK_PURPOSES, CHECKIN_MESSAGES as M, type CheckMethod, type CheckPurpose, type ShiftStatus } from './rules'

const code = z.string().check(z.regex(/^\d{6}$/, M.codeMissing))
const lat = z.number().check(z.minimum(-90), z.maximum(90))
const lng = z.number().check(z.minimum(-180), z.maximum(180))
/** The accuracy the phone reports, in metres. */
const accuracy = z.number().check(z.minimum(0), z.maximum(100_000))

/**
 * A check-in or check-out. One object for the three ways (the handler checks the fields the method needs):
 * `code` (the 6 digits, typed or scanned), `location` (lat, lng, accuracy: gcj02), `roster` (staff, for the
 * volunteer `openid`).
 */
const check = z.object({
  slotId: id,
  method: z.enum(CHECK_INPUT_METHODS),
  code: z.optional(code),
  lat: z.optional(lat),
  lng: z.optional(lng),
  accuracy: z.optional(accuracy),
  openid: z.optional(id),
})

/** Input schemas of the checkin actions. */
export const volunteerCheckinInputs = {
  /** Staff of the slot's community: the current on-site code for checking in or out. */
  slotCode: z.object({ slotId: id, purpose: z.enum(CHECK_PURPOSES) }),
  checkIn: check,
  checkOut: check,
  /** The caller's shift on a slot: the window, the pairs, and what they may do now. */
  myCheckin: z.object({ slotId: id }),
  /**
   * Staff of the slot's community: the shifts with names, statuses, pairs and phones, page by page (part E: a full
   * slot of 500 does not fit one response).
   */
  roster: z.object({ slotId: id, ...pageInput }),
}

/** The on-site code of a slot, as 签到码 shows it: the 6 digits, the QR text, when it changes. */
export interface SlotCode {
  slotId: string
  purpose: CheckPurpose
  code: string
  /** The QR code's text (slotCodePayload). */
  qr: string
  expiresAt: ISODate
  now: ISODate
  title: string
  date: string
  startTime: string
  endTime: string
}

/** One check-in/check-out pair as shown (no staff openids). */
export interface PairView {
  inAt: ISODate
  inBy: CheckMethod
  inDistanceM?: number
  inAccuracyM?: number
  outAt?: ISODate
  outBy?: CheckMethod
  outDistanceM?: number
  outAccuracyM?: number
}

/** What a check-in or check-out did: the shift's status and the pair; `repeated` when it was already done. */
export interface CheckResult {
  slotId: string
  status: ShiftStatus
  pair: PairView
  repeated: boolean
}

/** What the volunteer may do on their shift now. */
export type CheckinAction = 'checkIn' | 'checkOut'

/** The caller's shift on a slot, for the check-in page. */
export interface MyCheckin {
  slotId: string
  title: string
  place: { name: string; lat: number; lng: number; radiusM: number }
  date: string
  startTime: string
  endTime: string
  /** When check-in opens (30 minutes before the start) and closes (the end). */
  opensAt: ISODate
  closesAt: ISODate
  status: ShiftStatus
  pairs: PairView[]
  flagged?: string
  can: CheckinAction[]
  /** Why check-in is not possible now, when it is not. */
  refusal?: string
}

/** One shift on the roster (staff only): the volunteer, the status, the pairs, and the phone for calling. */
export interface RosterShift {
  openid: string
  name: string
  status: ShiftStatus
  pairs: PairView[]
  flagged?: string
  /** From the approved volunteer application: only the slot's staff get the roster. */
  phone?: string
  can: CheckinAction[]
}

/** A slot's roster. */
export interface Roster {
  slotId: string
  title: string
  placeName: string
  date: string
  startTime: string
  endTime: string
  headcount: number
  taken: number
  checkedIn: number
  /**
   * This page's shifts (part E): page p holds the slot's sign-ups number (p−1)·pageSize+1 to p·pageSize in the order
   * they signed up, without the cancelled ones; so the pages list everyone once, even while people sign up or cancel
   * (a page may hold fewer than pageSize).
   */
  shifts: RosterShift[]
  page: number
  pageSize: number
  hasMore: boolean
}

/** Outputs of the checkin actions. */
export interface VolunteerCheckinOutputs {
  slotCode: SlotCode
  checkIn: CheckResult
  checkOut: CheckResult
  myCheckin: MyCheckin
  roster: Roster
}
