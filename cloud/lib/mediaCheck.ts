// WeChat's asynchronous image content check (security.mediaCheckAsync v2) for user photos: start a check per photo,
// and read the answer WeChat pushes later as a message-push event (`Event: 'wxa_media_check'`) to a function.
import crypto from 'crypto'
import type { PhotoCheckState } from '../../src/contracts'
import { cloud } from './cloud'
import { pushSignature } from './pushSignature'
import { tempFileUrls } from './storage'

/** One photo's check, stored with the document that shows the photo. */
export interface PhotoCheck {
  fileId: string
  state: PhotoCheckState
  /** WeChat's task id; absent when the check could not be started (the photo then stays under check). */
  traceId?: string
  /** WeChat's result.label (100 normal, 20002 porn, …) once answered. */
  label?: number
  at: Date
  checkedAt?: Date
}

/** mediaCheckAsync v2 scenes: 1 profile, 2 comment, 3 forum post, 4 social log. */
export type MediaScene = 1 | 2 | 3 | 4

/** What WeChat pushes when a check is done (v2; `signature`/`timestamp`/`nonce` when the push is signed). */
export interface MediaCheckPush {
  ToUserName?: string
  FromUserName?: string
  CreateTime?: number
  MsgType?: string
  Event: 'wxa_media_check'
  appid?: string
  trace_id?: unknown
  version?: number
  errcode?: number
  errmsg?: string
  result?: { suggest?: unknown; label?: unknown }
  detail?: unknown[]
  signature?: unknown
  timestamp?: unknown
  nonce?: unknown
}

/** A push's answer for one trace id. */
export interface MediaVerdict {
  traceId: string
  state: Exclude<PhotoCheckState, 'checking'>
  label?: number
}

/**
 * Starts the check of each new photo (one storage request for the URLs, one open-API call per photo) and answers a
 * `checking` record per photo, in order; photos already in `previous` keep their record. A check that cannot be
 * started is logged and kept without a trace id (never shown to others: it stays under check).
 */
export async function startPhotoChecks(who: { openid: string; now: Date }, fileIds: readonly string[], scene: MediaScene, previous: readonly PhotoCheck[] = []): Promise<PhotoCheck[]> {
  const known = new Map(previous.map((c) => [c.fileId, c]))
  const fresh = fileIds.filter((f) => !known.has(f))
  const urls = await tempFileUrls(fresh)
  const started = await Promise.all(
    fresh.map(async (fileId): Promise<PhotoCheck> => {
      const check: PhotoCheck = { fileId, state: 'checking', at: who.now }
      const mediaUrl = urls.get(fileId)
      if (!mediaUrl) return check
      try {
        const res = (await cloud.openapi.security.mediaCheckAsync({ mediaUrl, mediaType: 2, version: 2, scene, openid: who.openid } as never)) as { traceId?: string }
        if (res?.traceId) check.traceId = String(res.traceId)
      } catch (err) {
        const e = err as { errCode?: unknown; message?: unknown }
        console.warn('[mediaCheck] mediaCheckAsync failed', e?.errCode ?? '', String(e?.message ?? '').slice(0, 120))
      }
      return check
    }),
  )
  const byFile = new Map(started.map((c) => [c.fileId, c]))
  return fileIds.map((f) => known.get(f) ?? byFile.get(f)!)
}

/** True when a function's event is a media-check message push (or claims to be one). */
export function isMediaCheckPush(event: unknown): event is MediaCheckPush {
  return !!event && typeof event === 'object' && (event as { Event?: unknown }).Event === 'wxa_media_check'
}

/** Invocation sources that mean a client (or a function a client called) sent the event, never the platform. */
const CLIENT_SOURCES = ['wx_client', 'wx_devtools', 'wx_localdebug', 'wx_crawler']

/**
 * Why a push event is not to be trusted, or undefined when it is: it must come from the platform (the invocation's
 * SOURCE is not a client's), and when HEMEI_PUSH_TOKEN is set it must carry WeChat's signature for that token.
 */
export function pushRefusal(event: MediaCheckPush): string | undefined {
  const source = String(cloud.getWXContext().SOURCE || '')
  if (!source || source.split(',').some((s) => CLIENT_SOURCES.includes(s.trim()))) return 'not from the platform'
  const token = process.env.HEMEI_PUSH_TOKEN
  if (token) {
    const { signature, timestamp, nonce } = event
    if (typeof signature !== 'string' || typeof timestamp !== 'string' || typeof nonce !== 'string') return 'unsigned'
    const expected = Buffer.from(pushSignature(token, timestamp, nonce))
    const given = Buffer.from(signature)
    if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return 'bad signature'
  }
  return undefined
}

/** The verdict a push carries, or undefined when it carries none (an error push, a malformed trace id). */
export function pushVerdict(event: MediaCheckPush): MediaVerdict | undefined {
  const traceId = event.trace_id
  if (typeof traceId !== 'string' || !/^[A-Za-z0-9_-]{1,80}$/.test(traceId)) return undefined
  if (event.errcode !== undefined && event.errcode !== 0) return undefined
  const suggest = event.result?.suggest
  if (suggest !== 'pass' && suggest !== 'risky' && suggest !== 'review') return undefined
  const label = Number(event.result?.label)
  return { traceId, state: suggest, ...(Number.isInteger(label) ? { label } : {}) }
}
