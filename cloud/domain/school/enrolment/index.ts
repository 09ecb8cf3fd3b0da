import type { schoolEnrolmentInputs } from '../../../../src/contracts/school/enrolment'
import { idempotentHandler, publicHandler, type Handlers } from '../../../lib/router'
import { acceptOffer, cancelEnrolment, declineOffer, enrol, enterLottery, familyView, sessionDetail } from './family'
import { drawLottery, lotteryResults, offerCallList, removeEnrolment, sessionEnrolments, setCapacity, verifyClaim } from './staff'

/**
 * The school function's enrolment handlers (issue 11, part B). Every mutation is idempotent by its own write (no
 * generic request record): an entry records the requestId of the call that made its last change, a 摇号 entry
 * too, the draw the session's; setCapacity and verifyClaim are pure sets. The family's actions are public (no
 * user read: the child documents' guardians decide), so enrol keeps within 3 requests and the family's view 2.
 */
export const enrolmentHandlers: Pick<Handlers<'school'>, keyof typeof schoolEnrolmentInputs> = {
  enrol: publicHandler(idempotentHandler(enrol)),
  enterLottery: publicHandler(idempotentHandler(enterLottery)),
  cancelEnrolment: publicHandler(idempotentHandler(cancelEnrolment)),
  acceptOffer: publicHandler(idempotentHandler(acceptOffer)),
  declineOffer: publicHandler(idempotentHandler(declineOffer)),
  removeEnrolment: idempotentHandler(removeEnrolment),
  setCapacity: idempotentHandler(setCapacity),
  verifyClaim: idempotentHandler(verifyClaim),
  drawLottery: idempotentHandler(drawLottery),
  lotteryResults,
  familyView: publicHandler(familyView),
  sessionDetail: publicHandler(sessionDetail),
  sessionEnrolments,
  offerCallList,
}
