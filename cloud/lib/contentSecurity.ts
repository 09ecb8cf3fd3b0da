import type { Ctx } from './context'
import { cloud } from './cloud'
import { HandlerError } from './errors'

/** msgSecCheck v2 scenes: 1 profile, 2 comment, 3 forum post, 4 social log. */
export type SecScene = 1 | 2 | 3 | 4
export type SecSuggest = 'pass' | 'review' | 'risky'

/** Asks WeChat's content security (msgSecCheck v2) about user text; 87014 counts as risky. */
export async function checkText(ctx: Pick<Ctx, 'openid'>, content: string, scene: SecScene): Promise<SecSuggest> {
  try {
    const res = await cloud.openapi.security.msgSecCheck({ openid: ctx.openid, scene, version: 2, content: content.slice(0, 2500) })
    const suggest = res?.result?.suggest
    return suggest === 'pass' || suggest === 'review' || suggest === 'risky' ? suggest : 'review'
  } catch (err) {
    if ((err as { errCode?: number })?.errCode === 87014) return 'risky'
    throw err
  }
}

/** Refuses text that is not a clear pass (CONTENT_RISKY); for text shown to others without review, e.g. nicknames. */
export async function requireSafeText(ctx: Pick<Ctx, 'openid'>, content: string, scene: SecScene): Promise<void> {
  if (!content) return
  if ((await checkText(ctx, content, scene)) !== 'pass') throw new HandlerError('CONTENT_RISKY')
}

/** Refuses only text judged risky (CONTENT_RISKY); for text that a human reviews before it is shown, e.g. a new wish. */
export async function requireNotRisky(ctx: Pick<Ctx, 'openid'>, content: string, scene: SecScene): Promise<void> {
  if (!content) return
  if ((await checkText(ctx, content, scene)) === 'risky') throw new HandlerError('CONTENT_RISKY')
}
