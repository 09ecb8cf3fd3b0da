/**
 * `wx.openApi` (cloud.openapi.*): multipart request carrying a protobuf CommApiData, answered with a
 * protobuf CommOpenApiResp. Implements LOCAL STAND-INS for security.msgSecCheck (word list),
 * subscribeMessage.send (logged to the messages table, served at GET /api/dev/messages) and
 * wxacode.getUnlimited (a PNG QR code of the h5 link, standins/wxacode.ts).
 */
import Busboy from 'busboy'
import type { IncomingMessage } from 'http'
import type { EmulatorCore } from '../core'
import { mediaCheckAsync } from '../standins/mediaCheck'
import { checkText } from '../standins/wordlist'
import { answerWxacode, type BinaryAnswer } from '../standins/wxacode'

type Json = Record<string, any>

// Field numbers of wx-server-sdk's protobuf messages (its bundled src/protobuf/openapi.js):
//   CommApiData { 1 apiType int32; 2 openapiData OpenApiData; 6 appid string }
//   OpenApiData { 1 pairs repeated KeyValuePair }   KeyValuePair { 1 key string; 2 value bytes }
//   CommOpenApiResp { 1 respData bytes; 2 contentType string; 3 errorCode int32; 4 httpCode uint32 }
// Encoded by hand with protobufjs/minimal: requiring wx-server-sdk itself (whose protobuf root has
// these types) fails under tsx 4.19 on Node 20.19+ (async-function's "module-sync" require.mjs).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Reader, Writer } = require('protobufjs/minimal')

function decodeMessage(buf: Uint8Array, onField: (field: number, r: any, wireType: number) => boolean): void {
  const r = Reader.create(buf)
  while (r.pos < r.len) {
    const tag = r.uint32()
    if (!onField(tag >>> 3, r, tag & 7)) r.skipType(tag & 7)
  }
}

/** Parse a multipart body into fields (strings) and files (buffers). */
export function parseMultipart(req: IncomingMessage): Promise<Record<string, Buffer>> {
  return new Promise((resolve, reject) => {
    const out: Record<string, Buffer> = {}
    const bb = Busboy({ headers: req.headers })
    bb.on('field', (name, value) => (out[name] = Buffer.from(value)))
    bb.on('file', (name, stream) => {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => (out[name] = Buffer.concat(chunks)))
    })
    bb.on('close', () => resolve(out))
    bb.on('error', reject)
    req.pipe(bb)
  })
}

/** Decode CommApiData's key/value pairs (values are JSON) into an object with snake_case keys. */
export function decodeRequestData(buf: Buffer | undefined): Json {
  const out: Json = {}
  if (!buf || !buf.length) return out
  decodeMessage(buf, (field, r) => {
    if (field !== 2) return false
    decodeMessage(r.bytes(), (f2, r2) => {
      if (f2 !== 1) return false
      let key = ''
      let value: Uint8Array = new Uint8Array()
      decodeMessage(r2.bytes(), (f3, r3) => {
        if (f3 === 1) key = r3.string()
        else if (f3 === 2) value = r3.bytes()
        else return false
        return true
      })
      const text = Buffer.from(value).toString()
      try {
        out[key] = JSON.parse(text)
      } catch {
        out[key] = text
      }
      return true
    })
    return true
  })
  return out
}

/** Encode WeChat's answer as a CommOpenApiResp: JSON, or a binary one (an image) with its content type. */
export function encodeResponse(answer: Json | BinaryAnswer): Buffer {
  const binary = Buffer.isBuffer(answer.buffer) && typeof answer.contentType === 'string'
  const w = Writer.create()
  w.uint32(10).bytes(binary ? answer.buffer : Buffer.from(JSON.stringify(answer)))
  w.uint32(18).string(binary ? answer.contentType : 'application/json')
  w.uint32(24).int32(0)
  w.uint32(32).uint32(200)
  return Buffer.from(w.finish())
}

export interface OpenApiContext {
  logMessage: (msg: Json) => void
  /** The emulator, for stand-ins that answer later (message pushes). */
  core: EmulatorCore
  /** The emulator's own URL (codes encode h5 links to it). */
  baseUrl: string
}

/** Answer one WeChat open API call with the local stand-in's JSON (or binary answer). */
export function answerOpenApi(ctx: OpenApiContext, apiName: string, data: Json): Json | Promise<Json | BinaryAnswer> {
  switch (apiName) {
    case 'security.msgSecCheck': {
      const r = checkText(String(data.content || ''))
      if (Number(data.version) === 2) {
        return {
          errcode: 0,
          errmsg: 'ok',
          result: { suggest: r.suggest, label: r.label },
          detail: [{ strategy: 'keyword', errcode: 0, suggest: r.suggest, label: r.label, keyword: r.keyword }],
          trace_id: 'local',
        }
      }
      return r.suggest === 'pass' ? { errcode: 0, errmsg: 'ok' } : { errcode: 87014, errmsg: 'risky content' }
    }
    case 'subscribeMessage.send': {
      if (!data.touser || !data.template_id) return { errcode: 47003, errmsg: 'argument invalid! touser and template_id are required' }
      ctx.logMessage({ api: apiName, touser: data.touser, templateId: data.template_id, page: data.page, data: data.data, state: data.miniprogram_state })
      return { errcode: 0, errmsg: 'ok' }
    }
    case 'security.mediaCheckAsync':
      return mediaCheckAsync(ctx.core, data)
    case 'wxacode.getUnlimited':
      return answerWxacode(ctx.baseUrl, data)
    default:
      return { errcode: -1, errmsg: `${apiName} is not available in the local emulator` }
  }
}
