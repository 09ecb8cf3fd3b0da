import type { elderActivitiesInputs } from '../../../../src/contracts/elder/activities'
import type { Handlers } from '../../../lib/router'

/** The elder function's activities handlers. */
export const activitiesHandlers: Pick<Handlers<'elder'>, keyof typeof elderActivitiesInputs> = {}
