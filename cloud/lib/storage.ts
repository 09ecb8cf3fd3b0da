import { isPhotoPath, parseFileId, PHOTO_MESSAGES, type FieldIssue } from '../../src/contracts'
import { cloud } from './cloud'
import { HandlerError } from './errors'
import { uploadFolderOf } from './ownerHash'

export { uploadFolderOf }

/** This environment's id, as it appears in its fileIDs (`cloud://<env>.<bucket>/…`). */
function ourEnv(): string {
  return String(process.env.HEMEI_CLOUD_ENV || cloud.getWXContext().ENV || '')
}

/**
 * The one rule for fileIDs a caller hands in (every handler that takes files uses it): each is a photo of this
 * environment, in the caller's own folder `wishes/<hash of the caller's openid>/`, with no `..`, `%2e`, backslash
 * or empty segment. Refuses with FILE_NOT_OWNED, with a field issue at `field` (one file) or `field.<i>` (a list),
 * before anything is written.
 */
export function requireOwnFiles(openid: string, field: string, files: string | readonly string[]): void {
  const env = ourEnv()
  const folder = `${uploadFolderOf(openid)}/`
  const list = typeof files === 'string' ? [files] : files
  const issues: FieldIssue[] = []
  list.forEach((fileId, i) => {
    const parsed = parseFileId(fileId)
    const ok = !!openid && !!env && parsed?.env === env && isPhotoPath(parsed.cloudPath) && parsed.cloudPath.startsWith(folder)
    if (!ok) issues.push({ path: typeof files === 'string' ? field : `${field}.${i}`, message: PHOTO_MESSAGES.notOwned })
  })
  if (issues.length) throw new HandlerError('FILE_NOT_OWNED', PHOTO_MESSAGES.notOwned, issues)
}

/**
 * Temporary download URLs for cloud-storage fileIDs (getTempFileURL; a storage request, not a database one).
 * A file that cannot be resolved maps to '' rather than failing the whole answer.
 */
export async function tempFileUrls(fileIds: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  if (!fileIds.length) return out
  try {
    const res = (await cloud.getTempFileURL({ fileList: fileIds.map((fileID) => ({ fileID, maxAge: 3600 })) } as never)) as {
      fileList?: { fileID: string; tempFileURL?: string; status?: number }[]
    }
    for (const f of res.fileList ?? []) out.set(f.fileID, f.status === 0 || f.tempFileURL ? (f.tempFileURL ?? '') : '')
  } catch (err) {
    const e = err as { errCode?: unknown; message?: unknown }
    console.warn('[storage] getTempFileURL failed', e?.errCode ?? '', String(e?.message ?? '').slice(0, 120))
  }
  return out
}
