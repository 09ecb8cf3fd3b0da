const userPages = ['pages/signup/index', 'pages/apply/index', 'pages/privacy/index']
// The persona picker exists only for local h5 runs against the emulator.
if (process.env.TARO_ENV === 'h5') userPages.push('pages/persona/index')

export default defineAppConfig({
  pages: ['pages/home/index', 'pages/me/index'],
  subPackages: [
    { root: 'packages/user', pages: userPages },
    { root: 'packages/wish', pages: ['pages/wall/index', 'pages/detail/index', 'pages/post/index', 'pages/mine/index', 'pages/claims/index'] },
    { root: 'packages/staff', pages: ['pages/applications/index', 'pages/wishes/index', 'pages/wish-stats/index', 'pages/checkin-code/index', 'pages/workbench/index'] },
    // The volunteer service (issue 10): volunteers' pages, and staff's.
    { root: 'packages/volunteer', pages: ['pages/slots/index', 'pages/slot/index', 'pages/mine/index', 'pages/checkin/index', 'pages/record/index'] },
    {
      root: 'packages/volunteer-staff',
      pages: [
        'pages/projects/index',
        'pages/project/index',
        'pages/training/index',
        'pages/roster/index',
        'pages/slot-code/index',
        'pages/confirm/index',
        'pages/ledger/index',
        'pages/stats/index',
      ],
    },
    // The 4 o'clock school (issue 11): families' pages, and staff's (assigned volunteers use the roster).
    {
      root: 'packages/school',
      pages: [
        'pages/sessions/index',
        'pages/session/index',
        'pages/family/index',
        'pages/lottery/index',
        'pages/children/index',
        'pages/child/index',
        'pages/policy/index',
        'pages/day/index',
      ],
    },
    {
      root: 'packages/school-staff',
      pages: ['pages/sessions/index', 'pages/session-edit/index', 'pages/station/index', 'pages/enrolments/index', 'pages/roster/index', 'pages/stats/index'],
    },
    // Elder activities (issue 12): elders' and families' pages (large font by default), and staff's.
    { root: 'packages/elder', pages: ['pages/week/index', 'pages/occurrence/index', 'pages/mine/index', 'pages/profiles/index'] },
    {
      root: 'packages/elder-staff',
      pages: ['pages/activities/index', 'pages/activity/index', 'pages/profiles/index', 'pages/call-list/index', 'pages/roster/index', 'pages/stats/index', 'pages/poster/index'],
    },
  ],
  window: { navigationBarTitleText: '和美社区', navigationBarBackgroundColor: '#ffffff', navigationBarTextStyle: 'black', backgroundTextStyle: 'dark' },
  // 大字模式 and the tab bar: weapp's native tab bar has no font size or height setting (only colours, icons
  // and position), so its labels stay WeChat's size there; a custom-tab-bar would be a second, hand-made tab
  // bar in the main package for two items. On h5 the bar is src/ui/h5TabBar.ts, drawn from this same config, and
  // components.css enlarges it under .hm-large-root (18 px labels, 64 px items). On both, pages and the 大字模式
  // row itself follow large mode.
  tabBar: {
    color: '#4a4a4a',
    selectedColor: '#b3261e',
    backgroundColor: '#ffffff',
    list: [
      { pagePath: 'pages/home/index', text: '首页', iconPath: 'assets/tab/home.png', selectedIconPath: 'assets/tab/home-active.png' },
      { pagePath: 'pages/me/index', text: '我的', iconPath: 'assets/tab/me.png', selectedIconPath: 'assets/tab/me-active.png' },
    ],
  },
  // WeChat privacy: privacy APIs wait for the user's agreement (handled by PrivacySheet).
  __usePrivacyCheck__: true,
  // Volunteer check-in by location (issue 10): gcj02, behind the privacy consent; the reason WeChat shows (weapp
  // settings: kept out of the h5 app's first load).
  ...(process.env.TARO_ENV === 'weapp' ? { requiredPrivateInfos: ['getLocation'], permission: { 'scope.userLocation': { desc: '用于志愿服务现场签到、签退时确认您在服务地点附近' } } } : {}),
  // h5: no slide between pages. Taro's h5 router hides a page on a timer after the slide; a page shown again
  // before that timer fires (e.g. 我的 → 切换演示身份 → pick at once → back on 我的) was then hidden: a blank page.
  ...(process.env.TARO_ENV === 'h5' ? { animation: false } : {}),
})
