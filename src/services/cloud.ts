import Taro from '@tarojs/taro'
import type { ActionName, CallEvent, FunctionName, InputOf, OutputOf, Result } from '@/contracts'
// Runtime imports come from the zod-free contract modules, so the main package does not load zod.
import { ERROR_MESSAGES, isErrorCode, type ErrorCode } from '@/contracts/errors'
import { MUTATIONS } from '@/contracts/mutations'
import { AppError, isAppError } from './errors'
import { getPersona } from './persona'

export { AppError, isAppError, toAppError } from './errors'

/**
 * Sends one event to one cloud function and resolves with its Result.
 * It rejects only when the call did not reach the function (network failure).
 */
export type Transport = (fn: FunctionName, event: CallEvent) => Promise<unknown>

/** weapp: connects wx.cloud to the environment from .env.* (TARO_APP_CLOUD_ENV; empty = the default one). Call once at launch. */
export function initCloud(): void {
  if (process.env.TARO_ENV !== 'weapp') return
  const env = process.env.TARO_APP_CLOUD_ENV
  Taro.cloud.init(env ? { env, traceUser: true } : { traceUser: true })
}

const weappTransport: Transport = async (fn, event) => {
  const res = await Taro.cloud.callFunction({ name: fn, data: event as unknown as Record<string, unknown> })
  return res.result
}

/** h5 (local only): POST to the emulator, with the chosen dev persona as identity. */
const h5Transport: Transport = async (fn, event) => {
  const base = process.env.TARO_APP_EMULATOR_URL || ''
  const header: Record<string, string> = { 'Content-Type': 'application/json' }
  const persona = getPersona()
  if (persona) header['X-Hemei-Openid'] = persona
  const res = await Taro.request({ url: `${base}/api/fn/${fn}`, method: 'POST', data: event, header, dataType: 'json' })
  if (res.data && typeof res.data === 'object' && 'ok' in res.data) return res.data
  if (res.statusCode >= 500 || !res.statusCode) throw new Error(`HTTP ${res.statusCode}`)
  return res.data
}

let transport: Transport = process.env.TARO_ENV === 'h5' ? h5Transport : weappTransport

/** Test seam: replace the transport (returns the previous one). */
export function setTransport(next: Transport): Transport {
  const prev = transport
  transport = next
  return prev
}

/** A fresh idempotency key: 20 chars of [A-Za-z0-9]. */
export function newRequestId(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
  let out = Date.now().toString(36)
  while (out.length < 20) out += chars[Math.floor(Math.random() * chars.length)]
  return out
}

function isNetworkFailure(e: unknown): boolean {
  return !isAppError(e) || e.code === 'NETWORK'
}

async function send(fn: FunctionName, event: CallEvent): Promise<unknown> {
  try {
    return await transport(fn, event)
  } catch (e) {
    if (!isNetworkFailure(e)) throw e
    // One automatic retry; a mutation reuses its requestId so it has one effect.
    try {
      return await transport(fn, event)
    } catch (e2) {
      if (!isNetworkFailure(e2)) throw e2
      throw new AppError('NETWORK')
    }
  }
}

/** The one typed client: calls `fn`'s `action` and resolves with its data, or throws AppError. */
export async function call<F extends FunctionName, A extends ActionName<F>>(fn: F, action: A, input: InputOf<F, A>): Promise<OutputOf<F, A>> {
  const event: CallEvent = { action, input }
  if (MUTATIONS[fn]?.includes(action)) event.requestId = newRequestId()
  const raw = (await send(fn, event)) as Result<OutputOf<F, A>> | undefined
  if (!raw || typeof raw !== 'object' || typeof (raw as { ok?: unknown }).ok !== 'boolean') throw new AppError('INTERNAL')
  if (raw.ok) return raw.data
  const code: ErrorCode = isErrorCode(raw.code) ? raw.code : 'INTERNAL'
  throw new AppError(code, raw.message || ERROR_MESSAGES[code], raw.issues)
}
