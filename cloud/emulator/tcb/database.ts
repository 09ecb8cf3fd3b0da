/** The `database.*` actions of the TCB API (cloud/emulator/README.md, The wire). */
import crypto from 'crypto'
import { Doc, parseEJSON, resolveServerDates, toEJSON, cloneDoc } from '../engine/ejson'
import { applyUpdate, findDocs, aggregateDocs, OperatorError, compileQuery } from '../engine/mongo'
import { Store, Change } from '../store/store'
import { sortIndex } from '../store/indexes'
import { TxManager, Tx } from '../store/transactions'
import { TcbError, errors } from './errors'
import { nowMs } from '../../lib/dates'

/** Server-side get() limits, as CloudBase applies them. */
export const DEFAULT_LIMIT = 100
export const MAX_LIMIT = 1000

export interface DbContext {
  store: Store
  txm: TxManager
  /** Who is calling: the TCB path suffix (e.g. `/w/3` for function worker 3). */
  session: string
  /** Reports which index a query used (or none). */
  onQuery?: (info: { action: string; coll: string; index?: string; scanned: number; ordered?: boolean }) => void
}

type Params = Record<string, any>

/** Generate a CloudBase-style document id (32 hex chars). */
export function newId(): string {
  return crypto.randomBytes(16).toString('hex')
}

function parseParam(v: unknown, now: number): any {
  return resolveServerDates(parseEJSON(v), now)
}

/** The collection a request names; it must exist (CloudBase answers DATABASE_COLLECTION_NOT_EXIST). */
function collectionOf(ctx: DbContext, p: Params): string {
  const name = p.collectionName
  if (!name || typeof name !== 'string') throw errors.invalidParam('collectionName is required')
  if (!ctx.store.hasCollection(name)) throw errors.collectionNotExist(name)
  return name
}

/** MongoDB (and so CloudBase) refuses stored field names that start with '$'. */
function checkFieldNames(v: unknown): void {
  if (!v || typeof v !== 'object' || v instanceof Date || v instanceof RegExp) return
  if (Array.isArray(v)) return v.forEach(checkFieldNames)
  for (const [k, x] of Object.entries(v)) {
    if (k.startsWith('$')) throw errors.requestFailed(`field name ${k} must not start with '$'`)
    checkFieldNames(x)
  }
}

function txOf(ctx: DbContext, p: Params): Tx | undefined {
  if (!p.transactionId) return undefined
  const tx = ctx.txm.get(p.transactionId)
  if (!tx) throw errors.txNotExist(p.transactionId)
  return tx
}

/** CloudBase allows only single-document work in transactions: refuse WHERE writes in one. */
function refuseWhereWriteInTx(ctx: DbContext, p: Params, action: string) {
  if (p.transactionId || ctx.txm.hasOpen(ctx.session)) {
    throw errors.requestFailed(`${action} with where() is not allowed in a transaction: only single-document operations (doc(id)) are supported`)
  }
}

function candidates(ctx: DbContext, tx: Tx | undefined, coll: string, query: Doc | undefined, action: string, order?: Doc, want?: number): Doc[] {
  const c = tx ? ctx.txm.candidates(tx, coll, query) : ctx.store.candidates(coll, query, undefined, want)
  // An unfiltered (or unindexable) list whose sort a declared index covers is reported as `sort:<index>`.
  const isFiltered = query && Object.keys(query).length > 0
  const sortIx = !c.index && !isFiltered ? sortIndex(order, ctx.store.indexesOf(coll)) : undefined
  ctx.onQuery?.({ action, coll, index: c.index || (sortIx && `sort:${sortIx}`), scanned: c.docs.length })
  return c.docs
}

function docQueryId(p: Params, now: number): string {
  const q = parseParam(p.query, now)
  if (!q || q._id === undefined) throw errors.invalidParam('doc query needs _id')
  return String(q._id)
}

function limitOf(p: Params): number {
  const n = p.limit === undefined || p.limit === null ? DEFAULT_LIMIT : Number(p.limit)
  if (!Number.isFinite(n) || n <= 0) return DEFAULT_LIMIT
  return Math.min(Math.floor(n), MAX_LIMIT)
}

/** database.insertDocument */
function insertDocument(ctx: DbContext, p: Params, now: number) {
  const coll = collectionOf(ctx, p)
  const tx = txOf(ctx, p)
  const items: unknown[] = Array.isArray(p.data) ? p.data : [p.data]
  const ids: string[] = []
  const changes: Change[] = []
  for (const item of items) {
    const doc = parseParam(item, now)
    if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw errors.invalidParam('data must be an object')
    checkFieldNames(doc)
    if (doc._id === undefined) doc._id = newId()
    const id = String(doc._id)
    const exists = tx ? ctx.txm.read(tx, coll, id) : ctx.store.getById(coll, id)
    if (exists || changes.some((c) => c.id === id)) throw errors.requestFailed(`E11000 duplicate key error collection: ${coll} index: _id_ dup key: { _id: "${id}" }`)
    changes.push({ coll, id, doc })
    ids.push(id)
  }
  if (tx) changes.forEach((c) => ctx.txm.stage(tx, coll, c.id, c.doc))
  else ctx.store.write(changes)
  return { data: { insertedIds: ids } }
}

/** A read's documents as EJSON; unprojected ones as read (mingo hands on the same objects, unchanged) are sent as stored. */
function encodeList(ctx: DbContext, list: Doc[], projection: Doc | undefined): string[] {
  if (projection && Object.keys(projection).length) return list.map(toEJSON)
  return list.map((d) => ctx.store.storedText(d) ?? toEJSON(d))
}

/** database.getDocument */
function getDocument(ctx: DbContext, p: Params, now: number) {
  const coll = collectionOf(ctx, p)
  const tx = txOf(ctx, p)
  const projection = parseParam(p.projection, now)
  if (p.queryType === 'DOC') {
    const id = docQueryId(p, now)
    const doc = tx ? ctx.txm.read(tx, coll, id) : ctx.store.getById(coll, id)?.doc
    ctx.onQuery?.({ action: 'getDocument', coll, index: '_id', scanned: doc ? 1 : 0 })
    const list = doc ? findDocs([doc], {}, { projection }) : []
    return { data: { list: encodeList(ctx, list, projection) } }
  }
  const query = parseParam(p.query, now)
  compileQuery(query)
  const order = parseParam(p.order, now)
  const offset = Number(p.offset) || 0
  const limit = limitOf(p)
  // A sorted list an index serves in order reads only the documents up to skip + limit (Store.orderedCandidates).
  const ordered = !tx && order && Object.keys(order).length && Number.isInteger(offset) && offset >= 0 ? ctx.store.orderedCandidates(coll, query, order, offset + limit) : undefined
  if (ordered) ctx.onQuery?.({ action: 'getDocument', coll, index: ordered.index, scanned: ordered.docs.length, ordered: true })
  // An unsorted list stops reading after skip + limit matches (Store.candidates with `want`).
  const want = !tx && !(order && Object.keys(order).length) && Number.isInteger(offset) && offset >= 0 ? offset + limit : undefined
  const docs = ordered ? ordered.docs : candidates(ctx, tx, coll, query, 'getDocument', order, want)
  const list = findDocs(docs, query, { order, offset, limit, projection })
  return { data: { list: encodeList(ctx, list, projection) } }
}

/** database.calculateDocument (count) */
function calculateDocument(ctx: DbContext, p: Params, now: number) {
  const coll = collectionOf(ctx, p)
  const tx = txOf(ctx, p)
  const query = parseParam(p.query, now)
  compileQuery(query)
  // From the index rows alone when the index decides the query exactly; else every candidate is loaded (logged).
  const counted = tx ? undefined : ctx.store.countFromIndex(coll, query)
  if (counted) {
    ctx.onQuery?.({ action: 'calculateDocument', coll, index: counted.index, scanned: 0 })
    return { data: { total: counted.total } }
  }
  const docs = loadedCandidates(ctx, tx, coll, query, 'calculateDocument')
  return { data: { total: findDocs(docs, query).length } }
}

/** Apply an update or replacement to a copy of `doc`; returns the new doc and whether it changed. */
function modified(doc: Doc, update: Doc, merge: boolean): { doc: Doc; changed: boolean } {
  const before = toEJSON(doc)
  let next: Doc
  if (merge) {
    next = cloneDoc(doc)
    applyUpdate(next, update)
    next._id = doc._id
  } else {
    if (Object.keys(update).some((k) => k.startsWith('$'))) throw errors.invalidOperator('set() takes a plain document, not update operators')
    checkFieldNames(update)
    next = { ...cloneDoc(update), _id: doc._id }
  }
  return { doc: next, changed: toEJSON(next) !== before }
}

/** database.modifyDocument (update, set/upsert) */
function modifyDocument(ctx: DbContext, p: Params, now: number) {
  const coll = collectionOf(ctx, p)
  const update = parseParam(p.data, now)
  if (!update || typeof update !== 'object') throw errors.invalidParam('data must be an object')
  const merge = p.merge !== false
  if (p.queryType === 'DOC') {
    const tx = txOf(ctx, p)
    const id = docQueryId(p, now)
    const current = tx ? ctx.txm.read(tx, coll, id) : ctx.store.getById(coll, id)?.doc
    if (!current) {
      if (!p.upsert) return { data: { updated: 0 } }
      if (!merge) checkFieldNames(update)
      const created: Doc = merge ? {} : { ...update }
      if (merge) applyUpdate(created, update)
      created._id = id
      if (tx) ctx.txm.stage(tx, coll, id, created)
      else ctx.store.write([{ coll, id, doc: created }])
      return { data: { updated: 0, upsert_id: id } }
    }
    const r = modified(current, update, merge)
    if (r.changed) {
      if (tx) ctx.txm.stage(tx, coll, id, r.doc)
      else ctx.store.write([{ coll, id, doc: r.doc }])
    }
    return { data: { updated: r.changed ? 1 : 0 } }
  }
  refuseWhereWriteInTx(ctx, p, 'update')
  const query = parseParam(p.query, now)
  compileQuery(query)
  let matches = findDocs(candidates(ctx, undefined, coll, query, 'modifyDocument'), query)
  if (p.multi === false) matches = matches.slice(0, 1)
  const changes: Change[] = []
  for (const doc of matches) {
    const r = modified(doc, update, merge)
    if (r.changed) changes.push({ coll, id: String(doc._id), doc: r.doc })
  }
  if (changes.length) ctx.store.write(changes)
  return { data: { updated: changes.length } }
}

/** database.modifyAndReturnDoc (where().updateAndReturn()) */
function modifyAndReturnDoc(ctx: DbContext, p: Params, now: number) {
  const coll = collectionOf(ctx, p)
  refuseWhereWriteInTx(ctx, p, 'updateAndReturn')
  const update = parseParam(p.data, now)
  const query = parseParam(p.query, now)
  const [doc] = findDocs(candidates(ctx, undefined, coll, query, 'modifyAndReturnDoc'), query, { limit: 1 })
  if (!doc) return { data: { updated: 0, doc: null } }
  const r = modified(doc, update, true)
  if (r.changed) ctx.store.write([{ coll, id: String(doc._id), doc: r.doc }])
  return { data: { updated: r.changed ? 1 : 0, doc: toEJSON(r.doc) } }
}

/** database.removeDocument */
function removeDocument(ctx: DbContext, p: Params, now: number) {
  const coll = collectionOf(ctx, p)
  if (p.queryType === 'DOC') {
    const tx = txOf(ctx, p)
    const id = docQueryId(p, now)
    const current = tx ? ctx.txm.read(tx, coll, id) : ctx.store.getById(coll, id)?.doc
    if (!current) return { data: { deleted: 0 } }
    if (tx) ctx.txm.stage(tx, coll, id, null)
    else ctx.store.write([{ coll, id, doc: null }])
    return { data: { deleted: 1 } }
  }
  refuseWhereWriteInTx(ctx, p, 'remove')
  const query = parseParam(p.query, now)
  compileQuery(query)
  let matches = findDocs(candidates(ctx, undefined, coll, query, 'removeDocument'), query)
  if (p.multi === false) matches = matches.slice(0, 1)
  if (matches.length) ctx.store.write(matches.map((d) => ({ coll, id: String(d._id), doc: null })))
  return { data: { deleted: matches.length } }
}

/** database.aggregateDocuments */
function aggregateDocuments(ctx: DbContext, p: Params, now: number) {
  const coll = collectionOf(ctx, p)
  const stages: { stageKey: string; stageValue: unknown }[] = Array.isArray(p.stages) ? p.stages : []
  const pipeline = stages.map((s) => ({ [s.stageKey]: parseParam(s.stageValue, now) }))
  const grouped = groupFromIndex(ctx, coll, pipeline)
  if (grouped) return { data: { list: grouped.map(toEJSON) } }
  const firstMatch = pipeline[0] && '$match' in pipeline[0] ? (pipeline[0].$match as Doc) : undefined
  const docs = loadedCandidates(ctx, undefined, coll, firstMatch, 'aggregateDocuments')
  return { data: { list: aggregateDocs(docs, pipeline).map(toEJSON) } }
}

/** `candidates` for a count or aggregation that could not be answered from the index: logs `coll:LOADED n` when an index narrowed it. */
function loadedCandidates(ctx: DbContext, tx: Tx | undefined, coll: string, query: Doc | undefined, action: string): Doc[] {
  const c = tx ? ctx.txm.candidates(tx, coll, query) : ctx.store.candidates(coll, query)
  ctx.onQuery?.({ action, coll, index: c.index && (c.index === '_id' ? c.index : `LOADED ${c.docs.length}`), scanned: c.docs.length })
  return c.docs
}

/**
 * A pipeline `[$match on index keys?, $group by index keys counting with {$sum: 1}, ...rest]` answered from the
 * index rows (Store.groupCountFromIndex), the rest run by mingo over the groups; undefined when it does not fit.
 */
function groupFromIndex(ctx: DbContext, coll: string, pipeline: Doc[]): Doc[] | undefined {
  const hasMatch = pipeline[0] && Object.keys(pipeline[0]).length === 1 && '$match' in pipeline[0]
  const groupStage = pipeline[hasMatch ? 1 : 0]
  if (!groupStage || Object.keys(groupStage).length !== 1 || !groupStage.$group || typeof groupStage.$group !== 'object') return undefined
  const { _id: key, ...accumulators } = groupStage.$group as Doc
  const path = (v: unknown) => (typeof v === 'string' && /^\$[^$.][^$]*$/.test(v) ? v.slice(1) : undefined)
  const names = key && typeof key === 'object' && !Array.isArray(key) && !(key instanceof Date) && !(key instanceof RegExp) ? Object.keys(key) : undefined
  const by = names ? names.map((n) => path((key as Doc)[n])) : [path(key)]
  if (!by.length || by.some((f) => !f) || (names && names.some((n) => n.startsWith('$')))) return undefined
  const counters = Object.keys(accumulators)
  if (
    !counters.every((a) => {
      const v = accumulators[a]
      return v && typeof v === 'object' && Object.keys(v).length === 1 && v.$sum === 1
    })
  )
    return undefined
  compileQuery(hasMatch ? pipeline[0].$match : undefined)
  const r = ctx.store.groupCountFromIndex(coll, hasMatch ? pipeline[0].$match : undefined, by as string[])
  if (!r) return undefined
  ctx.onQuery?.({ action: 'aggregateDocuments', coll, index: r.index, scanned: 0 })
  const groups = r.groups.map((g) => ({
    _id: names ? Object.fromEntries(names.map((n, i) => [n, g.values[i]])) : g.values[0],
    ...Object.fromEntries(counters.map((a) => [a, g.n])),
  }))
  const rest = pipeline.slice(hasMatch ? 2 : 1)
  return rest.length ? aggregateDocs(groups, rest) : groups
}

/** database.addCollection */
function addCollection(ctx: DbContext, p: Params) {
  const name = p.collectionName
  if (!name || typeof name !== 'string') throw errors.invalidParam('collectionName is required')
  if (ctx.store.hasCollection(name)) throw errors.collectionExists(name)
  ctx.store.createCollection(name)
  return {}
}

/** database.startTransaction: the id goes at the TOP LEVEL of the answer. */
function startTransaction(ctx: DbContext) {
  return { transactionId: ctx.txm.start(ctx.session) }
}

/** database.commitTransaction */
function commitTransaction(ctx: DbContext, p: Params) {
  const outcome = ctx.txm.commit(String(p.transactionId || ''))
  if (outcome === 'conflict') throw errors.txConflict()
  if (outcome === 'unknown') throw errors.txNotExist(String(p.transactionId))
  return {}
}

/** database.abortTransaction: unknown ids answer {} too. */
function abortTransaction(ctx: DbContext, p: Params) {
  ctx.txm.abort(String(p.transactionId || ''))
  return {}
}

const ACTIONS: Record<string, (ctx: DbContext, p: Params, now: number) => object> = {
  'database.insertDocument': insertDocument,
  'database.getDocument': getDocument,
  'database.calculateDocument': calculateDocument,
  'database.modifyDocument': modifyDocument,
  'database.modifyAndReturnDoc': modifyAndReturnDoc,
  'database.removeDocument': removeDocument,
  'database.aggregateDocuments': aggregateDocuments,
  'database.addCollection': addCollection,
  'database.startTransaction': startTransaction,
  'database.commitTransaction': commitTransaction,
  'database.abortTransaction': abortTransaction,
}

/** Whether `action` is a database action this module answers. */
export function isDatabaseAction(action: string): boolean {
  return action in ACTIONS
}

/** Run one database action; errors become TcbError (operator errors → DATABASE_INVALID_OPERRATOR). */
export function runDatabaseAction(ctx: DbContext, action: string, params: Params): object {
  const fn = ACTIONS[action]
  if (!fn) throw errors.unsupported(action)
  try {
    return fn(ctx, params, nowMs())
  } catch (e: any) {
    if (e instanceof TcbError) throw e
    if (e instanceof OperatorError) throw errors.invalidOperator(e.message)
    throw new TcbError('DATABASE_REQUEST_FAILED', e?.message || String(e))
  }
}
