import type { OutputOf, ParsedInputOf, VolunteerApplication } from '../../../src/contracts'
import { loadCommunities } from '../../lib/communities'
import { requireRole, requireScope, requireSignedUp, type Ctx } from '../../lib/context'
import { isDuplicateKeyError } from '../../lib/dbErrors'
import { addDays, chinaDay, isRealDay } from '../../lib/dates'
import { HandlerError, invalidField } from '../../lib/errors'
import type { StateChange, VolunteerApplicationDoc } from '../../lib/model'
import { pageWindow, toPage } from '../../lib/paging'
import { APPLICATIONS, applicationIdFor, getApplication } from './applications'
import { toApplication } from './view'

type In<A extends 'applyVolunteer' | 'withdrawApplication' | 'listApplications' | 'reviewApplication'> = ParsedInputOf<'user', A>

/**
 * A signed-up resident applies to volunteer in their community; one pending application at a time.
 * Idempotent by itself: the application's _id is derived from the requestId, so a retry finds it.
 */
export async function applyVolunteer(input: In<'applyVolunteer'>, ctx: Ctx): Promise<VolunteerApplication> {
  requireSignedUp(ctx)
  const { db, user } = ctx
  requirePastDay('birthDate', input.birthDate, ctx)
  const id = applicationIdFor(ctx.openid, ctx.requestId!)
  if (user.volunteerStatus === 'approved' || user.volunteerStatus === 'pending') {
    // Perhaps our own earlier attempt created it: answer the retry with that application.
    const mine = await ownApplication(ctx, id)
    if (mine) return mine
    throw new HandlerError(user.volunteerStatus === 'approved' ? 'ALREADY_VOLUNTEER' : 'APPLICATION_PENDING')
  }
  // The user doc's volunteerStatus is the lock: only one concurrent apply can move it to 'pending'.
  const users = db.collection('users')
  const claim = await users.where({ _id: ctx.openid, volunteerStatus: db.command.nin(['pending', 'approved']) }).update({ data: { volunteerStatus: 'pending', updatedAt: ctx.now } })
  if (claim.stats.updated !== 1) throw new HandlerError('APPLICATION_PENDING')
  const doc: VolunteerApplicationDoc = {
    _id: id,
    openid: ctx.openid,
    communityId: user.communityId,
    realName: input.realName,
    phone: input.phone,
    skills: [...new Set(input.skills)],
    ...(input.intro?.trim() ? { intro: input.intro.trim() } : {}),
    birthDate: input.birthDate,
    status: 'pending',
    history: [step(ctx, 'applicant', 'apply', undefined, 'pending')],
    createdAt: ctx.now,
    updatedAt: ctx.now,
  }
  try {
    await db.collection(APPLICATIONS).add({ data: doc })
  } catch (err) {
    // Give the lock back; then either this was a retry of a call whose application was since
    // withdrawn or rejected (the same _id exists), or the user may simply try again.
    await users
      .where({ _id: ctx.openid, volunteerStatus: 'pending' })
      .update({ data: { volunteerStatus: user.volunteerStatus ?? 'none' } })
      .catch(() => undefined)
    const mine = isDuplicateKeyError(err) ? await ownApplication(ctx, id) : null
    if (mine) return mine
    throw err
  }
  await loadCommunities(db)
  return toApplication(doc, ctx)
}

/** The caller's application with this id, as they see it, or null. */
async function ownApplication(ctx: Ctx, id: string): Promise<VolunteerApplication | null> {
  const [app] = await Promise.all([getApplication(ctx.db, id), loadCommunities(ctx.db)])
  return app?.openid === ctx.openid ? toApplication(app, ctx) : null
}

/** The applicant withdraws their own pending application. Idempotent: the change records its requestId. */
export async function withdrawApplication(input: In<'withdrawApplication'>, ctx: Ctx): Promise<VolunteerApplication> {
  requireSignedUp(ctx)
  const { db } = ctx
  const app = await getApplication(db, input.applicationId)
  if (!app || app.openid !== ctx.openid) throw new HandlerError('NOT_FOUND', '没有找到这份申请')
  if (app.status === 'withdrawn' && app.requestId === ctx.requestId) return answer(ctx, app)
  if (app.status !== 'pending') throw new HandlerError('INVALID_STATE', '只有审核中的申请可以撤回')
  const patch = { status: 'withdrawn' as const, updatedAt: ctx.now, requestId: ctx.requestId! }
  // The audit entry travels in the same conditional update as the change (no separate audit write).
  const entry = step(ctx, 'applicant', 'withdraw', 'pending', 'withdrawn')
  const res = await db
    .collection(APPLICATIONS)
    .where({ _id: app._id, openid: ctx.openid, status: 'pending' })
    .update({ data: { ...patch, history: db.command.push([entry]) } })
  if (res.stats.updated !== 1) throw new HandlerError('INVALID_STATE', '只有审核中的申请可以撤回')
  await Promise.all([
    db
      .collection('users')
      .where({ _id: ctx.openid, volunteerStatus: 'pending' })
      .update({ data: { volunteerStatus: 'none', updatedAt: ctx.now } }),
    loadCommunities(db),
  ])
  return toApplication({ ...app, ...patch }, ctx)
}

/** Staff: the applications of their communities (admin: all), newest first, one page at a time. */
export async function listApplications(input: In<'listApplications'>, ctx: Ctx): Promise<OutputOf<'user', 'listApplications'>> {
  requireRole(ctx, 'staff')
  const { db } = ctx
  const where: Record<string, unknown> = {}
  if (input.communityId) {
    requireScope(ctx, input.communityId)
    where.communityId = input.communityId
  } else {
    // Admins' scope is every community; naming them keeps the query on the (communityId, status, createdAt) index.
    const scope = ctx.isAdmin ? (await loadCommunities(db)).map((c) => c._id) : ctx.staffCommunityIds
    where.communityId = db.command.in(scope)
  }
  if (input.status) where.status = input.status
  const w = pageWindow(input)
  const col = db.collection(APPLICATIONS)
  const query = (Object.keys(where).length ? col.where(where) : col).orderBy('createdAt', 'desc').skip(w.skip).limit(w.limit)
  const [res] = await Promise.all([query.get(), loadCommunities(db)])
  return toPage(res.data as VolunteerApplicationDoc[], w, (a) => toApplication(a, ctx))
}

/** Staff scoped to the application's community approve or reject a pending application. Idempotent: the decision records its requestId. */
export async function reviewApplication(input: In<'reviewApplication'>, ctx: Ctx): Promise<VolunteerApplication> {
  requireRole(ctx, 'staff')
  const reason = input.reason || undefined
  if (input.decision === 'reject' && !reason) throw invalidField('reason', '请填写不通过的原因')
  const { db } = ctx
  const app = await getApplication(db, input.applicationId)
  if (!app) throw new HandlerError('NOT_FOUND', '没有找到这份申请')
  requireScope(ctx, app.communityId)
  // Whoever asks never approves: staff do not review their own application.
  if (app.openid === ctx.openid) throw new HandlerError('SELF_REVIEW', '不能审核自己的志愿者申请，请由其他工作人员或管理员审核')
  if (app.status !== 'pending' && app.reviewedBy === ctx.openid && app.requestId === ctx.requestId) return answer(ctx, app)
  if (app.status !== 'pending') throw new HandlerError('INVALID_STATE', '这份申请已经处理过了')
  const to = input.decision === 'approve' ? ('approved' as const) : ('rejected' as const)
  const patch = { status: to, reviewedBy: ctx.openid, reviewedAt: ctx.now, updatedAt: ctx.now, requestId: ctx.requestId!, ...(reason ? { reason } : {}) }
  // Conditional on 'pending': of two concurrent reviews exactly one updates the document, and records it in
  // the application's own history in the same write.
  const entry = step(ctx, 'staff', 'review', 'pending', to, reason)
  const res = await db
    .collection(APPLICATIONS)
    .where({ _id: app._id, status: 'pending' })
    .update({ data: { ...patch, history: db.command.push([entry]) } })
  if (res.stats.updated !== 1) throw new HandlerError('INVALID_STATE', '这份申请已经处理过了')
  // Approval copies the record fields (issue 10) in the same update: the volunteer number follows from the
  // numbering job (volunteerNumberDue), so approval stays at 4 requests.
  const approved =
    to === 'approved'
      ? {
          volunteer: db.command.set({
            realName: app.realName,
            ...(app.birthDate ? { birthDate: app.birthDate } : {}),
            phone: app.phone,
            trainingTags: [],
            approvedAt: ctx.now,
          }),
          volunteerNumberDue: true,
        }
      : {}
  await Promise.all([
    db
      .collection('users')
      .where({ _id: app.openid, volunteerStatus: 'pending' })
      .update({ data: { volunteerStatus: to, updatedAt: ctx.now, ...approved } }),
    loadCommunities(db),
  ])
  return toApplication({ ...app, ...patch }, ctx)
}

/**
 * An approved volunteer whose record has no birth date (approved before it was asked) adds it, once: ONE
 * conditional update (`volunteer.birthDate` missing). A retry with the same date answers the same; staff correct
 * a wrong one. Database requests: the user read + the update = 2.
 */
export async function setBirthDate(input: ParsedInputOf<'user', 'setBirthDate'>, ctx: Ctx): Promise<{ birthDate: string }> {
  requireSignedUp(ctx)
  if (ctx.user.volunteerStatus !== 'approved') throw new HandlerError('NOT_VOLUNTEER')
  requirePastDay('birthDate', input.birthDate, ctx)
  const have = ctx.user.volunteer?.birthDate
  if (have === input.birthDate) return { birthDate: have }
  if (have) throw new HandlerError('INVALID_STATE', '出生日期已登记，如需更正请联系社区工作人员')
  const _ = ctx.db.command
  const data = ctx.user.volunteer
    ? { 'volunteer.birthDate': input.birthDate, updatedAt: ctx.now }
    : { volunteer: _.set({ realName: ctx.user.nickname, birthDate: input.birthDate, trainingTags: [], approvedAt: ctx.now }), volunteerNumberDue: true, updatedAt: ctx.now }
  const res = await ctx.db
    .collection('users')
    .where({ _id: ctx.openid, volunteerStatus: 'approved', 'volunteer.birthDate': _.exists(false) })
    .update({ data })
  if (res.stats.updated !== 1) throw new HandlerError('CONFLICT')
  return { birthDate: input.birthDate }
}

/** A real calendar day before today (China) and at most 100 years ago, or INVALID_INPUT on `field`. */
function requirePastDay(field: string, value: string, ctx: Ctx): void {
  const today = chinaDay(ctx.now)
  if (!isRealDay(value) || value >= today || value < addDays(today, -36525)) throw invalidField(field, '请填写真实的出生日期')
}

/** An application as the caller sees it (loads community names first). */
async function answer(ctx: Ctx, app: VolunteerApplicationDoc): Promise<VolunteerApplication> {
  await loadCommunities(ctx.db)
  return toApplication(app, ctx)
}

type AppStep = StateChange<VolunteerApplicationDoc['status'], 'applicant' | 'staff'>

/** An entry of an application's history: who (openid) in which role changed it, from/to, why, and the requestId. */
function step(ctx: Ctx, role: AppStep['role'], action: string, from: AppStep['from'], to: AppStep['to'], reason?: string): AppStep {
  return { at: ctx.now, by: ctx.openid, role, action, ...(from ? { from } : {}), to, ...(reason ? { reason } : {}), requestId: ctx.requestId! }
}
