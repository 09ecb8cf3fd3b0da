/** Text of an SDK error, whatever shape it came in (Error, {errCode, errMsg}, or a string). */
function errorText(err: unknown): string {
  if (!err) return ''
  if (typeof err === 'string') return err
  const e = err as { errMsg?: unknown; message?: unknown; code?: unknown }
  return [e.code, e.errMsg, e.message].filter((x) => typeof x === 'string').join(' ')
}

/** True when an insert failed because a document with that `_id` already exists (MongoDB E11000). */
export function isDuplicateKeyError(err: unknown): boolean {
  return /E11000|duplicate key|DUPLICATE|already exists/i.test(errorText(err))
}
