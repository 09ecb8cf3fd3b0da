import Taro from '@tarojs/taro'
import { useEffect } from 'react'
import { createStore, useStore } from '@/stores/store'
import { loadMe, meStore } from '@/stores/me'

/** Local key of the user's own large-font choice ('1' / '0'); absent = follow WeChat and the profile. */
export const LARGE_FONT_KEY = 'hemei.largeFont'

/** WeChat's font size setting above the default (17) means the user wants larger text. */
function systemWantsLarge(): boolean {
  if (process.env.TARO_ENV !== 'weapp') return false
  try {
    const info = (Taro.getAppBaseInfo ? Taro.getAppBaseInfo() : Taro.getSystemInfoSync()) as { fontSizeSetting?: number }
    return (info.fontSizeSetting ?? 17) > 17
  } catch {
    return false
  }
}

function readLocal(): boolean | undefined {
  try {
    const v = Taro.getStorageSync(LARGE_FONT_KEY)
    return v === '1' ? true : v === '0' ? false : undefined
  } catch {
    return undefined
  }
}

const choice = createStore<boolean | undefined>(readLocal())
const system = systemWantsLarge()

/** Effective large-font mode: the user's local choice, else WeChat's setting or the saved profile. */
export function isLargeFont(): boolean {
  const c = choice.get()
  if (c !== undefined) return c
  return system || !!meStore.get().data?.largeFont
}

/** Records the user's choice locally (the page also saves it to the profile). */
export function setLargeFontChoice(on: boolean): void {
  try {
    Taro.setStorageSync(LARGE_FONT_KEY, on ? '1' : '0')
  } catch {
    // storage full or unavailable: the switch still works for this session
  }
  choice.set(on)
}

/** Whether pages render in large-font mode; follows the switch, WeChat's font setting and the profile. */
export function useLargeFont(): boolean {
  // Subscribe to both sources so the page re-renders when either changes; isLargeFont decides.
  const c = useStore(choice)
  const me = useStore(meStore)
  // A cold start straight into a subpackage page (e.g. from a notification) has no profile loaded yet:
  // load it once so the saved large-font choice applies there too.
  const needProfile = c === undefined && !system && !me.loaded && !me.loading
  useEffect(() => {
    if (needProfile) void loadMe()
  }, [needProfile])
  return isLargeFont()
}
