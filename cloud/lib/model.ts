/** Database document shapes (what is stored), as distinct from the contract's outputs (what is shown). */
import type { ApplicationStatus, VolunteerStatus } from '../../src/contracts'

export interface CommunityDoc {
  _id: string
  name: string
  street: string
  grids: { id: string; name: string }[]
  order: number
}

/** One per WeChat user; `_id` is the OPENID. */
export interface UserDoc {
  _id: string
  nickname: string
  communityId: string
  gridId?: string
  privacyVersion: string
  privacyAgreedAt: Date
  largeFont?: boolean
  volunteerStatus: VolunteerStatus
  /** Communities the user is staff of; empty for non-staff. Granted by an admin. */
  staffCommunityIds: string[]
  createdAt: Date
  updatedAt: Date
}

export interface VolunteerApplicationDoc {
  _id: string
  openid: string
  communityId: string
  realName: string
  /** Stored as given; masked on the way out except to the applicant and scoped staff. */
  phone: string
  skills: string[]
  intro?: string
  status: ApplicationStatus
  reason?: string
  reviewedBy?: string
  reviewedAt?: Date
  /** The requestId of the call that made the last state change (withdraw/review), so its retry is recognised. */
  requestId?: string
  createdAt: Date
  updatedAt: Date
}

/** Append-only audit trail: who did what to which record, from which state to which, and why. */
export interface AuditDoc {
  _id?: string
  at: Date
  actor: string
  entity: string
  entityId: string
  action: string
  from?: string
  to?: string
  reason?: string
}

/** Idempotency record for a mutating call, keyed by `${openid}:${fn}:${requestId}`. */
export interface RequestDoc {
  _id: string
  fn: string
  action: string
  status: 'running' | 'done'
  result?: unknown
  createdAt: Date
}
