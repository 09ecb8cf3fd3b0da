import type { Handlers } from '../../../lib/router'
import type { volunteerSlotsInputs } from '../../../../src/contracts/volunteer/slots'

/** The volunteer function's slots handlers (issue 10), one per action of src/contracts/volunteer/slots.ts. */
export const slotsHandlers: Pick<Handlers<'volunteer'>, keyof typeof volunteerSlotsInputs> = {}
