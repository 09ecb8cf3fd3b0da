import { DEFAULT_PAGE_SIZE } from '@/contracts/common'
import { usePaged } from '@/hooks/usePaged'
import { useRemote } from '@/hooks/useRemote'
import { ledgerService } from '@/services/volunteer/ledger'

/** Staff: slots with shifts waiting for confirmation, page by page. */
export function useConfirmQueue() {
  return usePaged((page) => ledgerService.confirmQueue({ page, pageSize: DEFAULT_PAGE_SIZE }), [])
}

/** Staff: one slot's shifts after check-in, with their computed minutes and what may be done. */
export function useConfirmSlot(slotId: string) {
  return useRemote(() => (slotId ? ledgerService.confirmSlot(slotId) : Promise.resolve(undefined)), [slotId])
}

/** Staff: the open disputes of their communities. */
export function useDisputeQueue() {
  return usePaged((page) => ledgerService.disputeQueue({ page, pageSize: DEFAULT_PAGE_SIZE }), [])
}

/** Staff: the certificate requests waiting in their communities. */
export function useCertificateQueue() {
  return usePaged((page) => ledgerService.certificateQueue({ page, pageSize: DEFAULT_PAGE_SIZE }), [])
}

/** Staff: closed wishes whose volunteer's hours wait for the credit, oldest first. */
export function useCreditQueue() {
  return usePaged((page) => ledgerService.creditQueue({ page, pageSize: DEFAULT_PAGE_SIZE }), [])
}

type In<A extends keyof typeof ledgerService> = Parameters<(typeof ledgerService)[A]>[0]

/** Staff: confirm a slot's listed shifts. */
export function confirmShifts(input: In<'confirmShifts'>) {
  return ledgerService.confirmShifts(input)
}

/** Staff: confirm one shift with other minutes, with a reason. */
export function adjustShift(input: In<'adjustShift'>) {
  return ledgerService.adjustShift(input)
}

/** Staff: void one shift, with a reason. */
export function voidShift(input: In<'voidShift'>) {
  return ledgerService.voidShift(input)
}

/** Staff: answer a dispute (adjust or keep) with a reason the volunteer sees. */
export function answerDispute(input: In<'answerDispute'>) {
  return ledgerService.answerDispute(input)
}

/** Staff: record the certificate the 居委会 issued. */
export function recordCertificate(input: In<'recordCertificate'>) {
  return ledgerService.recordCertificate(input)
}

/** Staff: 补录. */
export function backfill(input: In<'backfill'>) {
  return ledgerService.backfill(input)
}

/** Staff: credit a closed wish's claimant. */
export function creditWish(input: In<'creditWish'>) {
  return ledgerService.creditWish(input)
}
