// Elder activities (长者活动, issue 12): the weekly schedule, sign-up for self or on behalf, reminders, on-site
// check-in, and the printable poster. One cloud function, `elder`; its actions are defined in three parts.
import { elderActivitiesInputs, type ElderActivitiesOutputs } from './activities'
import { elderOnsiteInputs, type ElderOnsiteOutputs } from './onsite'
import { elderSignupsInputs, type ElderSignupsOutputs } from './signups'

export * from './rules'
export * from './activities'
export * from './signups'
export * from './onsite'

/** The `elder` function's actions. */
export const elderInputs = { ...elderActivitiesInputs, ...elderSignupsInputs, ...elderOnsiteInputs }

export interface ElderOutputs extends ElderActivitiesOutputs, ElderSignupsOutputs, ElderOnsiteOutputs {}
