/** Small HTTP helpers: read a request body, answer JSON. */
import type { IncomingMessage, ServerResponse } from 'http'

/** The largest function-call body (`/api/fn`), as CloudBase's own event limit is about that size. */
export const MAX_CALL_BYTES = 1024 * 1024

/** After refusing a body, at most this much more is read and dropped so that the refusal reaches the client. */
const DRAIN_BYTES = 32 * 1024 * 1024

/** A request body above the reader's limit (answered 413 by `refuseTooLarge`). */
export class BodyTooLarge extends Error {
  constructor() {
    super('request body too large')
  }
}

/**
 * Read the whole request body; rejects with BodyTooLarge above `limit` bytes (by Content-Length or as it
 * arrives). The rest of the body is then read and dropped (up to DRAIN_BYTES), not reset: a client still
 * sending would otherwise lose the answer to a connection reset.
 */
export function readBody(req: IncomingMessage, limit = 20 * 1024 * 1024): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const onData = (c: Buffer) => {
      size += c.length
      if (size > limit) return refuse()
      chunks.push(c)
    }
    const refuse = () => {
      req.off('data', onData)
      chunks.length = 0
      drainRefused(req)
      reject(new BodyTooLarge())
    }
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
    if (Number(req.headers['content-length'] || 0) > limit) return refuse()
    req.on('data', onData)
  })
}

/** Reads and drops what is left of a refused body (at most DRAIN_BYTES more), so that the refusal reaches the client. */
export function drainRefused(req: IncomingMessage): void {
  let size = 0
  req.on('data', (c: Buffer) => {
    size += c.length
    if (size > DRAIN_BYTES) req.destroy()
  })
  req.resume()
}

/** Answer 413 with INVALID_INPUT and close the connection once the answer is out. */
export function refuseTooLarge(res: ServerResponse, message = '请求内容过大'): void {
  res.setHeader('connection', 'close')
  sendJson(res, 413, { ok: false, code: 'INVALID_INPUT', message })
}

/** Answer with a JSON body; returns the number of body bytes. */
export function sendJson(res: ServerResponse, status: number, body: unknown): number {
  const text = typeof body === 'string' ? body : JSON.stringify(body)
  const buf = Buffer.from(text)
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': buf.length })
  res.end(buf)
  return buf.length
}
