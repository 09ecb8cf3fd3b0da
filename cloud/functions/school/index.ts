import { schoolHandlers } from '../../domain/school'
import { createMain } from '../../lib/router'

/** Cloud function `school` (四点钟学校): sessions, children, enrolment with waitlist and lottery, and attendance. */
export const main = createMain('school', schoolHandlers)
