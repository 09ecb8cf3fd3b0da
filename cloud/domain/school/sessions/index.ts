import type { schoolSessionsInputs } from '../../../../src/contracts/school/sessions'
import type { Handlers } from '../../../lib/router'

/** The school function's sessions handlers. */
export const sessionsHandlers: Pick<Handlers<'school'>, keyof typeof schoolSessionsInputs> = {}
