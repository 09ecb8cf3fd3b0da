import { idempotentHandler, type Handlers } from '../../../lib/router'
import type { volunteerSlotsInputs } from '../../../../src/contracts/volunteer/slots'
import { archiveProject, listProjects, projectDetail, saveProject } from './projects'
import { cancelSlot, createSlots, editSlot, listProjectSlots, setTrainingTags, volunteerRecord } from './staff'
import { browseSlots, cancelSignUp, myShifts, signUp, slotDetail } from './volunteer'

/**
 * The volunteer function's slots handlers (issue 10, part A), one per action of src/contracts/volunteer/slots.ts.
 * Every mutation is idempotent by its own write (no generic request record): creates derive their _ids from the
 * requestId; slot changes and shifts record it; the rest are pure sets.
 */
export const slotsHandlers: Pick<Handlers<'volunteer'>, keyof typeof volunteerSlotsInputs> = {
  saveProject: idempotentHandler(saveProject),
  listProjects,
  projectDetail,
  archiveProject: idempotentHandler(archiveProject),
  createSlots: idempotentHandler(createSlots),
  listProjectSlots,
  editSlot: idempotentHandler(editSlot),
  cancelSlot: idempotentHandler(cancelSlot),
  volunteerRecord,
  setTrainingTags: idempotentHandler(setTrainingTags),
  browseSlots,
  slotDetail,
  signUp: idempotentHandler(signUp),
  cancelSignUp: idempotentHandler(cancelSignUp),
  myShifts,
}
