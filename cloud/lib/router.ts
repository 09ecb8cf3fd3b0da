import * as z from 'zod/mini'
import zhCN from 'zod/v4/locales/zh-CN.js'
import {
  contract,
  ERROR_MESSAGES,
  isMutation,
  requestId as requestIdSchema,
  type ActionName,
  type FieldIssue,
  type FunctionName,
  type OutputOf,
  type ParsedInputOf,
  type Result,
} from '../../src/contracts'
import { db } from './cloud'
import { buildContext, callerOpenid, isTriggerInvocation, type Ctx } from './context'
import { HandlerError } from './errors'
import { beginRequest, finishRequest } from './idempotency'
import { runDueJobs, type Job } from './jobs'
import { now } from './dates'

z.config(zhCN())

/** A plain handler: parsed input and caller context in, output data out; refusals are thrown HandlerErrors. */
export type Handler<I, O> = ((input: I, ctx: Ctx) => Promise<O>) & { public?: true; idempotent?: true }

/** One handler per action of the function's contract, typed from it. */
export type Handlers<F extends FunctionName> = { [A in ActionName<F>]: Handler<ParsedInputOf<F, A>, OutputOf<F, A>> }

/** Marks a handler as public: it runs without a signed-in user and without reading the user doc. */
export function publicHandler<I, O>(fn: (input: I, ctx: Ctx) => Promise<O>): Handler<I, O> {
  return Object.assign(fn, { public: true as const })
}

/**
 * Marks a mutation whose own writes make a retry harmless (a pure set, or a change that records
 * ctx.requestId on the document it changes). The router then skips the generic idempotency record,
 * saving 2 database requests; the handler must document how it recognises its retry.
 */
export function idempotentHandler<I, O>(fn: (input: I, ctx: Ctx) => Promise<O>): Handler<I, O> {
  return Object.assign(fn, { idempotent: true as const })
}

type AnyHandler = Handler<unknown, unknown>

/** The cloud function entry point for `fn`: validates the event, builds ctx, runs the handler, and always returns a Result. */
export function createMain<F extends FunctionName>(fn: F, handlers: Handlers<F>) {
  const inputs = contract[fn].inputs as Record<string, z.ZodMiniType>
  const table = handlers as unknown as Record<string, AnyHandler>
  return async function main(event: unknown, _context?: unknown): Promise<Result<unknown>> {
    const e = (event && typeof event === 'object' ? event : {}) as Record<string, unknown>
    // A domain function has no timer trigger: a timer-shaped event here is a client's (or a misdeclared trigger).
    if (isTimerEvent(e)) return failure('SYSTEM_ONLY')
    const action = e.action
    if (typeof action !== 'string' || !action) return failure('INVALID_INPUT', '缺少操作名称', [{ path: 'action', message: '缺少操作名称' }])
    const handler = Object.prototype.hasOwnProperty.call(table, action) ? table[action] : undefined
    const schema = Object.prototype.hasOwnProperty.call(inputs, action) ? inputs[action] : undefined
    if (!handler || !schema) return failure('NOT_FOUND', '没有这个操作')

    const parsed = schema.safeParse(e.input ?? {})
    if (!parsed.success) return invalid(parsed.error.issues)
    const mutation = isMutation(fn, action)
    if (mutation) {
      const rid = requestIdSchema.safeParse(e.requestId)
      if (!rid.success) return failure('INVALID_INPUT', '缺少有效的请求编号', [{ path: 'requestId', message: '缺少有效的请求编号' }])
    }

    const openid = callerOpenid()
    if (!openid && !handler.public) return failure('UNAUTHENTICATED')
    const at = now()
    try {
      const requestId = mutation ? (e.requestId as string) : null
      if (!mutation || handler.idempotent) return { ok: true, data: await handler(parsed.data, await buildContext(openid, !handler.public, at, requestId)) }
      // The user read and the idempotency claim are independent: run them side by side.
      const [ctxR, beginR] = await Promise.allSettled([buildContext(openid, true, at, requestId), beginRequest({ db, openid, now: at }, fn, action, requestId!)])
      if (beginR.status === 'rejected') throw beginR.reason
      const begin = beginR.value
      if (!begin.run) return begin.result
      const result = ctxR.status === 'fulfilled' ? await settle(() => handler(parsed.data, ctxR.value), fn, action) : unexpected(ctxR.reason, fn, action)
      await finishRequest({ db }, begin.key, result)
      return result
    } catch (err) {
      return unexpected(err, fn, action)
    }
  }
}

/** True when the event has a timer trigger's shape, `{ Type: 'Timer', TriggerName, Time, Message }` (SCF writes `timer`). */
function isTimerEvent(e: Record<string, unknown>): boolean {
  return typeof e.Type === 'string' && e.Type.toLowerCase() === 'timer'
}

/**
 * The entry point of the function behind the one timer trigger (`scheduler`): runs the due jobs. Only a real
 * trigger gets through: a timer event AND no user identity (isTriggerInvocation). A client's call, whatever it
 * sends (even `{ Type: 'Timer' }`), is refused with SYSTEM_ONLY. The return value goes nowhere in CloudBase; it
 * says what ran, for the emulator's log and the tests.
 */
export function createTimerMain(jobs: readonly Job[]) {
  return async function main(event: unknown, _context?: unknown): Promise<Result<unknown>> {
    const e = (event && typeof event === 'object' ? event : {}) as Record<string, unknown>
    if (!isTimerEvent(e) || !isTriggerInvocation()) return failure('SYSTEM_ONLY')
    try {
      return { ok: true, data: await runDueJobs(jobs, { db, now: now() }) }
    } catch (err) {
      return unexpected(err, 'scheduler', String(e.TriggerName))
    }
  }
}

/** Runs a handler and turns its outcome into a Result. */
async function settle(run: () => Promise<unknown>, fn: string, action: string): Promise<Result<unknown>> {
  try {
    return { ok: true, data: await run() }
  } catch (err) {
    return unexpected(err, fn, action)
  }
}

function unexpected(err: unknown, fn: string, action: string): Result<unknown> {
  if (err instanceof HandlerError) return failure(err.code, err.message, err.issues)
  // Log only what identifies the failure: no event, input, openid or phone (quoted values, e.g. ids in
  // database messages, are blanked).
  const e = err as { errCode?: unknown; errMsg?: unknown; message?: unknown }
  const text = String(e?.errMsg ?? e?.message ?? err)
    .replace(/"[^"]*"|'[^']*'/g, '"…"')
    .slice(0, 300)
  console.error(`[${fn}.${action}] unexpected error`, e?.errCode ?? '', text)
  return failure('INTERNAL')
}

function failure(code: keyof typeof ERROR_MESSAGES, message?: string, issues?: FieldIssue[]): Result<never> {
  return issues ? { ok: false, code, message: message || ERROR_MESSAGES[code], issues } : { ok: false, code, message: message || ERROR_MESSAGES[code] }
}

function invalid(issues: readonly { path: PropertyKey[]; message: string }[]): Result<never> {
  const fields = issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }))
  return failure('INVALID_INPUT', fields[0]?.message ? `${ERROR_MESSAGES.INVALID_INPUT}：${fields[0].message}` : undefined, fields)
}
