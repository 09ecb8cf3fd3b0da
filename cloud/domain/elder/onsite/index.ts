import type { elderOnsiteInputs } from '../../../../src/contracts/elder/onsite'
import type { Handlers } from '../../../lib/router'

/** The elder function's onsite handlers. */
export const onsiteHandlers: Pick<Handlers<'elder'>, keyof typeof elderOnsiteInputs> = {}
