/**
 * CloudBase's request signature (TC3-HMAC-SHA256, service `tcb`), verified on every /tcb request as the cloud
 * does: the same canonical request that @cloudbase/signature-nodejs 2.x builds in the SDK (`Signer.tc3sign`,
 * `withSignedParams`), recomputed from what arrived and compared with the `Authorization` header.
 */
import crypto from 'crypto'

/** A secret pair, fresh for every emulator start, handed to the function workers. */
export interface Credentials {
  secretId: string
  secretKey: string
}

/** A random secret pair. */
export function randomCredentials(): Credentials {
  return { secretId: `AKIDlocal${crypto.randomBytes(12).toString('hex')}`, secretKey: crypto.randomBytes(24).toString('base64url') }
}

/** What the verifier needs of one request. */
export interface SignedRequest {
  method: string
  /** `host` header value and the request target (path and query). */
  host: string
  target: string
  headers: Record<string, string | string[] | undefined>
  /** The body's fields: parsed JSON, or multipart fields as Buffers. */
  params: Record<string, unknown>
}

const camSafe = (s: string) => encodeURIComponent(s).replace(/!/g, '%21').replace(/'/g, '%27').replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/\*/g, '%2A')
const text = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v))
const sortKeys = (keys: string[]) => keys.sort((l, r) => l.localeCompare(r))
const hmac = (key: crypto.BinaryLike, data: string) => crypto.createHmac('sha256', key).update(data).digest()

/** The payload hash: `&key=value\r\n` over the sorted, lower-cased keys with a non-empty value. */
function payloadHash(params: Record<string, unknown>): string {
  const kv: Record<string, string | Buffer> = {}
  for (const [key, v] of Object.entries(params)) {
    if (!key || v === undefined) continue
    kv[camSafe(key.toLowerCase().trim())] = Buffer.isBuffer(v) ? v : text(v).trim()
  }
  const hash = crypto.createHash('sha256')
  for (const key of sortKeys(Object.keys(kv))) {
    if (!kv[key].length) continue
    hash.update(`&${key}=`)
    hash.update(kv[key])
    hash.update('\r\n')
  }
  return hash.digest('hex')
}

/** The signature a request with these parts must carry. */
export function signatureFor(
  secretKey: string,
  method: string,
  host: string,
  target: string,
  signedHeaders: Record<string, string>,
  params: Record<string, unknown>,
  timestamp: number,
): string {
  const [pathname, query = ''] = target.split(/\?(.*)/s)
  const names = sortKeys(Object.keys(signedHeaders))
  const canonicalHeaders = names.map((n) => `${n}:${signedHeaders[n]}`).join('\n') + '\n'
  const canonical = `${method}\n//${host}${pathname}\n${query}\n${canonicalHeaders}\n${names.join(';')}\n${payloadHash(params)}`
  const date = scopeDate(timestamp)
  const scope = `${date}/tcb/tc3_request`
  const toSign = `TC3-HMAC-SHA256\n${timestamp}\n${scope}\n${crypto.createHash('sha256').update(canonical).digest('hex')}`
  const key = hmac(hmac(hmac(`TC3${secretKey}`, date), 'tcb'), 'tc3_request')
  return crypto.createHmac('sha256', key).update(toSign).digest('hex')
}

/** The credential scope's date for a request timestamp (s): the UTC day, as TC3-HMAC-SHA256 defines it (not China's day). */
export function scopeDate(timestamp: number): string {
  return new Date(timestamp * 1000).toISOString().slice(0, 10)
}

/** Why a request's signature is not valid for `creds` ('' when it is). */
export function signatureProblem(creds: Credentials, req: SignedRequest): string {
  const auth = String(req.headers.authorization || '')
  const m = /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/tcb\/tc3_request,(?: SignedParams=[^,]*,)? SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(auth)
  if (!m) return 'missing or malformed Authorization'
  const [, secretId, , headerList, signature] = m
  if (secretId !== creds.secretId) return 'unknown secretId'
  const timestamp = Number(req.headers['x-timestamp'])
  if (!Number.isInteger(timestamp) || timestamp <= 0) return 'missing X-Timestamp'
  const names = headerList.split(';')
  if (!names.includes('host') || !names.includes('content-type')) return 'host and content-type must be signed'
  const signed: Record<string, string> = {}
  for (const n of names) {
    const v = req.headers[n]
    if (v === undefined) return `signed header ${n} is missing`
    let value = (Array.isArray(v) ? v.join(',') : v).trim().toLowerCase()
    if (n === 'content-type' && value.startsWith('multipart/form-data')) value = 'multipart/form-data'
    signed[n] = value
  }
  const methods = [req.method.toLowerCase(), req.method.toUpperCase()]
  const expected = methods.map((method) => signatureFor(creds.secretKey, method, req.host, req.target, signed, req.params, timestamp))
  const given = Buffer.from(signature, 'hex')
  return expected.some((e) => crypto.timingSafeEqual(Buffer.from(e, 'hex'), given)) ? '' : 'signature does not match'
}
