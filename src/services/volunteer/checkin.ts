import type { CheckPurpose, InputOf } from '@/contracts'
import { call } from '../cloud'

type CheckInput = InputOf<'volunteer', 'checkIn'>

/** The volunteer function's check-in part: 签到码, check-in and check-out, my check-in, the roster. */
export const checkinService = {
  /** Staff: the slot's current on-site code for checking in or out. */
  slotCode: (slotId: string, purpose: CheckPurpose) => call('volunteer', 'slotCode', { slotId, purpose }),
  /** Check in (by code or location; staff: from the roster for a volunteer). */
  checkIn: (input: CheckInput) => call('volunteer', 'checkIn', input),
  /** Check out of the open pair (same ways as checkIn). */
  checkOut: (input: CheckInput) => call('volunteer', 'checkOut', input),
  /** My shift on a slot: the window, the pairs, what I may do now. */
  myCheckin: (slotId: string) => call('volunteer', 'myCheckin', { slotId }),
  /** Staff: the slot's roster, with phones, one page of shifts at a time. */
  roster: (input: InputOf<'volunteer', 'roster'>) => call('volunteer', 'roster', input),
}
