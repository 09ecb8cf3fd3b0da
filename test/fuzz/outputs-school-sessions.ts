// The fuzzer's output shapes of the school function's sessions actions (outputs.ts joins the parts).
import * as z from 'zod/mini'
import { ALLOCATION_MODES, SESSION_STATUSES, STAFF_SESSION_ACTIONS } from '../../src/contracts/school/rules'

const str = z.string()
const num = z.number()
const page = (item: z.ZodMiniType) => z.looseObject({ items: z.array(item), page: num, pageSize: num, hasMore: z.boolean() })
const view = z.looseObject({
  id: str,
  communityId: str,
  name: str,
  termStart: str,
  termEnd: str,
  capacity: num,
  held: num,
  waiting: num,
  mode: z.enum(ALLOCATION_MODES),
  status: z.enum(SESSION_STATUSES),
  windowOpen: z.boolean(),
})
const detail = z.looseObject({ session: view, locked: z.boolean(), allowed: z.array(z.enum(STAFF_SESSION_ACTIONS)) })
const volunteer = z.looseObject({ openid: str, name: str })

export const schoolSessionsShapes = {
  saveSession: detail,
  closeSession: detail,
  staffSessions: page(detail),
  staffSession: detail,
  browseSessions: page(view),
  assignStationVolunteer: volunteer,
  unassignStationVolunteer: z.looseObject({ openid: str, communityId: str }),
  stationVolunteers: page(volunteer),
} satisfies Record<string, z.ZodMiniType>
