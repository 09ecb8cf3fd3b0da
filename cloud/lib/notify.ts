import { cloud } from './cloud'

/** A subscription message's data: template keyword → value (WeChat's `{ key: { value } }`). */
export type MessageData = Record<string, { value: string }>

/**
 * Sends a one-time subscription message (subscribeMessage.send). Best effort: a user who has not
 * subscribed, a wrong template or a WeChat outage must not fail the action, so errors are logged
 * (code only, no openid or content) and swallowed. Resolves true when WeChat accepted it.
 */
export async function sendSubscribeMessage(touser: string, templateId: string, page: string, data: MessageData): Promise<boolean> {
  try {
    await cloud.openapi.subscribeMessage.send({ touser, templateId, page, data, miniprogramState: process.env.HEMEI_MP_STATE || 'formal' } as never)
    return true
  } catch (err) {
    const e = err as { errCode?: unknown; errMsg?: unknown; message?: unknown }
    console.warn('[notify] subscribeMessage.send failed', e?.errCode ?? '', String(e?.errMsg ?? e?.message ?? '').slice(0, 120))
    return false
  }
}
