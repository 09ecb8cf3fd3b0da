// What a viewer may do with a slot: the one rule the handlers guard with and slotDetail sends as `allowed`.
import type { SlotViewerAction } from '../../../../src/contracts/volunteer'
import { inScope, type Ctx } from '../../../lib/context'
import type { SlotDoc } from '../model'
import { HOLDING, myShift } from './doc'

/** The actions `ctx`'s caller may take on `slot` now. */
export function allowedSlotActions(slot: SlotDoc, ctx: Ctx): SlotViewerAction[] {
  const out: SlotViewerAction[] = []
  const now = ctx.now.getTime()
  const open = slot.status === 'published' && new Date(slot.signupCutoffAt).getTime() > now
  const mine = myShift(slot, ctx.openid)?.shift
  const holding = !!mine && HOLDING.includes(mine.status)
  if (ctx.roles.includes('volunteer') && open && !holding && slot.taken < slot.headcount) out.push('signUp')
  if (open && mine?.status === 'signed_up') out.push('cancelSignUp')
  if (inScope(ctx, slot.communityId)) {
    if (slot.status === 'published' && new Date(slot.startAt).getTime() > now) out.push('edit', 'cancel')
    out.push('roster')
  }
  return out
}
