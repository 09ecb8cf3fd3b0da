import type { InputOf } from '@/contracts'
import { call } from '../cloud'

/** The volunteer function's hours ledger: staff confirmation, 补录, corrections, disputes, certificates; my record. */
export const ledgerService = {
  /** Staff: slots with checked-out shifts waiting for confirmation. */
  confirmQueue: (input: InputOf<'volunteer', 'confirmQueue'>) => call('volunteer', 'confirmQueue', input),
  /** Staff: one slot's shifts with their computed minutes. */
  confirmSlot: (slotId: string) => call('volunteer', 'confirmSlot', { slotId }),
  /** Staff: confirm a slot's checked-out shifts (all, or the listed volunteers'). */
  confirmShifts: (input: InputOf<'volunteer', 'confirmShifts'>) => call('volunteer', 'confirmShifts', input),
  /** Staff: confirm one shift with other minutes, with a reason. */
  adjustShift: (input: InputOf<'volunteer', 'adjustShift'>) => call('volunteer', 'adjustShift', input),
  /** Staff: void one shift, with a reason. */
  voidShift: (input: InputOf<'volunteer', 'voidShift'>) => call('volunteer', 'voidShift', input),
  /** Staff: 补录 hours done off the app. */
  backfill: (input: InputOf<'volunteer', 'backfill'>) => call('volunteer', 'backfill', input),
  /** Staff: credit hours for a closed wish claimed by a volunteer. */
  creditWish: (input: InputOf<'volunteer', 'creditWish'>) => call('volunteer', 'creditWish', input),
  /** Staff: closed wishes whose volunteer's hours wait for the credit. */
  creditQueue: (input: InputOf<'volunteer', 'creditQueue'>) => call('volunteer', 'creditQueue', input),
  /** Staff: open disputes. */
  disputeQueue: (input: InputOf<'volunteer', 'disputeQueue'>) => call('volunteer', 'disputeQueue', input),
  /** Staff: answer a dispute (adjust or keep) with a reason. */
  answerDispute: (input: InputOf<'volunteer', 'answerDispute'>) => call('volunteer', 'answerDispute', input),
  /** Staff: certificate requests waiting. */
  certificateQueue: (input: InputOf<'volunteer', 'certificateQueue'>) => call('volunteer', 'certificateQueue', input),
  /** Staff: record the certificate the 居委会 issued (number and date). */
  recordCertificate: (input: InputOf<'volunteer', 'recordCertificate'>) => call('volunteer', 'recordCertificate', input),
  /** My totals (one read of my summary). */
  myTotals: () => call('volunteer', 'myTotals', {}),
  /** My ledger entries, newest first. */
  myRecord: (input: InputOf<'volunteer', 'myRecord'>) => call('volunteer', 'myRecord', input),
  /** My disputes and their answers. */
  myDisputes: (input: InputOf<'volunteer', 'myDisputes'>) => call('volunteer', 'myDisputes', input),
  /** Dispute one of my entries. */
  disputeEntry: (input: InputOf<'volunteer', 'disputeEntry'>) => call('volunteer', 'disputeEntry', input),
  /** Ask for a certificate of my record. */
  requestCertificate: (input: InputOf<'volunteer', 'requestCertificate'>) => call('volunteer', 'requestCertificate', input),
}
