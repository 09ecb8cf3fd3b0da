import type { elderSignupsInputs } from '../../../../src/contracts/elder/signups'
import type { Handlers } from '../../../lib/router'

/** The elder function's signups handlers. */
export const signupsHandlers: Pick<Handlers<'elder'>, keyof typeof elderSignupsInputs> = {}
