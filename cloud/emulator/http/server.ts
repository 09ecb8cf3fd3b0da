/** The emulator's HTTP server: TCB API, function calls with dev identity, dev endpoints, files, the h5 app. */
import http from 'http'
import path from 'path'
import type { Duplex } from 'stream'
import { EmulatorCore } from '../core'
import { handleTcb } from '../tcb/dispatch'
import { receiveUpload, uploadAuthorized } from '../tcb/storage'
import { BodyTooLarge, drainRefused, MAX_CALL_BYTES, readBody, refuseTooLarge, sendJson } from './body'
import { devIdentityAllowed, validDevOpenid, isLoopback } from './devIdentity'
import { allowedHosts, originMayWrite } from './guard'
import { handleTriggerRoute } from '../triggers/route'
import { serveStatic, safeJoin, sendFile } from './static'
import { handleUpload } from './upload'
import { PERSONAS } from '../seed/personas'
import { ERROR_MESSAGES } from '../../../src/contracts/errors'

/** CORS only for loopback origins (a taro dev server on another port), never for other sites. */
function corsHeaders(req: http.IncomingMessage): Record<string, string> {
  const origin = req.headers.origin
  if (!origin) return {}
  try {
    if (!isLoopback(new URL(origin).hostname)) return {}
  } catch {
    return {}
  }
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-headers': 'content-type, x-hemei-openid',
    'access-control-allow-methods': 'GET, POST, OPTIONS',
    vary: 'origin',
  }
}

/** Create the server (not yet listening). */
export function createServer(core: EmulatorCore, host: string): http.Server {
  const hostAllowed = allowedHosts(host)
  const server = http.createServer((req, res) => {
    if (refused(hostAllowed, req, res)) return
    route(core, host, req, res).catch((e) => {
      if (e instanceof BodyTooLarge && !res.headersSent) return refuseTooLarge(res)
      console.error('emulator: request failed', e)
      if (!res.headersSent) sendJson(res, 500, { ok: false, code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL })
      else res.destroy()
    })
  })
  // CONNECT (a proxy tunnel) is not a request Node hands to the handler above: without a listener the
  // connection is dropped unanswered. The emulator is no proxy: answer 405 and close. The socket is no longer
  // the HTTP server's, so what the client still sends is read and dropped (unread, it would hold the
  // connection open, and server.close() with it), and a client that never ends is cut after 10 s.
  server.on('connect', (_req: http.IncomingMessage, socket: Duplex) => {
    const body = JSON.stringify({ ok: false, code: 'INVALID_INPUT', message: ERROR_MESSAGES.INVALID_INPUT })
    socket.on('error', () => undefined)
    socket.resume()
    setTimeout(() => socket.destroy(), 10_000).unref()
    socket.end(`HTTP/1.1 405 Method Not Allowed\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`)
  })
  server.keepAliveTimeout = 65_000
  return server
}

/** Refuses (403) a foreign Host (DNS rebinding) and a write from a foreign Origin (cross-site simple requests). */
function refused(hostAllowed: (h: string | undefined) => boolean, req: http.IncomingMessage, res: http.ServerResponse): boolean {
  const tcb = (req.url || '').startsWith('/tcb')
  let why = ''
  if (!hostAllowed(req.headers.host)) why = '请求的主机名不是本模拟器的地址'
  else if (!SAFE_METHODS.has(req.method || 'GET') && !originMayWrite(req.headers.origin, req.headers.host || '')) why = '其他网站不能向本模拟器写入'
  if (!why) return false
  res.setHeader('connection', 'close')
  req.resume()
  sendJson(res, 403, tcb ? { code: 'PERMISSION_DENIED', message: why, requestId: 'local' } : { ok: false, code: 'UNAUTHENTICATED', message: why })
  return true
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** The request target as a URL when it is a path (origin-form); '///' is the path '///', not a URL with an empty host. */
function targetOf(raw: string): URL | undefined {
  if (!raw.startsWith('/')) return undefined
  try {
    return new URL('http://x' + raw)
  } catch {
    return undefined
  }
}

async function route(core: EmulatorCore, host: string, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const url = targetOf(req.url || '/')
  if (!url) return void sendJson(res, 400, { ok: false, code: 'INVALID_INPUT', message: ERROR_MESSAGES.INVALID_INPUT })
  const p = url.pathname
  const method = req.method || 'GET'
  for (const [k, v] of Object.entries(corsHeaders(req))) res.setHeader(k, v)

  if (method === 'OPTIONS') {
    res.writeHead(204)
    res.end()
    return
  }
  if (method === 'POST' && (p === '/tcb' || p.startsWith('/tcb/'))) return handleTcb(core, p.slice(4), req, res)
  if (method === 'PUT' && p.startsWith('/tcb-upload/')) {
    if (!uploadAuthorized(core.storage(), p, req.headers.authorization as string | undefined)) {
      // COS's own refusal: 403 with an XML error.
      res.writeHead(403, { 'content-type': 'application/xml', connection: 'close' })
      res.end(`<?xml version='1.0' encoding='utf-8' ?>\n<Error><Code>AccessDenied</Code><Message>Access Denied.</Message></Error>`)
      req.resume()
      return
    }
    const outcome = await receiveUpload(core.storage(), p.slice('/tcb-upload'.length), req)
    if (outcome === 'tooLarge') {
      // COS's own refusal of an object over its limit; the rest of the body is not read.
      res.writeHead(400, { 'content-type': 'application/xml', connection: 'close' })
      res.end(`<?xml version='1.0' encoding='utf-8' ?>\n<Error><Code>EntityTooLarge</Code><Message>Your proposed upload exceeds the maximum allowed object size.</Message></Error>`)
      drainRefused(req)
      return
    }
    res.writeHead(outcome === 'ok' ? 200 : 400, { 'content-length': 0 })
    res.end()
    return
  }
  if (p.startsWith('/api/fn/')) {
    if (method !== 'POST') return void sendJson(res, 405, { ok: false, code: 'INVALID_INPUT', message: ERROR_MESSAGES.INVALID_INPUT })
    return callFunction(core, host, p.slice('/api/fn/'.length), req, res)
  }
  if (p === '/api/upload') return handleUpload(core, host, url, req, res)
  if (method === 'POST' && p.startsWith('/api/dev/trigger/')) return handleTriggerRoute(core, host, p.slice('/api/dev/trigger/'.length), req, res)
  if (method === 'GET' && p === '/api/dev/personas') return void sendJson(res, 200, { personas: PERSONAS })
  if (method === 'GET' && p === '/api/dev/messages') return void sendJson(res, 200, { messages: core.store.messages() })
  if ((method === 'GET' || method === 'HEAD') && p.startsWith('/files/')) {
    const file = safeJoin(core.filesDir, p.slice('/files'.length))
    if (file && sendFile(res, file, method)) return
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
    res.end('Not found')
    return
  }
  if (method === 'GET' || method === 'HEAD') return serveStatic(res, path.resolve(core.opts.staticDir), p, method)
  sendJson(res, 404, { ok: false, code: 'NOT_FOUND', message: 'Not found' })
}

async function callFunction(core: EmulatorCore, host: string, name: string, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const header = req.headers['x-hemei-openid']
  const openid = Array.isArray(header) ? header[0] : header
  if (openid !== undefined && !devIdentityAllowed(host, req.socket.remoteAddress)) {
    sendJson(res, 403, { ok: false, code: 'UNAUTHENTICATED', message: '开发身份只在本机可用' })
    return
  }
  if (!openid) return void sendJson(res, 200, { ok: false, code: 'UNAUTHENTICATED', message: ERROR_MESSAGES.UNAUTHENTICATED })
  if (!validDevOpenid(openid)) return void sendJson(res, 400, { ok: false, code: 'INVALID_INPUT', message: ERROR_MESSAGES.INVALID_INPUT })
  let fn: string
  try {
    fn = decodeURIComponent(name)
  } catch {
    return void sendJson(res, 400, { ok: false, code: 'INVALID_INPUT', message: ERROR_MESSAGES.INVALID_INPUT })
  }
  let event: unknown
  try {
    event = JSON.parse((await readBody(req, MAX_CALL_BYTES)).toString() || '{}')
  } catch (e) {
    if (e instanceof BodyTooLarge) return refuseTooLarge(res)
    return void sendJson(res, 200, { ok: false, code: 'INVALID_INPUT', message: ERROR_MESSAGES.INVALID_INPUT })
  }
  const { json } = await core.callFunction(fn, event, openid)
  sendJson(res, 200, json)
}
