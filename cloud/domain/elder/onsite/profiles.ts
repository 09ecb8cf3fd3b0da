import type { ParsedInputOf } from '../../../../src/contracts'
import type { WalkInProfile } from '../../../../src/contracts/elder/onsite'
import type { Page } from '../../../../src/contracts'
import { requireRole, requireScope, type Ctx } from '../../../lib/context'
import { pageWindow, toPage } from '../../../lib/paging'
import { ELD_PROFILES, type ProfileDoc } from '../model'

/**
 * Staff in scope: the community's active managed profiles (family and staff-managed) to pick a walk-in from — the
 * name and kind only, never a phone or an age (part B's `staffProfiles` is the full list). Index byCommunity.
 * Database requests: the user, one page (2).
 */
export async function walkInProfiles(input: ParsedInputOf<'elder', 'walkInProfiles'>, ctx: Ctx): Promise<Page<WalkInProfile>> {
  requireRole(ctx, 'staff')
  requireScope(ctx, input.communityId)
  const w = pageWindow(input)
  const res = await ctx.db
    .collection(ELD_PROFILES)
    .where({ communityId: input.communityId, status: 'active' })
    .orderBy('kind', 'asc')
    .orderBy('_id', 'asc')
    .field({ name: true, kind: true })
    .skip(w.skip)
    .limit(w.limit)
    .get()
  return toPage(res.data as Pick<ProfileDoc, '_id' | 'name' | 'kind'>[], w, (p) => ({ profileId: p._id, name: p.name, kind: p.kind }))
}
