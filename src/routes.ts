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
  // The volunteer service (issue 10): volunteers' pages, and staff's.
  volunteerSlots: '/packages/volunteer/pages/slots/index',
  volunteerSlot: '/packages/volunteer/pages/slot/index',
  volunteerMine: '/packages/volunteer/pages/mine/index',
  volunteerCheckin: '/packages/volunteer/pages/checkin/index',
  volunteerRecord: '/packages/volunteer/pages/record/index',
  staffProjects: '/packages/volunteer-staff/pages/projects/index',
  staffProject: '/packages/volunteer-staff/pages/project/index',
  staffTraining: '/packages/volunteer-staff/pages/training/index',
  staffRoster: '/packages/volunteer-staff/pages/roster/index',
  staffSlotCode: '/packages/volunteer-staff/pages/slot-code/index',
  staffConfirm: '/packages/volunteer-staff/pages/confirm/index',
  staffLedger: '/packages/volunteer-staff/pages/ledger/index',
  staffVolunteerStats: '/packages/volunteer-staff/pages/stats/index',
  // The 4 o'clock school (issue 11): families' pages, and staff's (assigned volunteers use the roster).
  schoolSessions: '/packages/school/pages/sessions/index',
  schoolSession: '/packages/school/pages/session/index',
  schoolChildren: '/packages/school/pages/children/index',
  schoolChild: '/packages/school/pages/child/index',
  schoolPolicy: '/packages/school/pages/policy/index',
  schoolFamily: '/packages/school/pages/family/index',
  schoolLottery: '/packages/school/pages/lottery/index',
  schoolDay: '/packages/school/pages/day/index',
  staffSchoolSessions: '/packages/school-staff/pages/sessions/index',
  staffSchoolSessionEdit: '/packages/school-staff/pages/session-edit/index',
  staffSchoolStation: '/packages/school-staff/pages/station/index',
  staffSchoolEnrolments: '/packages/school-staff/pages/enrolments/index',
  schoolRoster: '/packages/school-staff/pages/roster/index',
  staffSchoolStats: '/packages/school-staff/pages/stats/index',
  // Elder activities (issue 12): elders' and families' pages (large font by default), and staff's.
  elderWeek: '/packages/elder/pages/week/index',
  elderOccurrence: '/packages/elder/pages/occurrence/index',
  elderMine: '/packages/elder/pages/mine/index',
  elderProfiles: '/packages/elder/pages/profiles/index',
  staffElderActivities: '/packages/elder-staff/pages/activities/index',
  staffElderActivity: '/packages/elder-staff/pages/activity/index',
  staffElderRoster: '/packages/elder-staff/pages/roster/index',
  staffElderProfiles: '/packages/elder-staff/pages/profiles/index',
  staffElderCallList: '/packages/elder-staff/pages/call-list/index',
  staffElderStats: '/packages/elder-staff/pages/stats/index',
  staffElderPoster: '/packages/elder-staff/pages/poster/index',
} as const

/** Opens a page (subpackage pages via navigateTo). */
export function go(url: string): void {
  void Taro.navigateTo({ url })
}
