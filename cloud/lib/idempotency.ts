import type { Result } from '../../src/contracts'
import type { Ctx } from './context'
import type { Job } from './jobs'
import { isDuplicateKeyError } from './dbErrors'
import { HandlerError } from './errors'
import type { RequestDoc } from './model'

// Idempotency for mutations (every mutation carries a client requestId), at most 2 extra database requests per call:
//  1. insert a 'running' record keyed `${openid}:${fn}:${requestId}`; a duplicate key means this is a retry;
//  2. when the handler is done, store its Result on the record.
// Decisions:
//  - Refusals (HandlerError results such as INVALID_STATE) are stored too, so a retry gets the same answer.
//  - Transient failures (INTERNAL, CONFLICT) are NOT kept: the record is removed, so a retry runs again.
//  - A retry that finds the record still 'running' gets DUPLICATE_REQUEST; a 'running' record older than
//    STALE_MS (the function timed out or crashed) is taken over with a conditional update and re-run.
//  - A requestId reused for a different action is INVALID_INPUT.
const COLLECTION = 'requests'
const STALE_MS = 60_000
/** Records older than this are purged by the scheduler (a retry comes within seconds or minutes, never a day later). */
const KEEP_MS = 24 * 3600 * 1000
const TRANSIENT = new Set(['INTERNAL', 'CONFLICT', 'DUPLICATE_REQUEST'])

/** What `beginRequest` decided: run the handler, or answer with a stored result. */
export type Begin = { run: true; key: string } | { run: false; result: Result<unknown> }

/** The idempotency key of a call. */
export function requestKey(openid: string, fn: string, requestId: string): string {
  return `${openid}:${fn}:${requestId}`
}

/** Claims the request key, or returns the stored outcome of an earlier attempt. */
export async function beginRequest(ctx: Pick<Ctx, 'db' | 'openid' | 'now'>, fn: string, action: string, requestId: string): Promise<Begin> {
  const key = requestKey(ctx.openid, fn, requestId)
  const col = ctx.db.collection(COLLECTION)
  const doc: RequestDoc = { _id: key, fn, action, status: 'running', createdAt: ctx.now }
  try {
    await col.add({ data: doc })
    return { run: true, key }
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err
  }
  const prev = (await col.doc(key).get()).data as RequestDoc | null
  if (!prev) return { run: false, result: fail(new HandlerError('DUPLICATE_REQUEST')) }
  if (prev.action !== action) return { run: false, result: fail(new HandlerError('INVALID_INPUT', '请求编号已被其他操作使用')) }
  if (prev.status === 'done') return { run: false, result: prev.result as Result<unknown> }
  const stale = new Date(ctx.now.getTime() - STALE_MS)
  const takeover = await col.where({ _id: key, status: 'running', createdAt: ctx.db.command.lt(stale) }).update({ data: { createdAt: ctx.now } })
  if (takeover.stats.updated === 1) return { run: true, key }
  return { run: false, result: fail(new HandlerError('DUPLICATE_REQUEST')) }
}

/** Stores the outcome of a claimed request (or forgets it when the failure was transient). */
export async function finishRequest(ctx: Pick<Ctx, 'db'>, key: string, result: Result<unknown>): Promise<void> {
  const doc = ctx.db.collection(COLLECTION).doc(key)
  if (!result.ok && TRANSIENT.has(result.code)) await doc.remove()
  else await doc.update({ data: { status: 'done', result: ctx.db.command.set(result) } })
}

function fail(e: HandlerError): Result<unknown> {
  return { ok: false, code: e.code, message: e.message }
}

/** Job: removes idempotency records older than a day, by one conditional remove on the `age` index (createdAt). */
export const purgeRequestsJob: Job = {
  name: 'purgeRequests',
  everyMinutes: 60,
  async run(ctx) {
    const cutoff = new Date(ctx.now.getTime() - KEEP_MS)
    const res = await ctx.db
      .collection(COLLECTION)
      .where({ createdAt: ctx.db.command.lt(cutoff) })
      .remove()
    return { done: res.stats.removed }
  },
}
