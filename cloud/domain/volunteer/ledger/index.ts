import type { Handlers } from '../../../lib/router'
import type { volunteerLedgerInputs } from '../../../../src/contracts/volunteer/ledger'

/** The volunteer function's ledger handlers (issue 10), one per action of src/contracts/volunteer/ledger.ts. */
export const ledgerHandlers: Pick<Handlers<'volunteer'>, keyof typeof volunteerLedgerInputs> = {}
