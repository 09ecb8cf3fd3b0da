import type { ParsedInputOf, ShareCode } from '../../../src/contracts'
import type { Ctx } from '../../lib/context'
import { storedUnlimitedCode } from '../../lib/wxacode'
import { requireAllowed } from './allowed'
import { loadWish } from './doc'

/** The page a wish's code opens; it reads the wish id from the scene (a wish id is 32 characters at most). */
export const WISH_DETAIL_PAGE = 'packages/wish/pages/detail/index'

/**
 * Staff of the wish's community (the admin: any): a poster code for a published wish, opening its detail page
 * with the wish id as the scene (allowed.ts `shareCode`). The PNG is stored under codes/wishes/ and answered as a
 * temporary URL. Database requests: user + the wish.
 */
export async function shareCode(input: ParsedInputOf<'wish', 'shareCode'>, ctx: Ctx): Promise<ShareCode> {
  const wish = await loadWish(ctx, input.wishId)
  requireAllowed('shareCode', wish, ctx)
  const code = { page: WISH_DETAIL_PAGE, scene: wish._id }
  return { ...(await storedUnlimitedCode('wishes', code)), ...code }
}
