/** POST /tcb/...: the TCB API that wx-server-sdk talks to, dispatched on body.action. */
import type { IncomingMessage, ServerResponse } from 'http'
import { EmulatorCore, INVALID_INPUT_JSON } from '../core'
import { nestedDeeperThan } from '../runner/depth'
import { signatureProblem, type SignedRequest } from './signature'
import { BodyTooLarge, readBody, refuseTooLarge, sendJson } from '../http/body'
import { TcbError } from './errors'
import { isDatabaseAction, runDatabaseAction } from './database'
import { isStorageAction, runStorageAction } from './storage'
import { parseMultipart, decodeRequestData, encodeResponse, answerOpenApi } from './openapi'

function answerError(res: ServerResponse, e: unknown): void {
  const code = e instanceof TcbError ? e.code : 'SYS_ERR'
  const message = e instanceof Error ? e.message : String(e)
  sendJson(res, 200, { code, message, requestId: 'local' })
}

/** The parts of a request its signature covers. */
function signed(req: IncomingMessage, params: Record<string, unknown>): SignedRequest {
  return { method: req.method || 'POST', host: String(req.headers.host || ''), target: req.url || '/', headers: req.headers, params }
}

/** Answer one TCB request; `session` is the URL path after /tcb (a worker's `/w/<n>`, or ''). */
export async function handleTcb(core: EmulatorCore, session: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (/^multipart\/form-data/i.test(req.headers['content-type'] || '')) return handleOpenApi(core, session, req, res)
  let body: Record<string, any>
  try {
    body = JSON.parse((await readBody(req)).toString() || '{}')
  } catch (e) {
    if (e instanceof BodyTooLarge) return refuseTooLarge(res)
    return answerError(res, new TcbError('INVALID_PARAM', 'body must be JSON'))
  }
  const unsigned = signatureProblem(core.credentials, signed(req, body))
  if (unsigned) return answerError(res, new TcbError('SIGN_PARAM_INVALID', `签名验证失败: ${unsigned}`))
  const action = String(body.action || '')
  core.noteRequest(session, action)
  try {
    let out: object
    if (isDatabaseAction(action)) {
      out = runDatabaseAction({ store: core.store, txm: core.txm, session, onQuery: (q) => core.noteQuery(session, q.coll, q.index) }, action, body)
    } else if (isStorageAction(action)) {
      out = runStorageAction(core.storage(), action, body)
    } else if (action === 'functions.invokeFunction') {
      out = await invokeFunction(core, session, body)
    } else {
      throw new TcbError('SYS_ERR', `action ${action || '(none)'} is not supported by the emulator`)
    }
    sendJson(res, 200, { requestId: 'local', ...out })
  } catch (e) {
    answerError(res, e)
  }
}

/** functions.invokeFunction: a function calling another keeps the caller's identity. */
async function invokeFunction(core: EmulatorCore, session: string, body: Record<string, any>): Promise<object> {
  const name = String(body.function_name || '')
  if (!core.runner.has(name)) throw new TcbError('FUNCTIONS_NOT_EXIST', `function ${name} does not exist`)
  let event: unknown
  try {
    event = body.request_data ? JSON.parse(body.request_data) : {}
  } catch {
    throw new TcbError('INVALID_PARAM', 'request_data must be JSON')
  }
  // Refused before it reaches a worker, answered as the function itself refuses bad input.
  if (nestedDeeperThan(event)) return { data: { response_data: INVALID_INPUT_JSON } }
  const r = await core.runner.invoke(name, event, { openid: core.identityOf(session) }, { dbRequests: 0, queries: [], openid: core.identityOf(session) })
  if (!r.ok) throw new TcbError('FUNCTIONS_EXECUTE_FAIL', r.error || 'function failed')
  return { data: { response_data: r.json ?? 'null' } }
}

/** wx.openApi: protobuf in, protobuf out (never content-type exactly `application/json; charset=utf-8`). */
async function handleOpenApi(core: EmulatorCore, session: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    const form = await parseMultipart(req)
    const unsigned = signatureProblem(core.credentials, signed(req, form))
    if (unsigned) throw new TcbError('SIGN_PARAM_INVALID', `签名验证失败: ${unsigned}`)
    const action = form.action?.toString() || ''
    core.noteRequest(session, action)
    if (action !== 'wx.openApi') throw new TcbError('SYS_ERR', `multipart action ${action} is not supported by the emulator`)
    const apiName = form.apiName?.toString() || ''
    const data = decodeRequestData(form.requestData)
    const json: Record<string, any> = await answerOpenApi({ logMessage: (m) => core.store.logMessage(m), core, baseUrl: core.url }, apiName, data)
    core.log(`openapi ${apiName} → ${Buffer.isBuffer(json.buffer) ? `${json.contentType}, ${json.buffer.length} bytes` : JSON.stringify(json.result || { errcode: json.errcode })}`)
    const buf = encodeResponse(json)
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': buf.length })
    res.end(buf)
  } catch (e) {
    answerError(res, e)
  }
}
