import { elderActivityMutations, elderOnsiteMutations, elderSignupMutations } from './elder/mutations'
import { schoolAttendanceMutations, schoolChildMutations, schoolEnrolmentMutations, schoolSessionMutations } from './school/mutations'
import { volunteerCheckinMutations, volunteerLedgerMutations, volunteerSlotMutations } from './volunteer/mutations'

/**
 * Which actions change data (they must carry a requestId and are made idempotent), per function.
 * Kept free of zod so the client's transport can import it without loading the schemas.
 */
export const userMutations = ['signUp', 'updateProfile', 'applyVolunteer', 'setBirthDate', 'withdrawApplication', 'reviewApplication', 'grantStaff', 'revokeStaff'] as const

export const wishMutations = ['post', 'resubmit', 'cancel', 'claim', 'withdraw', 'fulfil', 'confirm', 'report', 'review', 'hide', 'release', 'requestRelease'] as const

/** Exports write a file and a log entry: a retry answers with the first call's file. */
export const exportMutations = ['wishMonth', 'volunteerRecord', 'volunteerMonth', 'schoolRoster', 'schoolMonth'] as const

/** The volunteer service: each part lists its own (volunteer/mutations.ts). */
export const volunteerMutations = [...volunteerSlotMutations, ...volunteerCheckinMutations, ...volunteerLedgerMutations] as const

/** The 4 o'clock school: each part lists its own (school/mutations.ts). */
export const schoolMutations = [...schoolSessionMutations, ...schoolChildMutations, ...schoolEnrolmentMutations, ...schoolAttendanceMutations] as const

/** Elder activities: each part lists its own (elder/mutations.ts). */
export const elderMutations = [...elderActivityMutations, ...elderSignupMutations, ...elderOnsiteMutations] as const

/** Mutating actions per cloud function (the same lists as `contract[fn].mutations`). */
export const MUTATIONS: Record<string, readonly string[]> = {
  user: userMutations,
  wish: wishMutations,
  export: exportMutations,
  volunteer: volunteerMutations,
  school: schoolMutations,
  elder: elderMutations,
}
