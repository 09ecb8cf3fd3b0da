// Part D: the monthly statistics of one community (docs/ARCHITECTURE.md "Volunteer service — statistics"). Each
// ledger entry is queued on its volunteer's summary in the entry's own transaction (statsItems.ts); the statistics
// job moves the queued entries into per-community-month documents (`vol_stats`), in transactions that also empty
// the queues, so each entry is counted exactly once and the append-only ledger is never touched. The page reads one
// month document and one page of the quiet list: never the ledger.
import { VOL_STATS_RULES, type MonthStats, type ParsedInputOf, type QuietVolunteer } from '../../../src/contracts'
import type { Ctx } from '../../lib/context'
import { addDays, chinaDay } from '../../lib/dates'
import type { Job, JobCtx } from '../../lib/jobs'
import { pageWindow, toPage } from '../../lib/paging'
import { readByIds, type Tx } from './ledger/common'
import { staffScope } from '../../lib/staffScope'
import { VOL_STATS, VOL_SUMMARIES, type MonthStatsDoc, type StatsItem, type SummaryDoc } from './model'

/** Summaries the job takes per run (more are left for the next run), and per transaction. */
const BATCH = 100
const PER_TX = 10

/** The month document of a community, e.g. `m_junmen_202611`. */
export function monthDocId(communityId: string, month: string): string {
  return `m_${communityId}_${month.replace('-', '')}`
}

export function emptyMonth(communityId: string, month: string, at: Date): MonthStatsDoc {
  return { _id: monthDocId(communityId, month), communityId, month, minutes: 0, entries: 0, backfillMinutes: 0, backfillEntries: 0, byType: {}, byVolunteer: {}, updatedAt: at }
}

/** Adds one queued entry of `openid` to its month document (补录 apart; a correction moves minutes, not person-times). */
export function addItem(doc: MonthStatsDoc, openid: string, item: StatsItem): void {
  const n = item.correction ? 0 : 1
  if (item.backfill) {
    doc.backfillMinutes += item.minutes
    doc.backfillEntries += n
    return
  }
  doc.minutes += item.minutes
  doc.entries += n
  const t = doc.byType[item.serviceType] ?? { m: 0, n: 0 }
  doc.byType[item.serviceType] = { m: t.m + item.minutes, n: t.n + n }
  const v = doc.byVolunteer[openid] ?? { m: 0, n: 0, name: item.name, no: item.volunteerNo }
  doc.byVolunteer[openid] = { m: v.m + item.minutes, n: v.n + n, name: item.name || v.name, no: item.volunteerNo || v.no }
}

/** In ONE transaction: moves the queued entries of these summaries into their month documents and empties the queues. */
async function tallyChunk(ctx: JobCtx, openids: string[]): Promise<number> {
  return (await ctx.db.runTransaction(async (tx: unknown) => {
    const t = tx as Tx
    const sums = [...(await readByIds<SummaryDoc>(t, VOL_SUMMARIES, openids)).values()].filter((s) => s.untallied)
    const items = sums.flatMap((s) => (s.statsPending ?? []).map((item) => ({ openid: s._id, item })))
    const ids = [...new Set(items.map(({ item }) => monthDocId(item.communityId, item.month)))]
    const months = await readByIds<MonthStatsDoc>(t, VOL_STATS, ids)
    for (const { openid, item } of items) {
      const id = monthDocId(item.communityId, item.month)
      const doc = months.get(id) ?? months.set(id, emptyMonth(item.communityId, item.month, ctx.now)).get(id)!
      addItem(doc, openid, item)
    }
    await Promise.all(
      [...months.values()].map(({ _id, ...data }) =>
        t
          .collection(VOL_STATS)
          .doc(_id)
          .set({ data: { ...data, updatedAt: ctx.now } }),
      ),
    )
    await Promise.all(
      sums.map(({ _id, untallied: _u, statsPending: _p, ...data }) =>
        t
          .collection(VOL_SUMMARIES)
          .doc(_id)
          .set({ data: { ...data, statsPending: [] } }),
      ),
    )
    return items.length
  })) as number
}

/**
 * Job (each minute): the entries queued on summaries (index `untallied`, sparse) into the month documents, a few
 * summaries per transaction; a summary written meanwhile makes its transaction re-run on fresh reads.
 */
export const tallyMonthStats: Job = {
  name: 'volStatsTally',
  everyMinutes: 1,
  async run(ctx) {
    const found = await ctx.db
      .collection(VOL_SUMMARIES)
      .where({ untallied: ctx.db.command.gt('') }) // a range on the sparse index (tokens are non-empty strings)
      .field({ _id: true })
      .limit(BATCH)
      .get()
    const openids = (found.data as { _id: string }[]).map((s) => s._id)
    let done = 0
    for (let i = 0; i < openids.length; i += PER_TX) done += await tallyChunk(ctx, openids.slice(i, i + PER_TX))
    return { done, more: openids.length === BATCH }
  },
}

type In = ParsedInputOf<'volunteer', 'monthStats'>

/**
 * Staff: one community's month (default: this China month, the caller's first community). Database requests: the
 * user + the month document + one page of the quiet list (index `quiet`: communityId, lastServiceDate) = 3 (+1
 * communities for an admin on a cold instance).
 */
export async function monthStats(input: In, ctx: Ctx): Promise<MonthStats> {
  const scope = await staffScope(ctx, input.communityId)
  const communityId = input.communityId ?? scope[0]
  const month = input.month ?? chinaDay(ctx.now).slice(0, 7)
  const quietSince = addDays(chinaDay(ctx.now), -VOL_STATS_RULES.quietDays)
  const w = pageWindow(input)
  const [docRes, quietRes] = await Promise.all([
    ctx.db
      .collection(VOL_STATS)
      .where({ _id: monthDocId(communityId, month) })
      .limit(1)
      .get(),
    ctx.db
      .collection(VOL_SUMMARIES)
      .where({ communityId, lastServiceDate: ctx.db.command.lt(quietSince) })
      .orderBy('lastServiceDate', 'desc')
      .orderBy('_id', 'asc')
      .skip(w.skip)
      .limit(w.limit)
      .field({ volunteerName: true, volunteerNo: true, lastServiceDate: true })
      .get(),
  ])
  const doc = (docRes.data[0] as MonthStatsDoc | undefined) ?? emptyMonth(communityId, month, ctx.now)
  const volunteers = Object.values(doc.byVolunteer).filter((v) => v.m > 0)
  return {
    communityId,
    month,
    minutes: doc.minutes,
    personTimes: doc.entries,
    volunteers: volunteers.length,
    backfillMinutes: doc.backfillMinutes,
    backfillEntries: doc.backfillEntries,
    byType: Object.entries(doc.byType)
      .map(([serviceType, t]) => ({ serviceType: serviceType as MonthStats['byType'][number]['serviceType'], minutes: t!.m, personTimes: t!.n }))
      .sort((a, b) => b.minutes - a.minutes),
    top: volunteers
      .sort((a, b) => b.m - a.m || a.no.localeCompare(b.no))
      .slice(0, VOL_STATS_RULES.topShown)
      .map((v) => ({ name: v.name, volunteerNo: v.no, minutes: v.m })),
    quiet: toPage(quietRes.data as Pick<SummaryDoc, 'volunteerName' | 'volunteerNo' | 'lastServiceDate'>[], w, (s): QuietVolunteer => ({
      name: s.volunteerName ?? '',
      volunteerNo: s.volunteerNo ?? '',
      lastServiceDate: s.lastServiceDate ?? '',
    })),
    quietSince,
  }
}

/** The statistics' scheduled job (run by the `scheduler` function). */
export const volunteerStatsJobs: readonly Job[] = [tallyMonthStats]
