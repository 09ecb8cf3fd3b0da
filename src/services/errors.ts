// The client's one error type: a refused or failed call, with the contract's Chinese message.
import type { FieldIssue } from '@/contracts'
import { ERROR_MESSAGES, isErrorCode, type ErrorCode } from '@/contracts/errors'

/** A refused or failed call, with a Chinese message fit to show the user. */
export class AppError extends Error {
  readonly code: ErrorCode
  readonly issues?: FieldIssue[]
  constructor(code: ErrorCode, message?: string, issues?: FieldIssue[]) {
    super(message || ERROR_MESSAGES[code])
    this.name = 'AppError'
    this.code = code
    this.issues = issues
    Object.setPrototypeOf(this, AppError.prototype)
  }
}

/** True when `e` is an AppError (also across module copies). */
export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError || (!!e && typeof e === 'object' && (e as { name?: string }).name === 'AppError' && isErrorCode((e as { code?: unknown }).code))
}

/** Turns anything thrown into an AppError (unknown failures become INTERNAL). */
export function toAppError(e: unknown): AppError {
  if (isAppError(e)) return e
  return new AppError('INTERNAL')
}
