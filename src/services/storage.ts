import Taro from '@tarojs/taro'
import { AppError, isAppError } from './errors'
import { getPersona } from './persona'

/** A random cloud path for an uploaded image in `folder`, e.g. wishes/<owner hash>/lq3x9abc12.jpg. */
export function newCloudPath(folder: string, ext = 'jpg'): string {
  return `${folder}/${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}.${ext}`
}

/** How a picked file reaches cloud storage: resolves its fileID. */
type Uploader = (cloudPath: string, filePath: string) => Promise<string>

/** weapp: WeChat cloud storage. */
const weappUploader: Uploader = async (cloudPath, filePath) => {
  const res = await Taro.cloud.uploadFile({ cloudPath, filePath })
  return res.fileID
}

/** h5 (local only): the emulator's storage stand-in, POST /api/upload?cloudPath=… with the file's bytes. */
const h5Uploader: Uploader = async (cloudPath, filePath) => {
  const base = process.env.TARO_APP_EMULATOR_URL || ''
  // No identity: the emulator refuses the upload.
  const persona = getPersona()
  const blob = await (await fetch(filePath)).blob()
  const headers: Record<string, string> = { 'Content-Type': blob.type || 'image/jpeg' }
  if (persona) headers['X-Hemei-Openid'] = persona
  const res = await fetch(`${base}/api/upload?cloudPath=${encodeURIComponent(cloudPath)}`, { method: 'POST', headers, body: blob })
  const body = (await res.json().catch(() => undefined)) as { fileID?: string; ok?: boolean; data?: { fileID?: string }; code?: string; message?: string } | undefined
  const fileID = body?.fileID || body?.data?.fileID
  if (res.ok && fileID) return fileID
  throw new AppError('INTERNAL', body?.message || '图片上传失败，请重试')
}

const uploader: Uploader = process.env.TARO_ENV === 'h5' ? h5Uploader : weappUploader

/**
 * Uploads a chosen image (a local temp path) to cloud storage under `folder`, the caller's own upload folder
 * (`me.uploadFolder`: the cloud accepts no other); resolves its cloud:// fileID.
 */
export async function uploadImage(filePath: string, folder: string): Promise<string> {
  const ext = /\.png($|\?)/i.test(filePath) ? 'png' : 'jpg'
  try {
    return await uploader(newCloudPath(folder, ext), filePath)
  } catch (e) {
    if (isAppError(e)) throw e
    throw new AppError('NETWORK', '图片上传失败，请检查网络后重试')
  }
}
