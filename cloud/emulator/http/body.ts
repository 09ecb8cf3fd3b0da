/** Small HTTP helpers: read a request body, answer JSON. */
import type { IncomingMessage, ServerResponse } from 'http'

/** Read the whole request body (rejects above `limit` bytes). */
export function readBody(req: IncomingMessage, limit = 20 * 1024 * 1024): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > limit) {
        reject(new Error('request body too large'))
        req.destroy()
        return
      }
      chunks.push(c)
    })
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

/** Answer with a JSON body; returns the number of body bytes. */
export function sendJson(res: ServerResponse, status: number, body: unknown): number {
  const text = typeof body === 'string' ? body : JSON.stringify(body)
  const buf = Buffer.from(text)
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': buf.length })
  res.end(buf)
  return buf.length
}
