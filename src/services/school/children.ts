import type { InputOf } from '@/contracts'
import { call } from '../cloud'

/** The school function's children part (issue 11, part A): consent, children, pick-up adults, the family's code. */
export const schoolChildrenService = {
  /** Consent to the 儿童个人信息处理规则 of this version. */
  consentChildPolicy: (version: string) => call('school', 'consentChildPolicy', { version }),
  addChild: (input: InputOf<'school', 'addChild'>) => call('school', 'addChild', input),
  editChild: (input: InputOf<'school', 'editChild'>) => call('school', 'editChild', input),
  /** My children with their pick-up adults and codes, and whether I have consented. */
  myChildren: () => call('school', 'myChildren', {}),
  /** Add (no adultId) or edit a pick-up adult; the server makes the code. */
  savePickupAdult: (input: InputOf<'school', 'savePickupAdult'>) => call('school', 'savePickupAdult', input),
  removePickupAdult: (childId: string, adultId: string) => call('school', 'removePickupAdult', { childId, adultId }),
  renewPickupCode: (childId: string, adultId: string) => call('school', 'renewPickupCode', { childId, adultId }),
  /** A one-time 亲属码 for a second guardian (shown once). */
  createInvite: () => call('school', 'createInvite', {}),
  joinFamily: (code: string) => call('school', 'joinFamily', { code }),
  /** Delete a child with no active enrolment (anonymised). */
  deleteChild: (childId: string) => call('school', 'deleteChild', { childId }),
}
