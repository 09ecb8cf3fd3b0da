import type { InputOf } from '@/contracts'
import { call } from '../cloud'

/** The school function's sessions part (issue 11, part A): sessions for staff and families; the station's volunteers. */
export const schoolSessionsService = {
  /** Staff: create a session (no sessionId) or edit one. */
  saveSession: (input: InputOf<'school', 'saveSession'>) => call('school', 'saveSession', input),
  /** Staff: close a session (no new enrolments). */
  closeSession: (sessionId: string) => call('school', 'closeSession', { sessionId }),
  /** Staff: the sessions of their communities, latest term first. */
  staffSessions: (input: InputOf<'school', 'staffSessions'>) => call('school', 'staffSessions', input),
  /** Staff: one session and what they may do. */
  staffSession: (sessionId: string) => call('school', 'staffSession', { sessionId }),
  /** Families: sessions of my community or the district, open first. */
  browseSessions: (input: InputOf<'school', 'browseSessions'>) => call('school', 'browseSessions', input),
  /** Staff: assign an approved volunteer to the station. */
  assignStationVolunteer: (communityId: string, openid: string) => call('school', 'assignStationVolunteer', { communityId, openid }),
  /** Staff: take a volunteer off the station. */
  unassignStationVolunteer: (communityId: string, openid: string) => call('school', 'unassignStationVolunteer', { communityId, openid }),
  /** Staff: the station's assigned volunteers. */
  stationVolunteers: (input: InputOf<'school', 'stationVolunteers'>) => call('school', 'stationVolunteers', input),
}
