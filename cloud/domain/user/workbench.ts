import type { WorkbenchSource } from '../../lib/workbench'
import { APPLICATIONS } from './applications'

/** The workbench's volunteer-applications tile: pending applications, one index-only count on `queue` (communityId, status, createdAt). */
export const applicationsWorkbench: WorkbenchSource<'volunteerApplications'> = {
  queues: ['volunteerApplications'],
  async count(ctx, communityIds) {
    const communityId = communityIds.length === 1 ? communityIds[0] : ctx.db.command.in(communityIds)
    const res = await ctx.db.collection(APPLICATIONS).where({ communityId, status: 'pending' }).count()
    return { volunteerApplications: res.total }
  },
}
