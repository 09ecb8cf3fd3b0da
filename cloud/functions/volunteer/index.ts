import { volunteerHandlers } from '../../domain/volunteer'
import { createMain } from '../../lib/router'

/** Cloud function `volunteer`: service projects and slots, sign-up, check-in and check-out, and the hours ledger. */
export const main = createMain('volunteer', volunteerHandlers)
