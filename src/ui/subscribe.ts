import Taro from '@tarojs/taro'

/**
 * Asks for one-time subscription messages (template ids from `useTemplateIds`) in one prompt (WeChat takes up to 3).
 * MUST be called synchronously in the tap handler, before any await: WeChat shows the prompt only from a tap.
 * The first id is the message the call is about (e.g. the reminder); the others ride along (e.g. a notice if the
 * occurrence is cancelled), since a message can only be sent to someone who accepted it. Resolves true when the
 * first is accepted (never on h5, nor without a template id; a failed prompt is a refusal).
 */
export function askSubscription(tpls: readonly string[]): Promise<boolean> {
  const ids = tpls.filter(Boolean)
  if (process.env.TARO_ENV !== 'weapp' || !tpls[0]) return Promise.resolve(false)
  return Promise.resolve(Taro.requestSubscribeMessage({ tmplIds: ids } as Taro.requestSubscribeMessage.Option))
    .then((res) => (res as unknown as Record<string, string>)[tpls[0]] === 'accept')
    .catch(() => false)
}
