// The 4 o'clock school's counters (cloud/lib/counters.ts; docs/ARCHITECTURE.md "4 o'clock school — attendance,
// statistics and the workbench"): one counter document per community (`stats_schSessions_<c>`), moved each minute
// by the tally job from the sessions every write marks `untallied`, made true daily by the reconcile.
import { loadCommunities } from '../../lib/communities'
import type { Database } from '../../lib/cloud'
import { reconcileJob, tallyJob, type Counts, type TallySource } from '../../lib/counters'
import type { Job } from '../../lib/jobs'
import { SCH_SESSIONS, type SessionDoc } from './model'
import { sessionTallies } from './tallies'

/** Sessions read per page by the recount (projected to what the tallies read). */
const PAGE = 100

type Ctx = { db: Database; now: Date }
type TalliedSession = Pick<SessionDoc, 'status' | 'entries' | 'lottery'> & { communityId: string; untallied?: string; tallied?: string[] }

/**
 * The true counts of the communities' sessions that are not cancelled (index `browse`: communityId, status,
 * termStart), paged, projected to the entries' statuses and the lottery's claims.
 */
async function recountSessions(ctx: Ctx, communityIds: string[]): Promise<Map<string, Counts>> {
  const out = new Map<string, Counts>()
  if (!communityIds.length) return out
  const _ = ctx.db.command
  for (let skip = 0; ; skip += PAGE) {
    const page = await ctx.db
      .collection(SCH_SESSIONS)
      .where({ communityId: communityIds.length === 1 ? communityIds[0] : _.in(communityIds), status: _.in(['open', 'closed']) })
      .orderBy('termStart', 'desc')
      .orderBy('_id', 'asc')
      .skip(skip)
      .limit(PAGE)
      .field(SESSION_TALLY_FIELDS)
      .get()
    for (const s of page.data as TalliedSession[]) {
      const counts = out.get(s.communityId) ?? out.set(s.communityId, {}).get(s.communityId)!
      for (const k of sessionTallies(s)) counts[k] = (counts[k] ?? 0) + 1
    }
    if (page.data.length < PAGE) return out
  }
}

/** What `sessionTallies` reads of a session. */
const SESSION_TALLY_FIELDS = { communityId: true, status: true, 'entries.status': true, 'lottery.entries': true, 'lottery.draw.drawnAt': true } as const

/** Sessions: offered places waiting for an answer, priority claims waiting for staff. */
export const sessionCounters: TallySource<TalliedSession> = {
  domain: 'schSessions',
  collection: SCH_SESSIONS,
  fields: SESSION_TALLY_FIELDS,
  tallies: sessionTallies,
  recount: recountSessions,
}

const communityIdsOf = async (ctx: { db: Database }) => (await loadCommunities(ctx.db)).map((c) => c._id)

/** The counters' jobs: the tally (each minute) and the reconcile (daily). */
export const schoolCounterJobs: readonly Job[] = [tallyJob(sessionCounters, 'schSessionsTally'), reconcileJob(sessionCounters, 'schSessionsCounters', communityIdsOf)]
