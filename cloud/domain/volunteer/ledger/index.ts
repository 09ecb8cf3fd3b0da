import type { Handlers } from '../../../lib/router'
import { idempotentHandler } from '../../../lib/router'
import type { volunteerLedgerInputs } from '../../../../src/contracts/volunteer/ledger'
import { adjustShift, confirmQueue, confirmShifts, confirmSlot, voidShift } from './confirm'
import { backfill, correctEntry } from './entries'
import { myDisputes, myRecord, myTotals } from './mine'
import { creditQueue, creditWish } from './wishCredit'
import { answerDispute, certificateQueue, disputeEntry, disputeQueue, recordCertificate, requestCertificate } from './requests'

/**
 * The volunteer function's ledger handlers (issue 10), one per action of src/contracts/volunteer/ledger.ts. Every
 * mutation recognises its own retry from what it wrote (the requestId on the shift, the entry, the dispute or the
 * request; entry ids derived from the call), so none needs the generic request record.
 */
export const ledgerHandlers: Pick<Handlers<'volunteer'>, keyof typeof volunteerLedgerInputs> = {
  confirmQueue,
  confirmSlot,
  confirmShifts: idempotentHandler(confirmShifts),
  adjustShift: idempotentHandler(adjustShift),
  voidShift: idempotentHandler(voidShift),
  backfill: idempotentHandler(backfill),
  creditWish: idempotentHandler(creditWish),
  creditQueue,
  correctEntry: idempotentHandler(correctEntry),
  disputeQueue,
  answerDispute: idempotentHandler(answerDispute),
  certificateQueue,
  recordCertificate: idempotentHandler(recordCertificate),
  myTotals,
  myRecord,
  myDisputes,
  disputeEntry: idempotentHandler(disputeEntry),
  requestCertificate: idempotentHandler(requestCertificate),
}
