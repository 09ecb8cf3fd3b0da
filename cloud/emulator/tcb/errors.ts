/** TCB error answers: HTTP 200 with a truthy top-level `code` (cloud/emulator/README.md, The wire). */

/** An error the TCB API answers with `{code, message}`. */
export class TcbError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

/** Shorthand constructors for the codes the emulator uses. */
export const errors = {
  invalidParam: (m: string) => new TcbError('INVALID_PARAM', m),
  requestFailed: (m: string) => new TcbError('DATABASE_REQUEST_FAILED', m),
  invalidOperator: (m: string) => new TcbError('DATABASE_INVALID_OPERRATOR', m),
  collectionNotExist: (name: string) => new TcbError('DATABASE_COLLECTION_NOT_EXIST', `collection ${name} does not exist`),
  collectionExists: (name: string) => new TcbError('DATABASE_COLLECTION_ALREADY_EXIST', `collection ${name} already exists`),
  txConflict: () => new TcbError('DATABASE_TRANSACTION_CONFLICT', 'transaction conflict: a document in the write set was changed by another transaction'),
  txNotExist: (id: string) => new TcbError('DATABASE_TRANSACTION_NOT_EXIST', `transaction ${id} does not exist or has ended`),
  unsupported: (action: string) => new TcbError('SYS_ERR', `action ${action} is not supported by the emulator`),
}
