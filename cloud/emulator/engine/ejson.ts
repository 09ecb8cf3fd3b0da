/** EJSON in and out: what the SDK sends (canonical EJSON strings) and what it expects back (EJSON strings). */
import { EJSON, BSONRegExp } from 'bson'
import { nowMs } from '../../lib/dates'

export type Doc = Record<string, any>

/** Parse an EJSON value sent by the SDK (string or already-decoded object) into plain JS values. */
export function parseEJSON(value: unknown): any {
  if (value === undefined || value === null || value === '') return undefined
  const text = typeof value === 'string' ? value : JSON.stringify(value)
  return normalize(EJSON.parse(text, { relaxed: true }))
}

/** Turn BSON wrapper types into plain JS: BSONRegExp → RegExp, Long/Int32/Double → number. */
/** Sets field `k` as the object's own property, even `__proto__` (which plain assignment takes for the prototype). */
function setOwn(out: Doc, k: string, value: unknown): void {
  if (k === '__proto__') Object.defineProperty(out, k, { value, enumerable: true, writable: true, configurable: true })
  else out[k] = value
}

export function normalize(v: any): any {
  if (v === null || typeof v !== 'object') return v
  if (v instanceof Date || v instanceof RegExp) return v
  if (v instanceof BSONRegExp) return new RegExp(v.pattern, v.options.replace(/[^gimsuy]/g, ''))
  const bsontype = (v as any)._bsontype
  if (bsontype === 'Long' || bsontype === 'Int32' || bsontype === 'Double' || bsontype === 'Decimal128') return Number(v.toString())
  if (bsontype === 'ObjectId' || bsontype === 'ObjectID') return v.toHexString()
  if (Array.isArray(v)) return v.map(normalize)
  const out: Doc = {}
  for (const k of Object.keys(v)) setOwn(out, k, normalize(v[k]))
  return out
}

/** Replace every `{$tcb_server_date:{offset}}` with the Date now+offset, recursively. */
export function resolveServerDates(v: any, now: number = nowMs()): any {
  if (v === null || typeof v !== 'object' || v instanceof Date || v instanceof RegExp) return v
  if (Array.isArray(v)) return v.map((x) => resolveServerDates(x, now))
  const keys = Object.keys(v)
  if (keys.length === 1 && keys[0] === '$tcb_server_date') return new Date(now + Number(v.$tcb_server_date?.offset || 0))
  const out: Doc = {}
  for (const k of keys) setOwn(out, k, resolveServerDates(v[k], now))
  return out
}

/** Serialise a document for storage and for `list` items: relaxed EJSON, so Dates round-trip as {$date}. */
export function toEJSON(doc: unknown): string {
  return EJSON.stringify(doc as any, { relaxed: true })
}

/** Parse a stored document (relaxed EJSON) back into JS values: `JSON.parse` and one pass over the wrapped types we store, else bson. */
export function fromEJSON(text: string): Doc {
  const raw = JSON.parse(text)
  try {
    return unwrap(raw)
  } catch (e) {
    if (e !== UNUSUAL) throw e
    return normalize(EJSON.parse(text, { relaxed: true }))
  }
}

/** Thrown by `unwrap` on a wrapped value it does not decode itself exactly as bson does. */
const UNUSUAL = new Error('unusual EJSON value')
const SAFE_LONG = /^-?\d{1,16}$/

/**
 * The wrapped values relaxed EJSON writes for what the store holds, decoded in place: `$date` (ISO string or
 * `$numberLong`), `$numberDouble` (NaN, ±Infinity), `$regularExpression`. Field names never start with `$`
 * (the database refuses them), so any other `$` object is a type wrapper, left to bson (UNUSUAL).
 */
function unwrap(v: any): any {
  if (v === null || typeof v !== 'object') return v
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const x = v[i]
      if (x !== null && typeof x === 'object') v[i] = unwrap(x)
    }
    return v
  }
  for (const k in v) {
    if (k.charCodeAt(0) === 36) return wrapped(v)
    const x = v[k]
    if (x === null || typeof x !== 'object') continue
    const y = unwrap(x)
    if (y === x) continue
    setOwn(v, k, y)
  }
  return v
}

function wrapped(v: any): unknown {
  const keys = Object.keys(v)
  if (keys.length === 1 && keys[0] === '$date') {
    const d = v.$date
    if (typeof d === 'string') {
      const t = Date.parse(d)
      if (Number.isFinite(t)) return new Date(t)
    } else if (d && typeof d === 'object' && Object.keys(d).length === 1 && typeof d.$numberLong === 'string' && SAFE_LONG.test(d.$numberLong)) {
      const t = Number(d.$numberLong)
      if (Number.isSafeInteger(t)) return new Date(t)
    }
  } else if (keys.length === 1 && keys[0] === '$numberDouble') {
    const x = v.$numberDouble
    if (x === 'NaN') return NaN
    if (x === 'Infinity') return Infinity
    if (x === '-Infinity') return -Infinity
  } else if (keys.length === 1 && keys[0] === '$regularExpression') {
    const r = v.$regularExpression
    if (r && typeof r.pattern === 'string' && typeof r.options === 'string' && Object.keys(r).length === 2) {
      return new RegExp(r.pattern, r.options.replace(/[^gimsuy]/g, ''))
    }
  }
  throw UNUSUAL
}

/** Deep clone a document through its storage form. */
export function cloneDoc<T>(doc: T): T {
  return fromEJSON(toEJSON(doc)) as T
}
