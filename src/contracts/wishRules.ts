// The wish domain's rules as data: statuses, the sets they form, the limits. Free of zod, so the error
// messages (and any client code) can use them without loading the schemas. Re-exported by `./wish`.
import { TOO_MANY_OPEN_WISHES_MESSAGE } from './wishLimitMessages'

/**
 * pending_review → open (approved, i.e. published) | rejected (wisher may edit and resubmit → pending_review)
 * open → claimed → fulfilled → closed; claimed → open (withdrawn by the claimant, or released by staff with a reason;
 *   the wisher may ask staff to release it: `requestRelease` puts it in staff's `release` queue)
 * pending_review | rejected | open → cancelled (by the wisher); any published status → hidden (staff, after reports)
 */
export const WISH_STATUSES = ['pending_review', 'open', 'claimed', 'fulfilled', 'closed', 'rejected', 'cancelled', 'hidden'] as const
export type WishStatus = (typeof WISH_STATUSES)[number]

/** Statuses the public sees on the wall and in details (published). */
export const PUBLISHED_WISH_STATUSES: readonly WishStatus[] = ['open', 'claimed', 'fulfilled', 'closed']
/** Statuses in which the wisher may still cancel (not yet claimed). */
export const CANCELLABLE_WISH_STATUSES: readonly WishStatus[] = ['pending_review', 'rejected', 'open']
/** Statuses in which a wish has a current claim. */
export const CLAIMED_WISH_STATUSES: readonly WishStatus[] = ['claimed', 'fulfilled', 'closed']
/** Statuses that count against the open-wishes limit (unfinished). */
export const OPEN_WISH_STATUSES: WishStatus[] = ['pending_review', 'rejected', 'open', 'claimed', 'fulfilled']
/** What each status is called: the pages' badges and the exported sheets use the same words. */
export const WISH_STATUS_LABELS: Record<WishStatus, string> = {
  pending_review: '待审核',
  rejected: '未通过',
  open: '待认领',
  claimed: '已认领',
  fulfilled: '已完成',
  closed: '已圆满',
  cancelled: '已取消',
  hidden: '已隐藏',
}
/** What the wall's status filter offers; 'fulfilled' on the wall means fulfilled or closed. */
export const WALL_STATUSES = ['open', 'claimed', 'fulfilled'] as const

/** At most this many unfinished wishes per resident (wishLimitMessages.ts, kept out of the first load). */
export { MAX_OPEN_WISHES } from './wishLimitMessages'
/** A claim of a wish without a needed-by date promises a day at most this many days from today (China time). */
export const MAX_PROMISE_DAYS = 30
/** A wish's needed-by date is at most this many days from today (China time): a small wish, not a long-term plan. */
export const MAX_NEEDED_BY_DAYS = 90
/** At most this many photos on a wish. */
export const MAX_WISH_PHOTOS = 3

/** Field lengths of a wish and of the texts sent with its actions. */
export const WISH_LIMITS = {
  title: 30,
  description: 500,
  surname: 2,
  addressMin: 2,
  address: 100,
  reason: 200,
  unitNameMin: 2,
  unitName: 40,
  note: 300,
  thanks: 200,
} as const

/** What a viewer may do to one wish (the detail's `viewer.can`; the handlers' guards). */
export const WISH_VIEWER_ACTIONS = [
  'claim',
  'claimForUnit',
  'withdraw',
  'fulfil',
  'confirm',
  'resubmit',
  'cancel',
  'review',
  'hide',
  'release',
  'requestRelease',
  'report',
  'shareCode',
] as const
export type WishViewerAction = (typeof WISH_VIEWER_ACTIONS)[number]

/** The Chinese messages built from the limits (no number is written twice). */
export const WISH_MESSAGES = {
  title: `请填写心愿标题（最多${WISH_LIMITS.title}个字）`,
  titleTooLong: `标题最多${WISH_LIMITS.title}个字`,
  description: `请描述您的心愿（最多${WISH_LIMITS.description}个字）`,
  descriptionTooLong: `描述最多${WISH_LIMITS.description}个字`,
  surname: `请填写姓氏（最多${WISH_LIMITS.surname}个字）`,
  surnameTooLong: `姓氏最多${WISH_LIMITS.surname}个字`,
  address: '请填写地址',
  addressTooLong: `地址最多${WISH_LIMITS.address}个字`,
  photos: `最多上传${MAX_WISH_PHOTOS}张照片`,
  reason: '请填写原因',
  reasonTooLong: `原因最多${WISH_LIMITS.reason}个字`,
  unitName: `请填写单位名称（至少${WISH_LIMITS.unitNameMin}个字）`,
  note: '请填写完成说明',
  noteTooLong: `说明最多${WISH_LIMITS.note}个字`,
  thanksTooLong: `感谢语最多${WISH_LIMITS.thanks}个字`,
  promiseTooFar: `承诺完成日期最多在${MAX_PROMISE_DAYS}天内`,
  neededByTooFar: `期望完成日期最多在${MAX_NEEDED_BY_DAYS}天内`,
  tooManyOpen: TOO_MANY_OPEN_WISHES_MESSAGE,
} as const
