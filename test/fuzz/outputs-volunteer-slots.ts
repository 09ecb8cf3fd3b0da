// The fuzzer's output shapes of the volunteer function's slots actions (outputs.ts joins the parts).
import * as z from 'zod/mini'
import { SHIFT_STATUSES, SLOT_STATUSES } from '../../src/contracts/volunteer/rules'

const str = z.string()
const num = z.number()
const page = (item: z.ZodMiniType) => z.looseObject({ items: z.array(item), page: num, pageSize: num, hasMore: z.boolean() })
const project = z.looseObject({
  id: str,
  communityId: str,
  title: str,
  serviceType: str,
  place: z.looseObject({ name: str, radiusM: num }),
  contactPhone: str,
  status: z.enum(['active', 'archived']),
})
const card = z.looseObject({ id: str, projectId: str, title: str, date: str, startTime: str, endTime: str, headcount: num, taken: num, placesLeft: num, status: z.enum(SLOT_STATUSES) })
const staffCard = z.looseObject({ id: str, headcount: num, taken: num, checkedIn: num })
const change = z.looseObject({ slot: staffCard, notified: num, callList: z.array(z.looseObject({ name: str, phone: str })) })
const shiftAnswer = z.looseObject({ slotId: str, status: z.enum(SHIFT_STATUSES), placesLeft: num })

export const volunteerSlotsShapes = {
  saveProject: project,
  listProjects: page(project),
  projectDetail: project,
  archiveProject: project,
  createSlots: z.looseObject({ created: num, slotIds: z.array(str), first: str, last: str }),
  listProjectSlots: page(staffCard),
  editSlot: change,
  cancelSlot: change,
  volunteerRecord: z.looseObject({ openid: str, realName: str, tags: z.array(str) }),
  setTrainingTags: z.looseObject({ openid: str, tags: z.array(str) }),
  browseSlots: page(card),
  slotDetail: z.looseObject({ id: str, description: str, allowed: z.array(str), isStaff: z.boolean() }),
  signUp: shiftAnswer,
  cancelSignUp: shiftAnswer,
  myShifts: page(z.looseObject({ id: str, shiftStatus: z.enum(SHIFT_STATUSES) })),
} satisfies Record<string, z.ZodMiniType>
