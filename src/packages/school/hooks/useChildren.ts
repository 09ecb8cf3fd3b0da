import { CHILD_POLICY_VERSION } from '@/contracts/school/rules'
import { useRemote } from '@/hooks/useRemote'
import { schoolChildrenService as svc } from '@/services/school/children'

/** My children (with pick-up adults and codes) and whether I have consented to the current rules. */
export function useMyChildren() {
  return useRemote(() => svc.myChildren(), [])
}

/** What the children pages do (each a call of the school function). */
export const childActions = {
  /** Consent to the current 儿童个人信息处理规则. */
  consent: () => svc.consentChildPolicy(CHILD_POLICY_VERSION),
  add: svc.addChild,
  edit: svc.editChild,
  savePickup: svc.savePickupAdult,
  removePickup: svc.removePickupAdult,
  renewCode: svc.renewPickupCode,
  createInvite: svc.createInvite,
  joinFamily: svc.joinFamily,
  remove: svc.deleteChild,
}
