import type { schoolSessionsInputs } from '../../../../src/contracts/school/sessions'
import { idempotentHandler, type Handlers } from '../../../lib/router'
import { browseSessions } from './families'
import { closeSession, saveSession, staffSession, staffSessions } from './staff'
import { assignStationVolunteer, stationVolunteers, unassignStationVolunteer } from './station'

/**
 * The school function's sessions handlers (part A). Every mutation is idempotent by its own write: a create derives
 * its _id from the requestId, an edit or close records it on the session, the station's changes are addToSet/pull.
 */
export const sessionsHandlers: Pick<Handlers<'school'>, keyof typeof schoolSessionsInputs> = {
  saveSession: idempotentHandler(saveSession),
  closeSession: idempotentHandler(closeSession),
  staffSessions,
  staffSession,
  browseSessions,
  assignStationVolunteer: idempotentHandler(assignStationVolunteer),
  unassignStationVolunteer: idempotentHandler(unassignStationVolunteer),
  stationVolunteers,
}
