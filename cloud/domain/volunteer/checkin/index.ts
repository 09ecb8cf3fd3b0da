import { idempotentHandler, type Handlers } from '../../../lib/router'
import type { volunteerCheckinInputs } from '../../../../src/contracts/volunteer/checkin'
import { checkIn, checkOut } from './check'
import { slotCode } from './code'
import { myCheckin } from './mine'
import { roster } from './roster'

/**
 * The volunteer function's checkin handlers (issue 10), one per action of src/contracts/volunteer/checkin.ts.
 * checkIn/checkOut recognise their own retry: the call's requestId is pushed on the shift in the same update.
 */
export const checkinHandlers: Pick<Handlers<'volunteer'>, keyof typeof volunteerCheckinInputs> = {
  slotCode,
  checkIn: idempotentHandler(checkIn),
  checkOut: idempotentHandler(checkOut),
  myCheckin,
  roster,
}
