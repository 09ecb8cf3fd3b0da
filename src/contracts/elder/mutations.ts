// Which elder actions change data (zod-free, for the client's transport), per part of the domain. Each part's owner
// lists its own; `elderMutations` (../mutations.ts) joins them.

/** Activities and exceptions (activities.ts). */
export const elderActivityMutations = ['saveActivity', 'editRule', 'archiveActivity', 'cancelOccurrence', 'moveOccurrence'] as const

/** Sign-ups and managed profiles (signups.ts). */
export const elderSignupMutations = ['signUp', 'cancelSignUp', 'saveProfile', 'archiveProfile', 'saveStaffProfile'] as const

/** Check-in and walk-ins (onsite.ts). */
export const elderOnsiteMutations = ['checkIn', 'addWalkIn', 'scanCheckIn'] as const
