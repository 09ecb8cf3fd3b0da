// The program scripts/rebuild-vol-stats.ts bundles (esbuild, wx-server-sdk external) and runs with plain node: rebuilds
// one community's month statistics document from the ledger and prints what it did as one line of JSON.
// argv: <communityId> <YYYY-MM> [--dry-run]
import type { MonthStatsDoc } from '../cloud/domain/volunteer/model'
import { rebuildMonthStats } from '../cloud/domain/volunteer/ledger/rebuildStats'
import { db } from '../cloud/lib/cloud'
import { nowMs } from '../cloud/lib/dates'

function figures(d: MonthStatsDoc | null) {
  return d ? { minutes: d.minutes, entries: d.entries, backfillMinutes: d.backfillMinutes, backfillEntries: d.backfillEntries, volunteers: Object.keys(d.byVolunteer).length } : null
}

const [communityId, month, flag] = process.argv.slice(2)
rebuildMonthStats(db, communityId, month, new Date(nowMs()), flag !== '--dry-run')
  .then((r) => {
    const line = { id: r.doc._id, written: r.written, ledgerEntries: r.ledgerEntries, queued: r.queued, before: figures(r.before), after: figures(r.doc) }
    process.stdout.write(`${JSON.stringify(line)}\n`)
  })
  .catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e)
    process.exit(1)
  })
