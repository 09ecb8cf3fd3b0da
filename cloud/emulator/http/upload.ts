/**
 * `POST /api/upload?cloudPath=wishes/<owner hash>/<name>.jpg` — the h5 app's photo upload, into the LOCAL STAND-IN
 * for cloud storage (the same files `storage.*` and `/files/` serve). weapp uploads with wx.cloud.uploadFile;
 * h5 has no such API, so this route takes the raw image bytes and answers `{ fileID }`. Dev identity only:
 * the same loopback guard as /api/fn (X-Hemei-Openid required). The file always lands in the caller's own folder
 * (`wishes/<hash of the caller's openid>/`, cloud/lib/ownerHash.ts): only the file name of the asked path is used.
 */
import fs from 'fs'
import path from 'path'
import type http from 'http'
import type { EmulatorCore } from '../core'
import { fileIdPrefix } from '../tcb/storage'
import { uploadFolderOf } from '../../lib/ownerHash'
import { readBody, refuseTooLarge, sendJson } from './body'
import { devIdentityAllowed, validDevOpenid } from './devIdentity'
import { safeJoin } from './static'
import { ERROR_MESSAGES } from '../../../src/contracts/errors'
import { PHOTO_FILE_NAME, unsafeCloudPath } from '../../../src/contracts/photos'

/** Largest accepted image (bytes). */
export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024

/** Accepted content types and how their files begin (magic bytes). */
const IMAGE_TYPES: Record<string, (b: Buffer) => boolean> = {
  'image/jpeg': (b) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) => b.length > 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/webp': (b) => b.length > 12 && b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  'image/gif': (b) => b.length > 6 && /^GIF8[79]a$/.test(b.subarray(0, 6).toString('latin1')),
}

function fail(res: http.ServerResponse, status: number, code: keyof typeof ERROR_MESSAGES, message: string): void {
  sendJson(res, status, { ok: false, code, message })
}

/** Handle one upload. */
export async function handleUpload(core: EmulatorCore, host: string, url: URL, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  if (req.method !== 'POST') return fail(res, 405, 'INVALID_INPUT', '请用 POST 上传')
  const header = req.headers['x-hemei-openid']
  const openid = Array.isArray(header) ? header[0] : header
  if (openid !== undefined && !devIdentityAllowed(host, req.socket.remoteAddress)) return fail(res, 403, 'UNAUTHENTICATED', '开发身份只在本机可用')
  if (!openid) return fail(res, 401, 'UNAUTHENTICATED', ERROR_MESSAGES.UNAUTHENTICATED)
  if (!validDevOpenid(openid)) return fail(res, 400, 'INVALID_INPUT', ERROR_MESSAGES.INVALID_INPUT)

  // The asked path gives only the file name; the folder is the caller's, whatever folder was asked.
  const asked = url.searchParams.get('cloudPath') || ''
  const fileName = asked.split('/').pop() || ''
  if (unsafeCloudPath(asked) || !PHOTO_FILE_NAME.test(fileName)) return fail(res, 400, 'INVALID_INPUT', '图片路径应为 wishes/<您的文件夹>/<文件名>.jpg')
  const cloudPath = `${uploadFolderOf(openid)}/${fileName}`
  const type = String(req.headers['content-type'] || '')
    .split(';')[0]
    .trim()
    .toLowerCase()
  if (!IMAGE_TYPES[type]) return fail(res, 415, 'INVALID_INPUT', '只能上传 JPG、PNG、WebP 或 GIF 图片')

  let body: Buffer
  try {
    body = await readBody(req, MAX_UPLOAD_BYTES)
  } catch {
    // Too large (by Content-Length or as it arrived): answered, and the connection closed after the answer.
    if (!res.headersSent) refuseTooLarge(res, '图片不能超过2MB')
    return
  }
  // The bytes must be an image of an accepted format (browsers sometimes label a PNG as image/jpeg).
  if (!body.length || !Object.values(IMAGE_TYPES).some((isType) => isType(body))) return fail(res, 400, 'INVALID_INPUT', '文件不是有效的图片')

  // The same location the storage stand-in resolves a fileID to (tcb/storage.ts localFile).
  const file = safeJoin(core.filesDir, '/' + cloudPath.split('/').map(encodeURIComponent).join('/'))
  if (!file) return fail(res, 400, 'INVALID_INPUT', ERROR_MESSAGES.INVALID_INPUT)
  // Never overwrite: a file name is chosen once (the client makes it unique), so nobody replaces another's photo.
  if (fs.existsSync(file)) return fail(res, 409, 'CONFLICT', '同名文件已存在，请重新选择图片')
  fs.mkdirSync(path.dirname(file), { recursive: true })
  const tmp = `${file}.${process.pid}.${Date.now()}.part`
  fs.writeFileSync(tmp, body)
  fs.renameSync(tmp, file)
  core.log(`upload ${cloudPath} ${body.length}B by ${openid}`)
  sendJson(res, 200, { fileID: fileIdPrefix(core.opts.envName) + cloudPath })
}
