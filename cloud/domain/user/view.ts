import type { Community, Me, VolunteerApplication } from '../../../src/contracts'
import { cachedCommunity, cachedCommunityIds, communityName } from '../../lib/communities'
import { inScope, rolesOf, type Ctx } from '../../lib/context'
import { maskPhone } from '../../lib/mask'
import type { CommunityDoc, UserDoc, VolunteerApplicationDoc } from '../../lib/model'
import { iso } from '../../lib/dates'
import { uploadFolderOf } from '../../lib/storage'
import { templateIds } from '../../lib/templates'

export { iso }

/** A community as the client sees it. */
export function toCommunity(c: CommunityDoc): Community {
  return { id: c._id, name: c.name, street: c.street, grids: c.grids ?? [] }
}

/** True when the caller may see the applicant's phone: the applicant, or staff scoped to the community. */
export function maySeePhone(ctx: Ctx, app: VolunteerApplicationDoc): boolean {
  return app.openid === ctx.openid || inScope(ctx, app.communityId)
}

/** An application as `ctx`'s caller may see it (phone masked unless allowed). Needs the communities cache. */
export function toApplication(app: VolunteerApplicationDoc, ctx: Ctx): VolunteerApplication {
  const out: VolunteerApplication = {
    id: app._id,
    openid: app.openid,
    communityId: app.communityId,
    communityName: communityName(app.communityId),
    realName: app.realName,
    phone: maySeePhone(ctx, app) ? app.phone : maskPhone(app.phone),
    skills: app.skills,
    status: app.status,
    createdAt: iso(app.createdAt),
  }
  if (app.intro) out.intro = app.intro
  if (app.birthDate && maySeePhone(ctx, app)) out.birthDate = app.birthDate
  if (app.reason) out.reason = app.reason
  if (app.reviewedAt) out.reviewedAt = iso(app.reviewedAt)
  return out
}

/** The caller's own profile (admins' staffCommunityIds: every community); needs the communities cache. */
export function toMe(ctx: Ctx, user: UserDoc | null, application?: VolunteerApplicationDoc | null): Me {
  const staffCommunityIds = ctx.isAdmin ? cachedCommunityIds() : (user?.staffCommunityIds ?? [])
  const me: Me = {
    openid: ctx.openid,
    signedUp: !!user,
    roles: rolesOf(user, ctx.isAdmin),
    staffCommunityIds,
    volunteerStatus: user?.volunteerStatus ?? 'none',
    largeFont: !!user?.largeFont,
  }
  if (!user) return me
  me.uploadFolder = uploadFolderOf(ctx.openid)
  me.templates = templateIds()
  me.nickname = user.nickname
  me.communityId = user.communityId
  me.communityName = communityName(user.communityId)
  if (user.volunteerStatus === 'approved' && user.school?.stations?.length) me.schoolStations = user.school.stations
  if (user.gridId) {
    me.gridId = user.gridId
    me.gridName = cachedCommunity(user.communityId)?.grids.find((g) => g.id === user.gridId)?.name ?? ''
  }
  if (application) me.application = toApplication(application, ctx)
  return me
}
