/**
 * Transactions: snapshot isolation with a write-set check at commit (first committer wins).
 * Reads see the snapshot (an open SQLite read transaction on a pooled connection) plus the
 * transaction's own staged writes. At commit, a document in the write set whose committed version
 * differs from its version in the snapshot means another transaction changed it since: the commit
 * answers DATABASE_TRANSACTION_CONFLICT and the transaction is discarded. The read set is not
 * checked (SI, not serialisable): handlers that must not lose updates write what they read.
 */
import crypto from 'crypto'
import { Doc, cloneDoc } from '../engine/ejson'
import { Store, Change } from './store'
import { Sqlite } from './sqlite'

export interface Tx {
  id: string
  /** The caller this transaction belongs to (a worker's TCB path), for the where-write guard. */
  session: string
  snapshot: Sqlite
  writes: Map<string, Change>
  timer: NodeJS.Timeout
}

export type CommitOutcome = 'committed' | 'conflict' | 'unknown'

const keyOf = (coll: string, id: string) => `${coll}\u0000${id}`

/** Open transactions, their snapshots and staged writes. */
export class TxManager {
  private txs = new Map<string, Tx>()
  /** Counters for tests and the bench. */
  readonly stats = { started: 0, committed: 0, conflicts: 0, aborted: 0, timedOut: 0 }

  constructor(
    private store: Store,
    private timeoutMs = 30_000,
  ) {}

  /** Start a transaction for `session`; returns its id. */
  start(session: string): string {
    const id = crypto.randomBytes(12).toString('hex')
    const tx: Tx = {
      id,
      session,
      snapshot: this.store.openSnapshot(),
      writes: new Map(),
      timer: setTimeout(() => {
        if (this.discard(id)) this.stats.timedOut++
      }, this.timeoutMs),
    }
    tx.timer.unref()
    this.txs.set(id, tx)
    this.stats.started++
    return id
  }

  /** The open transaction with this id, if any. */
  get(id: string): Tx | undefined {
    return this.txs.get(id)
  }

  /** Whether `session` has an open transaction. */
  hasOpen(session: string): boolean {
    for (const tx of this.txs.values()) if (tx.session === session) return true
    return false
  }

  /** Read one document as the transaction sees it. */
  read(tx: Tx, coll: string, id: string): Doc | undefined {
    const staged = tx.writes.get(keyOf(coll, id))
    if (staged) return staged.doc ? cloneDoc(staged.doc) : undefined
    return this.store.getById(coll, id, tx.snapshot)?.doc
  }

  /** Candidate documents of a collection as the transaction sees them (snapshot + own writes). */
  candidates(tx: Tx, coll: string, criteria: Doc | undefined): { docs: Doc[]; index?: string } {
    const base = this.store.candidates(coll, criteria, tx.snapshot)
    const own = [...tx.writes.values()].filter((c) => c.coll === coll)
    if (!own.length) return base
    const ownIds = new Set(own.map((c) => c.id))
    const docs = base.docs.filter((d) => !ownIds.has(String(d._id)))
    for (const c of own) if (c.doc) docs.push(cloneDoc(c.doc))
    return { docs, index: base.index }
  }

  /** Stage a write (doc null = delete). */
  stage(tx: Tx, coll: string, id: string, doc: Doc | null): void {
    tx.writes.set(keyOf(coll, id), { coll, id, doc: doc && cloneDoc(doc) })
  }

  /** Commit: check the write set against the committed state, then apply it atomically. */
  commit(id: string): CommitOutcome {
    const tx = this.txs.get(id)
    if (!tx) return 'unknown'
    for (const c of tx.writes.values()) {
      const before = this.store.getById(c.coll, c.id, tx.snapshot)?.version || 0
      if (this.store.versionOf(c.coll, c.id) !== before) {
        this.discard(id)
        this.stats.conflicts++
        return 'conflict'
      }
    }
    const changes = [...tx.writes.values()]
    this.discard(id)
    if (changes.length) this.store.write(changes)
    this.stats.committed++
    return 'committed'
  }

  /** Abort (unknown ids are fine: the SDK may abort a transaction already discarded). */
  abort(id: string): void {
    if (this.discard(id)) this.stats.aborted++
  }

  /** Abort every open transaction of a session (an invocation ended without finishing them). */
  abortSession(session: string): void {
    for (const tx of [...this.txs.values()]) if (tx.session === session) this.abort(tx.id)
  }

  /** Abort everything (shutdown). */
  closeAll(): void {
    for (const id of [...this.txs.keys()]) this.discard(id)
  }

  private discard(id: string): boolean {
    const tx = this.txs.get(id)
    if (!tx) return false
    clearTimeout(tx.timer)
    this.txs.delete(id)
    this.store.releaseSnapshot(tx.snapshot)
    return true
  }
}
