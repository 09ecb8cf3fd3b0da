import type { Handlers } from '../../lib/router'
import { checkinHandlers } from './checkin'
import { ledgerHandlers } from './ledger'
import { slotsHandlers } from './slots'

/** The `volunteer` function's handlers: projects, slots and sign-up; check-in and check-out; the hours ledger. */
export const volunteerHandlers: Handlers<'volunteer'> = { ...slotsHandlers, ...checkinHandlers, ...ledgerHandlers }
