// The staff workbench (工作台): the queues it shows, their titles and the pages they open. The server counts
// them (cloud/domain/workbench) and sends title, count and route; the page draws what it gets.

/** Each queue of the workbench, in the order shown: its tile's title and the page (with its tab) it opens. */
export const WORKBENCH_QUEUES = {
  wishPending: { title: '待审核心愿', route: '/packages/staff/pages/wishes/index?kind=pending' },
  wishReported: { title: '被举报心愿', route: '/packages/staff/pages/wishes/index?kind=reported' },
  wishOverdue: { title: '逾期的认领', route: '/packages/staff/pages/wishes/index?kind=overdue' },
  volunteerApplications: { title: '志愿者申请', route: '/packages/staff/pages/applications/index' },
  // issue 10 part D: the volunteer service's queues (ROUTES.staffConfirm, ROUTES.staffLedger with its tab).
  volToConfirm: { title: '待确认的服务时长', route: '/packages/volunteer-staff/pages/confirm/index' },
  volFlagged: { title: '需复核的签退', route: '/packages/volunteer-staff/pages/confirm/index' },
  volDisputes: { title: '时长异议', route: '/packages/volunteer-staff/pages/ledger/index?tab=disputes' },
  volCertificates: { title: '证明申请', route: '/packages/volunteer-staff/pages/ledger/index?tab=certificates' },
  // issue 10 part E: closed wishes whose volunteer's hours wait for the credit (ROUTES.staffLedger, its wishes tab).
  volCreditDue: { title: '待记录时长的心愿', route: '/packages/volunteer-staff/pages/ledger/index?tab=wish' },
  // issue 11 part C: the 4 o'clock school's queues: ROUTES.staffSchoolSessions with `queue` (school/rules.ts
  // STAFF_SESSION_QUEUES) lists only the sessions the tile counts, each card opening 报名管理 on the tab to act on.
  schoolOffers: { title: '待确认的候补名额', route: '/packages/school-staff/pages/sessions/index?queue=offers' },
  schoolClaims: { title: '待核实的优先资格', route: '/packages/school-staff/pages/sessions/index?queue=claims' },
} as const

export type WorkbenchQueueKey = keyof typeof WORKBENCH_QUEUES

/** One tile: a queue and how many items wait in it. */
export interface WorkbenchQueue {
  key: WorkbenchQueueKey
  title: string
  count: number
  /** The page to open (navigateTo). */
  route: string
}

/** The workbench of a staff member (their communities) or the admin (all). */
export interface Workbench {
  communityIds: string[]
  queues: WorkbenchQueue[]
}

/** How often the statistics' and the workbench's counts are brought up to date (the counters' tally job, cloud/lib/counters.ts). */
export const COUNTS_REFRESH_MINUTES = 1

/** What the pages say under counts that come from the counters. */
export const COUNTS_NOTE = `数字每 ${COUNTS_REFRESH_MINUTES} 分钟更新一次，刚处理的事项可能稍后计入`
