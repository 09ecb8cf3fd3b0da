/**
 * LOCAL STAND-IN for WeChat's asynchronous image check, security.mediaCheckAsync v2: answers `{ trace_id }` at once
 * and, a moment later, delivers the result as WeChat's message push (`Event: 'wxa_media_check'`) to the function
 * that cloud/messagePush.json names for it, invoked as the platform (SOURCE `wx_unknown`, no user) and signed with
 * this start's push token (HEMEI_PUSH_TOKEN). A media URL whose file name contains `risky` is judged risky (label
 * 20002); one whose name contains `pending` is never answered (WeChat has up to 30 minutes: the photo stays under
 * check); any other is a pass. A URL that is not one of this emulator's files gets an error push (-1008, as WeChat
 * answers a download failure).
 */
import crypto from 'crypto'
import fs from 'fs'
import path from 'path'
import type { EmulatorCore } from '../core'
import { pushSignature } from '../../lib/pushSignature'

type Json = Record<string, any>

/** How long after the call the push arrives (ms); WeChat takes seconds to minutes (at most 30 minutes). */
export const MEDIA_CHECK_DELAY_MS = 150

/** The source a platform push runs with (WeChat does not document the value for pushes; not a client's). */
const PLATFORM_SOURCE = 'wx_unknown'

interface PushRoute {
  MsgType: string
  Event: string
  function: string
}

/** The functions message pushes go to (cloud/messagePush.json, as entered in the CloudBase console). */
function pushRoutes(): PushRoute[] {
  const file = path.resolve(__dirname, '../../messagePush.json')
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { pushes: PushRoute[] }).pushes
}

/** A trace id shaped like WeChat's (e.g. 6889d061-73133221-45935f77). */
function traceId(): string {
  const hex = crypto.randomBytes(12).toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 16)}-${hex.slice(16, 24)}`
}

/**
 * Delivers one message push to the function configured for its MsgType/Event, as the platform, signed with the
 * push token unless `signature` is given (tests pass a wrong one); resolves with the function's answer.
 */
export async function deliverMessagePush(core: EmulatorCore, event: Json, signature?: string): Promise<unknown> {
  const route = pushRoutes().find((r) => r.MsgType === event.MsgType && r.Event === event.Event)
  if (!route || core.closed) return undefined
  const timestamp = String(Math.floor(Date.now() / 1000))
  const nonce = crypto.randomBytes(8).toString('hex')
  const signed = { ...event, timestamp, nonce, signature: signature ?? pushSignature(core.pushToken, timestamp, nonce) }
  core.log(`push ${event.Event} ${event.trace_id ?? ''} → ${route.function}`)
  return (await core.callFunction(route.function, signed, '', PLATFORM_SOURCE)).result
}

/** The local file a media URL of this emulator names, if it exists. */
function localMedia(core: EmulatorCore, mediaUrl: string): string | undefined {
  const prefix = `${core.url}/files/`
  if (!mediaUrl.startsWith(prefix)) return undefined
  const rel = decodeURIComponent(mediaUrl.slice(prefix.length))
  const file = path.resolve(core.filesDir, rel)
  return file.startsWith(path.resolve(core.filesDir) + path.sep) && fs.existsSync(file) ? file : undefined
}

/** security.mediaCheckAsync: the immediate answer, and the push a moment later. */
export function mediaCheckAsync(core: EmulatorCore, data: Json): Json {
  const mediaUrl = String(data.media_url || '')
  if (!mediaUrl || Number(data.media_type) !== 2) return { errcode: 40097, errmsg: 'invalid args: media_url and media_type 2 (image) are required' }
  if (Number(data.version) !== 2 || !data.openid || ![1, 2, 3, 4].includes(Number(data.scene))) {
    return { errcode: 40097, errmsg: 'invalid args: version 2 needs openid and scene 1-4' }
  }
  const id = traceId()
  const file = localMedia(core, mediaUrl)
  const risky = !!file && /risky/i.test(path.basename(file))
  const suggest = risky ? 'risky' : 'pass'
  const label = risky ? 20002 : 100
  const push: Json = {
    ToUserName: 'gh_hemei_local',
    FromUserName: data.openid,
    CreateTime: Math.floor(Date.now() / 1000),
    MsgType: 'event',
    Event: 'wxa_media_check',
    appid: 'wx-hemei-local',
    trace_id: id,
    version: 2,
    ...(file
      ? { detail: [{ strategy: 'content_model', errcode: 0, suggest, label, prob: risky ? 90 : 0 }], errcode: 0, errmsg: 'ok', result: { suggest, label } }
      : { detail: [], errcode: -1008, errmsg: '下载错误，请检查媒体链接是否有效' }),
  }
  if (file && /pending/i.test(path.basename(file))) return { errcode: 0, errmsg: 'ok', trace_id: id }
  const timer = setTimeout(() => {
    deliverMessagePush(core, push).catch((e) => core.log(`push ${id} failed: ${String(e)}`))
  }, MEDIA_CHECK_DELAY_MS)
  timer.unref()
  return { errcode: 0, errmsg: 'ok', trace_id: id }
}
