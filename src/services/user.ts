import type { InputOf } from '@/contracts'
import { call } from './cloud'

/** The user function: profile, sign-up, volunteer applications, staff. */
export const userService = {
  /** Communities and their grids, for sign-up. */
  listCommunities: () => call('user', 'listCommunities', {}),
  /** The current user (signedUp false for a new user). */
  me: () => call('user', 'me', {}),
  /** First use: agree to the privacy guide and choose a community. */
  signUp: (input: InputOf<'user', 'signUp'>) => call('user', 'signUp', input),
  /** Nickname, grid or large-font preference. */
  updateProfile: (input: InputOf<'user', 'updateProfile'>) => call('user', 'updateProfile', input),
  /** Apply to become a volunteer. */
  applyVolunteer: (input: InputOf<'user', 'applyVolunteer'>) => call('user', 'applyVolunteer', input),
  /** An approved volunteer adds the birth date their record lacks (age requirements of service projects). */
  setBirthDate: (birthDate: string) => call('user', 'setBirthDate', { birthDate }),
  /** Withdraw one's own pending application. */
  withdrawApplication: (applicationId: string) => call('user', 'withdrawApplication', { applicationId }),
  /** Staff: a page of volunteer applications in their communities. */
  listApplications: (input: InputOf<'user', 'listApplications'>) => call('user', 'listApplications', input),
  /** Staff: approve, or reject with a reason. */
  reviewApplication: (input: InputOf<'user', 'reviewApplication'>) => call('user', 'reviewApplication', input),
  /** Staff: the current check-in code of a community they serve (changes every 30 s). */
  checkinCode: (communityId: string) => call('user', 'checkinCode', { communityId }),
  /** Staff: each work queue of their communities with its count (the workbench). */
  workbench: () => call('user', 'workbench', {}),
}
