// Managed elder profiles (issue 12, part B): a family's elders (added with the elder's consent noted) and staff-managed
// elders without a phone (纸质同等). Archived, never deleted. Phones and ages reach only managers and staff in scope.
import { ELDER_LIMITS, SIGNUP_MESSAGES as M, type ElderProfileView, type ElderStaffProfileView, type Page, type ParsedInputOf } from '../../../../src/contracts'
import { requireRole, requireScope, requireSignedUp, type Ctx } from '../../../lib/context'
import { chinaDay } from '../../../lib/dates'
import { isDuplicateKeyError } from '../../../lib/dbErrors'
import { HandlerError } from '../../../lib/errors'
import type { UserDoc } from '../../../lib/model'
import { pageWindow, toPage } from '../../../lib/paging'
import { ELD_OCCURRENCES, ELD_PROFILES, type OccurrenceDoc, type ProfileDoc } from '../model'
import { derivedId, loadProfile, personKeyOf, toProfileView } from './doc'
import { managedProfiles } from './detail'

type In<A extends 'saveProfile' | 'myProfiles' | 'archiveProfile' | 'saveStaffProfile' | 'staffProfiles'> = ParsedInputOf<'elder', A>
type Fields = Pick<ProfileDoc, 'name' | 'age' | 'consentNote'> & { phone?: string }

/** The editable fields as stored (a removed phone is unset). */
function fieldsOf(input: Fields, ctx: Ctx): Record<string, unknown> {
  return { name: input.name, age: input.age, consentNote: input.consentNote, phone: input.phone ?? ctx.db.command.remove(), updatedAt: ctx.now }
}

/** Inserts a new profile whose _id comes from the requestId; a retry finds its own and answers it. */
async function create(ctx: Ctx, doc: ProfileDoc): Promise<ElderProfileView> {
  try {
    await ctx.db.collection(ELD_PROFILES).add({ data: doc })
    return toProfileView(doc)
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err
    const mine = await loadProfile(ctx, doc._id)
    if (mine.createdBy !== ctx.openid) throw err
    return toProfileView(mine)
  }
}

/**
 * A family member adds an elder they manage (name, age, optional phone, the elder's consent noted: required), at
 * most ELDER_LIMITS.profilesPerManager, or edits one they manage (a pure set, conditional on managing it).
 * Database requests: add: the user + my profiles (the limit) + the insert = 3; edit: the user + the update (+ the
 * read for the answer) = 3.
 */
export async function saveProfile(input: In<'saveProfile'>, ctx: Ctx): Promise<ElderProfileView> {
  requireSignedUp(ctx)
  if (input.profileId) {
    const res = await ctx.db
      .collection(ELD_PROFILES)
      .where({ _id: input.profileId, kind: 'family', managers: ctx.openid, status: 'active' })
      .update({ data: fieldsOf(input, ctx) })
    const p = await loadProfile(ctx, input.profileId)
    if (res.stats.updated !== 1 && !(p.managers.includes(ctx.openid) && p.status === 'active')) throw new HandlerError('SCOPE_DENIED', '只能修改您管理的家人的档案')
    return toProfileView(p)
  }
  const _id = derivedId('ep', ctx.openid, ctx.requestId!)
  const mine = await managedProfiles(ctx)
  if (mine.some((p) => p._id === _id)) return toProfileView(mine.find((p) => p._id === _id)!)
  // NOTE: a count then a write: two adds at the very same moment could pass the limit by one (one phone, one tap).
  if (mine.length >= ELDER_LIMITS.profilesPerManager) throw new HandlerError('INVALID_STATE', M.tooManyProfiles)
  return create(ctx, {
    _id,
    kind: 'family',
    communityId: ctx.user.communityId,
    name: input.name,
    age: input.age,
    ...(input.phone ? { phone: input.phone } : {}),
    consentNote: input.consentNote,
    managers: [ctx.openid],
    status: 'active',
    createdBy: ctx.openid,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    requestId: ctx.requestId!,
  })
}

/** The elders I manage, with their phones and ages (I manage them). Database requests: the user + the query = 2. */
export async function myProfiles(input: In<'myProfiles'>, ctx: Ctx): Promise<Page<ElderProfileView>> {
  requireSignedUp(ctx)
  const w = pageWindow(input)
  const res = await ctx.db.collection(ELD_PROFILES).where({ managers: ctx.openid, status: 'active' }).orderBy('createdAt', 'asc').skip(w.skip).limit(w.limit).get()
  return toPage(res.data as ProfileDoc[], w, toProfileView)
}

/**
 * Archive (never delete) a profile: its manager, or staff of its community. Refused while it holds sign-ups that
 * have not started (say how many: cancel them first), so nobody is left on a roster without a profile. A pure set.
 * Database requests: the user + the profile + its sign-ups from today (index person) + the update = 4.
 */
export async function archiveProfile(input: In<'archiveProfile'>, ctx: Ctx): Promise<ElderProfileView> {
  requireSignedUp(ctx)
  const p = await loadProfile(ctx, input.profileId)
  const manager = p.kind === 'family' && p.managers.includes(ctx.openid)
  if (!manager) requireScope(ctx, p.communityId)
  if (p.status === 'archived') return toProfileView(p)
  const _ = ctx.db.command
  const key = personKeyOf({ profileId: p._id }, ctx.openid)
  const res = await ctx.db
    .collection(ELD_OCCURRENCES)
    .where({ 'signups.personKey': key, day: _.gte(chinaDay(ctx.now)) })
    .orderBy('day', 'asc')
    .limit(20)
    .field({ signups: true, startAt: true, cancelled: true, day: true })
    .get()
  const future = (res.data as OccurrenceDoc[]).filter(
    (o) => !o.cancelled && new Date(o.startAt).getTime() > ctx.now.getTime() && o.signups.some((s) => s.personKey === key && s.status === 'signed_up'),
  )
  if (future.length) throw new HandlerError('INVALID_STATE', `${M.futureSignups}（${future.map((o) => o.day).join('、')}）`)
  await ctx.db
    .collection(ELD_PROFILES)
    .where({ _id: p._id, status: 'active' })
    .update({ data: { status: 'archived', archivedBy: ctx.openid, updatedAt: ctx.now } })
  return toProfileView({ ...p, status: 'archived' })
}

/**
 * Staff add (or edit) a staff-managed elder of their community: an elder without a phone of their own, signed up
 * on paper's behalf (纸质同等); the consent noted as for a family. Database requests: the user + the insert = 2;
 * an edit: the user + the profile + the update = 3.
 */
export async function saveStaffProfile(input: In<'saveStaffProfile'>, ctx: Ctx): Promise<ElderProfileView> {
  requireRole(ctx, 'staff')
  requireScope(ctx, input.communityId)
  if (input.profileId) {
    const p = await loadProfile(ctx, input.profileId)
    requireScope(ctx, p.communityId)
    if (p.kind !== 'staff' || p.communityId !== input.communityId) throw new HandlerError('INVALID_STATE', '只能修改本社区工作人员管理的长者档案')
    await ctx.db
      .collection(ELD_PROFILES)
      .where({ _id: p._id, kind: 'staff' })
      .update({ data: fieldsOf(input, ctx) })
    return toProfileView({ ...p, name: input.name, age: input.age, consentNote: input.consentNote, phone: input.phone })
  }
  return create(ctx, {
    _id: derivedId('es', ctx.openid, ctx.requestId!),
    kind: 'staff',
    communityId: input.communityId,
    name: input.name,
    age: input.age,
    ...(input.phone ? { phone: input.phone } : {}),
    consentNote: input.consentNote,
    managers: [],
    status: 'active',
    createdBy: ctx.openid,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    requestId: ctx.requestId!,
  })
}

/**
 * Staff: the community's active managed elders (family and staff-managed), with phones and ages (staff in scope)
 * and who manages whom (the family managers' nicknames; none: staff-managed). Index byCommunity.
 * Database requests: the user + the page + the managers' nicknames = 3.
 */
export async function staffProfiles(input: In<'staffProfiles'>, ctx: Ctx): Promise<Page<ElderStaffProfileView>> {
  requireRole(ctx, 'staff')
  const communityId = input.communityId ?? ctx.staffCommunityIds[0] ?? ctx.user?.communityId ?? ''
  requireScope(ctx, communityId)
  const _ = ctx.db.command
  const w = pageWindow(input)
  const res = await ctx.db.collection(ELD_PROFILES).where({ communityId, status: 'active' }).orderBy('kind', 'asc').skip(w.skip).limit(w.limit).get()
  const rows = res.data as ProfileDoc[]
  const openids = [...new Set(rows.slice(0, w.pageSize).flatMap((p) => p.managers))]
  const users = openids.length
    ? ((
        await ctx.db
          .collection('users')
          .where({ _id: _.in(openids) })
          .field({ nickname: true })
          .get()
      ).data as Pick<UserDoc, '_id' | 'nickname'>[])
    : []
  const names = new Map(users.map((u) => [u._id, u.nickname]))
  return toPage(rows, w, (p) => ({ ...toProfileView(p), managers: p.managers.map((m) => names.get(m) ?? '家属') }))
}
