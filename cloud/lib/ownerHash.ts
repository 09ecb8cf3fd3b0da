// The folder of one uploader's photos. Free of the SDK, so the emulator's upload route uses the same rule.
import crypto from 'crypto'
import { OWNER_HASH_LENGTH, PHOTO_ROOT } from '../../src/contracts'

/** A stable hash of an openid for storage paths (the openid itself never appears in a URL). */
export function ownerHash(openid: string): string {
  return crypto.createHash('sha256').update(`hemei-photo-owner:${openid}`).digest('hex').slice(0, OWNER_HASH_LENGTH)
}

/** The cloud folder an openid uploads photos to: `wishes/<owner hash>`. */
export function uploadFolderOf(openid: string): string {
  return `${PHOTO_ROOT}/${ownerHash(openid)}`
}
