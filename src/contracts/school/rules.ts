// The 4 o'clock school's rules (issue 11): one home for each status set, limit and label, used by the server, the
// forms and the tests. Zod-free (the pages import it without the schemas). Names: a station (少儿成长服务站, one per
// community) runs sessions; a child's place is an enrolment; when full, children are on the waitlist; a freed place
// is an offer.

/** Grades a session may take (小学一年级 to 六年级). */
export const GRADES = [1, 2, 3, 4, 5, 6] as const
export type Grade = (typeof GRADES)[number]
export const GRADE_LABELS: Record<Grade, string> = { 1: '一年级', 2: '二年级', 3: '三年级', 4: '四年级', 5: '五年级', 6: '六年级' }

// Weekdays (WEEKDAYS, Weekday, WEEKDAY_LABELS): ../weekdays.ts, shared with the volunteer repeat rule and elder activities.
export { WEEKDAYS, type Weekday } from '../weekdays'
import { isoWeekdayOf, type Weekday } from '../weekdays'

/** The daily time when staff do not say otherwise (China time). */
export const DEFAULT_DAY_START = '16:00'
export const DEFAULT_DAY_END = '18:00'

/** How places are allocated: 先到先得 (first come), or 摇号 (a lottery at the window's close). */
export const ALLOCATION_MODES = ['first_come', 'lottery'] as const
export type AllocationMode = (typeof ALLOCATION_MODES)[number]
export const ALLOCATION_MODE_LABELS: Record<AllocationMode, string> = { first_come: '先到先得', lottery: '摇号' }

/** Policy priority groups a session may accept; staff verify each claim before the draw. */
export const PRIORITY_GROUPS = ['left_behind', 'low_income', 'gig_worker'] as const
export type PriorityGroup = (typeof PRIORITY_GROUPS)[number]
export const PRIORITY_GROUP_LABELS: Record<PriorityGroup, string> = { left_behind: '留守儿童', low_income: '低保/困难家庭', gig_worker: '新就业形态劳动者子女' }

/** The activities of a day, as staff choose them (a fixed list, so families read the same words everywhere). */
export const DAY_ACTIVITIES = ['作业辅导', '阅读', '手工', '科普', '绘画', '音乐', '体育游戏', '心理关爱', '安全教育', '其他'] as const
export type DayActivity = (typeof DAY_ACTIVITIES)[number]

/** A session's life: published and taking enrolments by its window; closed (no new enrolments); cancelled. */
export const SESSION_STATUSES = ['open', 'closed', 'cancelled'] as const
export type SessionStatus = (typeof SESSION_STATUSES)[number]
export const SESSION_STATUS_LABELS: Record<SessionStatus, string> = { open: '报名中', closed: '已截止', cancelled: '已取消' }

/**
 * A child's enrolment in a session: `enrolled` holds a place; `waitlisted` waits in order; `offered` holds a freed
 * place for OFFER_HOURS; `lottery_entered` is a 摇号 entry before the draw; the rest are ends (a new enrolment of the
 * same child in the same session is refused: one per child per session).
 */
export const ENROLMENT_STATUSES = ['lottery_entered', 'enrolled', 'waitlisted', 'offered', 'cancelled', 'declined', 'expired', 'removed'] as const
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number]
export const ENROLMENT_STATUS_LABELS: Record<EnrolmentStatus, string> = {
  lottery_entered: '已参加摇号',
  enrolled: '已录取',
  waitlisted: '候补中',
  offered: '候补到位，待确认',
  cancelled: '已取消',
  declined: '已放弃',
  expired: '逾期未确认',
  removed: '已被移出',
}
/** The statuses that hold a place (capacity counts them). */
export const HOLDING_STATUSES: readonly EnrolmentStatus[] = ['enrolled', 'offered']
/** The statuses that keep a child "active" in a session (deleting the child is refused while any is). */
export const ACTIVE_STATUSES: readonly EnrolmentStatus[] = ['lottery_entered', 'enrolled', 'waitlisted', 'offered']

/** Hours a family has to accept an offered place before it passes to the next on the waitlist. */
export const OFFER_HOURS = 24

/** The children's personal-information rules (儿童个人信息处理规则): the version a guardian consents to. */
export const CHILD_POLICY_VERSION = '2026-11'

/** The second guardian's invitation code (亲属码): its length, and hours it lives; it works once. */
export const INVITE_CODE_LENGTH = 8
export const INVITE_HOURS = 24

/** Pick-up codes: digits, wrong tries before the lock, minutes the lock lasts. */
export const PICKUP_CODE_LENGTH = 4
export const PICKUP_WRONG_LIMIT = 3
export const PICKUP_LOCK_MINUTES = 10
/** Authorised pick-up adults per child. */
export const MAX_PICKUP_ADULTS = 5
export const PICKUP_RELATIONS = ['父亲', '母亲', '祖父', '祖母', '外祖父', '外祖母', '其他亲属', '其他'] as const
export type PickupRelation = (typeof PICKUP_RELATIONS)[number]

export const GENDERS = ['male', 'female'] as const
export type Gender = (typeof GENDERS)[number]
export const GENDER_LABELS: Record<Gender, string> = { male: '男', female: '女' }

/** Form limits (characters unless said otherwise). */
export const SCHOOL_LIMITS = {
  sessionName: 40,
  notes: 500,
  childName: 20,
  school: 40,
  healthNote: 200,
  adultName: 20,
  reason: 200,
  /** Places in one session. */
  capacity: 200,
  /** Children a guardian may add. */
  children: 6,
  /** Days a term may span. */
  termDays: 200,
} as const

// part A: sessions, the station, children.
/** What staff may do with a session (the server's allowed list; the staff pages draw their buttons from it). */
export const STAFF_SESSION_ACTIONS = ['edit', 'close', 'enrolments', 'roster', 'stats'] as const
export type StaffSessionAction = (typeof STAFF_SESSION_ACTIONS)[number]
/** Where families browse sessions: my community, or the whole district. */
export const SESSION_SCOPES = ['community', 'district'] as const
export type SessionScope = (typeof SESSION_SCOPES)[number]
/** The characters of an invitation code (亲属码): no 0/O, 1/I/L, so it reads aloud without doubt. */
export const INVITE_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
/** The announced number of a 摇号 (seeds the draw): digits, as announced before the window closes. */
export const ANNOUNCED_NUMBER_MAX = 20
/** A deleted child's name, on its record and on every session's snapshot (the attendance history stays). */
export const DELETED_CHILD_NAME = '已删除'
/** The refusals of this part, in Chinese (one home, shared by the server and the tests). */
export const SCHOOL_A_MESSAGES = {
  consentRequired: '添加孩子前，请先阅读并同意《儿童个人信息处理规则》',
  consentVersion: '请同意最新版本的《儿童个人信息处理规则》',
  inviteUnknown: '亲属码不正确，请核对后重新输入',
  inviteUsed: '这个亲属码已经使用过了，请让家人重新生成',
  inviteExpired: '这个亲属码已过期（有效期 24 小时），请让家人重新生成',
  inviteOwnFamily: '您已经是这个家庭的监护人了',
  inviteHasFamily: '您已经添加了自己的孩子，不能再加入其他家庭',
  inviteNoFamily: '请先添加孩子，再邀请家人',
  childNotFound: '没有找到这个孩子',
  childDeleted: '孩子的信息已删除',
  tooManyChildren: `每位监护人最多添加 ${SCHOOL_LIMITS.children} 个孩子`,
  tooManyPickups: `每个孩子最多登记 ${MAX_PICKUP_ADULTS} 位接送人`,
  pickupNotFound: '没有找到这位接送人',
  locked: '已有报名的班次不能修改招生方式、年级或名额（名额请在报名管理中调整）',
  sessionNotFound: '没有找到这个班次',
  sessionCancelled: '已取消的班次不能修改',
  notVolunteer: '只能安排审核通过的志愿者',
} as const

// part C: attendance (the session days, leave, check-in and check-out, statistics).

// The ISO weekday of a day: isoWeekdayOf in ../weekdays.ts.

/** The key of a day in `SessionDoc.days`: YYYYMMDD. */
export function dayKey(day: string): string {
  return day.replace(/-/g, '')
}

/** Why a day is not a session day (null when it is one). */
export type NotSessionDay = 'session_cancelled' | 'out_of_term' | 'not_weekday' | 'cancelled'
export const NOT_SESSION_DAY_LABELS: Record<NotSessionDay, string> = {
  session_cancelled: '本期已取消',
  out_of_term: '不在本期的学期内',
  not_weekday: '这一天不上课',
  cancelled: '这一天已停课',
}

/** Whether `day` (YYYY-MM-DD) is a session day: open or closed session, inside the term, one of its weekdays, not cancelled. */
export function notSessionDay(
  s: { status: SessionStatus; termStart: string; termEnd: string; weekdays: readonly Weekday[]; cancelledDays?: readonly { day: string }[] },
  day: string,
): NotSessionDay | null {
  if (s.status === 'cancelled') return 'session_cancelled'
  if (day < s.termStart || day > s.termEnd) return 'out_of_term'
  if (!s.weekdays.includes(isoWeekdayOf(day))) return 'not_weekday'
  if ((s.cancelledDays ?? []).some((c) => c.day === day)) return 'cancelled'
  return null
}

/** What the attendance pages say, one home for each refusal. */
export const ATTENDANCE_MESSAGES = {
  notEnrolled: '这个孩子没有在本期就读',
  notGuardian: '只有孩子的监护人可以查看或请假',
  notStaffOrAssigned: '只有本站工作人员或站点指派的志愿者可以查看花名册',
  notToday: '只能为今天的课签到或签退',
  notArrived: '孩子还没有签到到校',
  alreadyOut: '孩子今天已经离校',
  pastDay: '只能为今天或以后的上课日请假',
  alreadyArrived: '孩子已经到校，不能再请假',
  noLeave: '这一天没有请假记录',
  dayBegun: '这一天的课已经开始，不能取消请假',
  alreadyCancelled: '这一天已经停课',
  adultNotListed: '此人不在孩子的授权接送人名单中，不能接走',
  wrongCode: '接送码不正确',
  locked: '接送码错误次数过多，已暂时锁定',
  contactStaff: '请联系工作人员',
  callGuardian: '请联系监护人确认后再放行',
  ownFamily: '不能放行自己家的孩子，请由其他工作人员处理',
  childGone: '这个孩子的档案已删除',
} as const

// part B: enrolment, the waitlist, offers and the lottery.

/** What a family may do with its child's place in a session (the server sends it as `allowed`). */
export const FAMILY_ENROLMENT_ACTIONS = ['enrol', 'enterLottery', 'cancel', 'accept', 'decline'] as const
export type FamilyEnrolmentAction = (typeof FAMILY_ENROLMENT_ACTIONS)[number]

/** What staff may do on a session's enrolments page. */
export const STAFF_ENROLMENT_ACTIONS = ['remove', 'setCapacity', 'verifyClaim', 'draw', 'callList'] as const
export type StaffEnrolmentAction = (typeof STAFF_ENROLMENT_ACTIONS)[number]

/** The staff enrolments page's tabs: the entries by status, and the 摇号 entries with their claims. */
export const ENROLMENT_TABS = ['enrolled', 'waitlisted', 'offered', 'lottery'] as const
export type EnrolmentTab = (typeof ENROLMENT_TABS)[number]
export const ENROLMENT_TAB_LABELS: Record<EnrolmentTab, string> = { enrolled: '已录取', waitlisted: '候补', offered: '待确认', lottery: '摇号报名' }

/**
 * The workbench's school queues, as a filter of the staff's session list (`staffSessions.queue`): the sessions holding
 * an offered place (offers) or a 摇号 priority claim not yet decided before the draw (claims) — what the tiles count.
 */
export const STAFF_SESSION_QUEUES = ['offers', 'claims'] as const
export type StaffSessionQueue = (typeof STAFF_SESSION_QUEUES)[number]
/** Each queue: the list's heading and the 报名管理 tab where staff act on it. */
export const STAFF_SESSION_QUEUE_VIEWS: Record<StaffSessionQueue, { title: string; tab: EnrolmentTab }> = {
  offers: { title: '有待确认候补名额的班次', tab: 'offered' },
  claims: { title: '有待核实优先资格的班次', tab: 'lottery' },
}

/** Children one family may put in one 摇号 entry. */
export const LOTTERY_MAX_CHILDREN = 6

/** The draw, in plain Chinese (shown on the results page; cloud/domain/school/enrolment/draw.ts is the code). */
export const LOTTERY_ALGORITHM = [
  '1. 种子 = 报名截止时间（UTC，ISO 格式）+ “#” + 事先公布的号码，例如 2027-01-15T10:00:00.000Z#8273。',
  '2. 每个家庭的报名号为 n 时，计算 SHA-256(种子 + “:” + n) 的十六进制值作为该家庭的抽签值。',
  '3. 经工作人员核实的优先资格家庭排在前面，其余家庭（含未核实的优先申请）排在后面；每组内按抽签值从小到大排序。',
  '4. 按此顺序逐户分配名额：剩余名额够全家孩子时全家录取，不够时全家一起候补（兄弟姐妹同进同退），后面人数较少的家庭仍可录取剩余名额。',
  '5. 候补按同一顺序排位。任何人可用公布的种子和报名号，用仓库中的 scripts/lottery-rerun.ts 重算，结果相同。',
] as const

/** The one-line messages of the enrolment refusals (one home: the server and the pages). */
export const ENROLMENT_MESSAGES = {
  offerExpired: '候补名额的确认时间已过，名额已顺延给下一位',
  notGuardian: '只有孩子的监护人才能为孩子报名',
  gradeMismatch: '孩子的年级不在这个班的招收范围内',
  windowClosed: '不在报名时间内',
  already: '孩子已报名这个班',
  notFirstCome: '这个班采用摇号方式，请参加摇号',
  notLottery: '这个班是先到先得，请直接报名',
  familyEntered: '您的家庭已参加这个班的摇号',
} as const
