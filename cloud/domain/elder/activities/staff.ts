// Activities as staff make and change them (issue 12, part A): create and edit, the rule edited from a day on (the
// past never rewritten), archive, the list and one activity with its coming occurrences.
import type { OutputOf, ParsedInputOf } from '../../../../src/contracts'
import { ELDER_LIMITS } from '../../../../src/contracts/elder/rules'
import { requireRole, requireScope, type Ctx } from '../../../lib/context'
import { staffScope } from '../../../lib/staffScope'
import { insertOnce } from '../../../lib/insertOnce'
import { tallyToken } from '../../../lib/counters'
import { addDays, chinaDay } from '../../../lib/dates'
import { HandlerError, invalidField } from '../../../lib/errors'
import { pageWindow, toPage } from '../../../lib/paging'
import { ELD_ACTIVITIES, ELD_OCCURRENCES, type ActivityDoc, type OccurrenceDoc, type RuleSegment } from '../model'
import { applyStored, expand, occurrenceOn } from '../recurrence'
import { derivedId, loadActivity, toActivityCard, notifySignedUp, signedUp, toActivityView, toSegment, toStaffOccurrence } from './doc'

type In<A extends 'saveActivity' | 'editRule' | 'archiveActivity' | 'staffActivities' | 'staffActivity'> = ParsedInputOf<'elder', A>

/** How far ahead a rule may start. */
const MAX_DAYS_AHEAD = 366

/** An activity of the caller's communities (staff, scoped), or ROLE_REQUIRED / NOT_FOUND / SCOPE_DENIED. */
async function scopedActivity(ctx: Ctx, id: string): Promise<ActivityDoc> {
  requireRole(ctx, 'staff')
  const a = await loadActivity(ctx, id)
  requireScope(ctx, a.communityId)
  return a
}

/** Refuses a rule that starts in the past or too far ahead. */
function requireFrom(from: string, ctx: Ctx): void {
  const today = chinaDay(ctx.now)
  if (from < today) throw invalidField('rule.from', '开始日期不能早于今天（过去的安排不能改写）')
  if (from > addDays(today, MAX_DAYS_AHEAD)) throw invalidField('rule.from', `开始日期最多在一年之内`)
}

/**
 * Staff create an activity in a community they serve (no activityId: the rule's first segment is required), or edit
 * its details (title, category, host, description: never the rule — see editRule), conditional on `rev` when given.
 * A create's _id comes from the requestId, so a retry finds its own. Database requests: create 2 (a retry 3),
 * edit 3.
 */
export async function saveActivity(input: In<'saveActivity'>, ctx: Ctx): Promise<OutputOf<'elder', 'saveActivity'>> {
  requireRole(ctx, 'staff')
  requireScope(ctx, input.communityId)
  const today = chinaDay(ctx.now)
  const details = { title: input.title, category: input.category, host: input.host, description: input.description }
  const col = ctx.db.collection(ELD_ACTIVITIES)
  if (!input.activityId) {
    if (!input.rule) throw invalidField('rule', '请设置活动的重复规则')
    requireFrom(input.rule.from, ctx)
    const doc: ActivityDoc = {
      _id: derivedId('ea', ctx.openid, ctx.requestId!),
      communityId: input.communityId,
      ...details,
      segments: [toSegment(input.rule)],
      status: 'active',
      rev: 1,
      createdBy: ctx.openid,
      createdAt: ctx.now,
      updatedAt: ctx.now,
      requestId: ctx.requestId!,
    }
    return toActivityView(await insertOnce(ctx, ELD_ACTIVITIES, doc, (id) => loadActivity(ctx, id)), today)
  }
  if (input.rule) throw invalidField('rule', '修改重复规则请用“从某天起修改规则”')
  const a = await scopedActivity(ctx, input.activityId)
  if (a.communityId !== input.communityId) throw new HandlerError('INVALID_INPUT', '活动不能改到其他社区')
  if (a.requestId === ctx.requestId) return toActivityView(a, today)
  if (a.status !== 'active') throw new HandlerError('INVALID_STATE', '已归档的活动不能修改')
  const where: Record<string, unknown> = { _id: a._id, status: 'active', rev: input.rev ?? a.rev }
  const res = await col.where(where).update({ data: { ...details, rev: a.rev + 1, updatedAt: ctx.now, requestId: ctx.requestId! } })
  if (res.stats.updated !== 1) throw new HandlerError('CONFLICT', '活动刚刚被修改过，请刷新后再试')
  return toActivityView({ ...a, ...details, rev: a.rev + 1, updatedAt: ctx.now }, today)
}

/** The segments after a rule edit from `from`: the one in force closes the day before, later ones are dropped. */
function segmentsFrom(segments: RuleSegment[], from: string, next: RuleSegment): RuleSegment[] {
  const before = addDays(from, -1)
  const kept = segments.filter((s) => s.from < from).map((s) => (!s.until || s.until >= from ? { ...s, until: before } : s))
  return [...kept, next]
}

/**
 * Staff change the rule from a China day on (today or later), conditional on `rev`: the segment in force closes the
 * day before and the new one is appended (segments wholly from that day on are dropped); the past is never
 * rewritten. Stored occurrences from that day on that hold sign-ups and that the new rule no longer gives at the same
 * start are cancelled (one conditional update, reason 活动规则调整) and those signed up are notified, as
 * cancelOccurrence does; the answer lists them. Stored ones the rule still gives (not moved) take the new place and
 * capacity. A retry (the activity records the requestId) changes nothing again.
 * Database requests: the user + the activity + the stored occurrences + the update = 4; +1 when stored occurrences
 * with sign-ups are cancelled, +1 when stored ones take a new place or capacity.
 */
export async function editRule(input: In<'editRule'>, ctx: Ctx): Promise<OutputOf<'elder', 'editRule'>> {
  requireRole(ctx, 'staff')
  const _ = ctx.db.command
  const today = chinaDay(ctx.now)
  const [a, storedRes] = await Promise.all([
    loadActivity(ctx, input.activityId),
    ctx.db
      .collection(ELD_OCCURRENCES)
      .where({ activityId: input.activityId, day: _.gte(input.rule.from) })
      .limit(1000)
      .get(),
  ])
  requireScope(ctx, a.communityId)
  if (a.requestId === ctx.requestId) return { activity: toActivityView(a, today), cancelled: [] }
  if (a.status !== 'active') throw new HandlerError('INVALID_STATE', '已归档的活动不能修改规则')
  if (a.rev !== input.rev) throw new HandlerError('CONFLICT', '活动刚刚被修改过，请刷新后再试')
  requireFrom(input.rule.from, ctx)
  // Today's occurrence that has begun belongs to the past: the rule then changes from tomorrow at the earliest.
  const todays = input.rule.from === today ? occurrenceOn(a, today) : null
  if (todays && todays.startAt.getTime() <= ctx.now.getTime()) throw invalidField('rule.from', '今天的活动已开始，请从明天起修改规则')
  const next = toSegment(input.rule)
  const segments = segmentsFrom(a.segments, input.rule.from, next)
  const res = await ctx.db
    .collection(ELD_ACTIVITIES)
    .where({ _id: a._id, status: 'active', rev: a.rev })
    .update({ data: { segments: _.set(segments), rev: a.rev + 1, updatedAt: ctx.now, requestId: ctx.requestId! } })
  if (res.stats.updated !== 1) throw new HandlerError('CONFLICT', '活动刚刚被修改过，请刷新后再试')
  const updated: ActivityDoc = { ...a, segments, rev: a.rev + 1, updatedAt: ctx.now }

  const stored = (storedRes.data as OccurrenceDoc[]).filter((o) => !o.cancelled)
  const lost = stored.filter((o) => {
    if (!signedUp(o).length) return false
    const c = occurrenceOn(updated, o.day)
    return !c || c.startAt.getTime() !== new Date(o.originalStartAt).getTime()
  })
  const lostIds = new Set(lost.map((o) => o._id))
  const cancelled: OutputOf<'elder', 'editRule'>['cancelled'] = []
  if (lost.length) {
    const reason = '活动规则调整'
    await ctx.db
      .collection(ELD_OCCURRENCES)
      .where({ _id: _.in([...lostIds]), cancelled: _.exists(false) })
      .update({ data: { cancelled: { reason, by: ctx.openid, at: ctx.now }, exceptionRequestId: ctx.requestId!, untallied: tallyToken(), updatedAt: ctx.now } })
    for (const o of lost) cancelled.push({ day: o.day, ...(await notifySignedUp(a.title, { ...o, startAt: new Date(o.startAt) }, signedUp(o), `已取消：${reason}`)) })
  }
  const stale = stored.filter((o) => !lostIds.has(o._id) && !o.moved && occurrenceOn(updated, o.day) && (o.place !== next.place || o.capacity !== next.capacity))
  if (stale.length) {
    await ctx.db
      .collection(ELD_OCCURRENCES)
      .where({ _id: _.in(stale.map((o) => o._id)), moved: _.exists(false), cancelled: _.exists(false) })
      .update({ data: { place: next.place, capacity: next.capacity, updatedAt: ctx.now } })
  }
  return { activity: toActivityView(updated, today), cancelled }
}

/**
 * Staff archive an activity: it leaves the week's view; nothing is deleted. Refused while a future occurrence holds
 * sign-ups (the answer names the days: cancel those first, which notifies those signed up). A retry finds it
 * archived and answers the same. Database requests: the user + the activity + its future stored occurrences +
 * the update = 4.
 */
export async function archiveActivity(input: In<'archiveActivity'>, ctx: Ctx): Promise<OutputOf<'elder', 'archiveActivity'>> {
  requireRole(ctx, 'staff')
  const _ = ctx.db.command
  const today = chinaDay(ctx.now)
  const [a, storedRes] = await Promise.all([
    loadActivity(ctx, input.activityId),
    ctx.db
      .collection(ELD_OCCURRENCES)
      .where({ activityId: input.activityId, day: _.gte(today), taken: _.gt(0) })
      .limit(1000)
      .get(),
  ])
  requireScope(ctx, a.communityId)
  if (a.status === 'archived') return toActivityView(a, today)
  const holding = (storedRes.data as OccurrenceDoc[]).filter((o) => !o.cancelled && new Date(o.startAt).getTime() > ctx.now.getTime() && signedUp(o).length)
  if (holding.length) {
    const days = holding.map((o) => o.day).sort()
    throw new HandlerError(
      'INVALID_STATE',
      `以下日期还有人报名：${days.slice(0, 5).join('、')}${days.length > 5 ? ` 等 ${days.length} 场` : ''}。请先取消这些场次（会通知已报名的人），再归档`,
    )
  }
  const res = await ctx.db
    .collection(ELD_ACTIVITIES)
    .where({ _id: a._id, status: 'active' })
    .update({ data: { status: 'archived', rev: a.rev + 1, updatedAt: ctx.now, requestId: ctx.requestId! } })
  if (res.stats.updated !== 1) throw new HandlerError('CONFLICT', '活动刚刚被修改过，请刷新后再试')
  return toActivityView({ ...a, status: 'archived', rev: a.rev + 1, updatedAt: ctx.now }, today)
}

/** Staff: the activities of their communities (or one), active or archived, last changed first. Requests: 2. */
export async function staffActivities(input: In<'staffActivities'>, ctx: Ctx): Promise<OutputOf<'elder', 'staffActivities'>> {
  const scope = await staffScope(ctx, input.communityId)
  const _ = ctx.db.command
  const w = pageWindow(input)
  const res = await ctx.db
    .collection(ELD_ACTIVITIES)
    .where({ communityId: input.communityId ?? _.in(scope), status: input.status ?? 'active' })
    .orderBy('updatedAt', 'desc')
    .skip(w.skip)
    .limit(w.limit)
    .get()
  const today = chinaDay(ctx.now)
  return toPage(res.data as ActivityDoc[], w, (a) => toActivityCard(a, today))
}

/**
 * Staff: one activity of their communities, its rule segments, and its occurrences from today for `weeks` weeks
 * (default 4) with their exceptions and sign-up counts, and what staff may do. Database requests: the user + the
 * activity + its stored occurrences (index byActivity, side by side) = 3.
 */
export async function staffActivity(input: In<'staffActivity'>, ctx: Ctx): Promise<OutputOf<'elder', 'staffActivity'>> {
  requireRole(ctx, 'staff')
  const _ = ctx.db.command
  const today = chinaDay(ctx.now)
  const to = addDays(today, (input.weeks ?? 4) * 7 - 1)
  const [a, storedRes] = await Promise.all([
    loadActivity(ctx, input.activityId),
    ctx.db
      .collection(ELD_OCCURRENCES)
      .where({ activityId: input.activityId, day: _.gte(today).and(_.lte(to)) })
      .limit(1000)
      .get(),
  ])
  requireScope(ctx, a.communityId)
  const occurrences = applyStored(expand(a, today, to), storedRes.data as OccurrenceDoc[]).slice(0, ELDER_LIMITS.staffOccurrences)
  return {
    activity: toActivityView(a, today),
    occurrences: occurrences.map((o) => toStaffOccurrence(o, ctx.now)),
    allowed: a.status === 'active' ? ['edit', 'editRule', 'archive'] : [],
  }
}
