import type { Handlers } from '../../lib/router'
import { checkinHandlers } from './checkin'
import { ledgerHandlers } from './ledger'
import { slotsHandlers } from './slots'
import { monthStats } from './stats'

/** The `volunteer` function's handlers: projects, slots and sign-up; check-in and check-out; the hours ledger;
 * the monthly statistics (part D). */
export const volunteerHandlers: Handlers<'volunteer'> = { ...slotsHandlers, ...checkinHandlers, ...ledgerHandlers, monthStats }
