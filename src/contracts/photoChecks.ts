// The image content check of user photos (WeChat security.mediaCheckAsync v2): each photo's state and the
// Chinese text the pages show. Free of zod, so pages can use it without loading the schemas.

/**
 * checking: sent to WeChat, no answer yet; review: WeChat suggests a human look (treated like checking);
 * pass: shown to everyone; risky: hidden from the wish, the wisher (and staff) see why.
 */
export const PHOTO_CHECK_STATES = ['checking', 'review', 'pass', 'risky'] as const
export type PhotoCheckState = (typeof PHOTO_CHECK_STATES)[number]

/** States in which a photo is shown only to its owner and scoped staff (others see a 审核中 tile). */
export const PHOTO_UNDER_CHECK: readonly PhotoCheckState[] = ['checking', 'review']

/** What a photo's state reads as on the pages. */
export const PHOTO_CHECK_TEXT = {
  underCheck: '审核中',
  ownerUnderCheck: '照片审核中，审核通过后其他人才能看到',
} as const

/** WeChat's media check labels (result.label) in Chinese; anything else reads as 其他不适宜内容. */
const PHOTO_RISK_LABELS: Record<number, string> = {
  10001: '广告',
  20001: '时政',
  20002: '色情',
  20003: '辱骂',
  20006: '违法犯罪',
  20008: '欺诈',
  20012: '低俗',
  20013: '版权',
  21000: '其他不适宜内容',
}

/** Why a risky photo was hidden, for the wisher: 这张照片未通过内容安全审核（色情），已隐藏. */
export function photoHiddenReason(label?: number): string {
  const what = (label !== undefined && PHOTO_RISK_LABELS[label]) || PHOTO_RISK_LABELS[21000]
  return `这张照片未通过内容安全审核（${what}），已隐藏`
}
