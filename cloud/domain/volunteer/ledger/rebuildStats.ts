// Recovery (issue 10, part E): rebuilds one community's month statistics document (`vol_stats/m_<c>_<YYYYMM>`) from
// the ledger, for data written around the statistics queue (scripts/rebuild-vol-stats.ts runs it). The statistics job
// (../stats.ts) keeps absorbing the queue meanwhile, so the rebuild must neither lose nor double an entry:
//   1. read the month document as it is (M0);
//   2. read the month's ledger entries of the community (index `community`), page by page; the ledger is
//      append-only, so a page shifted by a new entry re-reads one (kept once by id) and never skips one;
//   3. read the queue (summaries with `untallied`, sparse index): an entry still queued is left to the job;
//   4. in ONE transaction, read the month document again and write the rebuilt one only if it is still M0: the job
//      writes the month document whenever it absorbs an entry of that month, so "still M0" means every entry read in 2
//      is either in the rebuilt document or still queued (the job adds it later), and an entry written after 2 is
//      still queued. Otherwise (the job moved meanwhile) start again, a few times.
import type { Database } from '../../../lib/cloud'
import { HandlerError } from '../../../lib/errors'
import { addItem, emptyMonth, monthDocId } from '../stats'
import { statsItem } from '../statsItems'
import { VOL_LEDGER, VOL_STATS, VOL_SUMMARIES, type LedgerEntryDoc, type MonthStatsDoc, type SummaryDoc } from '../model'
import type { Tx } from './common'

/** CloudBase's largest page for a server-side get. */
const PAGE = 1000
/** Queued summaries the rebuild reads in one request; more means a backlog: let the job work it down first. */
const QUEUE_MAX = 1000
const ATTEMPTS = 5

export interface RebuildResult {
  /** The rebuilt document (as written, or as it would be with `write: false`). */
  doc: MonthStatsDoc
  /** The document before (null: there was none). */
  before: MonthStatsDoc | null
  /** Entries of the month read from the ledger, and those of them left to the job (still queued). */
  ledgerEntries: number
  queued: number
  written: boolean
}

const sameDoc = (a: MonthStatsDoc | null, b: MonthStatsDoc | null) => JSON.stringify(a) === JSON.stringify(b)

async function readMonth(db: Database, id: string): Promise<MonthStatsDoc | null> {
  return ((await db.collection(VOL_STATS).doc(id).get()).data as MonthStatsDoc | null) ?? null
}

/** The month's entries of the community, by id (step 2). */
async function monthEntries(db: Database, communityId: string, month: string): Promise<Map<string, LedgerEntryDoc>> {
  const _ = db.command
  const out = new Map<string, LedgerEntryDoc>()
  for (let skip = 0; ; skip += PAGE) {
    const page = (
      await db
        .collection(VOL_LEDGER)
        .where({ communityId, serviceDate: _.gte(`${month}-01`).and(_.lte(`${month}-31`)) })
        .orderBy('serviceDate', 'asc')
        .orderBy('_id', 'asc')
        .skip(skip)
        .limit(PAGE)
        .get()
    ).data as LedgerEntryDoc[]
    for (const e of page) out.set(e._id, e)
    if (page.length < PAGE) return out
  }
}

/** The ids of the entries still queued for the statistics job (step 3). */
async function queuedEntryIds(db: Database): Promise<Set<string>> {
  const res = await db
    .collection(VOL_SUMMARIES)
    .where({ untallied: db.command.gt('') })
    .field({ statsPending: true })
    .limit(QUEUE_MAX)
    .get()
  const sums = res.data as Pick<SummaryDoc, 'statsPending'>[]
  if (sums.length >= QUEUE_MAX) throw new HandlerError('CONFLICT', '统计队列积压较多，请稍后再重建')
  return new Set(sums.flatMap((s) => (s.statsPending ?? []).map((i) => i.entryId)))
}

/** The month document the job would hold once the queue is empty, less the entries still queued. */
function rebuild(communityId: string, month: string, entries: Map<string, LedgerEntryDoc>, queued: Set<string>, now: Date): MonthStatsDoc {
  const doc = emptyMonth(communityId, month, now)
  const sorted = [...entries.values()].sort((a, b) => (a.confirmedAt < b.confirmedAt ? -1 : a.confirmedAt > b.confirmedAt ? 1 : a._id < b._id ? -1 : 1))
  for (const e of sorted) if (!queued.has(e._id)) addItem(doc, e.openid, statsItem(e))
  return doc
}

/**
 * Rebuilds `vol_stats/m_<communityId>_<YYYYMM>` from the ledger (see the file's comment); with `write: false`, only
 * computes it. `month` is YYYY-MM.
 */
export async function rebuildMonthStats(db: Database, communityId: string, month: string, now: Date, write = true): Promise<RebuildResult> {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new HandlerError('INVALID_INPUT', '月份格式应为 YYYY-MM')
  const id = monthDocId(communityId, month)
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const before = await readMonth(db, id)
    const entries = await monthEntries(db, communityId, month)
    const queued = await queuedEntryIds(db)
    const doc = rebuild(communityId, month, entries, queued, now)
    const result = { doc, before, ledgerEntries: entries.size, queued: [...entries.keys()].filter((e) => queued.has(e)).length }
    if (!write) return { ...result, written: false }
    const written = (await db.runTransaction(async (tx: unknown) => {
      const t = tx as Tx
      const current = ((await t.collection(VOL_STATS).doc(id).get()).data as MonthStatsDoc | null) ?? null
      if (!sameDoc(current, before)) return false
      const { _id, ...data } = doc
      await t.collection(VOL_STATS).doc(_id).set({ data })
      return true
    })) as boolean
    if (written) return { ...result, written }
  }
  throw new HandlerError('CONFLICT', '统计数据一直在变化，请稍后再重建')
}
