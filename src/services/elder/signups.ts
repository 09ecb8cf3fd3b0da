import type { InputOf } from '@/contracts'
import { call } from '../cloud'

/** The elder function's signups part (issue 12, part B): sign-ups, managed profiles, the call list. */
export const elderSignupsService = {
  /** One occurrence: places left and whom I may sign up (myself, my elders), with what I may do. */
  occurrenceDetail: (activityId: string, day: string) => call('elder', 'occurrenceDetail', { activityId, day }),
  /** Sign up myself or an elder (`subscribed`: the reminder subscription was accepted in the tap). */
  signUp: (input: InputOf<'elder', 'signUp'>) => call('elder', 'signUp', input),
  /** Give the place back (until the start). */
  cancelSignUp: (input: InputOf<'elder', 'cancelSignUp'>) => call('elder', 'cancelSignUp', input),
  /** 我的报名: mine and those I made for my family, from today on. */
  mySignups: (input: InputOf<'elder', 'mySignups'>) => call('elder', 'mySignups', input),
  /** Add (no profileId) or edit an elder I manage. */
  saveProfile: (input: InputOf<'elder', 'saveProfile'>) => call('elder', 'saveProfile', input),
  /** The elders I manage. */
  myProfiles: (input: InputOf<'elder', 'myProfiles'>) => call('elder', 'myProfiles', input),
  /** Archive (never delete) a profile. */
  archiveProfile: (profileId: string) => call('elder', 'archiveProfile', { profileId }),
  /** Staff: add or edit a staff-managed elder. */
  saveStaffProfile: (input: InputOf<'elder', 'saveStaffProfile'>) => call('elder', 'saveStaffProfile', input),
  /** Staff: the community's managed elders and who manages whom. */
  staffProfiles: (input: InputOf<'elder', 'staffProfiles'>) => call('elder', 'staffProfiles', input),
  /** Staff: 电话提醒名单 for a day (tomorrow by default). */
  callList: (input: InputOf<'elder', 'callList'>) => call('elder', 'callList', input),
}
