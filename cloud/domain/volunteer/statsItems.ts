// Part D: what each ledger entry leaves on its volunteer's summary for the monthly statistics (stats.ts), written in
// the same transaction as the entry (ledger/common.ts `addToSummary`), so the statistics count every entry exactly
// once without ever updating the append-only ledger.
import { tallyToken } from '../../lib/counters'
import type { LedgerEntryDoc, StatsItem, SummaryDoc } from './model'

/** The statistics' view of one entry. */
export function statsItem(e: LedgerEntryDoc): StatsItem {
  return {
    entryId: e._id,
    communityId: e.communityId,
    month: e.serviceDate.slice(0, 7),
    serviceType: e.serviceType,
    minutes: e.minutes,
    backfill: e.source === 'backfill',
    correction: !!e.correctionOf,
    name: e.volunteerName,
    volunteerNo: e.volunteerNo,
  }
}

/**
 * The summary's statistics fields after `entries`: the entries queued for the statistics job (`statsPending`, with a
 * fresh `untallied`), the community, name and number of the last entry, and the last day served (a correction is
 * not a service).
 */
export function withStatsFields(next: SummaryDoc, prev: SummaryDoc | null, entries: readonly LedgerEntryDoc[]): SummaryDoc {
  let last = prev?.lastServiceDate
  let communityId = prev?.communityId
  let who = { volunteerName: prev?.volunteerName ?? '', volunteerNo: prev?.volunteerNo ?? '' }
  for (const e of entries) {
    communityId = e.communityId
    who = { volunteerName: e.volunteerName, volunteerNo: e.volunteerNo }
    if (!e.correctionOf && (!last || e.serviceDate > last)) last = e.serviceDate
  }
  return {
    ...next,
    ...who,
    ...(communityId ? { communityId } : {}),
    ...(last ? { lastServiceDate: last } : {}),
    statsPending: [...(prev?.statsPending ?? []), ...entries.map(statsItem)],
    untallied: tallyToken(),
  }
}
