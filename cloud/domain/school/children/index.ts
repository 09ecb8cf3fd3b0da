import type { schoolChildrenInputs } from '../../../../src/contracts/school/children'
import type { Handlers } from '../../../lib/router'

/** The school function's children handlers. */
export const childrenHandlers: Pick<Handlers<'school'>, keyof typeof schoolChildrenInputs> = {}
