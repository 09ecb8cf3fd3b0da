// The volunteer function's ledger actions: input schemas and outputs (issue 10).

/** Input schemas of the ledger actions. */
export const volunteerLedgerInputs = {}

/** Outputs of the ledger actions. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface VolunteerLedgerOutputs {}
