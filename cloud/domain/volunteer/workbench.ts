import type { WorkbenchSource } from '../../lib/workbench'
import { certificateCounters, disputeCounters, slotCounters } from './counters'
import { VOL_TALLY } from './tallies'

/**
 * The workbench's volunteer-service tiles: shifts to confirm, flagged check-outs, open disputes and certificate
 * requests, all from the communities' counter documents (counters.ts), which the workbench reads with every other
 * domain's in its ONE counters request: no request of their own.
 */
export const volunteerWorkbench: WorkbenchSource<'volToConfirm' | 'volFlagged' | 'volDisputes' | 'volCertificates'> = {
  queues: ['volToConfirm', 'volFlagged', 'volDisputes', 'volCertificates'],
  counters: [slotCounters, disputeCounters, certificateCounters],
  async count(_ctx, _communityIds, countsOf) {
    const slots = countsOf(slotCounters.domain)
    return {
      volToConfirm: slots[VOL_TALLY.toConfirm] ?? 0,
      volFlagged: slots[VOL_TALLY.flagged] ?? 0,
      volDisputes: countsOf(disputeCounters.domain)[VOL_TALLY.disputesOpen] ?? 0,
      volCertificates: countsOf(certificateCounters.domain)[VOL_TALLY.certificatesRequested] ?? 0,
    }
  },
}
