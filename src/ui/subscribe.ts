import Taro from '@tarojs/taro'

/**
 * Asks for a one-time subscription message (template id from `useTemplateId`). MUST be called synchronously in the
 * tap handler, before any await: WeChat shows the prompt only from a tap. Resolves true when accepted (never on h5,
 * nor without a template id; a failed prompt is a refusal).
 */
export function askSubscription(tpl: string): Promise<boolean> {
  if (process.env.TARO_ENV !== 'weapp' || !tpl) return Promise.resolve(false)
  return Promise.resolve(Taro.requestSubscribeMessage({ tmplIds: [tpl] } as Taro.requestSubscribeMessage.Option))
    .then((res) => (res as unknown as Record<string, string>)[tpl] === 'accept')
    .catch(() => false)
}
