// The volunteer service (志愿服务, issue 10): projects and slots, sign-up, check-in and check-out, and the hours
// ledger. One cloud function, `volunteer`; its actions are defined in three parts, each in its own file.
import { volunteerCheckinInputs, type VolunteerCheckinOutputs } from './checkin'
import { volunteerLedgerInputs, type VolunteerLedgerOutputs } from './ledger'
import { volunteerSlotsInputs, type VolunteerSlotsOutputs } from './slots'
import { volunteerStatsInputs, type VolunteerStatsOutputs } from './stats'

export * from './rules'
export * from './slots'
export * from './checkin'
export * from './ledger'
export * from './stats'

/** The `volunteer` function's actions. */
export const volunteerInputs = { ...volunteerSlotsInputs, ...volunteerCheckinInputs, ...volunteerLedgerInputs, ...volunteerStatsInputs }

export interface VolunteerOutputs extends VolunteerSlotsOutputs, VolunteerCheckinOutputs, VolunteerLedgerOutputs, VolunteerStatsOutputs {}
