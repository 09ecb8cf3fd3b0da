import type { ParsedInputOf, ShareCode } from '../../../src/contracts'
import { requireRole, requireScope, type Ctx } from '../../lib/context'
import { HandlerError } from '../../lib/errors'
import { storedUnlimitedCode } from '../../lib/wxacode'
import { loadWish, PUBLISHED } from './doc'

/** The page a wish's code opens; it reads the wish id from the scene (a wish id is 32 characters at most). */
export const WISH_DETAIL_PAGE = 'packages/wish/pages/detail/index'

/**
 * Staff of the wish's community (the admin: any): a poster code for a published wish, opening its detail page
 * with the wish id as the scene. The PNG is stored under codes/wishes/ and answered as a temporary URL.
 * Database requests: user + the wish.
 */
export async function shareCode(input: ParsedInputOf<'wish', 'shareCode'>, ctx: Ctx): Promise<ShareCode> {
  requireRole(ctx, 'staff')
  const wish = await loadWish(ctx, input.wishId)
  requireScope(ctx, wish.communityId)
  if (!PUBLISHED.includes(wish.status)) throw new HandlerError('INVALID_STATE', '心愿发布后才能生成小程序码')
  const code = { page: WISH_DETAIL_PAGE, scene: wish._id }
  return { ...(await storedUnlimitedCode('wishes', code)), ...code }
}
