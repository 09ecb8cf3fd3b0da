// The school function's children actions: input schemas and outputs (issue 11): children, the guardian's consent, the second guardian's invitation code, pick-up adults, deletion (part A).
import * as z from 'zod/mini'
import { calendarDay, id, phone, type ISODate } from '../common'
import { text } from '../text'
import { GENDERS, GRADES, INVITE_CODE_ALPHABET, INVITE_CODE_LENGTH, PICKUP_RELATIONS, SCHOOL_LIMITS as L, type Gender, type Grade, type PickupRelation } from './rules'

/** A calendar day, YYYY-MM-DD, that exists. */
const day = calendarDay

/** What a guardian writes of a child (the minimum: no photo, no ID number). */
const childFields = {
  name: text({ min: 1, max: L.childName, minMessage: '请填写孩子的姓名', maxMessage: `姓名最多${L.childName}个字` }),
  gender: z.enum(GENDERS, '请选择性别'),
  birthDate: day,
  school: text({ min: 1, max: L.school, minMessage: '请填写就读学校', maxMessage: `学校名称最多${L.school}个字` }),
  grade: z.literal([...GRADES], '年级应为一至六年级'),
  /** Allergies or a health note staff should know (optional). */
  healthNote: z.optional(text({ max: L.healthNote, maxMessage: `健康说明最多${L.healthNote}个字`, multiline: true })),
  guardianPhone: phone,
}

const inviteCode = z.string().check(
  z.overwrite((s) => s.replace(/\s+/g, '').toUpperCase()),
  z.regex(new RegExp(`^[${INVITE_CODE_ALPHABET}]{${INVITE_CODE_LENGTH}}$`), `亲属码为 ${INVITE_CODE_LENGTH} 位字母和数字`),
)

/** Input schemas of the children actions. */
export const schoolChildrenInputs = {
  /** A guardian consents to the 儿童个人信息处理规则 of this version (before any child is added). */
  consentChildPolicy: z.object({ version: z.string().check(z.minLength(1), z.maxLength(20)) }),
  addChild: z.object(childFields),
  /** The whole form again (the snapshots in the sessions holding the child are rewritten). */
  editChild: z.object({ childId: id, ...childFields }),
  /** My children (guardians only), with their pick-up adults and codes, and whether I have consented. */
  myChildren: z.object({}),
  /** Add (no adultId) or edit a pick-up adult; the server makes the 4-digit code. */
  savePickupAdult: z.object({
    childId: id,
    adultId: z.optional(id),
    name: text({ min: 1, max: L.adultName, minMessage: '请填写接送人姓名', maxMessage: `姓名最多${L.adultName}个字` }),
    relation: z.enum(PICKUP_RELATIONS, '请选择与孩子的关系'),
    phone,
  }),
  removePickupAdult: z.object({ childId: id, adultId: id }),
  renewPickupCode: z.object({ childId: id, adultId: id }),
  /** A guardian makes a one-time invitation code (亲属码) for a second guardian (shown once). */
  createInvite: z.object({}),
  /** The second guardian joins the family with the code. */
  joinFamily: z.object({ code: inviteCode }),
  /** A guardian deletes a child with no active enrolment: the record is anonymised. */
  deleteChild: z.object({ childId: id }),
}

/** An authorised pick-up adult, as the guardian sees it (with the code; nobody else ever sees it). */
export interface PickupAdultView {
  id: string
  name: string
  relation: PickupRelation
  phone: string
  code: string
  codeAt: ISODate
}

/** A child as its guardians see it (everything). */
export interface ChildView {
  id: string
  familyId: string
  name: string
  gender: Gender
  birthDate: string
  school: string
  grade: Grade
  healthNote?: string
  guardianPhone: string
  pickups: PickupAdultView[]
  /** How many guardians the child has (the second guardian joined with a code). */
  guardians: number
  consent: { version: string; at: ISODate }
}

/** Outputs of the children actions. */
export interface SchoolChildrenOutputs {
  consentChildPolicy: { version: string; at: ISODate }
  addChild: ChildView
  /** `sessions`: how many sessions' snapshots of the child were rewritten. */
  editChild: { childId: string; sessions: number }
  myChildren: { consented: boolean; policyVersion: string; children: ChildView[] }
  savePickupAdult: ChildView
  removePickupAdult: ChildView
  renewPickupCode: ChildView
  createInvite: { code: string; expiresAt: ISODate }
  joinFamily: { familyId: string; children: number }
  deleteChild: { childId: string; deleted: true }
}
