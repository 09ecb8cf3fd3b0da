/**
 * LOCAL STAND-IN for cloud storage: the `storage.*` actions answered with files on disk under
 * `<dataDir>/files`, uploaded by PUT to `/tcb-upload/<path>` and served from `/files/<path>`.
 */
import fs from 'fs'
import path from 'path'
import crypto from 'crypto'
import type { IncomingMessage } from 'http'
import { errors } from './errors'
import { safeJoin } from '../http/static'

export interface StorageContext {
  filesDir: string
  baseUrl: string
  envName: string
  /** Signs the upload URLs getUploadMetadata hands out (the emulator's secretKey). */
  secretKey: string
}

/** How long an upload authorization lasts (seconds), as COS's signed upload URLs expire. */
const UPLOAD_AUTH_SECONDS = 600

/** The authorization for PUT to `urlPath` until `expires` (Unix seconds). */
function uploadAuthorization(ctx: StorageContext, urlPath: string, expires: number): string {
  const mac = crypto.createHmac('sha256', ctx.secretKey).update(`PUT\n${urlPath}\n${expires}`).digest('hex')
  return `hemei-local ${expires}:${mac}`
}

/** Whether a PUT to `urlPath` carries an unexpired authorization that getUploadMetadata issued for it. */
export function uploadAuthorized(ctx: StorageContext, urlPath: string, authorization: string | undefined): boolean {
  const m = /^hemei-local (\d{1,12}):[0-9a-f]{64}$/.exec(String(authorization || ''))
  if (!m || Number(m[1]) * 1000 < Date.now()) return false
  const expected = Buffer.from(uploadAuthorization(ctx, urlPath, Number(m[1])))
  const given = Buffer.from(String(authorization))
  return expected.length === given.length && crypto.timingSafeEqual(expected, given)
}

type Params = Record<string, any>

/** The fileID prefix of this environment's (single, local) bucket. */
export function fileIdPrefix(envName: string): string {
  return `cloud://${envName}.hemei-local/`
}

/** The cloud path inside a fileID, or undefined when it is not one of ours. */
export function cloudPathOf(fileId: string): string | undefined {
  const m = /^cloud:\/\/[^/]+\/(.+)$/.exec(String(fileId || ''))
  return m ? m[1] : undefined
}

function localFile(ctx: StorageContext, cloudPath: string): string | undefined {
  return safeJoin(ctx.filesDir, '/' + cloudPath.split('/').map(encodeURIComponent).join('/'))
}

/** storage.getUploadMetadata: where to PUT the file, and the fileID it will have. */
function getUploadMetadata(ctx: StorageContext, p: Params) {
  const cloudPath = String(p.path || '').replace(/^\/+/, '')
  if (!cloudPath || !localFile(ctx, cloudPath)) throw errors.invalidParam('invalid cloudPath')
  const token = crypto.randomBytes(8).toString('hex')
  const urlPath = `/tcb-upload/${cloudPath.split('/').map(encodeURIComponent).join('/')}`
  return {
    data: {
      url: `${ctx.baseUrl}${urlPath}`,
      token,
      authorization: uploadAuthorization(ctx, urlPath, Math.floor(Date.now() / 1000) + UPLOAD_AUTH_SECONDS),
      fileId: fileIdPrefix(ctx.envName) + cloudPath,
      cosFileId: token,
    },
  }
}

/** storage.batchGetDownloadUrl: URLs are returned unencoded (the SDK calls encodeURI on them). */
function batchGetDownloadUrl(ctx: StorageContext, p: Params) {
  const list: { fileid: string }[] = Array.isArray(p.file_list) ? p.file_list : []
  return {
    data: {
      download_list: list.map(({ fileid }) => {
        const cloudPath = cloudPathOf(fileid)
        const file = cloudPath && localFile(ctx, cloudPath)
        if (!cloudPath || !file || !fs.existsSync(file)) return { fileID: fileid, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST' }
        return { fileID: fileid, tempFileURL: `${ctx.baseUrl}/files/${cloudPath}`, code: 'SUCCESS' }
      }),
    },
  }
}

/** storage.batchDeleteFile */
function batchDeleteFile(ctx: StorageContext, p: Params) {
  const list: string[] = Array.isArray(p.fileid_list) ? p.fileid_list : []
  return {
    data: {
      delete_list: list.map((fileID) => {
        const cloudPath = cloudPathOf(fileID)
        const file = cloudPath && localFile(ctx, cloudPath)
        if (!cloudPath || !file || !fs.existsSync(file)) return { fileID, code: 'STORAGE_FILE_NONEXIST' }
        fs.rmSync(file)
        return { fileID, code: 'SUCCESS' }
      }),
    },
  }
}

const ACTIONS: Record<string, (ctx: StorageContext, p: Params) => object> = {
  'storage.getUploadMetadata': getUploadMetadata,
  'storage.batchGetDownloadUrl': batchGetDownloadUrl,
  'storage.batchDeleteFile': batchDeleteFile,
}

/** Whether `action` is a storage action answered here. */
export function isStorageAction(action: string): boolean {
  return action in ACTIONS
}

/** Run one storage action. */
export function runStorageAction(ctx: StorageContext, action: string, p: Params): object {
  return ACTIONS[action](ctx, p)
}

/** The largest file a signed upload may PUT (a photo is at most 10 MB for WeChat's image check; an export a few MB). */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024

/**
 * Handle the PUT of an upload: write the body to `<filesDir>/<path>` through a temporary file, so a cut upload
 * leaves nothing. Resolves 'bad' for a bad path and 'tooLarge' (nothing written) for a body over `limit` bytes.
 */
export async function receiveUpload(ctx: StorageContext, urlPath: string, req: IncomingMessage, limit = MAX_UPLOAD_BYTES): Promise<'ok' | 'bad' | 'tooLarge'> {
  const file = safeJoin(ctx.filesDir, urlPath)
  if (!file || file === path.resolve(ctx.filesDir)) return 'bad'
  if (Number(req.headers['content-length'] || 0) > limit) return 'tooLarge'
  fs.mkdirSync(path.dirname(file), { recursive: true })
  const tmp = `${file}.${process.pid}.${Date.now()}.part`
  const outcome = await new Promise<'ok' | 'tooLarge'>((resolve, reject) => {
    const out = fs.createWriteStream(tmp)
    let size = 0
    const count = (chunk: Buffer) => {
      size += chunk.length
      if (size <= limit) return
      req.off('data', count)
      req.unpipe(out)
      out.destroy()
      resolve('tooLarge')
    }
    req.on('data', count)
    req.pipe(out)
    out.on('finish', () => resolve('ok'))
    out.on('error', reject)
    req.on('error', reject)
  })
  if (outcome === 'tooLarge') {
    fs.rmSync(tmp, { force: true })
    return outcome
  }
  fs.renameSync(tmp, file)
  return 'ok'
}
