// The sign-up refusals' messages (issue 10, part A), apart from rules.ts so that the error codes (src/contracts/errors.ts,
// loaded by the main package's transport) do not pull the volunteer rules into the main package.

/** Upcoming shifts a volunteer may hold at once (SLOT_LIMITS.upcomingShifts). */
export const UPCOMING_SHIFTS = 50

/** The refusals of sign-up, each the message of an error code of src/contracts/errors.ts. */
export const SLOT_MESSAGES = {
  full: '这个班次的名额已满',
  signupClosed: '这个班次已截止报名',
  overlap: '您在这个时间段已报名了其他班次',
  tooYoung: '未达到这个项目的最低年龄要求',
  training: '这个项目需要相应的培训，请联系社区工作人员登记',
  insurance: '这个项目需要意外保险，请确认已知晓',
  birthDate: '请先补充出生日期，再报名有年龄要求的项目',
  tooManyShifts: `您已报名 ${UPCOMING_SHIFTS} 个未开始的班次，请先完成或取消一些`,
} as const
