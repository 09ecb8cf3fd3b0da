// The 4 o'clock school (四点钟学校, issue 11): sessions, children, enrolment with capacity, waitlist and lottery, and
// attendance with authorised pick-up. One cloud function, `school`; its actions are defined in four parts.
import { schoolAttendanceInputs, type SchoolAttendanceOutputs } from './attendance'
import { schoolChildrenInputs, type SchoolChildrenOutputs } from './children'
import { schoolEnrolmentInputs, type SchoolEnrolmentOutputs } from './enrolment'
import { schoolSessionsInputs, type SchoolSessionsOutputs } from './sessions'

export * from './rules'
export * from './sessions'
export * from './children'
export * from './enrolment'
export * from './attendance'
export * from './views'

/** The `school` function's actions. */
export const schoolInputs = { ...schoolSessionsInputs, ...schoolChildrenInputs, ...schoolEnrolmentInputs, ...schoolAttendanceInputs }

export interface SchoolOutputs extends SchoolSessionsOutputs, SchoolChildrenOutputs, SchoolEnrolmentOutputs, SchoolAttendanceOutputs {}
