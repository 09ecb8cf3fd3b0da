import { createHmac, timingSafeEqual } from 'crypto'
import { nowMs } from './dates'

/** A code lives for one 30-second window of the one clock. */
export const CODE_WINDOW_MS = 30_000

/** The secret codes are derived from: HEMEI_CODE_SECRET in the function's configuration (none: no codes). */
export function codeSecret(): string {
  const secret = process.env.HEMEI_CODE_SECRET || ''
  if (secret.length < 16) throw new Error('HEMEI_CODE_SECRET is not configured (16 characters at least)')
  return secret
}

/** The window an instant falls in. */
function windowOf(at: number): number {
  return Math.floor(at / CODE_WINDOW_MS)
}

/** The 6 digits of `scope` in `window` (HMAC-SHA256 with RFC 4226's dynamic truncation). */
function digitsFor(secret: string, scope: string, window: number): string {
  const mac = createHmac('sha256', secret).update(`${scope}\n${window}`).digest()
  const offset = mac[mac.length - 1] & 0x0f
  const n = mac.readUInt32BE(offset) & 0x7fffffff
  return String(n % 1_000_000).padStart(6, '0')
}

/** The current 6-digit code of `scope` (e.g. checkin:<communityId>) and when it stops being current. */
export function rotatingCode(secret: string, scope: string, at = nowMs()): { code: string; expiresAt: number } {
  const w = windowOf(at)
  return { code: digitsFor(secret, scope, w), expiresAt: (w + 1) * CODE_WINDOW_MS }
}

/**
 * True when `code` is the code of `scope` in the current window or the previous one (a code shown just before
 * the change still works for up to 30 s more). Compared in constant time.
 */
export function verifyRotatingCode(secret: string, scope: string, code: string, at = nowMs()): boolean {
  return matchRotatingCode(secret, scope, code, at) !== null
}

/**
 * The window `code` belongs to when it is the code of `scope` in the current window or the previous one, else
 * null: a caller that lets a code work once records this window (e.g. a volunteer's `usedCodes`). Both
 * candidates are compared, in constant time.
 */
export function matchRotatingCode(secret: string, scope: string, code: string, at = nowMs()): number | null {
  if (!/^\d{6}$/.test(code)) return null
  const w = windowOf(at)
  let found: number | null = null
  for (const candidate of [w, w - 1]) if (timingSafeEqual(Buffer.from(digitsFor(secret, scope, candidate)), Buffer.from(code)) && found === null) found = candidate
  return found
}
