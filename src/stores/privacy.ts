import Taro from '@tarojs/taro'
import { createStore } from '@/stores/store'

type Resolve = (option: Taro.onNeedPrivacyAuthorization.ResolveOption) => void

/** The pending WeChat privacy authorisation, if a privacy API or component is waiting for the user. */
export const privacyRequest = createStore<Resolve | undefined>(undefined)

let installed = false

/** weapp: route WeChat's onNeedPrivacyAuthorization to the PrivacySheet shown by every Page. */
export function installPrivacyListener(): void {
  if (process.env.TARO_ENV !== 'weapp' || installed || typeof Taro.onNeedPrivacyAuthorization !== 'function') return
  installed = true
  Taro.onNeedPrivacyAuthorization((resolve) => {
    privacyRequest.set(() => resolve)
  })
}

/** Answers the pending request and hides the sheet. */
export function answerPrivacy(option: Taro.onNeedPrivacyAuthorization.ResolveOption): void {
  const resolve = privacyRequest.get()
  privacyRequest.set(undefined)
  resolve?.(option)
}
