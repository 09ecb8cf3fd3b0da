// The volunteer service's rules (issue 10; ../shared/DOMAIN.md, volunteers): one home for each list, limit and
// label, used by the server, the forms and the tests. Kept free of zod, so pages import it cheaply.
import { UPCOMING_SHIFTS } from './slotMessages'

/** Service types (服务类型), as the leading Chinese volunteer platforms list them. */
export const SERVICE_TYPES = [
  '社区服务',
  '助老助残',
  '关爱儿童',
  '邻里互助',
  '环境保护',
  '文明实践',
  '卫生健康',
  '应急救援',
  '文化体育',
  '教育培训',
  '法律服务',
  '平安建设',
  '垃圾分类',
  '交通引导',
  '大型活动',
  '扶贫济困',
  '心理关爱',
  '科普宣传',
  '禁毒宣传',
  '其他',
] as const
export type ServiceType = (typeof SERVICE_TYPES)[number]

/** Training tags staff record per volunteer, and projects may require. */
export const TRAINING_TAGS = ['急救培训', '消防培训', '心理疏导', '助老护理', '儿童安全', '垃圾分类指导'] as const
export type TrainingTag = (typeof TRAINING_TAGS)[number]

/** A project's geofence radius in metres: the default, and the bounds staff may set. */
export const DEFAULT_RADIUS_M = 200
export const MIN_RADIUS_M = 50
export const MAX_RADIUS_M = 2000

/** Check-in opens this long before a slot starts, and closes at its end. */
export const CHECKIN_OPENS_BEFORE_MIN = 30
/** Check-in/check-out pairs per person per China day, over all slots. */
export const MAX_PAIRS_PER_DAY = 3
/** The on-site code changes every 30 s; the current and the previous window are accepted. */
export const SLOT_CODE_WINDOW_S = 30

/** A slot's status. `published`: open for sign-up until its cutoff; `cancelled`: by staff (kept, never deleted). */
export const SLOT_STATUSES = ['published', 'cancelled'] as const
export type SlotStatus = (typeof SLOT_STATUSES)[number]

/**
 * A shift's status (one volunteer on one slot): signed up → checked in → checked out → confirmed (ledger entry
 * written) or voided; cancelled by the volunteer before the cutoff.
 */
export const SHIFT_STATUSES = ['signed_up', 'cancelled', 'checked_in', 'checked_out', 'confirmed', 'voided'] as const
export type ShiftStatus = (typeof SHIFT_STATUSES)[number]

/** How a check-in or check-out was made. */
export const CHECK_METHODS = ['code', 'location', 'roster', 'scheduler'] as const
export type CheckMethod = (typeof CHECK_METHODS)[number]

/** Where a ledger entry's hours come from (MCA Order 67's record): live (code/location), roster, 补录, a wish. */
export const LEDGER_SOURCES = ['live', 'roster', 'backfill', 'wish'] as const
export type LedgerSource = (typeof LEDGER_SOURCES)[number]

/** Star levels (星级志愿者) by confirmed hours: one to five stars. */
export const STAR_HOURS = [100, 300, 600, 1000, 1500] as const

export const SHIFT_STATUS_LABELS: Record<ShiftStatus, string> = {
  signed_up: '已报名',
  cancelled: '已取消',
  checked_in: '已签到',
  checked_out: '已签退',
  confirmed: '已确认',
  voided: '已作废',
}
export const LEDGER_SOURCE_LABELS: Record<LedgerSource, string> = { live: '现场签到', roster: '名单签到', backfill: '补录', wish: '心愿服务' }
export const CHECK_METHOD_LABELS: Record<CheckMethod, string> = { code: '扫码/签到码', location: '定位', roster: '工作人员代签', scheduler: '系统自动签退' }

/** The wording rule: the app's figures are a platform record, never a certificate. */
export const RECORD_WORDING = '平台记录'

// part A: projects, slots and sign-up.
/** Limits of projects and slots (one home for the server, the forms and the tests). */
export const SLOT_LIMITS = {
  title: 30,
  description: 500,
  placeName: 50,
  contactName: 20,
  reason: 200,
  /** A repeat rule makes at most this many slots per call (e.g. 8 weeks × 7 days = 56). */
  slotsPerCall: 60,
  repeatWeeks: 12,
  headcount: 500,
  /** A slot's window: at least 15 minutes, at most 12 hours, within one China day. */
  minWindowMin: 15,
  maxWindowMin: 720,
  /** Sign-up closes this long before the start at most (7 days). */
  maxCutoffMin: 10080,
  /** Slots are made at most this many days ahead. */
  maxDaysAhead: 180,
  minAge: 70,
  /** Upcoming shifts a volunteer may hold at once: the sign-up's one read covers them all. */
  upcomingShifts: UPCOMING_SHIFTS,
} as const

/** Weekdays for a repeat rule: 1 = Monday … 7 = Sunday (ISO). */
export const WEEKDAY_LABELS = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'] as const

// The refusals of sign-up are the error codes' messages: ./slotMessages (loaded by the main package's transport).

/** The slot forms' messages (the contract's and the handlers'). */
export const SLOT_FORM_MESSAGES = {
  time: '时间格式应为 HH:mm',
  window: '结束时间应晚于开始时间至少 15 分钟，且不超过 12 小时',
  credit: '计入时长不能超过班次时长',
} as const

/** What a viewer may do with a slot (slotDetail's `allowed`, from the server's one allowedSlotActions). */
export const SLOT_VIEWER_ACTIONS = ['signUp', 'cancelSignUp', 'edit', 'cancel', 'roster'] as const
export type SlotViewerAction = (typeof SLOT_VIEWER_ACTIONS)[number]

/** 我的服务's tabs: upcoming (signed up, not started), now (checked in), done (ended). */
export const MY_SHIFT_TABS = ['upcoming', 'now', 'done'] as const
export type MyShiftTab = (typeof MY_SHIFT_TABS)[number]
