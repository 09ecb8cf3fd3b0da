/**
 * Declared indexes (cloud/collections.json) as multikey index entries in SQLite, and the query planner
 * that uses them. An expression index on json_extract cannot index array membership (users.staffCommunityIds),
 * so each document gets one row per key combination in `index_entries`, B-tree indexed, like Mongo's multikey
 * indexes. The planner only narrows the candidate set; mingo still decides the exact match.
 */
import { Doc } from '../engine/ejson'
import { MAX_INDEX_KEYS } from './sqlite'

export interface IndexDef {
  name: string
  keys: Record<string, 1 | -1>
}

type Key = string | number | null

const OBJECT_MARK = '\u0001'

/** Encode one value as an SQLite index key; comparisons on keys are a superset of Mongo's. */
export function encodeKey(v: unknown): Key {
  if (v === undefined || v === null) return null
  if (typeof v === 'string' || typeof v === 'number') return v
  if (typeof v === 'boolean') return v ? 1 : 0
  if (v instanceof Date) return v.getTime()
  return OBJECT_MARK + JSON.stringify(v)
}

/** All values found at a dot path, descending through arrays (multikey). Missing → [undefined]. */
export function valuesAt(doc: unknown, path: string[]): unknown[] {
  if (path.length === 0) {
    if (Array.isArray(doc)) return doc.length ? doc : [undefined]
    return [doc]
  }
  if (Array.isArray(doc)) {
    const out = doc.flatMap((item) => (item && typeof item === 'object' ? valuesAt(item, path) : []))
    return out.length ? out : [undefined]
  }
  if (doc === null || typeof doc !== 'object' || doc instanceof Date) return [undefined]
  return valuesAt((doc as Doc)[path[0]], path.slice(1))
}

/** The index rows (key tuples) for one document under one index definition. */
export function entriesFor(doc: Doc, def: IndexDef): Key[][] {
  let rows: Key[][] = [[]]
  for (const field of Object.keys(def.keys).slice(0, MAX_INDEX_KEYS)) {
    const keys = [...new Set(valuesAt(doc, field.split('.')).map(encodeKey))]
    rows = rows.flatMap((r) => keys.map((k) => [...r, k]))
  }
  return rows.map((r) => [...r, ...Array(MAX_INDEX_KEYS - r.length).fill(null)])
}

interface FieldCond {
  eq?: Key[]
  range?: { op: '>' | '>=' | '<' | '<='; value: Key }[]
}

function isScalar(v: unknown): boolean {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date
}

/** Extract indexable top-level conditions (equality, $in, ranges on scalars) from a query. */
function fieldConditions(criteria: Doc): Map<string, FieldCond> {
  const out = new Map<string, FieldCond>()
  const add = (q: Doc) => {
    for (const [field, cond] of Object.entries(q)) {
      if (field === '$and' && Array.isArray(cond)) {
        cond.forEach((c) => c && typeof c === 'object' && add(c))
        continue
      }
      if (field.startsWith('$')) continue
      const fc: FieldCond = out.get(field) || {}
      if (isScalar(cond)) {
        fc.eq = [encodeKey(cond)]
      } else if (cond && typeof cond === 'object' && !Array.isArray(cond) && !(cond instanceof RegExp)) {
        const ops = Object.entries(cond as Doc)
        if (!ops.every(([op]) => ['$eq', '$in', '$gt', '$gte', '$lt', '$lte'].includes(op))) continue
        for (const [op, v] of ops) {
          if (op === '$eq' && isScalar(v)) fc.eq = [encodeKey(v)]
          else if (op === '$in' && Array.isArray(v) && v.length && v.every(isScalar)) fc.eq = v.map(encodeKey)
          else if (isScalar(v)) {
            const sqlOp = ({ $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' } as const)[op as '$gt']
            if (sqlOp) (fc.range ||= []).push({ op: sqlOp, value: encodeKey(v) })
          }
        }
      } else continue
      if (fc.eq || fc.range) out.set(field, fc)
    }
  }
  add(criteria)
  return out
}

export interface Plan {
  index: string
  where: string
  params: Key[]
  keysUsed: number
}

/** Choose the index with the longest usable prefix (equalities, then at most one range). */
export function planQuery(criteria: Doc | undefined, defs: IndexDef[]): Plan | undefined {
  if (!criteria || !defs.length) return undefined
  const conds = fieldConditions(criteria)
  if (!conds.size) return undefined
  let best: Plan | undefined
  for (const def of defs) {
    const clauses: string[] = []
    const params: Key[] = []
    let used = 0
    const fields = Object.keys(def.keys).slice(0, MAX_INDEX_KEYS)
    for (let i = 0; i < fields.length; i++) {
      const c = conds.get(fields[i])
      if (!c) break
      if (c.eq) {
        clauses.push(c.eq.length === 1 ? `e.k${i} = ?` : `e.k${i} IN (${c.eq.map(() => '?').join(',')})`)
        params.push(...c.eq)
        used++
        continue
      }
      for (const r of c.range || []) {
        clauses.push(`e.k${i} ${r.op} ?`)
        params.push(r.value)
      }
      used++
      break
    }
    if (used && (!best || used > best.keysUsed)) best = { index: def.name, where: clauses.join(' AND '), params, keysUsed: used }
  }
  return best
}

/** A declared index whose leading keys match the sort (same fields, in order), for an unfiltered list. */
export function sortIndex(order: Record<string, number> | undefined, defs: IndexDef[]): string | undefined {
  const fields = Object.keys(order || {})
  if (!fields.length) return undefined
  return defs.find((d) => {
    const keys = Object.keys(d.keys)
    return fields.every((f, i) => keys[i] === f)
  })?.name
}

export interface OrderedPlan {
  index: string
  /** Values of the keys before the sort key (k0…): one for an equality, several for `$in`. */
  prefix: Key[][]
  /** Conditions on the sort key (a range), if any, as SQL on `e.k<at>` with their parameters. */
  range: string[]
  rangeParams: Key[]
  /** Position of the first sort field among the index keys, and the direction to read it in. */
  at: number
  dir: 'ASC' | 'DESC'
  /** The first sort field. */
  field: string
}

/**
 * An index that can return candidates in the query's order: its leading keys are all equalities/$in of
 * the query, and its next key is the first sort field (which may carry a range, never an equality).
 * Of several, the one using most keys (the first declared on a tie). At least one key must be used.
 * Whether the key encoding preserves mingo's order for the values stored is the store's question.
 */
export function planOrdered(criteria: Doc | undefined, order: Record<string, unknown> | undefined, defs: IndexDef[]): OrderedPlan | undefined {
  const sortFields = Object.keys(order || {})
  if (!sortFields.length || !defs.length) return undefined
  const field = sortFields[0]
  const conds = criteria ? fieldConditions(criteria) : new Map<string, FieldCond>()
  const sortCond = conds.get(field)
  if (sortCond?.eq) return undefined
  let best: (OrderedPlan & { used: number }) | undefined
  for (const def of defs) {
    const fields = Object.keys(def.keys).slice(0, MAX_INDEX_KEYS)
    const at = fields.indexOf(field)
    if (at < 0) continue
    const prefix: Key[][] = []
    for (let i = 0; i < at; i++) {
      const c = conds.get(fields[i])
      if (!c?.eq) break
      prefix.push([...new Set(c.eq)])
    }
    if (prefix.length < at) continue
    const range = (sortCond?.range || []).map((r) => `e.k${at} ${r.op} ?`)
    const rangeParams = (sortCond?.range || []).map((r) => r.value)
    const used = at + (sortCond?.range ? 1 : 0)
    if (!used || (best && used <= best.used)) continue
    best = { index: def.name, prefix, range, rangeParams, at, dir: order![field] === -1 ? 'DESC' : 'ASC', field, used }
  }
  if (!best) return undefined
  const { used: _used, ...plan } = best
  return plan
}

export interface CoveredPlan {
  index: string
  /** SQL on the index-entry row `e` deciding exactly what the query decides. */
  where: string
  params: Key[]
  /** The index's key fields, in column order (k0…). */
  fields: string[]
}

/**
 * An index whose key rows alone answer the query exactly, for counts and groups: every condition is an
 * equality, `$in` or range on a scalar, on a key of the index, usable as a prefix (equalities, then at most
 * one range), and `kinds` says every value ever stored at those keys is of the query values' one kind (or
 * missing, for equalities), so SQLite's comparison of encoded keys is mingo's. The index must also hold
 * `need` (group keys). Otherwise undefined: the caller loads documents.
 */
export function planCovered(criteria: Doc | undefined, defs: IndexDef[], kinds: Map<string, Set<string>>, need: string[] = []): CoveredPlan | undefined {
  const conds = strictConditions(criteria || {})
  if (!conds) return undefined
  for (const [field, c] of conds) {
    const stored = kinds.get(field)
    if (!stored) return undefined
    // Null or missing stored values are NULL in the index: neither an equality nor a range on a value of another
    // kind matches them, in SQLite as in MongoDB (conditions on null itself never reach here).
    const allowed = new Set([c.kind, 'null'])
    if ([...stored].some((k) => !allowed.has(k))) return undefined
  }
  for (const def of defs) {
    const fields = Object.keys(def.keys).slice(0, MAX_INDEX_KEYS)
    if (Object.keys(def.keys).length > MAX_INDEX_KEYS || !need.every((f) => fields.includes(f))) continue
    const clauses: string[] = []
    const params: Key[] = []
    let covered = 0
    for (let i = 0; i < fields.length && covered < conds.size; i++) {
      const c = conds.get(fields[i])
      if (!c) break
      covered++
      if (c.eq) {
        clauses.push(c.eq.length === 1 ? `e.k${i} = ?` : `e.k${i} IN (${c.eq.map(() => '?').join(',')})`)
        params.push(...c.eq)
        continue
      }
      for (const r of c.range) {
        clauses.push(`e.k${i} ${r.op} ?`)
        params.push(r.value)
      }
      break
    }
    if (covered === conds.size) return { index: def.name, where: clauses.length ? clauses.join(' AND ') : '1', params, fields }
  }
  return undefined
}

interface StrictCond {
  eq?: Key[]
  range: { op: '>' | '>=' | '<' | '<='; value: Key }[]
  /** The one kind (kindOf) of every value in the condition. */
  kind: string
}

const RANGE_OPS = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' } as const

/** The query as one condition per top-level field, or undefined when any part is not an equality/$in/range on scalars of one kind. */
function strictConditions(criteria: Doc): Map<string, StrictCond> | undefined {
  const out = new Map<string, StrictCond>()
  for (const [field, cond] of Object.entries(criteria)) {
    if (field.startsWith('$') || field === '_id') return undefined
    const values: unknown[] = []
    const c: StrictCond = { range: [], kind: '' }
    if (isScalar(cond)) {
      c.eq = [encodeKey(cond)]
      values.push(cond)
    } else if (cond && typeof cond === 'object' && !Array.isArray(cond) && !(cond instanceof RegExp)) {
      const ops = Object.entries(cond as Doc)
      if (!ops.length) return undefined
      for (const [op, v] of ops) {
        if (op === '$eq' || op === '$in') {
          const list = op === '$eq' ? [v] : v
          if (c.eq || !Array.isArray(list) || !list.length || !list.every(isScalar)) return undefined
          c.eq = list.map(encodeKey)
          values.push(...list)
        } else if (op in RANGE_OPS && isScalar(v)) {
          c.range.push({ op: RANGE_OPS[op as keyof typeof RANGE_OPS], value: encodeKey(v) })
          values.push(v)
        } else return undefined
      }
      if (c.eq && c.range.length) return undefined
    } else return undefined
    const kinds = new Set(values.map(kindOf))
    if (kinds.size !== 1) return undefined
    c.kind = [...kinds][0]
    if (c.kind === 'other' || c.kind === 'null') return undefined
    out.set(field, c)
  }
  return out
}

/**
 * The kind of value a document holds at a dot path, as far as sort order goes: `null` (missing or null),
 * `number`, `string`, `date`, `bool`, or `other` (arrays anywhere on the path, objects, non-finite numbers,
 * invalid dates, strings with code units ≥ U+D800, where UTF-16 and SQLite's UTF-8 byte order can differ).
 */
export function kindAt(doc: unknown, path: string[]): string {
  let v: unknown = doc
  for (const p of path) {
    if (Array.isArray(v)) return 'other'
    if (v === null || typeof v !== 'object' || v instanceof Date || v instanceof RegExp) return 'null'
    v = (v as Doc)[p]
  }
  return kindOf(v)
}

const WIDE = /[\ud800-\uffff]/

/** The kind of one value (see kindAt). */
function kindOf(v: unknown): string {
  if (v === undefined || v === null) return 'null'
  if (typeof v === 'number') return Number.isFinite(v) ? 'number' : 'other'
  if (typeof v === 'string') return WIDE.test(v) ? 'other' : 'string'
  if (typeof v === 'boolean') return 'bool'
  if (v instanceof Date) return Number.isFinite(v.getTime()) ? 'date' : 'other'
  return 'other'
}

/** `kindAt` on a stored document's raw JSON (relaxed EJSON, not yet normalised): no full EJSON parse. */
export function rawKindAt(raw: unknown, path: string[]): string {
  let v: unknown = raw
  for (const p of path) {
    if (Array.isArray(v)) return 'other'
    if (v === null || typeof v !== 'object') return 'null'
    const keys = Object.keys(v as Doc)
    if (keys.length === 1 && keys[0].startsWith('$')) return 'null' // a wrapped scalar (date, long…): no fields
    v = (v as Doc)[p]
  }
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const keys = Object.keys(v as Doc)
    if (keys.length !== 1) return 'other'
    const x = (v as Doc)[keys[0]]
    if (keys[0] === '$date') return typeof x === 'string' && !Number.isFinite(Date.parse(x)) ? 'other' : 'date'
    if (['$numberDouble', '$numberLong', '$numberInt', '$numberDecimal'].includes(keys[0])) return Number.isFinite(Number(x)) ? 'number' : 'other'
    return 'other'
  }
  return kindOf(v)
}

/** Whether index keys of values of these kinds sort in SQLite exactly (and strictly) as mingo sorts the values. */
export function orderPreserving(kinds: Set<string> | undefined): boolean {
  if (!kinds) return false
  const nonNull = [...kinds].filter((k) => k !== 'null')
  return nonNull.length <= 1 && !nonNull.includes('other')
}
