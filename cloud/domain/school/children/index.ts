import type { schoolChildrenInputs } from '../../../../src/contracts/school/children'
import { idempotentHandler, type Handlers } from '../../../lib/router'
import { addChild, consentChildPolicy, deleteChild, editChild, myChildren } from './children'
import { createInvite, joinFamily } from './family'
import { removePickupAdult, renewPickupCode, savePickupAdult } from './pickups'

/**
 * The school function's children handlers (part A). Every mutation is idempotent by its own write: the consent
 * and a new child take their _ids from the openid/requestId, an invitation's code from the requestId; changes of a
 * child record the requestId; joining and deleting repeat idempotent updates.
 */
export const childrenHandlers: Pick<Handlers<'school'>, keyof typeof schoolChildrenInputs> = {
  consentChildPolicy: idempotentHandler(consentChildPolicy),
  addChild: idempotentHandler(addChild),
  editChild: idempotentHandler(editChild),
  myChildren,
  savePickupAdult: idempotentHandler(savePickupAdult),
  removePickupAdult: idempotentHandler(removePickupAdult),
  renewPickupCode: idempotentHandler(renewPickupCode),
  createInvite: idempotentHandler(createInvite),
  joinFamily: idempotentHandler(joinFamily),
  deleteChild: idempotentHandler(deleteChild),
}
