// Exceptions to an activity's rule (issue 12, part A): cancel one occurrence, or move it (another day of the same
// week, another time, another place). Those signed up are notified; staff get the call list of the others.
import type { OccurrenceChange } from '../../../../src/contracts/elder/activities'
import type { ParsedInputOf } from '../../../../src/contracts'
import { requireRole, requireScope, type Ctx } from '../../../lib/context'
import { tallyToken } from '../../../lib/counters'
import { chinaDay, chinaInstant, chinaTime, mondayOf } from '../../../lib/dates'
import { isDuplicateKeyError } from '../../../lib/dbErrors'
import { HandlerError, invalidField } from '../../../lib/errors'
import { ELD_OCCURRENCES, type ActivityDoc, type OccurrenceDoc } from '../model'
import { applyStored, newOccurrenceDoc, occurrenceId, occurrenceOn, type Occurrence } from '../recurrence'
import { loadActivity, notifySignedUp, occurrenceActions, signedUp, toStaffOccurrence } from './doc'

type In<A extends 'cancelOccurrence' | 'moveOccurrence'> = ParsedInputOf<'elder', A>

/** The activity (scoped) and its occurrence on `day` with the stored document, or the refusal. */
async function scopedOccurrence(ctx: Ctx, activityId: string, day: string): Promise<{ activity: ActivityDoc; occurrence: Occurrence }> {
  requireRole(ctx, 'staff')
  const [activity, storedDoc] = await Promise.all([loadActivity(ctx, activityId), ctx.db.collection(ELD_OCCURRENCES).doc(occurrenceId(activityId, day)).get()])
  requireScope(ctx, activity.communityId)
  const computed = occurrenceOn(activity, day)
  if (!computed) throw new HandlerError('NOT_FOUND', '这一天没有这个活动')
  const stored = storedDoc.data as OccurrenceDoc | null
  return { activity, occurrence: applyStored([computed], stored ? [stored] : [])[0] }
}

/**
 * Writes an exception: the conditional update of the stored occurrence (not cancelled, not started, `taken` as read,
 * so nobody signs up unseen), or, when none is stored, the insert of a fresh one with the change applied (a lost
 * race: the conditional update).
 */
async function writeException(ctx: Ctx, activity: ActivityDoc, o: Occurrence, data: Record<string, unknown>): Promise<void> {
  const _ = ctx.db.command
  const col = ctx.db.collection(ELD_OCCURRENCES)
  const update = async (taken: number) => {
    const res = await col.where({ _id: occurrenceId(activity._id, o.day), cancelled: _.exists(false), startAt: _.gt(ctx.now), taken }).update({ data })
    if (res.stats.updated !== 1) throw new HandlerError('CONFLICT', '这场活动刚刚有变化（例如有人报名），请刷新后再试')
  }
  if (o.stored) return update(o.stored.taken)
  try {
    // A fresh document has no sign-ups: the change's top-level fields are all it needs.
    const fresh = Object.fromEntries(Object.entries(data).filter(([k]) => !k.includes('.')))
    await col.add({ data: { ...newOccurrenceDoc(activity, o, ctx.now), ...fresh } })
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err
    await update(0)
  }
}

/** Refuses a change to an occurrence that is cancelled or has started (or answers a retry). */
function requireChangeable(o: Occurrence, ctx: Ctx): boolean {
  if (o.stored?.exceptionRequestId === ctx.requestId) return false
  if (o.cancelled) throw new HandlerError('INVALID_STATE', '这场活动已取消')
  if (!occurrenceActions(o, ctx.now).length) throw new HandlerError('INVALID_STATE', '这场活动已开始，不能再取消或调整')
  return true
}

/**
 * Staff cancel one occurrence, with a reason (kept: the occurrence stays, marked cancelled). Those signed up are
 * notified (a subscription message to whoever made each sign-up and accepted one; their consent is spent in the same
 * update) and the call list answers the others. A retry (the occurrence records the requestId) notifies no one again.
 * Database requests: the user + the activity + the occurrence + the write = 4.
 */
export async function cancelOccurrence(input: In<'cancelOccurrence'>, ctx: Ctx): Promise<OccurrenceChange> {
  const { activity, occurrence: o } = await scopedOccurrence(ctx, input.activityId, input.day)
  if (!requireChangeable(o, ctx)) return { occurrence: toStaffOccurrence(o, ctx.now), notified: 0, callList: [] }
  const people = signedUp(o.stored)
  const cancelled = { reason: input.reason, by: ctx.openid, at: ctx.now }
  const data: Record<string, unknown> = { cancelled, exceptionRequestId: ctx.requestId!, untallied: tallyToken(), updatedAt: ctx.now }
  for (const p of people) if (p.subscribed) data[`signups.${p.index}.subscribed`] = false
  await writeException(ctx, activity, o, data)
  const after: Occurrence = { ...o, cancelled: true, stored: { ...(o.stored ?? newOccurrenceDoc(activity, o, ctx.now)), cancelled } }
  const told = await notifySignedUp(activity.title, o, people, `已取消：${input.reason}`)
  return { occurrence: toStaffOccurrence(after, ctx.now), ...told }
}

/**
 * Staff move one occurrence: to another day of the same China week (Monday to Sunday, so the week's view still finds
 * it by its original day), another start (same length), and/or another place, with a reason. Those signed up are
 * notified as by cancelOccurrence. Database requests: 4.
 */
export async function moveOccurrence(input: In<'moveOccurrence'>, ctx: Ctx): Promise<OccurrenceChange> {
  const { activity, occurrence: o } = await scopedOccurrence(ctx, input.activityId, input.day)
  if (!requireChangeable(o, ctx)) return { occurrence: toStaffOccurrence(o, ctx.now), notified: 0, callList: [] }
  const newDay = input.newDay ?? chinaDay(o.startAt)
  if (mondayOf(newDay) !== mondayOf(o.day)) throw invalidField('newDay', '只能调整到同一周内（周一至周日）的日期')
  const startAt = chinaInstant(newDay, input.startTime ?? chinaTime(o.startAt))
  const endAt = new Date(startAt.getTime() + (new Date(o.endAt).getTime() - new Date(o.startAt).getTime()))
  const place = input.place ?? o.place
  if (startAt.getTime() <= ctx.now.getTime()) throw invalidField('startTime', '新的开始时间已过')
  if (startAt.getTime() === new Date(o.startAt).getTime() && place === o.place) throw invalidField('startTime', '时间和地点都没有变化')
  const people = signedUp(o.stored)
  const moved = { reason: input.reason, by: ctx.openid, at: ctx.now }
  const data: Record<string, unknown> = { startAt, endAt, place, moved, exceptionRequestId: ctx.requestId!, untallied: tallyToken(), updatedAt: ctx.now }
  for (const p of people) if (p.subscribed) data[`signups.${p.index}.subscribed`] = false
  await writeException(ctx, activity, o, data)
  const after: Occurrence = { ...o, startAt, endAt, place, moved: true, stored: { ...(o.stored ?? newOccurrenceDoc(activity, o, ctx.now)), moved } }
  const told = await notifySignedUp(activity.title, { ...o, startAt }, people, `调整为 ${newDay.slice(5)} ${chinaTime(startAt)} ${place}`)
  return { occurrence: toStaffOccurrence(after, ctx.now), ...told }
}
