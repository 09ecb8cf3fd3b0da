import { publicHandler, type Handlers } from '../../lib/router'
import { listCommunities, me, signUp, updateProfile } from './profile'
import { grantStaff, listStaff, revokeStaff } from './staff'
import { applyVolunteer, listApplications, reviewApplication, withdrawApplication } from './volunteer'

/** The `user` function's handlers, one per contract action. */
export const userHandlers: Handlers<'user'> = {
  listCommunities: publicHandler(listCommunities),
  me,
  signUp,
  updateProfile,
  applyVolunteer,
  withdrawApplication,
  listApplications,
  reviewApplication,
  grantStaff,
  revokeStaff,
  listStaff,
}
