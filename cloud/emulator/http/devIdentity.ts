/** The dev-identity guard: a client-chosen openid is trusted only on a loopback-bound server from a loopback peer. */
import net from 'net'

/** Whether an address (server bind host or peer address) is loopback. */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false
  const a = address.startsWith('::ffff:') ? address.slice(7) : address
  if (a === 'localhost' || a === '::1') return true
  return net.isIPv4(a) && a.startsWith('127.')
}

/** Whether the X-Hemei-Openid header may be honoured for this server host and peer. */
export function devIdentityAllowed(boundHost: string, peerAddress: string | undefined): boolean {
  return isLoopback(boundHost) && isLoopback(peerAddress)
}

/** A dev openid must look like one (no spaces or control characters, bounded length). */
export function validDevOpenid(openid: string): boolean {
  return /^[A-Za-z0-9_-]{1,64}$/.test(openid)
}
