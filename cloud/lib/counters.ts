/**
 * Per-community counter documents: statistics and workbench tiles read O(communities), never the records
 * (docs/ARCHITECTURE.md, "Statistics that do not scan").
 *
 * A domain says which counters one record adds 1 to (its *tallies*: a wish's status, `reported`, the day it was
 * fulfilled…), as a pure function of the record. Then:
 * - **writes cost nothing more**: each write that may change a record's tallies also sets `untallied` to a fresh
 *   token, in the same update (sparse, indexed);
 * - **the tally job** (each minute, the scheduler) reads the untallied records, and for each clears the token
 *   conditionally (only if no newer write came) while storing the tallies it now counts (`tallied`); then moves
 *   each community's counters by the difference with ONE atomic `_.inc` per community (a hot document never
 *   conflicts, a retried call never counts twice, a second run finds nothing to do);
 * - **readers** get every community of their scope in ONE request (`readCounters`); a community without a
 *   document yet is counted by the domain's `recount` (from the index) instead, until the tally job or the
 *   reconcile creates it;
 * - **the reconcile** (daily) recounts each community, subtracts what the tally job has yet to apply, and
 *   rewrites a document that drifted, conditionally on its `seq` (bumped by every move), so a concurrent move
 *   is never overwritten.
 *
 * Why not `_.inc` in the user's call: it is one more database request on every write (the budget is 4), and a
 * transaction with the record would make every change of a community conflict on the same document. The price is
 * that counts are up to a minute old (the pages say so) and that a job dying between clearing a record and moving
 * the counters loses that change until the next reconcile.
 */
import { randomBytes } from 'crypto'
import type { Database } from './cloud'
import type { Job, JobCtx } from './jobs'

export const COUNTERS = 'counters'

/** Counter names a record adds 1 to. */
export type Tallies = readonly string[]

/** Counts by counter name. */
export type Counts = Record<string, number>

export interface CounterDoc {
  _id: string
  domain: string
  communityId: string
  counts: Counts
  /** Bumped by every move, so a reconcile rewrites the document only if nothing moved meanwhile. */
  seq: number
  movedAt?: Date
  reconciledAt?: Date
}

/** The fields a tallied record carries. */
export interface TalliedFields {
  communityId: string
  /** Set by each write that may change the tallies; a fresh token each time. */
  untallied?: string
  /** The tallies the counters hold for this record. */
  tallied?: string[]
}

/** The field a write sets with `tallyToken()`. */
export const UNTALLIED = 'untallied'

/** A fresh token for a write's `untallied` field. */
export function tallyToken(): string {
  return randomBytes(8).toString('hex')
}

/** The counter document of one domain in one community, e.g. `stats_wish_c01`. */
export function counterId(domain: string, communityId: string): string {
  return `stats_${domain}_${communityId}`
}

/** The +1/−1 per counter between two tally sets (empty when nothing moved). */
export function tallyDelta(before: Tallies, after: Tallies): Counts {
  const delta: Counts = {}
  for (const k of before) delta[k] = (delta[k] ?? 0) - 1
  for (const k of after) delta[k] = (delta[k] ?? 0) + 1
  for (const k of Object.keys(delta)) if (delta[k] === 0) delete delta[k]
  return delta
}

/** Adds `from` into `into`, counter by counter (`sign` −1 subtracts). */
export function addCounts(into: Counts, from: Counts, sign = 1): Counts {
  for (const [k, n] of Object.entries(from)) into[k] = (into[k] ?? 0) + sign * n
  return into
}

/** What a domain gives the tally job and the reconcile. */
export interface TallySource<R extends TalliedFields> {
  domain: string
  collection: string
  /** The record fields `tallies` reads (a projection). */
  fields: Record<string, true>
  tallies(record: R): Tallies
  /** The true counts of each community (from the index; communities without records may be left out). */
  recount(ctx: { db: Database; now: Date }, communityIds: string[]): Promise<Map<string, Counts>>
}

/**
 * The counter documents of `communityIds` in ONE request; communities without one are counted by `recount`
 * (one or two more requests, until the first reconcile creates their documents).
 */
export async function readCounts<R extends TalliedFields>(ctx: { db: Database; now: Date }, source: TallySource<R>, communityIds: string[]): Promise<Map<string, Counts>> {
  return (await readCountsOf(ctx, [source], communityIds)).get(source.domain)!
}

/**
 * The counter documents of SEVERAL sources × `communityIds` in ONE request (`_id` in every pair), by domain then
 * community: a page showing many domains' counts (the workbench) pays one request for all of them. Communities
 * without a document are counted by their source's `recount`.
 */
export async function readCountsOf(ctx: { db: Database; now: Date }, sources: readonly TallySource<TalliedFields>[], communityIds: string[]): Promise<Map<string, Map<string, Counts>>> {
  const _ = ctx.db.command
  const out = new Map<string, Map<string, Counts>>(sources.map((s) => [s.domain, new Map()]))
  const ids = sources.flatMap((s) => communityIds.map((c) => counterId(s.domain, c)))
  if (!ids.length) return out
  const res = await ctx.db
    .collection(COUNTERS)
    .where({ _id: ids.length === 1 ? ids[0] : _.in(ids) })
    .field({ domain: true, communityId: true, counts: true })
    .limit(ids.length)
    .get()
  for (const d of res.data as Pick<CounterDoc, 'domain' | 'communityId' | 'counts'>[]) out.get(d.domain)?.set(d.communityId, d.counts ?? {})
  await Promise.all(
    sources.map(async (source) => {
      const counts = out.get(source.domain)!
      const missing = communityIds.filter((c) => !counts.has(c))
      if (missing.length) for (const [c, n] of await source.recount(ctx, missing)) counts.set(c, n)
    }),
  )
  return out
}

/** The counts of several communities summed. */
export function sumCounts(byCommunity: Map<string, Counts>): Counts {
  const sum: Counts = {}
  for (const c of byCommunity.values()) addCounts(sum, c)
  return sum
}

/** Records the tally job takes per run (more are left for the next run: `more`). */
const TALLY_BATCH = 200

/** The untallied records, oldest write first does not matter: each is tallied on its own. */
async function untalliedRecords<R extends TalliedFields>(ctx: JobCtx, source: TallySource<R>, limit: number): Promise<(R & { _id: string })[]> {
  const res = await ctx.db
    .collection(source.collection)
    // A range on the sparse index (tokens are non-empty strings), not `exists`, which no index answers.
    .where({ [UNTALLIED]: ctx.db.command.gt('') })
    .field({ ...source.fields, communityId: true, [UNTALLIED]: true, tallied: true })
    .limit(limit)
    .get()
  return res.data as (R & { _id: string })[]
}

/** Job (each minute): moves the counters by what the untallied records changed (see the file's comment). */
export function tallyJob<R extends TalliedFields>(source: TallySource<R>, name: string): Job {
  return {
    name,
    everyMinutes: 1,
    async run(ctx) {
      const _ = ctx.db.command
      const col = ctx.db.collection(source.collection)
      const found = await untalliedRecords(ctx, source, TALLY_BATCH)
      const deltas = new Map<string, Counts>()
      const ids: string[] = []
      await Promise.all(
        found.map(async (r) => {
          const after = [...source.tallies(r)]
          const res = await col.where({ _id: r._id, [UNTALLIED]: r.untallied }).update({ data: { tallied: _.set(after), [UNTALLIED]: _.remove() } })
          if (res.stats.updated !== 1) return // written again meanwhile: the next run tallies it
          ids.push(r._id)
          addCounts(deltas.get(r.communityId) ?? deltas.set(r.communityId, {}).get(r.communityId)!, tallyDelta(r.tallied ?? [], after))
        }),
      )
      const missing: string[] = []
      await Promise.all(
        [...deltas].map(async ([communityId, delta]) => {
          const keys = Object.keys(delta).filter((k) => delta[k] !== 0)
          if (!keys.length) return
          const data: Record<string, unknown> = { seq: _.inc(1), movedAt: ctx.now }
          for (const k of keys) data[`counts.${k}`] = _.inc(delta[k])
          const res = await ctx.db.collection(COUNTERS).doc(counterId(source.domain, communityId)).update({ data })
          if (!res.stats?.updated) missing.push(communityId)
        }),
      )
      // A community without a document yet (new, or before the first daily run): created now from the index.
      if (missing.length) await reconcile(ctx, source, missing, false)
      return { done: ids.length, ids: ids.slice(0, 100), more: found.length === TALLY_BATCH }
    },
  }
}

/** True when two count sets say the same (a missing counter is 0). */
function sameCounts(a: Counts, b: Counts): boolean {
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) if ((a[k] ?? 0) !== (b[k] ?? 0)) return false
  return true
}

/** Counter documents and pending records the reconcile reads (the district has 69 communities). */
const RECONCILE_MAX = 1000

/**
 * Makes the counter documents of `communityIds` true: reads them (one request), recounts the communities from the
 * index, subtracts what the tally job has yet to apply (the untallied records' differences), then creates the
 * missing documents (every community gets one, even without records, so readers never recount) and rewrites those
 * that drifted, each conditionally on the `seq` read before the recount. `whole`: every document of the domain is
 * checked (one of a community no longer listed is emptied). Returns the ids written, or 'backlog' (nothing written)
 * when more records wait for the tally than one read holds.
 */
async function reconcile<R extends TalliedFields>(ctx: JobCtx, source: TallySource<R>, communityIds: string[], whole: boolean): Promise<string[] | 'backlog'> {
  const _ = ctx.db.command
  const col = ctx.db.collection(COUNTERS)
  const held = new Map<string, CounterDoc>()
  const which = whole ? { domain: source.domain } : { _id: _.in(communityIds.map((c) => counterId(source.domain, c))) }
  for (const d of (await col.where(which).limit(RECONCILE_MAX).get()).data as CounterDoc[]) held.set(d.communityId, d)
  const truth = await source.recount(ctx, communityIds)
  for (const c of communityIds) if (!truth.has(c)) truth.set(c, {})
  if (whole) for (const c of held.keys()) if (!truth.has(c)) truth.set(c, {})
  const pending = await untalliedRecords(ctx, source, RECONCILE_MAX)
  // More records wait for the tally than one read holds: what to subtract is unknown, so write nothing now.
  if (pending.length >= RECONCILE_MAX) return 'backlog'
  for (const r of pending) {
    const counts = truth.get(r.communityId)
    if (counts) addCounts(counts, tallyDelta(r.tallied ?? [], source.tallies(r)), -1)
  }
  const ids: string[] = []
  for (const [communityId, counts] of truth) {
    const doc = held.get(communityId)
    for (const k of Object.keys(counts)) if (counts[k] === 0) delete counts[k]
    if (doc && sameCounts(doc.counts ?? {}, counts)) continue
    const _id = counterId(source.domain, communityId)
    if (doc) {
      const res = await col.where({ _id, seq: doc.seq }).update({ data: { counts: _.set(counts), seq: _.inc(1), reconciledAt: ctx.now } })
      if (res.stats.updated === 1) ids.push(_id)
      continue
    }
    try {
      await col.add({ data: { _id, domain: source.domain, communityId, counts, seq: 0, reconciledAt: ctx.now } satisfies CounterDoc })
      ids.push(_id)
    } catch (err) {
      console.warn(`[counters] ${_id} not created (created meanwhile?):`, (err as Error).message)
    }
  }
  return ids
}

/** Job (daily): makes every community's counter document true (reconcile, whole). */
export function reconcileJob<R extends TalliedFields>(source: TallySource<R>, name: string, communityIds: (ctx: JobCtx) => Promise<string[]>): Job {
  return {
    name,
    everyMinutes: 1440,
    async run(ctx) {
      const ids = await reconcile(ctx, source, await communityIds(ctx), true)
      // A tally backlog: run again at the next trigger, after the tally job has worked it down.
      if (ids === 'backlog') return { done: 0, more: true }
      return { done: ids.length, ids: ids.slice(0, 100) }
    },
  }
}
