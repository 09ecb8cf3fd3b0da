import type { CheckinCode, ParsedInputOf } from '../../../src/contracts'
import { findCommunity } from '../../lib/communities'
import { requireRole, requireScope, type Ctx } from '../../lib/context'
import { HandlerError } from '../../lib/errors'
import { codeSecret, rotatingCode } from '../../lib/rotatingCode'

/** The scope a community's check-in codes are drawn for (the volunteer domain verifies against the same). */
export function checkinScope(communityId: string): string {
  return `checkin:${communityId}`
}

/**
 * Staff of the community (the admin: any existing one): its current check-in code, changing every 30 s on the one
 * clock. Database requests: the user read (+1 for the communities list on a cold instance).
 */
export async function checkinCode(input: ParsedInputOf<'user', 'checkinCode'>, ctx: Ctx): Promise<CheckinCode> {
  requireRole(ctx, 'staff')
  requireScope(ctx, input.communityId)
  // The admin's scope is every community: one that does not exist gets no code (the fuzzer sent "\u200bjunmen").
  if (!(await findCommunity(ctx.db, input.communityId))) throw new HandlerError('NOT_FOUND')
  const at = ctx.now.getTime()
  const { code, expiresAt } = rotatingCode(codeSecret(), checkinScope(input.communityId), at)
  return { communityId: input.communityId, code, qr: `hemei-checkin:${input.communityId}:${code}`, expiresAt: new Date(expiresAt).toISOString(), now: ctx.now.toISOString() }
}
