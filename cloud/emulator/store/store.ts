/** The durable document store: collections, documents with versions, declared indexes, snapshot readers. */
import path from 'path'
import { Doc, fromEJSON, toEJSON } from '../engine/ejson'
import { openDatabase, openReader, Sqlite, MAX_INDEX_KEYS } from './sqlite'
import { IndexDef, entriesFor, planQuery, planOrdered, kindAt, rawKindAt, orderPreserving } from './indexes'
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

/** Index rows read per SQL query at first (then 4x more each time), and documents loaded per batch. */
const ORDERED_ROWS = 256
const ORDERED_BATCH = 64

/** A pending change: `doc` null means delete. */
export interface Change {
  coll: string
  id: string
  doc: Doc | null
}

type Stmt = ReturnType<Sqlite['prepare']> & { get(...p: unknown[]): unknown; all(...p: unknown[]): unknown[] }
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

/** A SQLite-backed collection store with one writer connection and pooled snapshot readers. */
export class Store {
  readonly db: Sqlite
  readonly file: string
  private seq: number
  private indexes = new Map<string, IndexDef[]>()
  private readers: Sqlite[] = []
  private collections = new Set<string>()
  private stmts: ReturnType<Store['prepare']>
  /** Per collection, per indexed field: the kinds of value (indexes.ts `kindAt`) ever stored since first asked. */
  private kinds = new Map<string, Map<string, Set<string>>>()
  /** Counters for tests and the bench: documents parsed by reads, ordered plans served. */
  readonly stats = { docsLoaded: 0, orderedPlans: 0 }
  /** Tests switch this off to force the narrowing + mingo path (the reference for the ordered plan). */
  useOrderedPlans = true

  constructor(dataDir: string) {
    this.db = openDatabase(dataDir)
    this.file = path.join(dataDir, 'hemei.sqlite')
    this.seq = (this.db.prepare('SELECT MAX(version) AS v FROM docs').get() as { v: number | null }).v || 0
    this.stmts = this.prepare()
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
    this.kinds.delete(coll)
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
    this.kinds.delete(coll)
  }

  /** The declared indexes of a collection. */
  indexesOf(coll: string): IndexDef[] {
    return this.indexes.get(coll) || []
  }

  /** Read one document through `conn` (the writer, or a transaction's snapshot reader). */
  getById(coll: string, id: string, conn: Sqlite = this.db): StoredDoc | undefined {
    const row = stmt(conn, 'SELECT doc, version FROM docs WHERE coll = ? AND id = ?').get(coll, id) as { doc: string; version: number } | undefined
    if (row) this.stats.docsLoaded++
    return row ? { doc: fromEJSON(row.doc), version: row.version } : undefined
  }

  /** The current committed version of a document (0 = absent). */
  versionOf(coll: string, id: string): number {
    return (this.stmts.version.get(coll, id) as { version: number } | undefined)?.version || 0
  }

  /** Candidate documents for a query: narrowed by a declared index when one applies, else the whole collection. */
  candidates(coll: string, criteria: Doc | undefined, conn: Sqlite = this.db): Candidates {
    const ids = idsOf(criteria)
    if (ids) {
      const docs = ids.map((id) => this.getById(coll, id, conn)?.doc).filter((d): d is Doc => !!d)
      return { docs, index: '_id' }
    }
    const plan = planQuery(criteria, this.indexesOf(coll))
    if (plan) {
      const sql = `SELECT d.doc FROM docs d WHERE d.coll = ? AND d.id IN (SELECT e.id FROM index_entries e WHERE e.coll = ? AND e.ix = ? AND ${plan.where})`
      const rows = stmt(conn, sql).all(coll, coll, plan.index, ...plan.params) as { doc: string }[]
      this.stats.docsLoaded += rows.length
      return { docs: rows.map((r) => fromEJSON(r.doc)), index: plan.index }
    }
    const rows = stmt(conn, 'SELECT doc FROM docs WHERE coll = ?').all(coll) as { doc: string }[]
    this.stats.docsLoaded += rows.length
    return { docs: rows.map((r) => fromEJSON(r.doc)) }
  }

  /** Kinds of value stored at each indexed field of `coll`, computed on first use (raw JSON, no EJSON parse), kept up by `write`. */
  private kindsOf(coll: string): Map<string, Set<string>> {
    let m = this.kinds.get(coll)
    if (m) return m
    m = new Map()
    for (const def of this.indexesOf(coll)) for (const f of Object.keys(def.keys)) m.set(f, new Set())
    const paths = [...m.entries()].map(([f, set]) => ({ path: f.split('.'), set }))
    for (const r of stmt(this.db, 'SELECT doc FROM docs WHERE coll = ?').all(coll) as { doc: string }[]) {
      const raw = JSON.parse(r.doc)
      for (const p of paths) p.set.add(rawKindAt(raw, p.path))
    }
    this.kinds.set(coll, m)
    return m
  }

  /**
   * The documents a sorted, skipped and limited query needs, read in the query's order from a declared
   * index and stopping early, or undefined when that cannot be done exactly (then use `candidates`).
   *
   * Applies when an index's leading keys are equalities/$in of the query and its next key is the first sort
   * field (planOrdered), outside transactions (committed state only), and when every value ever stored at
   * that field is missing/null or of one kind whose index keys sort as mingo sorts (orderPreserving: no
   * arrays, so no multikey sort field; no numbers mixed with dates…). Index rows are read in that key's
   * order (then by id, so re-reads are stable), documents are loaded in batches and tested with the exact
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
    const where = plan.where ? ` AND ${plan.where}` : ''
    const sql = `SELECT e.id AS id, ${plan.column} AS k FROM index_entries e WHERE e.coll = ? AND e.ix = ?${where} ORDER BY ${plan.column} ${plan.dir}, e.id LIMIT ?`
    type Row = { id: string; k: unknown }
    let rows: Row[] = []
    let limit = ORDERED_ROWS / 4
    let pos = 0
    let exhausted = false
    const next = (): Row | undefined => {
      while (pos >= rows.length) {
        if (exhausted) return undefined
        limit *= 4
        rows = stmt(this.db, sql).all(coll, plan.index, ...plan.params, limit) as Row[]
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
      while (batch.length < ORDERED_BATCH) {
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
        const doc = fromEJSON(text)
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
        const kinds = this.kinds.get(c.coll)
        if (kinds) for (const [f, set] of kinds) set.add(kindAt(c.doc, f.split('.')))
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
