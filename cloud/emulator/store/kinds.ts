/**
 * The kinds of value (indexes.ts `kindAt`) ever stored at each indexed field of each collection, kept in the
 * database (`value_kinds`) and kept up by every write, so no start has to scan a collection to rebuild them.
 * A field not yet tracked (a new index, or a file from before this table) is computed once by a scan of the
 * raw JSON (no EJSON decode) and stored. Kinds only grow: a value overwritten or deleted leaves its kind.
 */
import { Doc } from '../engine/ejson'
import { kindAt, rawKindAt } from './indexes'
import { Sqlite } from './sqlite'

export class ValueKinds {
  private kinds = new Map<string, Map<string, Set<string>>>()
  private save: { run(...params: unknown[]): unknown }

  constructor(private db: Sqlite) {
    for (const r of db.prepare('SELECT coll, field, kinds FROM value_kinds').all() as { coll: string; field: string; kinds: string }[]) {
      this.of(r.coll).set(r.field, new Set(JSON.parse(r.kinds) as string[]))
    }
    this.save = db.prepare('INSERT OR REPLACE INTO value_kinds (coll, field, kinds) VALUES (?, ?, ?)')
  }

  private of(coll: string): Map<string, Set<string>> {
    let m = this.kinds.get(coll)
    if (!m) this.kinds.set(coll, (m = new Map()))
    return m
  }

  /** The kinds at each of `fields` in `coll`; fields not yet tracked are scanned once (one pass for all of them) and stored. */
  get(coll: string, fields: string[]): Map<string, Set<string>> {
    const m = this.of(coll)
    const missing = [...new Set(fields)].filter((f) => !m.has(f))
    if (missing.length) {
      const paths = missing.map((f) => ({ field: f, path: f.split('.'), set: new Set<string>() }))
      for (const r of this.db.prepare('SELECT doc FROM docs WHERE coll = ?').iterate(coll) as Iterable<{ doc: string }>) {
        const raw = JSON.parse(r.doc)
        for (const p of paths) p.set.add(rawKindAt(raw, p.path))
      }
      this.db.transaction(() => {
        for (const p of paths) {
          m.set(p.field, p.set)
          this.save.run(coll, p.field, JSON.stringify([...p.set].sort()))
        }
      })()
    }
    return m
  }

  /** Note the kinds of a document being written (call inside the write's SQLite transaction). */
  note(coll: string, doc: Doc): void {
    const m = this.kinds.get(coll)
    if (!m) return
    for (const [field, set] of m) {
      const k = kindAt(doc, field.split('.'))
      if (set.has(k)) continue
      set.add(k)
      this.save.run(coll, field, JSON.stringify([...set].sort()))
    }
  }
}
