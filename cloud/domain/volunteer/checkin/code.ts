import { slotCodePayload, type ParsedInputOf, type SlotCode } from '../../../../src/contracts'
import { inScope, requireRole, type Ctx } from '../../../lib/context'
import { HandlerError } from '../../../lib/errors'
import { codeSecret, rotatingCode } from '../../../lib/rotatingCode'
import { VOL_SLOTS, type SlotDoc } from '../model'
import { slotCodeScope } from './shift'

/**
 * Staff of the slot's community: its current on-site code (签到码) for checking in or out — HMAC of the slot, the
 * 30-s window and the purpose, with the function's secret — its expiry and the QR text. Database requests: 2 (the
 * user, the slot).
 */
export async function slotCode(input: ParsedInputOf<'volunteer', 'slotCode'>, ctx: Ctx): Promise<SlotCode> {
  requireRole(ctx, 'staff')
  const slot = (await ctx.db.collection(VOL_SLOTS).doc(input.slotId).get()).data as SlotDoc | null
  if (!slot) throw new HandlerError('NOT_FOUND', '没有找到这个班次')
  if (!inScope(ctx, slot.communityId)) throw new HandlerError('SCOPE_DENIED')
  if (slot.status !== 'published') throw new HandlerError('INVALID_STATE', '这个班次已取消')
  const { code, expiresAt } = rotatingCode(codeSecret(), slotCodeScope(slot._id, input.purpose), ctx.now.getTime())
  return {
    slotId: slot._id,
    purpose: input.purpose,
    code,
    qr: slotCodePayload(slot._id, input.purpose, code),
    expiresAt: new Date(expiresAt).toISOString(),
    now: ctx.now.toISOString(),
    title: slot.title,
    date: slot.date,
    startTime: slot.startTime,
    endTime: slot.endTime,
  }
}
