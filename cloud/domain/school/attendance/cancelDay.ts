// Staff cancel a session day (issue 11, part C): the day is pushed on `cancelledDays` with the reason families see,
// and the guardians of the enrolled children are told by subscription message; staff get a call list of the others.
import type { CancelDayResult } from '../../../../src/contracts/school/attendance'
import { ATTENDANCE_MESSAGES as M } from '../../../../src/contracts/school/rules'
import type { ParsedInputOf } from '../../../../src/contracts'
import { requireRole, requireScope, type Ctx } from '../../../lib/context'
import { tallyToken } from '../../../lib/counters'
import { HandlerError } from '../../../lib/errors'
import { sendSubscribeMessage } from '../../../lib/notify'
import { SCH_CHILDREN, SCH_SESSIONS, type CancelledDay, type ChildDoc } from '../model'
import { readDaySession, requireSessionDay, todayOf } from './common'
import { templateId } from '../../../lib/templates'

/**
 * Staff of the community: cancel today or a coming session day, with a reason. ONE conditional update (the day not
 * cancelled yet); then each guardian of each enrolled child (and only those) gets one subscription message, and the
 * children whose guardians none could be told are on the call list with the guardian's phone. A retry (the
 * cancelled day records the requestId) tells no one again. Database requests: the user + the session + the update
 * + the enrolled children's guardians = 4.
 */
export async function cancelDay(input: ParsedInputOf<'school', 'cancelDay'>, ctx: Ctx): Promise<CancelDayResult> {
  requireRole(ctx, 'staff')
  if (input.day < todayOf(ctx)) throw new HandlerError('INVALID_STATE', '只能取消今天或以后的上课日')
  const s = await readDaySession(ctx, input.sessionId, input.day, { entries: ['childId', 'status', 'child.name'] })
  requireScope(ctx, s.communityId)
  const done = s.cancelledDays.find((c) => c.day === input.day) as CancelledDay | undefined
  if (done) {
    if (ctx.requestId && done.requestId === ctx.requestId) return { sessionId: s._id, day: input.day, notified: 0, callList: [], repeated: true }
    throw new HandlerError('INVALID_STATE', M.alreadyCancelled)
  }
  requireSessionDay(s, input.day)
  const _ = ctx.db.command
  const entry: CancelledDay = { day: input.day, reason: input.reason, by: ctx.openid, at: ctx.now, ...(ctx.requestId ? { requestId: ctx.requestId } : {}) }
  const res = await ctx.db
    .collection(SCH_SESSIONS)
    .where({ _id: s._id, 'cancelledDays.day': _.neq(input.day) })
    .update({ data: { cancelledDays: _.push([entry]), rev: _.inc(1), updatedAt: ctx.now, untallied: tallyToken() } })
  if (res.stats.updated !== 1) throw new HandlerError('INVALID_STATE', M.alreadyCancelled)

  const ids = [...new Set((s.entries ?? []).filter((e) => e.status === 'enrolled').map((e) => e.childId))]
  if (!ids.length) return { sessionId: s._id, day: input.day, notified: 0, callList: [], repeated: false }
  const found = await ctx.db
    .collection(SCH_CHILDREN)
    .where({ _id: ids.length === 1 ? ids[0] : _.in(ids) })
    .field({ guardianOpenids: true, guardianPhone: true, name: true, status: true })
    .limit(ids.length)
    .get()
  const told = new Set<string>()
  const callList: CancelDayResult['callList'] = []
  for (const c of found.data as Pick<ChildDoc, '_id' | 'guardianOpenids' | 'guardianPhone' | 'name' | 'status'>[]) {
    let reached = false
    for (const openid of c.guardianOpenids ?? []) {
      if (told.has(openid)) {
        reached = true
        continue
      }
      const sent = await sendSubscribeMessage(openid, templateId('SCHOOL_DAY_CANCELLED'), `packages/school/pages/day/index?childId=${c._id}`, {
        thing1: { value: s.name.slice(0, 20) },
        date2: { value: input.day },
        thing3: { value: `停课：${input.reason}`.slice(0, 20) },
      })
      if (sent) {
        told.add(openid)
        reached = true
      }
    }
    if (!reached) callList.push({ childName: c.name, phone: c.guardianPhone })
  }
  return { sessionId: s._id, day: input.day, notified: told.size, callList, repeated: false }
}
