import type { OutputOf, ParsedInputOf, StaffMember } from '../../../src/contracts'
import { loadCommunities } from '../../lib/communities'
import { requireRole, type Ctx } from '../../lib/context'
import { HandlerError, invalidField } from '../../lib/errors'
import type { UserDoc } from '../../lib/model'
import { pageWindow, toPage } from '../../lib/paging'

type In<A extends 'grantStaff' | 'revokeStaff' | 'listStaff'> = ParsedInputOf<'user', A>

/** Admin: make a signed-up user staff of more communities. Idempotent: granting what is held changes nothing. */
export async function grantStaff(input: In<'grantStaff'>, ctx: Ctx): Promise<StaffMember> {
  requireRole(ctx, 'admin')
  const known = new Set((await loadCommunities(ctx.db)).map((c) => c._id))
  const unknown = input.communityIds.filter((id) => !known.has(id))
  if (unknown.length) throw invalidField('communityIds', `社区不存在：${unknown.join('、')}`)
  const target = await signedUpUser(ctx, input.openid)
  const before = target.staffCommunityIds ?? []
  return setScope(ctx, target, [...new Set([...before, ...input.communityIds])], 'grantStaff')
}

/** Admin: take some (or, without communityIds, all) staff communities away from a user. Nothing is deleted; idempotent like grantStaff. */
export async function revokeStaff(input: In<'revokeStaff'>, ctx: Ctx): Promise<StaffMember> {
  requireRole(ctx, 'admin')
  const target = await signedUpUser(ctx, input.openid)
  const before = target.staffCommunityIds ?? []
  const drop = new Set(input.communityIds ?? before)
  return setScope(
    ctx,
    target,
    before.filter((id) => !drop.has(id)),
    'revokeStaff',
  )
}

/** Admin: everyone who is staff of at least one community. */
export async function listStaff(input: In<'listStaff'>, ctx: Ctx): Promise<OutputOf<'user', 'listStaff'>> {
  requireRole(ctx, 'admin')
  const _ = ctx.db.command
  const w = pageWindow(input)
  // "Staff of any community" as an $in over all communities, so the query uses the staffCommunityIds index.
  const res = await ctx.db
    .collection('users')
    .where({ staffCommunityIds: _.in((await loadCommunities(ctx.db)).map((c) => c._id)) })
    .orderBy('_id', 'asc')
    .skip(w.skip)
    .limit(w.limit)
    .get()
  return toPage(res.data as UserDoc[], w, toStaffMember)
}

function toStaffMember(u: Pick<UserDoc, '_id' | 'nickname' | 'staffCommunityIds'>): StaffMember {
  return { openid: u._id, nickname: u.nickname, communityIds: u.staffCommunityIds ?? [] }
}

async function signedUpUser(ctx: Ctx, openid: string): Promise<UserDoc> {
  const user = (await ctx.db.collection('users').doc(openid).get()).data as UserDoc | null
  if (!user) throw new HandlerError('NOT_FOUND', '该用户还没有注册')
  return user
}

/** Writes the new scope only if nobody changed it since we read it (optimistic check), with its history entry in the same write. */
async function setScope(ctx: Ctx, target: UserDoc, next: string[], action: string): Promise<StaffMember> {
  const _ = ctx.db.command
  const before = target.staffCommunityIds ?? []
  if (sameSet(before, next)) return toStaffMember(target)
  const unchanged = before.length ? _.all(before).and(_.size(before.length)) : _.size(0)
  const res = await ctx.db
    .collection('users')
    .where({ _id: target._id, staffCommunityIds: unchanged })
    .update({
      data: {
        staffCommunityIds: _.set(next),
        updatedAt: ctx.now,
        history: _.push([{ at: ctx.now, by: ctx.openid, role: 'admin', action, from: before.join(','), to: next.join(','), requestId: ctx.requestId! }]),
      },
    })
  if (res.stats.updated !== 1) throw new HandlerError('CONFLICT')
  return toStaffMember({ ...target, staffCommunityIds: next })
}

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x))
}
