import { cloud } from './cloud'

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
