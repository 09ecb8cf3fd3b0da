// WeChat's message-push signature. Free of the SDK, so the emulator signs its stand-ins' pushes with the same rule.
import crypto from 'crypto'

/** sha1 of the token, timestamp and nonce, sorted and joined (WeChat's message-push `signature`). */
export function pushSignature(token: string, timestamp: string, nonce: string): string {
  return crypto.createHash('sha1').update([token, timestamp, nonce].sort().join('')).digest('hex')
}
