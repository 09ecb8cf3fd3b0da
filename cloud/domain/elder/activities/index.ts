import type { elderActivitiesInputs } from '../../../../src/contracts/elder/activities'
import { idempotentHandler, publicHandler, type Handlers } from '../../../lib/router'
import { cancelOccurrence, moveOccurrence } from './exceptions'
import { archiveActivity, editRule, saveActivity, staffActivities, staffActivity } from './staff'
import { week } from './week'

/**
 * The elder function's activities handlers (issue 12, part A). Every mutation is idempotent by its own write: a
 * create derives its _id from the requestId; activity changes record it on the activity, exceptions on the
 * occurrence. `week` is public (the schedule hangs on the notice board): it reads no user unless it must find the
 * caller's community.
 */
export const activitiesHandlers: Pick<Handlers<'elder'>, keyof typeof elderActivitiesInputs> = {
  saveActivity: idempotentHandler(saveActivity),
  editRule: idempotentHandler(editRule),
  archiveActivity: idempotentHandler(archiveActivity),
  staffActivities,
  staffActivity,
  cancelOccurrence: idempotentHandler(cancelOccurrence),
  moveOccurrence: idempotentHandler(moveOccurrence),
  week: publicHandler(week),
}
