import type { schoolAttendanceInputs } from '../../../../src/contracts/school/attendance'
import type { Handlers } from '../../../lib/router'

/** The school function's attendance handlers. */
export const attendanceHandlers: Pick<Handlers<'school'>, keyof typeof schoolAttendanceInputs> = {}
