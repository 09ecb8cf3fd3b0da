import type { CheckinCode, ParsedInputOf } from '../../../src/contracts'
import { requireRole, requireScope, type Ctx } from '../../lib/context'
import { codeSecret, rotatingCode } from '../../lib/rotatingCode'

/** The scope a community's check-in codes are drawn for (the volunteer domain verifies against the same). */
export function checkinScope(communityId: string): string {
  return `checkin:${communityId}`
}

/**
 * Staff of the community (the admin: any): its current check-in code, changing every 30 s on the one clock.
 * Database requests: the user read only.
 */
export async function checkinCode(input: ParsedInputOf<'user', 'checkinCode'>, ctx: Ctx): Promise<CheckinCode> {
  requireRole(ctx, 'staff')
  requireScope(ctx, input.communityId)
  const at = ctx.now.getTime()
  const { code, expiresAt } = rotatingCode(codeSecret(), checkinScope(input.communityId), at)
  return { communityId: input.communityId, code, qr: `hemei-checkin:${input.communityId}:${code}`, expiresAt: new Date(expiresAt).toISOString(), now: ctx.now.toISOString() }
}
