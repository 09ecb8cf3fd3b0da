/** The durable document store: collections, documents with versions, declared indexes, snapshot readers. */
import path from 'path'
import { Doc, fromEJSON, toEJSON } from '../engine/ejson'
import { openDatabase, openReader, Sqlite, MAX_INDEX_KEYS } from './sqlite'
import { IndexDef, entriesFor, planQuery } from './indexes'

export interface StoredDoc {
  doc: Doc
  version: number
}

export interface Candidates {
  docs: Doc[]
  /** The index used to narrow the scan, if any. */
  index?: string
}

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
    this.stmts.addColl.run(name, Date.now())
    this.collections.add(name)
  }

  /** Names of all collections. */
  listCollections(): string[] {
    return (this.db.prepare('SELECT name FROM collections ORDER BY name').all() as { name: string }[]).map(r => r.name)
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
    const defs = this.defsOf(coll).filter(d => d.name !== def.name)
    defs.push({ name: def.name, keys: def.keys })
    this.indexes.set(coll, defs)
  }

  /** Drop an index no longer declared. */
  dropIndex(coll: string, name: string): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM index_defs WHERE coll = ? AND name = ?').run(coll, name)
      this.db.prepare('DELETE FROM index_entries WHERE coll = ? AND ix = ?').run(coll, name)
    })()
    this.indexes.set(coll, this.indexesOf(coll).filter(d => d.name !== name))
  }

  /** The declared indexes of a collection. */
  indexesOf(coll: string): IndexDef[] {
    return this.indexes.get(coll) || []
  }

  /** Read one document through `conn` (the writer, or a transaction's snapshot reader). */
  getById(coll: string, id: string, conn: Sqlite = this.db): StoredDoc | undefined {
    const row = stmt(conn, 'SELECT doc, version FROM docs WHERE coll = ? AND id = ?').get(coll, id) as { doc: string; version: number } | undefined
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
      const docs = ids.map(id => this.getById(coll, id, conn)?.doc).filter((d): d is Doc => !!d)
      return { docs, index: '_id' }
    }
    const plan = planQuery(criteria, this.indexesOf(coll))
    if (plan) {
      const sql = `SELECT d.doc FROM docs d WHERE d.coll = ? AND d.id IN (SELECT e.id FROM index_entries e WHERE e.coll = ? AND e.ix = ? AND ${plan.where})`
      const rows = stmt(conn, sql).all(coll, coll, plan.index, ...plan.params) as { doc: string }[]
      return { docs: rows.map(r => fromEJSON(r.doc)), index: plan.index }
    }
    const rows = stmt(conn, 'SELECT doc FROM docs WHERE coll = ?').all(coll) as { doc: string }[]
    return { docs: rows.map(r => fromEJSON(r.doc)) }
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
    this.db.prepare('INSERT INTO messages (at, body) VALUES (?, ?)').run(Date.now(), toEJSON(body))
  }

  /** All logged subscription messages, oldest first. */
  messages(): Doc[] {
    return (this.db.prepare('SELECT seq, at, body FROM messages ORDER BY seq').all() as { seq: number; at: number; body: string }[]).map(r => ({
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
