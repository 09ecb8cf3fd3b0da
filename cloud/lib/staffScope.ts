import { loadCommunities } from './communities'
import { requireRole, requireScope, type Ctx } from './context'

/** The communities a staff call covers: the one named (scope-checked), else all of the caller's (admin: all). */
export async function staffScope(ctx: Ctx, communityId: string | undefined): Promise<string[]> {
  requireRole(ctx, 'staff')
  if (communityId) {
    requireScope(ctx, communityId)
    return [communityId]
  }
  return ctx.isAdmin ? (await loadCommunities(ctx.db)).map((c) => c._id) : ctx.staffCommunityIds
}
