import type { schoolEnrolmentInputs } from '../../../../src/contracts/school/enrolment'
import type { Handlers } from '../../../lib/router'

/** The school function's enrolment handlers. */
export const enrolmentHandlers: Pick<Handlers<'school'>, keyof typeof schoolEnrolmentInputs> = {}
