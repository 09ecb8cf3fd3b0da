import Taro from '@tarojs/taro'

/** Page paths, for navigateTo / switchTab. */
export const ROUTES = {
  home: '/pages/home/index',
  me: '/pages/me/index',
  signup: '/packages/user/pages/signup/index',
  apply: '/packages/user/pages/apply/index',
  privacy: '/packages/user/pages/privacy/index',
  persona: '/packages/user/pages/persona/index',
  staffApplications: '/packages/staff/pages/applications/index',
} as const

/** Opens a page (subpackage pages via navigateTo). */
export function go(url: string): void {
  void Taro.navigateTo({ url })
}

