// Slots (班次) as staff make and change them, and the training tags staff record per volunteer (issue 10, part A).
import { SLOT_LIMITS, type CallListEntry, type OutputOf, type ParsedInputOf, type SlotChange } from '../../../../src/contracts'
import { loadCommunities } from '../../../lib/communities'
import { inScope, requireRole, requireScope, type Ctx } from '../../../lib/context'
import { addDays, chinaDay, chinaInstant, isRealDay } from '../../../lib/dates'
import { isDuplicateKeyError } from '../../../lib/dbErrors'
import { HandlerError, invalidField } from '../../../lib/errors'
import type { UserDoc, VolunteerApplicationDoc } from '../../../lib/model'
import { APPLICATIONS } from '../../user/applications'
import { sendSubscribeMessage } from '../../../lib/notify'
import { pageWindow, toPage } from '../../../lib/paging'
import { VOL_SLOTS, type SlotDoc } from '../model'
import { allowedSlotActions } from './allowed'
import { creditFor, derivedId, loadProject, loadSlot, requireWindow, slotKey, toStaffCard, windowMinutes } from './doc'
import { templateId } from '../../../lib/templates'

type In<A extends 'createSlots' | 'listProjectSlots' | 'editSlot' | 'cancelSlot' | 'volunteerRecord' | 'setTrainingTags'> = ParsedInputOf<'volunteer', A>

/** The days of a repeat rule: each chosen ISO weekday (1 = Monday) in `weeks` weeks from `start`, in order. */
export function repeatDays(start: string, weekdays: number[], weeks: number): string[] {
  const out: string[] = []
  const wanted = new Set(weekdays)
  for (let i = 0; i < weeks * 7; i++) {
    const d = addDays(start, i)
    const iso = new Date(`${d}T00:00:00Z`).getUTCDay() || 7
    if (wanted.has(iso)) out.push(d)
  }
  return out
}

/**
 * Staff make one slot of an active project of their community, or with a repeat rule one on each chosen weekday
 * for N weeks (at most 60 per call). The credit defaults to the window and is never more. Every slot starts in
 * the future, within 180 days, and its cutoff has not passed. All slots are inserted in ONE request; their ids
 * come from the requestId, so a retry finds them (duplicate key) and answers the same.
 * Database requests: the user + the project + the insert = 3 (a retry 4).
 */
export async function createSlots(input: In<'createSlots'>, ctx: Ctx): Promise<OutputOf<'volunteer', 'createSlots'>> {
  requireRole(ctx, 'staff')
  const project = await loadProject(ctx, input.projectId)
  requireScope(ctx, project.communityId)
  if (project.status !== 'active') throw new HandlerError('INVALID_STATE', '已归档的服务项目不能再发布班次')
  if (!isRealDay(input.date)) throw invalidField('date', '日期不存在')
  const window = requireWindow(input.startTime, input.endTime)
  const creditMinutes = creditFor(window, input.creditMinutes)
  const days = input.repeat ? repeatDays(input.date, input.repeat.weekdays, input.repeat.weeks) : [input.date]
  if (!days.length) throw invalidField('repeat', '所选星期在这段时间内没有日期')
  if (days.length > SLOT_LIMITS.slotsPerCall) throw invalidField('repeat', `一次最多发布 ${SLOT_LIMITS.slotsPerCall} 个班次，当前为 ${days.length} 个`)
  const today = chinaDay(ctx.now)
  if (days[days.length - 1] > addDays(today, SLOT_LIMITS.maxDaysAhead)) throw invalidField('date', `班次最多提前 ${SLOT_LIMITS.maxDaysAhead} 天发布`)
  const slots: SlotDoc[] = days.map((date, i) => {
    const startAt = chinaInstant(date, input.startTime)
    const signupCutoffAt = new Date(startAt.getTime() - (input.cutoffMinutes ?? 0) * 60_000)
    if (signupCutoffAt.getTime() <= ctx.now.getTime()) throw invalidField('date', `${date} ${input.startTime} 的班次报名截止时间已过`)
    const _id = derivedId('s', ctx.openid, ctx.requestId!, String(i))
    return {
      _id,
      projectId: project._id,
      communityId: project.communityId,
      title: project.title,
      serviceType: project.serviceType,
      place: project.place,
      requirements: project.requirements,
      date,
      startTime: input.startTime,
      endTime: input.endTime,
      startAt,
      endAt: chinaInstant(date, input.endTime),
      headcount: input.headcount,
      taken: 0,
      creditMinutes,
      signupCutoffAt,
      status: 'published',
      shifts: [],
      volunteerOpenids: [],
      keys: [slotKey(_id)],
      createdBy: ctx.openid,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    }
  })
  const answer = { created: slots.length, slotIds: slots.map((s) => s._id), first: days[0], last: days[days.length - 1] }
  try {
    await ctx.db.collection(VOL_SLOTS).add({ data: slots })
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err
    const mine = await loadSlot(ctx, slots[0]._id)
    if (mine.createdBy !== ctx.openid) throw err
  }
  return answer
}

/** Staff: a project's slots by start time: from today on (default), or all of them. */
export async function listProjectSlots(input: In<'listProjectSlots'>, ctx: Ctx): Promise<OutputOf<'volunteer', 'listProjectSlots'>> {
  requireRole(ctx, 'staff')
  const [project] = await Promise.all([loadProject(ctx, input.projectId), loadCommunities(ctx.db)])
  requireScope(ctx, project.communityId)
  const _ = ctx.db.command
  const w = pageWindow(input)
  const where = input.upcoming !== false ? { projectId: project._id, startAt: _.gte(chinaInstant(chinaDay(ctx.now), '00:00')) } : { projectId: project._id }
  const res = await ctx.db.collection(VOL_SLOTS).where(where).orderBy('startAt', 'asc').skip(w.skip).limit(w.limit).get()
  return toPage(res.data as SlotDoc[], w, toStaffCard)
}

/** A slot of the caller's communities that staff may still change (published, not started), or the refusal. */
async function changeableSlot(ctx: Ctx, slotId: string, action: 'edit' | 'cancel'): Promise<SlotDoc> {
  requireRole(ctx, 'staff')
  const slot = await loadSlot(ctx, slotId)
  requireScope(ctx, slot.communityId)
  if (slot.requestId === ctx.requestId) return slot
  if (!allowedSlotActions(slot, ctx).includes(action)) throw new HandlerError('INVALID_STATE', slot.status === 'cancelled' ? '这个班次已取消' : '班次已开始，不能再修改或取消')
  return slot
}

/** Those signed up on a slot (before it starts, a holding shift is `signed_up`), with their index in `shifts`. */
function signedUp(slot: SlotDoc): { index: number; name: string; phone: string; subscribed: boolean; openid: string }[] {
  return (slot.shifts ?? []).flatMap((s, index) => (s.status === 'signed_up' ? [{ index, name: s.name, phone: s.phone ?? '', subscribed: !!s.subscribed, openid: s.openid }] : []))
}

/**
 * The phones of volunteers approved before their record held one (their shift has none): from their approved
 * applications, ONE read on the byUser index, only when there are such volunteers.
 */
async function legacyPhones(ctx: Ctx, openids: string[]): Promise<Map<string, string>> {
  if (!openids.length) return new Map()
  const res = await ctx.db
    .collection(APPLICATIONS)
    .where({ openid: ctx.db.command.in(openids), status: 'approved' })
    .limit(openids.length * 3)
    .get()
  return new Map((res.data as VolunteerApplicationDoc[]).map((a) => [a.openid, a.phone]))
}

/**
 * Tells those signed up what changed: a subscription message to each who accepted one at sign-up (their one
 * consent is spent in the same update as the change), and a call list (name + phone, staff only) of the others
 * and of those whose message failed.
 */
async function notify(ctx: Ctx, slot: SlotDoc, people: ReturnType<typeof signedUp>, what: string): Promise<{ notified: number; callList: CallListEntry[] }> {
  const callList: CallListEntry[] = []
  const toCall: typeof people = []
  let notified = 0
  for (const p of people) {
    const sent =
      p.subscribed &&
      (await sendSubscribeMessage(p.openid, templateId('VOL_SLOT_CHANGED'), `packages/volunteer/pages/slot/index?id=${slot._id}`, {
        thing1: { value: slot.title.slice(0, 20) },
        time2: { value: `${slot.date} ${slot.startTime}-${slot.endTime}` },
        thing3: { value: what.slice(0, 20) },
      }))
    if (sent) notified += 1
    else toCall.push(p)
  }
  const phones = await legacyPhones(
    ctx,
    toCall.filter((p) => !p.phone).map((p) => p.openid),
  )
  for (const p of toCall) callList.push({ name: p.name, phone: p.phone || phones.get(p.openid) || '' })
  return { notified, callList }
}

/**
 * Staff change a slot before it starts: its day and times (the instants follow; the cutoff keeps its distance
 * unless given), the headcount (never below those signed up), the credit (never above the window; a credit equal
 * to the old window follows the new one). ONE conditional update (published, not started, taken ≤ headcount).
 * A change of time notifies those signed up and answers the call list. A retry (the slot records the requestId)
 * notifies no one again. Database requests: the user + the slot + the update = 3 (+1 for the phones of volunteers
 * approved before records held one).
 */
export async function editSlot(input: In<'editSlot'>, ctx: Ctx): Promise<SlotChange> {
  const slot = await changeableSlot(ctx, input.slotId, 'edit')
  if (slot.requestId === ctx.requestId) return { slot: toStaffCard(slot), notified: 0, callList: [] }
  const date = input.date ?? slot.date
  const startTime = input.startTime ?? slot.startTime
  const endTime = input.endTime ?? slot.endTime
  if (!isRealDay(date)) throw invalidField('date', '日期不存在')
  const window = requireWindow(startTime, endTime)
  const oldWindow = windowMinutes(slot.startTime, slot.endTime)
  const creditMinutes = input.creditMinutes !== undefined ? creditFor(window, input.creditMinutes) : slot.creditMinutes === oldWindow ? window : Math.min(slot.creditMinutes, window)
  const headcount = input.headcount ?? slot.headcount
  if (headcount < slot.taken) throw invalidField('headcount', `招募人数不能少于已报名的 ${slot.taken} 人`)
  const startAt = chinaInstant(date, startTime)
  const endAt = chinaInstant(date, endTime)
  if (startAt.getTime() <= ctx.now.getTime()) throw invalidField('startTime', '新的开始时间已过')
  const cutoffMin = input.cutoffMinutes ?? Math.round((new Date(slot.startAt).getTime() - new Date(slot.signupCutoffAt).getTime()) / 60_000)
  const signupCutoffAt = new Date(startAt.getTime() - cutoffMin * 60_000)
  const timeChanged = startAt.getTime() !== new Date(slot.startAt).getTime() || endAt.getTime() !== new Date(slot.endAt).getTime()
  const people = timeChanged ? signedUp(slot) : []
  const _ = ctx.db.command
  const data: Record<string, unknown> = { date, startTime, endTime, startAt, endAt, headcount, creditMinutes, signupCutoffAt, updatedAt: ctx.now, requestId: ctx.requestId! }
  for (const p of people) if (p.subscribed) data[`shifts.${p.index}.subscribed`] = false
  const res = await ctx.db
    .collection(VOL_SLOTS)
    .where({ _id: slot._id, status: 'published', startAt: _.gt(ctx.now), taken: _.lte(headcount) })
    .update({ data })
  if (res.stats.updated !== 1) throw new HandlerError('CONFLICT', '班次刚刚有变化（例如有人报名），请刷新后再试')
  const updated: SlotDoc = { ...slot, date, startTime, endTime, startAt, endAt, headcount, creditMinutes, signupCutoffAt }
  const told = people.length ? await notify(ctx, updated, people, `时间改为 ${date} ${startTime}`) : { notified: 0, callList: [] }
  return { slot: toStaffCard(updated), ...told }
}

/**
 * Staff cancel a slot before it starts, with a reason (kept, never deleted: status `cancelled`). Those signed up
 * are notified, and the call list answers the others. ONE conditional update (published, not started).
 * Database requests: 3 (+1 as editSlot).
 */
export async function cancelSlot(input: In<'cancelSlot'>, ctx: Ctx): Promise<SlotChange> {
  const slot = await changeableSlot(ctx, input.slotId, 'cancel')
  if (slot.requestId === ctx.requestId) return { slot: toStaffCard(slot), notified: 0, callList: [] }
  const people = signedUp(slot)
  const _ = ctx.db.command
  const data: Record<string, unknown> = { status: 'cancelled', cancelReason: input.reason, cancelledBy: ctx.openid, cancelledAt: ctx.now, updatedAt: ctx.now, requestId: ctx.requestId! }
  for (const p of people) if (p.subscribed) data[`shifts.${p.index}.subscribed`] = false
  const res = await ctx.db
    .collection(VOL_SLOTS)
    .where({ _id: slot._id, status: 'published', startAt: _.gt(ctx.now) })
    .update({ data })
  if (res.stats.updated !== 1) throw new HandlerError('CONFLICT', '班次刚刚有变化，请刷新后再试')
  const updated: SlotDoc = { ...slot, status: 'cancelled', cancelReason: input.reason }
  const told = await notify(ctx, updated, people, `班次已取消：${input.reason}`)
  return { slot: toStaffCard(updated), ...told }
}

/** An approved volunteer of the caller's communities (staff), or NOT_FOUND / SCOPE_DENIED. */
async function scopedVolunteer(ctx: Ctx, openid: string): Promise<UserDoc> {
  requireRole(ctx, 'staff')
  const target = (await ctx.db.collection('users').doc(openid).get()).data as UserDoc | null
  if (!target || target.volunteerStatus !== 'approved') throw new HandlerError('NOT_FOUND', '没有找到这位志愿者')
  if (!inScope(ctx, target.communityId)) throw new HandlerError('SCOPE_DENIED')
  return target
}

/** Staff: a volunteer's record as the training page shows it (no phone, no birth date). Database requests: 2. */
export async function volunteerRecord(input: In<'volunteerRecord'>, ctx: Ctx): Promise<OutputOf<'volunteer', 'volunteerRecord'>> {
  const v = await scopedVolunteer(ctx, input.openid)
  return { openid: v._id, realName: v.volunteer?.realName ?? v.nickname, ...(v.volunteer?.number ? { number: v.volunteer.number } : {}), tags: v.volunteer?.trainingTags ?? [] }
}

/**
 * Staff of the volunteer's community record the trainings the volunteer holds (a pure set: a retry sets the same).
 * Staff never record their own. Database requests: the user + the volunteer + the update = 3.
 */
export async function setTrainingTags(input: In<'setTrainingTags'>, ctx: Ctx): Promise<OutputOf<'volunteer', 'setTrainingTags'>> {
  requireRole(ctx, 'staff')
  if (input.openid === ctx.openid) throw new HandlerError('SELF_REVIEW', '不能登记自己的培训，请由其他工作人员或管理员登记')
  const target = await scopedVolunteer(ctx, input.openid)
  const tags = [...new Set(input.tags)]
  const res = await ctx.db
    .collection('users')
    .where({ _id: input.openid, volunteerStatus: 'approved' })
    .update({
      data: target.volunteer
        ? { 'volunteer.trainingTags': ctx.db.command.set(tags), 'volunteer.tagsBy': ctx.openid, updatedAt: ctx.now }
        : { volunteer: ctx.db.command.set({ realName: target.nickname, trainingTags: tags, tagsBy: ctx.openid, approvedAt: ctx.now }), volunteerNumberDue: true, updatedAt: ctx.now },
    })
  if (res.stats.updated !== 1) throw new HandlerError('CONFLICT')
  return { openid: input.openid, tags }
}
