import type { InputOf } from '@/contracts'
import { call } from '../cloud'

/** The school function's enrolment part (issue 11, part B): enrolment, the 摇号, offers, the family's view; staff's enrolments. */
export const schoolEnrolmentService = {
  /** Enrol a child in a 先到先得 session (a place, or the waitlist). */
  enrol: (input: InputOf<'school', 'enrol'>) => call('school', 'enrol', input),
  /** Enter the family in a 摇号 session. */
  enterLottery: (input: InputOf<'school', 'enterLottery'>) => call('school', 'enterLottery', input),
  /** Give a place or a waitlist place back. */
  cancelEnrolment: (sessionId: string, childId: string) => call('school', 'cancelEnrolment', { sessionId, childId }),
  /** Accept an offered place. */
  acceptOffer: (sessionId: string, childId: string) => call('school', 'acceptOffer', { sessionId, childId }),
  /** Decline an offered place. */
  declineOffer: (sessionId: string, childId: string) => call('school', 'declineOffer', { sessionId, childId }),
  /** 我的报名: my children's entries across sessions. */
  familyView: (page: number, pageSize: number) => call('school', 'familyView', { page, pageSize }),
  /** One session as my family sees it. */
  sessionDetail: (sessionId: string) => call('school', 'sessionDetail', { sessionId }),
  /** A 摇号's published results. */
  lotteryResults: (sessionId: string) => call('school', 'lotteryResults', { sessionId }),
  /** Staff: a session's entries by tab. */
  sessionEnrolments: (input: InputOf<'school', 'sessionEnrolments'>) => call('school', 'sessionEnrolments', input),
  /** Staff: remove a child's entry with a reason. */
  removeEnrolment: (input: InputOf<'school', 'removeEnrolment'>) => call('school', 'removeEnrolment', input),
  /** Staff: set a session's places. */
  setCapacity: (sessionId: string, capacity: number) => call('school', 'setCapacity', { sessionId, capacity }),
  /** Staff: verify or reject a family's priority claim. */
  verifyClaim: (input: InputOf<'school', 'verifyClaim'>) => call('school', 'verifyClaim', input),
  /** Staff: run the draw. */
  drawLottery: (sessionId: string) => call('school', 'drawLottery', { sessionId }),
  /** Staff: the outstanding offers with the guardians' phones. */
  offerCallList: (sessionId: string) => call('school', 'offerCallList', { sessionId }),
}
