/** The durable document store: collections, documents with versions, declared indexes, snapshot readers. */
import path from 'path'
import { Doc, fromEJSON, toEJSON } from '../engine/ejson'
import { openDatabase, openReader, Sqlite, MAX_INDEX_KEYS } from './sqlite'
import { IndexDef, entriesFor, planQuery, planOrdered, planCovered, orderPreserving, CoveredPlan, OrderedPlan } from './indexes'
import { ValueKinds } from './kinds'
import { compileQuery } from '../engine/mongo'
import { nowMs } from '../../lib/dates'

export interface StoredDoc {
  doc: Doc
  version: number
}

export interface Candidates {
  docs: Doc[]
  /** The index used to narrow the scan, if any. */
  index?: string
  /** Read in the query's order from the index and stopped early (`orderedCandidates`). */
  ordered?: boolean
}

/** Index rows read per SQL query at first (then 4x more each time), and at most this many documents loaded per batch. */
const ORDERED_ROWS = 256
const MAX_BATCH = 256
/** An ordered plan merges at most this many `$in` combinations (one index walk each); more read one sorted query. */
const MAX_MERGED = 64

/** Documents to load next when `found` of `want` matches are in: the rest, at least 8, at most MAX_BATCH. */
const batchSize = (want: number, found: number) => Math.min(MAX_BATCH, Math.max(8, want - found))

/** A pending change: `doc` null means delete. */
export interface Change {
  coll: string
  id: string
  doc: Doc | null
}

type Stmt = ReturnType<Sqlite['prepare']> & { get(...p: unknown[]): unknown; all(...p: unknown[]): unknown[]; iterate(...p: unknown[]): IterableIterator<unknown> }
const stmtCache = new WeakMap<Sqlite, Map<string, Stmt>>()

/** A cached prepared statement for `sql` on `conn`. */
function stmt(conn: Sqlite, sql: string): Stmt {
  let m = stmtCache.get(conn)
  if (!m) stmtCache.set(conn, (m = new Map()))
  let s = m.get(sql)
  if (!s) m.set(sql, (s = conn.prepare(sql) as Stmt))
  return s
}

/** The ids a query is restricted to by `_id: 'x'`, `_id: {$eq}` or `_id: {$in: [...]}` (strings only). */
function idsOf(criteria: Doc | undefined): string[] | undefined {
  const v = criteria?._id
  if (typeof v === 'string') return [v]
  if (!v || typeof v !== 'object' || v instanceof RegExp) return undefined
  const ops = Object.keys(v)
  if (ops.length !== 1) return undefined
  if (ops[0] === '$eq' && typeof v.$eq === 'string') return [v.$eq]
  if (ops[0] === '$in' && Array.isArray(v.$in) && v.$in.every((x: unknown) => typeof x === 'string')) return [...new Set<string>(v.$in)]
  return undefined
}

/** Every combination of the prefix values (one list per key), or undefined when more than `max`. */
function combinations(lists: unknown[][], max: number): unknown[][] | undefined {
  let out: unknown[][] = [[]]
  for (const list of lists) {
    out = out.flatMap((c) => list.map((v) => [...c, v]))
    if (out.length > max) return undefined
  }
  return out
}

/**
 * The SQL reading an ordered plan's index rows in order, `LIMIT ?` last: selects `id` and the sort key `k`. The
 * order is the index's own (the sort key, the later keys, then id, all in the read direction), so with one value
 * per prefix key SQLite walks the B-tree and stops at the limit; with `$in` prefixes it is a UNION ALL of one such
 * walk per combination, which SQLite merges (MERGE (UNION ALL), no temp B-tree) and also stops at the limit.
 */
function orderedSql(plan: OrderedPlan): string {
  const later = Array.from({ length: MAX_INDEX_KEYS - plan.at - 1 }, (_, i) => `e.k${plan.at + 1 + i} AS k${plan.at + 1 + i}`)
  const cols = [`e.id AS id`, `e.k${plan.at} AS k`, ...later].join(', ')
  const order = ['k', ...later.map((c) => c.split(' AS ')[1]), 'id'].map((c) => `${c} ${plan.dir}`).join(', ')
  const combos = combinations(plan.prefix, MAX_MERGED)
  const side = (eqs: string[]) => `SELECT ${cols} FROM index_entries e WHERE ${['e.coll = ?', 'e.ix = ?', ...eqs, ...plan.range].join(' AND ')}`
  if (!combos) {
    const eqs = plan.prefix.map((vals, i) => (vals.length === 1 ? `e.k${i} = ?` : `e.k${i} IN (${vals.map(() => '?').join(',')})`))
    return `${side(eqs)} ORDER BY ${order} LIMIT ?`
  }
  const eqs = plan.prefix.map((_v, i) => `e.k${i} = ?`)
  return `${combos.map(() => side(eqs)).join(' UNION ALL ')} ORDER BY ${order} LIMIT ?`
}

/** The parameters of orderedSql but the limit: per side the collection, index name, prefix values and range values. */
function orderedParams(coll: string, plan: OrderedPlan): unknown[] {
  const combos = combinations(plan.prefix, MAX_MERGED)
  if (!combos) return [coll, plan.index, ...plan.prefix.flat(), ...plan.rangeParams]
  return combos.flatMap((c) => [coll, plan.index, ...c, ...plan.rangeParams])
}

/** A SQLite-backed collection store with one writer connection and pooled snapshot readers. */
export class Store {
  readonly db: Sqlite
  readonly file: string
  private seq: number
  private indexes = new Map<string, IndexDef[]>()
  private readers: Sqlite[] = []
  private collections = new Set<string>()
  private stmts: ReturnType<Store['prepare']>
  /** Per collection, per indexed field: the kinds of value ever stored (kept in the database, kept up by writes). */
  private kinds: ValueKinds
  /** The stored text of each document a read decoded (until it is dropped): an unprojected answer sends it as is. */
  private texts = new WeakMap<Doc, string>()
  /** Counters for tests and the bench: documents parsed by reads, ordered plans, limited reads that stopped early, index-only answers. */
  readonly stats = { docsLoaded: 0, orderedPlans: 0, limitedReads: 0, indexOnly: 0 }
  /** Tests switch this off to force the narrowing + mingo path (the reference for the ordered plan, early stops and index-only answers). */
  useOrderedPlans = true

  constructor(dataDir: string) {
    this.db = openDatabase(dataDir)
    this.file = path.join(dataDir, 'hemei.sqlite')
    this.seq = (this.db.prepare('SELECT MAX(version) AS v FROM docs').get() as { v: number | null }).v || 0
    this.stmts = this.prepare()
    this.kinds = new ValueKinds(this.db)
    for (const name of this.listCollections()) this.collections.add(name)
    for (const row of this.db.prepare('SELECT coll, name, keys FROM index_defs').all() as { coll: string; name: string; keys: string }[]) {
      this.defsOf(row.coll).push({ name: row.name, keys: JSON.parse(row.keys) })
    }
  }

  private prepare() {
    const db = this.db
    return {
      addColl: db.prepare('INSERT OR IGNORE INTO collections (name, created_at) VALUES (?, ?)'),
      upsert: db.prepare('INSERT INTO docs (coll, id, doc, version) VALUES (?, ?, ?, ?) ON CONFLICT (coll, id) DO UPDATE SET doc = excluded.doc, version = excluded.version'),
      del: db.prepare('DELETE FROM docs WHERE coll = ? AND id = ?'),
      delEntries: db.prepare('DELETE FROM index_entries WHERE coll = ? AND id = ?'),
      addEntry: db.prepare('INSERT INTO index_entries (coll, ix, k0, k1, k2, k3, id) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      version: db.prepare('SELECT version FROM docs WHERE coll = ? AND id = ?'),
    }
  }

  private defsOf(coll: string): IndexDef[] {
    let defs = this.indexes.get(coll)
    if (!defs) this.indexes.set(coll, (defs = []))
    return defs
  }

  /** Whether a collection exists. */
  hasCollection(name: string): boolean {
    return this.collections.has(name)
  }

  /** Create a collection (idempotent). */
  createCollection(name: string): void {
    this.stmts.addColl.run(name, nowMs())
    this.collections.add(name)
  }

  /** Names of all collections. */
  listCollections(): string[] {
    return (this.db.prepare('SELECT name FROM collections ORDER BY name').all() as { name: string }[]).map((r) => r.name)
  }

  /** Declare an index; (re)builds its entries when new or changed. */
  ensureIndex(coll: string, def: IndexDef): void {
    const keys = JSON.stringify(def.keys)
    if (Object.keys(def.keys).length > MAX_INDEX_KEYS) throw new Error(`index ${coll}.${def.name}: more than ${MAX_INDEX_KEYS} keys`)
    const row = this.db.prepare('SELECT keys FROM index_defs WHERE coll = ? AND name = ?').get(coll, def.name) as { keys: string } | undefined
    if (row && row.keys === keys) return
    this.db.transaction(() => {
      this.db.prepare('INSERT OR REPLACE INTO index_defs (coll, name, keys) VALUES (?, ?, ?)').run(coll, def.name, keys)
      this.db.prepare('DELETE FROM index_entries WHERE coll = ? AND ix = ?').run(coll, def.name)
      for (const r of this.db.prepare('SELECT id, doc FROM docs WHERE coll = ?').all(coll) as { id: string; doc: string }[]) {
        for (const k of entriesFor(fromEJSON(r.doc), def)) this.stmts.addEntry.run(coll, def.name, ...k, r.id)
      }
    })()
    const defs = this.defsOf(coll).filter((d) => d.name !== def.name)
    defs.push({ name: def.name, keys: def.keys })
    this.indexes.set(coll, defs)
  }

  /** Drop an index no longer declared. */
  dropIndex(coll: string, name: string): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM index_defs WHERE coll = ? AND name = ?').run(coll, name)
      this.db.prepare('DELETE FROM index_entries WHERE coll = ? AND ix = ?').run(coll, name)
    })()
    this.indexes.set(
      coll,
      this.indexesOf(coll).filter((d) => d.name !== name),
    )
  }

  /** The declared indexes of a collection. */
  indexesOf(coll: string): IndexDef[] {
    return this.indexes.get(coll) || []
  }

  /** Decode a stored document, remembering its text. */
  private decode(text: string): Doc {
    const doc = fromEJSON(text)
    this.texts.set(doc, text)
    return doc
  }

  /**
   * The stored text of a document as a read returned it, or undefined (not read from the store, or a copy). It is
   * what `toEJSON` writes for it while the document is unchanged: readers must not hand on documents they changed.
   */
  storedText(doc: Doc): string | undefined {
    return this.texts.get(doc)
  }

  /** Read one document through `conn` (the writer, or a transaction's snapshot reader). */
  getById(coll: string, id: string, conn: Sqlite = this.db): StoredDoc | undefined {
    const row = stmt(conn, 'SELECT doc, version FROM docs WHERE coll = ? AND id = ?').get(coll, id) as { doc: string; version: number } | undefined
    if (row) this.stats.docsLoaded++
    return row ? { doc: this.decode(row.doc), version: row.version } : undefined
  }

  /** The current committed version of a document (0 = absent). */
  versionOf(coll: string, id: string): number {
    return (this.stmts.version.get(coll, id) as { version: number } | undefined)?.version || 0
  }

  /**
   * Candidate documents for a query: narrowed by a declared index when one applies, else the whole collection.
   * With `want` (skip + limit of an unsorted read, committed state), reads candidates lazily in index order
   * (the whole-collection read in id order), tests each with the exact query and stops after `want` matches:
   * then every returned document matches.
   */
  candidates(coll: string, criteria: Doc | undefined, conn: Sqlite = this.db, want?: number): Candidates {
    const ids = idsOf(criteria)
    if (ids) {
      const docs = ids.map((id) => this.getById(coll, id, conn)?.doc).filter((d): d is Doc => !!d)
      return { docs, index: '_id' }
    }
    const plan = planQuery(criteria, this.indexesOf(coll))
    if (want !== undefined && want > 0 && this.useOrderedPlans) return this.limited(coll, criteria, want, plan)
    if (plan) {
      const sql = `SELECT d.doc FROM docs d WHERE d.coll = ? AND d.id IN (SELECT e.id FROM index_entries e WHERE e.coll = ? AND e.ix = ? AND ${plan.where})`
      const rows = stmt(conn, sql).all(coll, coll, plan.index, ...plan.params) as { doc: string }[]
      this.stats.docsLoaded += rows.length
      return { docs: rows.map((r) => this.decode(r.doc)), index: plan.index }
    }
    const rows = stmt(conn, 'SELECT doc FROM docs WHERE coll = ?').all(coll) as { doc: string }[]
    this.stats.docsLoaded += rows.length
    return { docs: rows.map((r) => this.decode(r.doc)) }
  }

  /** The first `want` matching documents, read lazily (index rows in index order, then documents in batches), stopping there. */
  private limited(coll: string, criteria: Doc | undefined, want: number, plan: ReturnType<typeof planQuery>): Candidates {
    const q = compileQuery(criteria)
    const matches: Doc[] = []
    this.stats.limitedReads++
    if (!plan) {
      const it = stmt(this.db, 'SELECT doc FROM docs WHERE coll = ?').iterate(coll) as IterableIterator<{ doc: string }>
      try {
        for (const r of it) {
          this.stats.docsLoaded++
          const doc = this.decode(r.doc)
          if (q.test(doc) && matches.push(doc) >= want) break
        }
      } finally {
        it.return?.()
      }
      return { docs: matches }
    }
    const sql = `SELECT e.id AS id FROM index_entries e WHERE e.coll = ? AND e.ix = ? AND ${plan.where}`
    const it = stmt(this.db, sql).iterate(coll, plan.index, ...plan.params) as IterableIterator<{ id: string }>
    const seen = new Set<string>()
    try {
      for (let done = false; !done && matches.length < want;) {
        const batch: string[] = []
        const size = batchSize(want, matches.length)
        while (batch.length < size) {
          const r = it.next()
          if (r.done) {
            done = true
            break
          }
          if (seen.has(r.value.id)) continue // multikey: one row per array element
          seen.add(r.value.id)
          batch.push(r.value.id)
        }
        for (const doc of this.loadBatch(coll, batch)) {
          if (q.test(doc) && matches.push(doc) >= want) break
        }
      }
    } finally {
      it.return?.()
    }
    return { docs: matches, index: plan.index }
  }

  /** The documents with these ids (committed state), decoded, in the order of `ids` (absent ones skipped). */
  private loadBatch(coll: string, ids: string[]): Doc[] {
    if (!ids.length) return []
    const load = `SELECT id, doc FROM docs WHERE coll = ? AND id IN (${ids.map(() => '?').join(',')})`
    const found = new Map((stmt(this.db, load).all(coll, ...ids) as { id: string; doc: string }[]).map((r) => [r.id, r.doc]))
    this.stats.docsLoaded += found.size
    const out: Doc[] = []
    for (const id of ids) {
      const text = found.get(id)
      if (text !== undefined) out.push(this.decode(text))
    }
    return out
  }

  /** Kinds of value stored at each indexed field of `coll` (kept in the database; see kinds.ts). */
  private kindsOf(coll: string): Map<string, Set<string>> {
    return this.kinds.get(
      coll,
      this.indexesOf(coll).flatMap((d) => Object.keys(d.keys)),
    )
  }

  /** A plan answering `criteria` (and grouping on `need`) from index rows alone, if one exists (indexes.ts planCovered). */
  private covered(coll: string, criteria: Doc | undefined, need: string[] = []): (CoveredPlan & { distinct: boolean }) | undefined {
    if (!this.useOrderedPlans) return undefined
    const defs = this.indexesOf(coll)
    if (!defs.length) return undefined
    const kinds = this.kindsOf(coll)
    const plan = planCovered(criteria, defs, kinds, need)
    if (!plan) return undefined
    // One row per document unless some key of the index ever held an array (multikey): then count ids.
    const distinct = plan.fields.some((f) => kinds.get(f)?.has('other'))
    return { ...plan, distinct }
  }

  /** `count()` from index rows alone when the index decides the query exactly (committed state), else undefined. */
  countFromIndex(coll: string, criteria: Doc | undefined): { total: number; index: string } | undefined {
    const plan = this.covered(coll, criteria)
    if (!plan) return undefined
    const sql = `SELECT COUNT(${plan.distinct ? 'DISTINCT e.id' : '*'}) AS n FROM index_entries e WHERE e.coll = ? AND e.ix = ? AND ${plan.where}`
    this.stats.indexOnly++
    return { total: (stmt(this.db, sql).get(coll, plan.index, ...plan.params) as { n: number }).n, index: plan.index }
  }

  /**
   * Counts of the matching documents grouped by the values at `by` (index keys each holding one kind of value,
   * never missing), from index rows alone, or undefined. Groups come in the order of their first document by id,
   * the order mingo's `$group` meets them in over the candidates.
   */
  groupCountFromIndex(coll: string, criteria: Doc | undefined, by: string[]): { groups: { values: unknown[]; n: number }[]; index: string } | undefined {
    const plan = this.covered(coll, criteria, by)
    if (!plan) return undefined
    const kinds = this.kindsOf(coll)
    const decoders = by.map((f) => {
      const k = kinds.get(f)
      const only = k && k.size === 1 ? [...k][0] : undefined
      if (only === 'string' || only === 'number') return (v: unknown) => v
      if (only === 'date') return (v: unknown) => new Date(v as number)
      if (only === 'bool') return (v: unknown) => v === 1
      return undefined
    })
    if (decoders.some((d) => !d)) return undefined
    const cols = by.map((f) => `e.k${plan.fields.indexOf(f)}`)
    const sql = `SELECT ${cols.map((c, i) => `${c} AS g${i}`).join(', ')}, COUNT(${plan.distinct ? 'DISTINCT e.id' : '*'}) AS n, MIN(e.id) AS first FROM index_entries e WHERE e.coll = ? AND e.ix = ? AND ${plan.where} GROUP BY ${cols.join(', ')} ORDER BY first`
    const rows = stmt(this.db, sql).all(coll, plan.index, ...plan.params) as Record<string, unknown>[]
    this.stats.indexOnly++
    return { groups: rows.map((r) => ({ values: by.map((_f, i) => decoders[i]!(r[`g${i}`])), n: r.n as number })), index: plan.index }
  }

  /**
   * The documents a sorted, skipped and limited query needs, read in the query's order from a declared
   * index and stopping early, or undefined when that cannot be done exactly (then use `candidates`).
   *
   * Applies when an index's leading keys are equalities/$in of the query and its next key is the first sort
   * field (planOrdered), outside transactions (committed state only), and when every value ever stored at
   * that field is missing/null or of one kind whose index keys sort as mingo sorts (orderPreserving: no
   * arrays, so no multikey sort field; no numbers mixed with dates…). Index rows are read in that key's
   * order (then by the later keys and id, so re-reads are stable; a `$in` prefix is a merge of one index walk
   * per value, orderedSql), documents are loaded in batches and tested with the exact
   * mingo query; once `want` (skip + limit) matches are found, reading goes on to the end of the rows tied
   * on that key. Every matching document whose sort key comes before or ties with the last one wanted is
   * then among the returned matches, so mingo's sort, skip and limit over them give exactly what they give
   * over all candidates; the matches are returned in id order, as the full path hands them to mingo (ties
   * on every sort key keep that order).
   */
  orderedCandidates(coll: string, criteria: Doc | undefined, order: Doc | undefined, want: number): Candidates | undefined {
    if (!this.useOrderedPlans || !(want > 0) || idsOf(criteria)) return undefined
    const plan = planOrdered(criteria, order, this.indexesOf(coll))
    if (!plan || !orderPreserving(this.kindsOf(coll).get(plan.field))) return undefined
    const q = compileQuery(criteria)
    const sql = orderedSql(plan)
    const params = orderedParams(coll, plan)
    type Row = { id: string; k: unknown }
    let rows: Row[] = []
    let limit = ORDERED_ROWS / 4
    let pos = 0
    let exhausted = false
    const next = (): Row | undefined => {
      while (pos >= rows.length) {
        if (exhausted) return undefined
        limit *= 4
        rows = stmt(this.db, sql).all(...params, limit) as Row[]
        exhausted = rows.length < limit
      }
      return rows[pos++]
    }
    const seen = new Set<string>()
    const matches: Doc[] = []
    let cutSet = false
    let cut: unknown
    for (let done = false; !done;) {
      const batch: Row[] = []
      const size = cutSet ? MAX_BATCH : batchSize(want, matches.length)
      while (batch.length < size) {
        const r = next()
        if (!r || (cutSet && r.k !== cut)) {
          done = true
          break
        }
        if (seen.has(r.id)) continue // multikey: one row per element of another indexed field
        seen.add(r.id)
        batch.push(r)
      }
      if (!batch.length) break
      const load = `SELECT id, doc FROM docs WHERE coll = ? AND id IN (${batch.map(() => '?').join(',')})`
      const found = new Map((stmt(this.db, load).all(coll, ...batch.map((r) => r.id)) as { id: string; doc: string }[]).map((r) => [r.id, r.doc]))
      this.stats.docsLoaded += found.size
      for (const r of batch) {
        const text = found.get(r.id)
        if (text === undefined) continue
        const doc = this.decode(text)
        if (!q.test(doc)) continue
        matches.push(doc)
        if (!cutSet && matches.length >= want) {
          cutSet = true
          cut = r.k
        }
      }
    }
    this.stats.orderedPlans++
    matches.sort((a, b) => (String(a._id) < String(b._id) ? -1 : String(a._id) > String(b._id) ? 1 : 0))
    return { docs: matches, index: plan.index, ordered: true }
  }

  /** `EXPLAIN QUERY PLAN` of the index read an ordered query would make (tests: a `$in` prefix is merged, never sorted). */
  explainOrdered(coll: string, criteria: Doc | undefined, order: Doc): string[] {
    const plan = planOrdered(criteria, order, this.indexesOf(coll))
    if (!plan) return []
    const rows = this.db.prepare(`EXPLAIN QUERY PLAN ${orderedSql(plan)}`).all(...orderedParams(coll, plan), 20) as { detail: string }[]
    return rows.map((r) => r.detail)
  }

  /** Apply changes atomically in one SQLite transaction; returns the new version. */
  write(changes: Change[]): number {
    const version = ++this.seq
    this.db.transaction(() => {
      for (const c of changes) {
        this.stmts.delEntries.run(c.coll, c.id)
        if (c.doc === null) {
          this.stmts.del.run(c.coll, c.id)
          continue
        }
        this.stmts.upsert.run(c.coll, c.id, toEJSON(c.doc), version)
        this.kinds.note(c.coll, c.doc)
        for (const def of this.indexesOf(c.coll)) {
          for (const k of entriesFor(c.doc, def)) this.stmts.addEntry.run(c.coll, def.name, ...k, c.id)
        }
      }
    })()
    return version
  }

  /** A connection whose open read transaction pins the current committed state (a snapshot). */
  openSnapshot(): Sqlite {
    const conn = this.readers.pop() || openReader(this.file)
    conn.exec('BEGIN')
    stmt(conn, 'SELECT COUNT(*) FROM collections').get()
    return conn
  }

  /** End a snapshot and return its connection to the pool. */
  releaseSnapshot(conn: Sqlite): void {
    try {
      conn.exec('ROLLBACK')
    } catch {
      /* already ended */
    }
    if (this.readers.length < 16) this.readers.push(conn)
    else conn.close()
  }

  /** Append a logged subscription message. */
  logMessage(body: Doc): void {
    this.db.prepare('INSERT INTO messages (at, body) VALUES (?, ?)').run(nowMs(), toEJSON(body))
  }

  /** All logged subscription messages, oldest first. */
  messages(): Doc[] {
    return (this.db.prepare('SELECT seq, at, body FROM messages ORDER BY seq').all() as { seq: number; at: number; body: string }[]).map((r) => ({
      seq: r.seq,
      at: new Date(r.at).toISOString(),
      ...fromEJSON(r.body),
    }))
  }

  /** Whether the database holds no collections at all (first start). */
  isEmpty(): boolean {
    return !this.db.prepare('SELECT 1 FROM collections LIMIT 1').get()
  }

  /** Close all connections (checkpointing the WAL). */
  close(): void {
    for (const r of this.readers) r.close()
    this.readers = []
    this.db.close()
  }
}
