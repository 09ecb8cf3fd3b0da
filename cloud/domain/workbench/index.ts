import type { OutputOf, ParsedInputOf } from '../../../src/contracts'
import { loadCommunities } from '../../lib/communities'
import { requireRole, type Ctx } from '../../lib/context'
import { readWorkbench, type AnyWorkbenchSource } from '../../lib/workbench'
import { schoolWorkbench } from '../school/workbench'
import { applicationsWorkbench } from '../user/workbench'
import { volunteerWorkbench } from '../volunteer/workbench'
import { wishWorkbench } from '../wish/workbench'

/**
 * Every domain's workbench entry, in the order the tiles are shown. Adding a domain = one line here (its
 * `cloud/domain/<domain>/workbench.ts`) and its queues in `src/contracts/workbench.ts`.
 */
const SOURCES: readonly AnyWorkbenchSource[] = [wishWorkbench, applicationsWorkbench, volunteerWorkbench, schoolWorkbench]

/**
 * Staff: each work queue of their communities with its count (admin: every community), from indexes only.
 * Database requests: user + every domain's counter documents (1) + wish overdue (1) + applications (1) = 4 (+1
 * communities for an admin on a cold instance; + recounts before the first reconcile).
 */
export async function workbench(_input: ParsedInputOf<'user', 'workbench'>, ctx: Ctx): Promise<OutputOf<'user', 'workbench'>> {
  requireRole(ctx, 'staff')
  const communityIds = ctx.isAdmin ? (await loadCommunities(ctx.db)).map((c) => c._id) : ctx.staffCommunityIds
  return readWorkbench(ctx, communityIds, SOURCES)
}
