import type { WorkbenchSource } from '../../lib/workbench'
import { certificateCounters, disputeCounters, slotCounters } from './counters'
import { VOL_TALLY } from './tallies'
import { wishCounters } from '../wish/counters'
import { CREDIT_DUE } from '../wish/tallies'

/**
 * The workbench's volunteer-service tiles: shifts to confirm, flagged check-outs, open disputes and certificate
 * requests, all from the communities' counter documents (counters.ts), which the workbench reads with every other
 * domain's in its ONE counters request: no request of their own. Part E: closed wishes whose volunteer's hours wait
 * for the credit (the wish counters' CREDIT_DUE).
 */
export const volunteerWorkbench: WorkbenchSource<'volToConfirm' | 'volFlagged' | 'volDisputes' | 'volCertificates' | 'volCreditDue'> = {
  queues: ['volToConfirm', 'volFlagged', 'volDisputes', 'volCertificates', 'volCreditDue'],
  counters: [slotCounters, disputeCounters, certificateCounters, wishCounters],
  async count(_ctx, _communityIds, countsOf) {
    const slots = countsOf(slotCounters.domain)
    return {
      volToConfirm: slots[VOL_TALLY.toConfirm] ?? 0,
      volFlagged: slots[VOL_TALLY.flagged] ?? 0,
      volDisputes: countsOf(disputeCounters.domain)[VOL_TALLY.disputesOpen] ?? 0,
      volCertificates: countsOf(certificateCounters.domain)[VOL_TALLY.certificatesRequested] ?? 0,
      volCreditDue: countsOf(wishCounters.domain)[CREDIT_DUE] ?? 0,
    }
  },
}
