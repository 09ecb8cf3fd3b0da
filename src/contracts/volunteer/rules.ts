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

// part B: check-in and check-out (cloud/domain/volunteer/checkin).

/** What an on-site code is for: checking in or checking out (each has its own code). */
export const CHECK_PURPOSES = ['in', 'out'] as const
export type CheckPurpose = (typeof CHECK_PURPOSES)[number]
export const CHECK_PURPOSE_LABELS: Record<CheckPurpose, string> = { in: '签到', out: '签退' }

/** The ways a check-in or check-out can be asked for (the scheduler's own check-out is not one). */
export const CHECK_INPUT_METHODS = ['code', 'location', 'roster'] as const

/** When check-in opens and closes for a slot (epoch ms): 30 minutes before the start, until the end. */
export function checkinWindow(startAtMs: number, endAtMs: number): { opensAt: number; closesAt: number } {
  return { opensAt: startAtMs - CHECKIN_OPENS_BEFORE_MIN * 60_000, closesAt: endAtMs }
}

/** The QR code's text on 签到码: the slot, the purpose and the 6 digits (the digits alone are typed). */
export function slotCodePayload(slotId: string, purpose: CheckPurpose, code: string): string {
  return `hemei-vol:${slotId}:${purpose}:${code}`
}

/** Reads a scanned 签到码 (slotCodePayload), or null when the text is not one. */
export function parseSlotCodePayload(text: string): { slotId: string; purpose: CheckPurpose; code: string } | null {
  const m = /^hemei-vol:([A-Za-z0-9_-]{1,64}):(in|out):(\d{6})$/.exec(text.trim())
  return m ? { slotId: m[1], purpose: m[2] as CheckPurpose, code: m[3] } : null
}

/** The refusals of check-in and check-out, in the words users see. */
export const CHECKIN_MESSAGES = {
  notSignedUp: '您没有报名这个班次',
  rosterNotSignedUp: '这位志愿者没有报名这个班次',
  slotCancelled: '这个班次已取消',
  tooEarly: (opensAt: string) => `还没到签到时间，${opensAt} 起可以签到（开始前 ${CHECKIN_OPENS_BEFORE_MIN} 分钟）`,
  closed: '班次已结束，不能再签到',
  decided: '这个班次的服务时长已确认，不能再签到或签退',
  notCheckedIn: '请先签到，再签退',
  maxPairs: `每人每天最多签到 ${MAX_PAIRS_PER_DAY} 次`,
  codeMissing: '请输入6位数字签到码',
  codeWrong: '签到码不正确或已过期，请扫描现场最新的签到码',
  codeUsed: '这个签到码您已经用过了，请扫描现场最新的签到码',
  codeOtherPurpose: { in: '这是签退码，请使用签到码', out: '这是签到码，请使用签退码' } as Record<CheckPurpose, string>,
  codeOtherSlot: '这个签到码不属于当前班次',
  locationMissing: '请允许获取位置后再试',
  tooFar: (distanceM: number, purpose: CheckPurpose = 'in') => `距离服务地点 ${distanceM} 米，请到现场后${CHECK_PURPOSE_LABELS[purpose]}`,
  inaccurate: (accuracyM: number, radiusM: number) => `定位精度约 ${accuracyM} 米，超过签到范围 ${radiusM} 米，请到开阔处重新定位`,
  rosterNeedsOpenid: '请选择要代签的志愿者',
  rosterSelf: '不能为自己代签，请由其他工作人员操作',
} as const

// part C: the hours ledger's limits and wording.
/** Limits of the ledger's inputs: one entry's minutes (a day at most), a reason, an evidence note, a content line. */
export const LEDGER_LIMITS = { maxEntryMinutes: 24 * 60, maxWishMinutes: 8 * 60, reason: 200, evidence: 200, content: 100, place: 60, certificateNo: 40 } as const
/** What staff may do to a checked-out shift on the confirm page (the server says which apply). */
export const SHIFT_DECISIONS = ['confirm', 'adjust', 'void'] as const
export type ShiftDecision = (typeof SHIFT_DECISIONS)[number]
/** A dispute's and a certificate request's states. */
export const DISPUTE_STATUSES = ['open', 'answered'] as const
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number]
export const CERTIFICATE_STATUSES = ['requested', 'issued'] as const
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number]
/** The certificate wording: shown only once staff recorded the number the 居委会 issued offline. */
export const CERTIFICATE_ISSUED_LABEL = '已出具证明'
export const CERTIFICATE_REQUEST_LABEL = '申请志愿服务记录证明'

// part D: the monthly statistics of one community (stats.ts): the top volunteers shown, and how long a volunteer
// who served here must have been quiet to be listed.
export const VOL_STATS_RULES = { topShown: 10, quietDays: 90 } as const
