// The volunteer service's rules (issue 10; ../shared/DOMAIN.md, volunteers): one home for each list, limit and
// label, used by the server, the forms and the tests. Kept free of zod, so pages import it cheaply.

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
