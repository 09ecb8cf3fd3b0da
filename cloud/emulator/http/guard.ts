/**
 * The request guard against web pages on the developer's machine: DNS rebinding (a foreign `Host`) and
 * cross-site writes (a simple `text/plain` POST needs no preflight, so CORS alone never stops it).
 */
import net from 'net'
import os from 'os'
import { isLoopback } from './devIdentity'

/** Whether a bind address means every interface. */
export function isWildcard(address: string): boolean {
  return address === '0.0.0.0' || address === '::' || address === '[::]'
}

/** A Host or Origin's host name without IPv6 brackets, lower case; '' when it does not parse. */
function hostnameOf(hostOrUrl: string): string {
  try {
    const u = new URL(hostOrUrl.includes('://') ? hostOrUrl : `http://${hostOrUrl}`)
    return u.hostname.replace(/^\[|\]$/g, '').toLowerCase()
  } catch {
    return ''
  }
}

/** The addresses of this machine's interfaces (what a wildcard bind answers on). */
function machineAddresses(): Set<string> {
  const out = new Set<string>()
  for (const list of Object.values(os.networkInterfaces())) for (const a of list || []) out.add(a.address.toLowerCase())
  return out
}

/**
 * The Host names a server bound to `bound` answers to: the bound address itself (every address of this
 * machine for a wildcard bind), and `localhost` when loopback is reachable. Never a DNS name other than
 * localhost: a page on a rebound name would send that name.
 */
export function allowedHosts(bound: string): (hostHeader: string | undefined) => boolean {
  const b = bound.replace(/^\[|\]$/g, '').toLowerCase()
  const wildcard = isWildcard(b)
  const addresses = wildcard ? machineAddresses() : new Set([b])
  const localhost = wildcard || isLoopback(b)
  return (hostHeader) => {
    if (!hostHeader) return false
    const name = hostnameOf(hostHeader)
    if (!name) return false
    if (name === 'localhost') return localhost
    if (!net.isIP(name)) return false
    const plain = name.startsWith('::ffff:') ? name.slice(7) : name
    return addresses.has(name) || addresses.has(plain) || (localhost && isLoopback(plain))
  }
}

/** Whether a request from `origin` may write (any method but GET, HEAD, OPTIONS): no Origin (not a browser), the app's own origin, or a loopback origin. */
export function originMayWrite(origin: string | undefined, hostHeader: string): boolean {
  if (origin === undefined) return true
  if (origin === `http://${hostHeader}`) return true
  if (!/^https?:\/\//i.test(origin)) return false
  const name = hostnameOf(origin)
  return name !== '' && isLoopback(name)
}
