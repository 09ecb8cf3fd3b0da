// What one slot, dispute or certificate request adds to its community's counters (cloud/lib/counters.ts): pure
// functions of the document, with no database or SDK, so the seeders and fixtures stamp the same tallies.
import type { CertificateDoc, DisputeDoc, ShiftEntry } from './model'

/** The counters of the volunteer service's workbench tiles (one home for the names). */
export const VOL_TALLY = {
  /** A checked-out shift waiting for confirmation, not flagged (the bulk confirm takes it). */
  toConfirm: 'toConfirm',
  /** A checked-out shift flagged for review (e.g. a check-out the scheduler closed), not yet decided. */
  flagged: 'flagged',
  disputesOpen: 'disputesOpen',
  certificatesRequested: 'certificatesRequested',
} as const

/**
 * What a slot adds: `toConfirm` once per checked-out shift that is not flagged, `flagged` once per checked-out shift
 * that is (a key may repeat: the counters count its multiplicity).
 */
export function slotTallies(slot: { shifts?: Pick<ShiftEntry, 'status' | 'flagged'>[] }): string[] {
  return (slot.shifts ?? []).filter((s) => s.status === 'checked_out').map((s) => (s.flagged ? VOL_TALLY.flagged : VOL_TALLY.toConfirm))
}

/** What a dispute adds: `disputesOpen` while it is open. */
export function disputeTallies(d: Pick<DisputeDoc, 'status'>): string[] {
  return d.status === 'open' ? [VOL_TALLY.disputesOpen] : []
}

/** What a certificate request adds: `certificatesRequested` while it waits for its number. */
export function certificateTallies(c: Pick<CertificateDoc, 'status'>): string[] {
  return c.status === 'requested' ? [VOL_TALLY.certificatesRequested] : []
}
