import type { InputOf } from '@/contracts'
import { call } from '../cloud'

/** The volunteer function's slots part (issue 10): projects and slots for staff; browse, sign-up and 我的服务. */
export const volunteerSlotsService = {
  /** Staff: create a project (no projectId) or edit one. */
  saveProject: (input: InputOf<'volunteer', 'saveProject'>) => call('volunteer', 'saveProject', input),
  /** Staff: the projects of their communities, last changed first. */
  listProjects: (input: InputOf<'volunteer', 'listProjects'>) => call('volunteer', 'listProjects', input),
  /** Staff: one project. */
  projectDetail: (projectId: string) => call('volunteer', 'projectDetail', { projectId }),
  /** Staff: archive a project (it takes no new slots). */
  archiveProject: (projectId: string) => call('volunteer', 'archiveProject', { projectId }),
  /** Staff: one slot, or many with a repeat rule. */
  createSlots: (input: InputOf<'volunteer', 'createSlots'>) => call('volunteer', 'createSlots', input),
  /** Staff: a project's slots by start time. */
  listProjectSlots: (input: InputOf<'volunteer', 'listProjectSlots'>) => call('volunteer', 'listProjectSlots', input),
  /** Staff: change a slot (time, headcount, credit, cutoff); answers who was told and whom to call. */
  editSlot: (input: InputOf<'volunteer', 'editSlot'>) => call('volunteer', 'editSlot', input),
  /** Staff: cancel a slot with a reason; answers who was told and whom to call. */
  cancelSlot: (slotId: string, reason: string) => call('volunteer', 'cancelSlot', { slotId, reason }),
  /** Staff: a volunteer's record (name, number, training tags). */
  volunteerRecord: (openid: string) => call('volunteer', 'volunteerRecord', { openid }),
  /** Staff: the training tags a volunteer holds. */
  setTrainingTags: (openid: string, tags: InputOf<'volunteer', 'setTrainingTags'>['tags']) => call('volunteer', 'setTrainingTags', { openid, tags }),
  /** Open slots of my community or the district. */
  browseSlots: (input: InputOf<'volunteer', 'browseSlots'>) => call('volunteer', 'browseSlots', input),
  /** One slot, my shift on it and what I may do. */
  slotDetail: (slotId: string) => call('volunteer', 'slotDetail', { slotId }),
  /** Take a place on a slot. */
  signUp: (input: InputOf<'volunteer', 'signUp'>) => call('volunteer', 'signUp', input),
  /** Give my place back (before the cutoff). */
  cancelSignUp: (slotId: string) => call('volunteer', 'cancelSignUp', { slotId }),
  /** 我的服务, by tab. */
  myShifts: (input: InputOf<'volunteer', 'myShifts'>) => call('volunteer', 'myShifts', input),
}
