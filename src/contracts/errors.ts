import { TOO_MANY_OPEN_WISHES_MESSAGE } from './wishLimitMessages'
import { SLOT_MESSAGES } from './volunteer/slotMessages'

/** Error codes shared by the cloud functions and the client, each with the Chinese message users see. */
export const ERROR_MESSAGES = {
  INVALID_INPUT: '填写的内容有误，请检查后再试',
  NOT_FOUND: '要找的内容不存在',
  NOT_SIGNED_UP: '请先完成注册（同意隐私指引并选择社区）',
  ALREADY_SIGNED_UP: '您已经注册过了',
  PRIVACY_NOT_AGREED: '请先阅读并同意隐私保护指引',
  ROLE_REQUIRED: '您没有进行此操作的权限',
  SCOPE_DENIED: '您只能管理自己负责的社区',
  SELF_REVIEW: '不能审批或确认自己的事项，请由其他工作人员或管理员处理',
  /** A timer-trigger event sent by a client (it carries a user identity; a real trigger carries none). */
  SYSTEM_ONLY: '此操作只能由系统定时任务执行',
  NOT_VOLUNTEER: '只有审核通过的志愿者才能进行此操作',
  ALREADY_VOLUNTEER: '您已经是志愿者了',
  APPLICATION_PENDING: '您的志愿者申请正在审核中，请耐心等待',
  INVALID_STATE: '当前状态下不能进行此操作',
  TOO_MANY_OPEN_WISHES: TOO_MANY_OPEN_WISHES_MESSAGE,
  WISH_NOT_OPEN: '这个心愿已被认领或暂不可认领',
  ALREADY_REPORTED: '您已经举报过这个心愿，工作人员会尽快处理',
  CONTENT_RISKY: '内容含有不适宜发布的信息，请修改后再提交',
  FILE_NOT_OWNED: '只能使用您自己上传的照片，请重新上传',
  // Volunteer sign-up (issue 10, part A).
  SLOT_FULL: SLOT_MESSAGES.full,
  SIGNUP_CLOSED: SLOT_MESSAGES.signupClosed,
  SLOT_OVERLAP: SLOT_MESSAGES.overlap,
  TOO_YOUNG: SLOT_MESSAGES.tooYoung,
  TRAINING_REQUIRED: SLOT_MESSAGES.training,
  INSURANCE_ACK_REQUIRED: SLOT_MESSAGES.insurance,
  BIRTH_DATE_REQUIRED: SLOT_MESSAGES.birthDate,
  TOO_MANY_SHIFTS: SLOT_MESSAGES.tooManyShifts,
  // The 4 o'clock school (issue 11, part A): a child is added only after the guardian's consent.
  CONSENT_REQUIRED: '添加孩子前，请先阅读并同意《儿童个人信息处理规则》',
  // The 4 o'clock school, part B: an offered place accepted after its window.
  OFFER_EXPIRED: '候补名额的确认时间已过，名额已顺延给下一位',
  DUPLICATE_REQUEST: '请求正在处理中，请稍候',
  CONFLICT: '操作冲突，请刷新后再试',
  UNAUTHENTICATED: '无法识别您的身份，请重新打开小程序',
  NETWORK: '网络不太顺畅，请检查网络后重试',
  INTERNAL: '系统繁忙，请稍后再试',
} as const

export type ErrorCode = keyof typeof ERROR_MESSAGES

/** True when `code` is one of the contract's error codes. */
export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(ERROR_MESSAGES, code)
}
