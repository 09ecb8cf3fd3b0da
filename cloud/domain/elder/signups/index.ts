import type { elderSignupsInputs } from '../../../../src/contracts/elder/signups'
import { idempotentHandler, publicHandler, type Handlers } from '../../../lib/router'
import { mySignups, occurrenceDetail } from './detail'
import { archiveProfile, myProfiles, saveProfile, saveStaffProfile, staffProfiles } from './profiles'
import { callList } from './reminders'
import { cancelSignUp, signUp } from './signup'

/**
 * The elder function's signups handlers (issue 12, part B). Every mutation is idempotent by its own write: a sign-up
 * and a cancellation record the requestId on the entry; a profile's create derives its _id from the requestId;
 * edits and archiving are pure sets.
 */
export const signupsHandlers: Pick<Handlers<'elder'>, keyof typeof elderSignupsInputs> = {
  occurrenceDetail,
  // Public: myself reads my user, a family elder the profile (its managers decide); staff both.
  signUp: publicHandler(idempotentHandler(signUp)),
  cancelSignUp: idempotentHandler(cancelSignUp),
  mySignups,
  saveProfile: idempotentHandler(saveProfile),
  myProfiles,
  archiveProfile: idempotentHandler(archiveProfile),
  saveStaffProfile: idempotentHandler(saveStaffProfile),
  staffProfiles,
  callList,
}
