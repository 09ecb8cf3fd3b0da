// Which school actions change data (zod-free, for the client's transport), per part of the domain. Each part's owner
// lists its own; `schoolMutations` (../mutations.ts) joins them.

/** Sessions and the station's volunteers (sessions.ts). */
export const schoolSessionMutations = [] as const

/** Children, consent, invitations, pick-up adults (children.ts). */
export const schoolChildMutations = [] as const

/** Enrolment, lottery, offers (enrolment.ts). */
export const schoolEnrolmentMutations = ['enrol', 'enterLottery', 'cancelEnrolment', 'acceptOffer', 'declineOffer', 'removeEnrolment', 'setCapacity', 'verifyClaim', 'drawLottery'] as const

/** Attendance (attendance.ts). */
export const schoolAttendanceMutations = [] as const
