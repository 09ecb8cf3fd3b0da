/**
 * The subscription-message templates, one home: key → what the message tells. Each id is set once, in the functions'
 * configuration as `HEMEI_TPL_<KEY>` (cloud/lib/templates.ts reads it); the app gets the ids in `user.me`
 * (`Me.templates`), so a page has them before the tap that asks for the subscription.
 */
export const TEMPLATES = {
  /** 微心愿: your wish was claimed (sent to the wisher; asked when posting). */
  WISH_CLAIMED: 'wish claimed',
  /** 志愿服务: the slot you signed up for changed or was cancelled (asked when signing up). */
  VOL_SLOT_CHANGED: 'volunteer slot changed',
  /** 四点钟学校: a waitlist place is offered to your child (asked when enrolling or entering the 摇号). */
  SCH_OFFER: 'school place offered',
  /** 四点钟学校: a day of the session is cancelled (sent to the guardians of the enrolled children). */
  SCHOOL_DAY_CANCELLED: 'school day cancelled',
  /** 长者活动: your activity is tomorrow (asked when signing up). */
  ELDER_REMINDER: 'elder activity reminder',
  /** 长者活动: the activity you signed up for was cancelled or moved. */
  ELDER_CHANGED: 'elder activity changed',
} as const

export type TemplateKey = keyof typeof TEMPLATES

/** Every template's id, by key (what `user.me` sends). */
export type TemplateIds = Record<TemplateKey, string>

/** The keys, in the registry's order. */
export const TEMPLATE_KEYS = Object.keys(TEMPLATES) as TemplateKey[]
