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
  staffWishes: '/packages/staff/pages/wishes/index',
  staffWishStats: '/packages/staff/pages/wish-stats/index',
  staffCheckinCode: '/packages/staff/pages/checkin-code/index',
  staffWorkbench: '/packages/staff/pages/workbench/index',
  wishWall: '/packages/wish/pages/wall/index',
  wishDetail: '/packages/wish/pages/detail/index',
  wishPost: '/packages/wish/pages/post/index',
  wishMine: '/packages/wish/pages/mine/index',
  wishClaims: '/packages/wish/pages/claims/index',
} as const

/** Opens a page (subpackage pages via navigateTo). */
export function go(url: string): void {
  void Taro.navigateTo({ url })
}
