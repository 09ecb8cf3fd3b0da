// User photos in cloud storage: the one rule for the fileIDs an action accepts (shape here; the owner and the
// environment are checked in cloud/lib/storage.ts, which knows the caller's openid and the env id).
import * as z from 'zod/mini'
import { ERROR_MESSAGES } from './errors'

/** The top folder of user photos; each uploader has a folder of their own under it: `wishes/<owner hash>/`. */
export const PHOTO_ROOT = 'wishes'
/** Hex characters of the owner hash in a photo's folder (a hash of the uploader's openid, cloud/lib/ownerHash.ts). */
export const OWNER_HASH_LENGTH = 32
/** A photo's file name: the client makes it random; an image extension. */
export const PHOTO_FILE_NAME = /^[A-Za-z0-9_-]{1,80}\.(jpe?g|png|webp|gif)$/i

/** The Chinese messages of the photo rule. */
export const PHOTO_MESSAGES = {
  invalid: '图片上传失败，请重新选择',
  notOwned: ERROR_MESSAGES.FILE_NOT_OWNED,
} as const

/**
 * True when a cloud path could step out of its folder or be read two ways: `..`, `%2e` (an encoded dot), a
 * backslash, or an empty segment (`a//b`, a leading or trailing `/`).
 */
export function unsafeCloudPath(cloudPath: string): boolean {
  return cloudPath.includes('..') || /%2e/i.test(cloudPath) || cloudPath.includes('\\') || cloudPath.split('/').some((s) => s === '')
}

/** A fileID split into its environment id and cloud path (`cloud://<env>.<bucket>/<path>`), or undefined. */
export function parseFileId(fileId: string): { env: string; cloudPath: string } | undefined {
  const m = /^cloud:\/\/([A-Za-z0-9-]+)\.([A-Za-z0-9-]+)\/(.+)$/.exec(fileId)
  return m ? { env: m[1], cloudPath: m[3] } : undefined
}

/** True when the cloud path is a photo in some uploader's folder: `wishes/<owner hash>/<file name>`, nothing odd. */
export function isPhotoPath(cloudPath: string): boolean {
  if (unsafeCloudPath(cloudPath)) return false
  const parts = cloudPath.split('/')
  return parts.length === 3 && parts[0] === PHOTO_ROOT && new RegExp(`^[0-9a-f]{${OWNER_HASH_LENGTH}}$`).test(parts[1]) && PHOTO_FILE_NAME.test(parts[2])
}

/** True when `fileId` has the shape of an uploaded photo's fileID (whose folder it is, the cloud checks). */
export function isPhotoFileId(fileId: string): boolean {
  const parsed = parseFileId(fileId)
  return !!parsed && isPhotoPath(parsed.cloudPath)
}

/** A photo uploaded by the client first: a cloud:// fileID under `wishes/<owner hash>/`. */
export const photoFileId = z.string().check(
  z.maxLength(300, PHOTO_MESSAGES.invalid),
  z.refine((s) => isPhotoFileId(s), PHOTO_MESSAGES.invalid),
)
