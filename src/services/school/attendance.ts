import type { InputOf } from '@/contracts'
import { call } from '../cloud'

type Child = { sessionId: string; childId: string }

/** The school function's attendance part (issue 11, part C): the roster, leave, check-in and check-out, the guardian's days, stats. */
export const attendanceService = {
  /** Staff or an assigned volunteer: a session day's enrolled children (today unless given). */
  roster: (sessionId: string, day?: string) => call('school', 'roster', day ? { sessionId, day } : { sessionId }),
  /** A guardian: leave for today or a coming session day. */
  reportLeave: (input: InputOf<'school', 'reportLeave'>) => call('school', 'reportLeave', input),
  /** Staff: mark a child on leave. */
  markLeave: (input: InputOf<'school', 'markLeave'>) => call('school', 'markLeave', input),
  /** A guardian or staff: withdraw a leave before the day begins. */
  cancelLeave: (input: InputOf<'school', 'cancelLeave'>) => call('school', 'cancelLeave', input),
  /** Staff or an assigned volunteer: the child arrived. */
  checkIn: (input: Child) => call('school', 'checkInChild', input),
  /** Staff or an assigned volunteer: the authorised adults to choose from at check-out. */
  checkoutOptions: (input: Child) => call('school', 'checkoutOptions', input),
  /** Staff or an assigned volunteer: the chosen adult takes the child with their code. */
  checkOut: (input: InputOf<'school', 'checkOutChild'>) => call('school', 'checkOutChild', input),
  /** Staff, after phoning a guardian: release the child with a reason. */
  release: (input: InputOf<'school', 'releaseChild'>) => call('school', 'releaseChild', input),
  /** A guardian: the child's session days, two weeks a page. */
  childDays: (childId: string, page = 1) => call('school', 'childDays', { childId, page }),
  /** Staff: cancel a session day (the families are told). */
  cancelDay: (input: InputOf<'school', 'cancelDay'>) => call('school', 'cancelDay', input),
  /** Staff: the session's figures. */
  sessionStats: (sessionId: string) => call('school', 'sessionStats', { sessionId }),
}
