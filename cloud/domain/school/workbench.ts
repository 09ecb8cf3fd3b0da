import type { WorkbenchSource } from '../../lib/workbench'
import { sessionCounters } from './counters'
import { SCH_TALLY } from './tallies'

/**
 * The workbench's 4 o'clock school tiles: offered places waiting for the family (待确认的候补名额) and priority claims
 * to verify before a draw (待核实的优先资格), from the communities' counter documents (counters.ts), which the
 * workbench reads with every other domain's in its ONE counters request: no request of their own. (今日未到 is not a
 * tile: it changes with the clock, not with a write, so a counter moved by writes cannot hold it honestly; the
 * roster shows it.)
 */
export const schoolWorkbench: WorkbenchSource<'schoolOffers' | 'schoolClaims'> = {
  queues: ['schoolOffers', 'schoolClaims'],
  counters: [sessionCounters],
  async count(_ctx, _communityIds, countsOf) {
    const c = countsOf(sessionCounters.domain)
    return { schoolOffers: c[SCH_TALLY.offered] ?? 0, schoolClaims: c[SCH_TALLY.claimsToVerify] ?? 0 }
  },
}
