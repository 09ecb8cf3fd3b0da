/** A raw HTTP/1.1 request over a socket: any method, path, header list (duplicates, omissions) and body framing. */
import net from 'net'

export interface RawRequest {
  method: string
  path: string
  /** Sent in order, duplicates and all; no header is added. */
  headers: [string, string][]
  body: Buffer
  /** Stop sending after this many body bytes and half-close (a truncated body); undefined sends it all. */
  truncateAt?: number
}

/** What came back: the status of the response head, or how the connection ended without one. */
export type RawAnswer = { status: number; head: string } | { status: 0; ended: 'reset' | 'closed' | 'timeout'; error?: string }

/** The request's bytes up to and including its head. */
export function headText(r: RawRequest): string {
  return `${r.method} ${r.path} HTTP/1.1\r\n${r.headers.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`
}

/** Sends `r` to host:port and resolves with the response head's status, or how the connection ended. */
export function sendRaw(port: number, r: RawRequest, timeoutMs = 15_000): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1')
    let got = ''
    let settled = false
    const finish = (a: RawAnswer) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      socket.destroy()
      resolve(a)
    }
    const timer = setTimeout(() => finish({ status: 0, ended: 'timeout' }), timeoutMs)
    socket.on('data', (c: Buffer) => {
      got += c.toString('latin1')
      for (;;) {
        const end = got.indexOf('\r\n\r\n')
        if (end < 0) return
        const m = /^HTTP\/1\.[01] (\d{3})/.exec(got)
        if (!m) return finish({ status: 0, ended: 'closed', error: `not HTTP: ${got.slice(0, 80)}` })
        // An interim answer (100 Continue) is not the answer: read on to the final one.
        if (m[1].startsWith('1')) {
          got = got.slice(end + 4)
          continue
        }
        return finish({ status: Number(m[1]), head: got.slice(0, end) })
      }
    })
    socket.on('error', (e: NodeJS.ErrnoException) => finish({ status: 0, ended: e.code === 'ECONNRESET' ? 'reset' : 'closed', error: e.code || e.message }))
    socket.on('close', () => finish({ status: 0, ended: 'closed' }))
    socket.on('connect', () => {
      const body = r.truncateAt === undefined ? r.body : r.body.subarray(0, r.truncateAt)
      // A server that answers early (413) may close while the body is still going out: that error is not the answer's.
      socket.write(Buffer.concat([Buffer.from(headText(r), 'latin1'), body]), () => {
        if (r.truncateAt !== undefined) socket.end()
      })
    })
  })
}
