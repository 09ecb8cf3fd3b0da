import { idempotentHandler, publicHandler, type Handlers } from '../../lib/router'
import { checkinCode } from './checkinCode'
import { listCommunities, me, signUp, updateProfile } from './profile'
import { grantStaff, listStaff, revokeStaff } from './staff'
import { applyVolunteer, listApplications, reviewApplication, setBirthDate, withdrawApplication } from './volunteer'
import { workbench } from '../workbench'

/** The `user` function's handlers, one per contract action. */
export const userHandlers: Handlers<'user'> = {
  listCommunities: publicHandler(listCommunities),
  me,
  // Generic idempotency record (lib/idempotency): a retry gets the stored answer.
  signUp,
  // Idempotent by their own writes (see each handler): no request record, 2 database requests fewer.
  updateProfile: idempotentHandler(updateProfile),
  applyVolunteer: idempotentHandler(applyVolunteer),
  // A conditional set of a missing field: a retry finds it set to the same day.
  setBirthDate: idempotentHandler(setBirthDate),
  withdrawApplication: idempotentHandler(withdrawApplication),
  listApplications,
  reviewApplication: idempotentHandler(reviewApplication),
  grantStaff: idempotentHandler(grantStaff),
  revokeStaff: idempotentHandler(revokeStaff),
  listStaff,
  checkinCode,
  // Staff's queues with their counts; each domain registers its entry in cloud/domain/workbench.
  workbench,
}
