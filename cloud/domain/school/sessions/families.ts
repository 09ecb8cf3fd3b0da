// The sessions families browse (issue 11, part A): my community's or the district's, open first.
import type { OutputOf, ParsedInputOf } from '../../../../src/contracts'
import { loadCommunities } from '../../../lib/communities'
import { requireSignedUp, type Ctx } from '../../../lib/context'
import { pageWindow, toPage } from '../../../lib/paging'
import { SCH_SESSIONS, type SessionDoc } from '../model'
import { SESSION_VIEW_FIELDS, sessionView } from '../views'

/**
 * Families: the sessions of my community (default) or of the district, open ones first (then closed; cancelled
 * sessions are not shown), latest term first. ONE query on the browse index (community, status, term start) or
 * the district index (status, term start), projected to the view's fields (never entries or days).
 * Database requests: the user + 1 = 2 (the communities cache when cold: 3).
 */
export async function browseSessions(input: ParsedInputOf<'school', 'browseSessions'>, ctx: Ctx): Promise<OutputOf<'school', 'browseSessions'>> {
  requireSignedUp(ctx)
  const _ = ctx.db.command
  const w = pageWindow(input)
  const where: Record<string, unknown> = { status: _.in(['open', 'closed']) }
  if (input.scope !== 'district') where.communityId = ctx.user.communityId
  const [res] = await Promise.all([
    ctx.db.collection(SCH_SESSIONS).where(where).orderBy('status', 'desc').orderBy('termStart', 'desc').skip(w.skip).limit(w.limit).field(SESSION_VIEW_FIELDS).get(),
    loadCommunities(ctx.db),
  ])
  return toPage(res.data as SessionDoc[], w, (s) => sessionView(s, ctx.now))
}
