import type { Handlers } from '../../../lib/router'
import type { volunteerCheckinInputs } from '../../../../src/contracts/volunteer/checkin'

/** The volunteer function's checkin handlers (issue 10), one per action of src/contracts/volunteer/checkin.ts. */
export const checkinHandlers: Pick<Handlers<'volunteer'>, keyof typeof volunteerCheckinInputs> = {}
