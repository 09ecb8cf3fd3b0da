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
export function normalize(v: any): any {
  if (v === null || typeof v !== 'object') return v
  if (v instanceof Date || v instanceof RegExp) return v
  if (v instanceof BSONRegExp) return new RegExp(v.pattern, v.options.replace(/[^gimsuy]/g, ''))
  const bsontype = (v as any)._bsontype
  if (bsontype === 'Long' || bsontype === 'Int32' || bsontype === 'Double' || bsontype === 'Decimal128') return Number(v.toString())
  if (bsontype === 'ObjectId' || bsontype === 'ObjectID') return v.toHexString()
  if (Array.isArray(v)) return v.map(normalize)
  const out: Doc = {}
  for (const k of Object.keys(v)) out[k] = normalize(v[k])
  return out
}

/** Replace every `{$tcb_server_date:{offset}}` with the Date now+offset, recursively. */
export function resolveServerDates(v: any, now: number = nowMs()): any {
  if (v === null || typeof v !== 'object' || v instanceof Date || v instanceof RegExp) return v
  if (Array.isArray(v)) return v.map((x) => resolveServerDates(x, now))
  const keys = Object.keys(v)
  if (keys.length === 1 && keys[0] === '$tcb_server_date') return new Date(now + Number(v.$tcb_server_date?.offset || 0))
  const out: Doc = {}
  for (const k of keys) out[k] = resolveServerDates(v[k], now)
  return out
}

/** Serialise a document for storage and for `list` items: relaxed EJSON, so Dates round-trip as {$date}. */
export function toEJSON(doc: unknown): string {
  return EJSON.stringify(doc as any, { relaxed: true })
}

/** Parse a stored document (relaxed EJSON) back into JS values. */
export function fromEJSON(text: string): Doc {
  return normalize(EJSON.parse(text, { relaxed: true }))
}

/** Deep clone a document through its storage form. */
export function cloneDoc<T>(doc: T): T {
  return fromEJSON(toEJSON(doc)) as T
}
