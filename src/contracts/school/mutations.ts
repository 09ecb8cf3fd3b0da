// Which school actions change data (zod-free, for the client's transport), per part of the domain. Each part's owner
// lists its own; `schoolMutations` (../mutations.ts) joins them.

/** Sessions and the station's volunteers (sessions.ts). */
export const schoolSessionMutations = ['saveSession', 'closeSession', 'assignStationVolunteer', 'unassignStationVolunteer'] as const

/** Children, consent, invitations, pick-up adults (children.ts). */
export const schoolChildMutations = [
  'consentChildPolicy',
  'addChild',
  'editChild',
  'savePickupAdult',
  'removePickupAdult',
  'renewPickupCode',
  'createInvite',
  'joinFamily',
  'deleteChild',
] as const

/** Enrolment, lottery, offers (enrolment.ts). */
export const schoolEnrolmentMutations = ['enrol', 'enterLottery', 'cancelEnrolment', 'acceptOffer', 'declineOffer', 'removeEnrolment', 'setCapacity', 'verifyClaim', 'drawLottery'] as const

/** Attendance (attendance.ts). */
export const schoolAttendanceMutations = ['reportLeave', 'markLeave', 'cancelLeave', 'checkInChild', 'checkOutChild', 'releaseChild', 'cancelDay'] as const
