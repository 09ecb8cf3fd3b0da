import type { ErrorCode } from './errors'

/** What every cloud function returns: one shape for success and failure. */
export type Result<T> = { ok: true; data: T } | { ok: false; code: ErrorCode; message: string; issues?: FieldIssue[] }

/** One invalid field, for INVALID_INPUT. `path` is dot-joined. */
export interface FieldIssue {
  path: string
  message: string
}

/** The event a client sends to a cloud function (`data` of callFunction, or the emulator's POST body). */
export interface CallEvent {
  action: string
  input?: unknown
  /** Required for mutating actions: a client-made id that makes retries have one effect. */
  requestId?: string
}
