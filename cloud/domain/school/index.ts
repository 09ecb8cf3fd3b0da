import type { Handlers } from '../../lib/router'
import { attendanceHandlers } from './attendance'
import { childrenHandlers } from './children'
import { enrolmentHandlers } from './enrolment'
import { sessionsHandlers } from './sessions'

/** The `school` function's handlers: sessions and the station; children; enrolment; attendance. */
export const schoolHandlers: Handlers<'school'> = { ...sessionsHandlers, ...childrenHandlers, ...enrolmentHandlers, ...attendanceHandlers }
