import type { schoolAttendanceInputs } from '../../../../src/contracts/school/attendance'
import { idempotentHandler, type Handlers } from '../../../lib/router'
import { sessionStats } from '../stats'
import { cancelDay } from './cancelDay'
import { checkInChild, checkOutChild, releaseChild } from './check'
import { childDay, childDays } from './family'
import { cancelLeave, markLeave, reportLeave } from './leave'
import { checkoutOptions, roster } from './roster'

/**
 * The school function's attendance handlers (part C). Every mutation recognises its own retry by the requestId it
 * records on what it changed (the child's record of the day, the cancelled day, the child's pick-up lock), so the
 * router keeps no generic request record for them (a check-out stays within 3 requests).
 */
export const attendanceHandlers: Pick<Handlers<'school'>, keyof typeof schoolAttendanceInputs> = {
  roster,
  reportLeave: idempotentHandler(reportLeave),
  markLeave: idempotentHandler(markLeave),
  cancelLeave: idempotentHandler(cancelLeave),
  checkInChild: idempotentHandler(checkInChild),
  checkOutChild: idempotentHandler(checkOutChild),
  checkoutOptions,
  releaseChild: idempotentHandler(releaseChild),
  childDay,
  childDays,
  cancelDay: idempotentHandler(cancelDay),
  sessionStats,
}
