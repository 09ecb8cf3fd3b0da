/**
 * The SQLite file behind the store. WAL mode with synchronous=NORMAL: every acknowledged write is in
 * the WAL before we answer, so it survives a process crash or `kill -9`; only an OS crash or power
 * loss may drop the last transactions (synchronous=FULL would cover that too, at ~2x the write cost).
 */
import Database from 'better-sqlite3'
import fs from 'fs'
import path from 'path'

export type Sqlite = Database.Database

/** Number of key columns in the index-entry table (the widest compound index supported). */
export const MAX_INDEX_KEYS = 4

/** Open (creating if needed) the database file and its schema. */
export function openDatabase(dataDir: string): Sqlite {
  fs.mkdirSync(dataDir, { recursive: true })
  const db = new Database(path.join(dataDir, 'hemei.sqlite'))
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.pragma('busy_timeout = 5000')
  db.exec(`
    CREATE TABLE IF NOT EXISTS collections (name TEXT PRIMARY KEY, created_at INTEGER NOT NULL);
    CREATE TABLE IF NOT EXISTS docs (
      coll TEXT NOT NULL, id TEXT NOT NULL, doc TEXT NOT NULL, version INTEGER NOT NULL,
      PRIMARY KEY (coll, id)) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS index_defs (coll TEXT NOT NULL, name TEXT NOT NULL, keys TEXT NOT NULL, PRIMARY KEY (coll, name));
    CREATE TABLE IF NOT EXISTS index_entries (
      coll TEXT NOT NULL, ix TEXT NOT NULL, k0, k1, k2, k3, id TEXT NOT NULL);
    CREATE INDEX IF NOT EXISTS index_entries_doc ON index_entries (coll, id);
    CREATE TABLE IF NOT EXISTS messages (seq INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL, body TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS value_kinds (coll TEXT NOT NULL, field TEXT NOT NULL, kinds TEXT NOT NULL, PRIMARY KEY (coll, field)) WITHOUT ROWID;
  `)
  migrate(db)
  return db
}

/**
 * Bring an older file up to date (a `.data` dir from before): the index-entry B-tree gained `id` as its last
 * column (index rows in full key order, so ordered reads and `$in` merges need no sort), built once here.
 */
function migrate(db: Sqlite): void {
  db.exec(`
    DROP INDEX IF EXISTS index_entries_keys;
    CREATE INDEX IF NOT EXISTS index_entries_keys_id ON index_entries (coll, ix, k0, k1, k2, k3, id);
  `)
}

/** Open a second connection on the same file, used as a transaction's read snapshot. */
export function openReader(file: string): Sqlite {
  const db = new Database(file)
  db.pragma('busy_timeout = 5000')
  return db
}
