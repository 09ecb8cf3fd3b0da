import { ERROR_MESSAGES, type ErrorCode, type FieldIssue } from '../../src/contracts'

/** An expected refusal thrown by a handler; the router turns it into `{ ok: false, code, message }`. */
export class HandlerError extends Error {
  readonly code: ErrorCode
  readonly issues?: FieldIssue[]
  constructor(code: ErrorCode, message?: string, issues?: FieldIssue[]) {
    super(message || ERROR_MESSAGES[code])
    this.name = 'HandlerError'
    this.code = code
    this.issues = issues
  }
}

/** INVALID_INPUT for one field, with a Chinese message for the form. */
export function invalidField(path: string, message: string): HandlerError {
  return new HandlerError('INVALID_INPUT', message, [{ path, message }])
}
