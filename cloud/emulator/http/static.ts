/** Static files: the built h5 app (SPA with index.html fallback) and the storage stand-in's files. */
import fs from 'fs'
import path from 'path'
import type { ServerResponse } from 'http'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
}

/** The content type for a file name. */
export function contentType(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream'
}

/** Resolve a URL path inside `root`, refusing anything that escapes it. */
export function safeJoin(root: string, urlPath: string): string | undefined {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return undefined
  }
  if (decoded.includes('\0')) return undefined
  const full = path.resolve(root, '.' + path.posix.normalize('/' + decoded))
  const rootAbs = path.resolve(root)
  return full === rootAbs || full.startsWith(rootAbs + path.sep) ? full : undefined
}

/** Send a file (200) or report false when it is not a regular file. */
export function sendFile(res: ServerResponse, file: string, method = 'GET', extraHeaders: Record<string, string> = {}): boolean {
  let st: fs.Stats
  try {
    st = fs.statSync(file)
  } catch {
    return false
  }
  if (!st.isFile()) return false
  res.writeHead(200, { 'content-type': contentType(file), 'content-length': st.size, ...extraHeaders })
  if (method === 'HEAD') res.end()
  else fs.createReadStream(file).pipe(res)
  return true
}

/** Serve the SPA: the file when it exists, else index.html (hash router), else 404. */
export function serveStatic(res: ServerResponse, root: string, urlPath: string, method: string): void {
  const file = safeJoin(root, urlPath === '/' ? '/index.html' : urlPath)
  if (file && sendFile(res, file, method, { 'cache-control': 'no-cache' })) return
  const looksLikeAsset = /\.[a-z0-9]+$/i.test(urlPath)
  if (!looksLikeAsset && sendFile(res, path.join(root, 'index.html'), method, { 'cache-control': 'no-cache' })) return
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
  res.end(fs.existsSync(root) ? 'Not found' : `Not found (the h5 app is not built: ${root} is missing; run npm run build:h5)`)
}
