import { PRIVACY_VERSION, type InputOf, type Me, type OutputOf, type ParsedInputOf } from '../../../src/contracts'
import { findCommunity, loadCommunities } from '../../lib/communities'
import { requireSafeText } from '../../lib/contentSecurity'
import { requireSignedUp, type Ctx } from '../../lib/context'
import { isDuplicateKeyError } from '../../lib/dbErrors'
import { HandlerError, invalidField } from '../../lib/errors'
import type { CommunityDoc, UserDoc } from '../../lib/model'
import { latestApplication } from './applications'
import { toCommunity, toMe } from './view'

type In<A extends 'signUp' | 'updateProfile'> = ParsedInputOf<'user', A>

/** Public: every community with its grids, in display order. */
export async function listCommunities(_input: InputOf<'user', 'listCommunities'>, ctx: Ctx): Promise<OutputOf<'user', 'listCommunities'>> {
  return { communities: (await loadCommunities(ctx.db)).map(toCommunity) }
}

/** The caller's profile and roles; works before sign-up (signedUp: false). */
export async function me(_input: InputOf<'user', 'me'>, ctx: Ctx): Promise<Me> {
  const [, application] = await Promise.all([loadCommunities(ctx.db), ctx.user ? latestApplication(ctx.db, ctx.openid) : null])
  return toMe(ctx, ctx.user, application)
}

/** First use: agree to the privacy guide, choose a community (and grid), pick a nickname. */
export async function signUp(input: In<'signUp'>, ctx: Ctx): Promise<Me> {
  if (ctx.user) throw new HandlerError('ALREADY_SIGNED_UP')
  if (input.privacyVersion !== PRIVACY_VERSION) throw new HandlerError('PRIVACY_NOT_AGREED', '隐私保护指引已更新，请重新阅读并同意')
  const community = await findCommunity(ctx.db, input.communityId)
  if (!community) throw invalidField('communityId', '所选社区不存在')
  if (input.gridId) requireGrid(community, input.gridId)
  await requireSafeText(ctx, input.nickname, 1)
  const user: UserDoc = {
    _id: ctx.openid,
    nickname: input.nickname,
    communityId: community._id,
    ...(input.gridId ? { gridId: input.gridId } : {}),
    privacyVersion: input.privacyVersion,
    privacyAgreedAt: ctx.now,
    largeFont: false,
    volunteerStatus: 'none',
    staffCommunityIds: [],
    createdAt: ctx.now,
    updatedAt: ctx.now,
  }
  try {
    await ctx.db.collection('users').add({ data: user })
  } catch (err) {
    if (isDuplicateKeyError(err)) throw new HandlerError('ALREADY_SIGNED_UP')
    throw err
  }
  return toMe(ctx, user, null)
}

/** Changes the caller's nickname, grid (within their community) or large-font preference. Idempotent: a pure set. */
export async function updateProfile(input: In<'updateProfile'>, ctx: Ctx): Promise<Me> {
  requireSignedUp(ctx)
  const communities = await loadCommunities(ctx.db)
  const patch: Partial<Pick<UserDoc, 'nickname' | 'gridId' | 'largeFont'>> = {}
  if (input.gridId !== undefined) {
    const community = communities.find((c) => c._id === ctx.user.communityId)
    if (!community) throw invalidField('gridId', '所选网格不属于您的社区')
    requireGrid(community, input.gridId)
    patch.gridId = input.gridId
  }
  if (input.nickname !== undefined && input.nickname !== ctx.user.nickname) {
    await requireSafeText(ctx, input.nickname, 1)
    patch.nickname = input.nickname
  }
  if (input.largeFont !== undefined) patch.largeFont = input.largeFont
  const [application] = await Promise.all([
    latestApplication(ctx.db, ctx.openid),
    Object.keys(patch).length
      ? ctx.db
          .collection('users')
          .doc(ctx.openid)
          .update({ data: { ...patch, updatedAt: ctx.now } })
      : null,
  ])
  const user: UserDoc = { ...ctx.user, ...patch, updatedAt: ctx.now }
  return toMe(ctx, user, application)
}

function requireGrid(community: CommunityDoc, gridId: string): void {
  if (!community.grids?.some((g) => g.id === gridId)) throw invalidField('gridId', '所选网格不属于该社区')
}
