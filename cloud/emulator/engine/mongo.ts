/** Mongo semantics for queries, updates and aggregation, delegated to mingo (never hand-written). */
import 'mingo/init/system'
import { Query, Aggregator } from 'mingo'
import { update as mingoUpdate } from 'mingo/updater'
import { Doc } from './ejson'
import { now } from '../../lib/dates'

/** Thrown for malformed queries/updates; the dispatcher maps it to DATABASE_INVALID_OPERRATOR. */
export class OperatorError extends Error {}

/** Compile a query; a malformed query throws OperatorError. */
export function compileQuery(criteria: Doc | undefined): Query {
  try {
    return new Query(criteria || {})
  } catch (e: any) {
    throw new OperatorError(e?.message || String(e))
  }
}

export interface FindOptions {
  order?: Doc
  offset?: number
  limit?: number
  projection?: Doc
}

/** Filter, sort, skip, limit and project an array of documents. */
export function findDocs(docs: Doc[], criteria: Doc | undefined, opts: FindOptions = {}): Doc[] {
  const q = compileQuery(criteria)
  const projection = opts.projection && Object.keys(opts.projection).length ? opts.projection : undefined
  try {
    let cursor = q.find(docs, projection)
    if (opts.order && Object.keys(opts.order).length) cursor = cursor.sort(opts.order as any)
    if (opts.offset) cursor = cursor.skip(opts.offset)
    if (opts.limit !== undefined) cursor = cursor.limit(opts.limit)
    return cursor.all() as Doc[]
  } catch (e: any) {
    throw new OperatorError(e?.message || String(e))
  }
}

const SUPPORTED_UPDATE_OPS = new Set(['$set', '$unset', '$inc', '$mul', '$min', '$max', '$rename', '$push', '$pop', '$pull', '$pullAll', '$addToSet', '$currentDate'])

/**
 * Apply an update document (operators, or none = a plain $set of the fields) to `doc` in place.
 * Mutates `doc`; callers detect real changes by comparing serialised forms.
 * the SDK sends `{each:[…]}` literally, which CloudBase treats as `$each`.
 */
export function applyUpdate(doc: Doc, updateDoc: Doc): void {
  const keys = Object.keys(updateDoc)
  const hasOps = keys.some((k) => k.startsWith('$'))
  const ops: Doc = hasOps ? updateDoc : { $set: updateDoc }
  for (const op of Object.keys(ops)) {
    if (!SUPPORTED_UPDATE_OPS.has(op)) throw new OperatorError(`unknown update operator ${op}`)
    let fields = ops[op]
    if (!fields || typeof fields !== 'object') throw new OperatorError(`bad operand for ${op}`)
    if ('_id' in fields) throw new OperatorError('cannot update _id')
    if (op === '$addToSet') fields = fixAddToSetEach(fields)
    if (op === '$currentDate') {
      const at = now()
      fields = Object.fromEntries(Object.keys(fields).map((k) => [k, at]))
      mingoUpdate(doc, { $set: fields } as any)
      continue
    }
    try {
      mingoUpdate(doc, { [op]: fields } as any)
    } catch (e: any) {
      throw new OperatorError(e?.message || String(e))
    }
  }
}

function fixAddToSetEach(fields: Doc): Doc {
  const out: Doc = {}
  for (const [k, v] of Object.entries(fields)) {
    const isEachQuirk = v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date) && Object.keys(v).length === 1 && Array.isArray((v as Doc).each)
    out[k] = isEachQuirk ? { $each: (v as Doc).each } : v
  }
  return out
}

/** Run an aggregation pipeline over documents. */
export function aggregateDocs(docs: Doc[], pipeline: Doc[]): Doc[] {
  try {
    return new Aggregator(pipeline as any).run(docs) as Doc[]
  } catch (e: any) {
    throw new OperatorError(e?.message || String(e))
  }
}
