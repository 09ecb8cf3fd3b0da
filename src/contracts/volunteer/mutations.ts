// Which volunteer actions change data (zod-free, for the client's transport), per part of the domain. Each part's
// owner lists its own; `volunteerMutations` (../mutations.ts) joins them.

/** Projects, slots and sign-up (slots.ts). */
export const volunteerSlotMutations = ['saveProject', 'archiveProject', 'createSlots', 'editSlot', 'cancelSlot', 'setTrainingTags', 'signUp', 'cancelSignUp'] as const

/** Check-in and check-out (checkin.ts). */
export const volunteerCheckinMutations = ['checkIn', 'checkOut'] as const

/** Confirmation, the ledger, disputes and certificates (ledger.ts). */
export const volunteerLedgerMutations = [
  'confirmShifts',
  'adjustShift',
  'voidShift',
  'backfill',
  'creditWish',
  'correctEntry',
  'answerDispute',
  'recordCertificate',
  'disputeEntry',
  'requestCertificate',
] as const
