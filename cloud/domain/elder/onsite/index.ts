import type { elderOnsiteInputs } from '../../../../src/contracts/elder/onsite'
import { idempotentHandler, type Handlers } from '../../../lib/router'
import { monthStats } from '../stats'
import { addWalkIn, checkIn } from './checkin'
import { occurrenceCode, scanCheckIn } from './code'
import { poster } from './poster'
import { walkInProfiles } from './profiles'
import { roster } from './roster'

/**
 * The elder function's onsite handlers (part C). The mutations recognise their own retry (a check-in answers the
 * first; a walk-in carries its requestId), so they need no idempotency record.
 */
export const onsiteHandlers: Pick<Handlers<'elder'>, keyof typeof elderOnsiteInputs> = {
  roster,
  checkIn: idempotentHandler(checkIn),
  addWalkIn: idempotentHandler(addWalkIn),
  walkInProfiles,
  occurrenceCode,
  scanCheckIn: idempotentHandler(scanCheckIn),
  monthStats,
  poster,
}
