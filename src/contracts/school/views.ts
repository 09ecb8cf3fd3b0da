// What every part shows of a session (issue 11): the public facts, the same to every viewer. Families, staff and
// volunteers each add what they may see (entries, rosters) in their own part's outputs.
import type { ISODate } from '../common'
import type { AllocationMode, DayActivity, Grade, PriorityGroup, SessionStatus, Weekday } from './rules'

/** A session's public facts (no child, no family, no staff identity). */
export interface SessionView {
  id: string
  communityId: string
  communityName: string
  name: string
  /** China days YYYY-MM-DD, both included. */
  termStart: string
  termEnd: string
  weekdays: Weekday[]
  /** HH:mm, China time. */
  startTime: string
  endTime: string
  capacity: number
  /** Places held (enrolled + offered). */
  held: number
  /** Children waiting (first come), or families entered (摇号, before the draw). */
  waiting: number
  grades: { min: Grade; max: Grade }
  opensAt: ISODate
  closesAt: ISODate
  mode: AllocationMode
  priorityGroups: PriorityGroup[]
  activities: DayActivity[]
  notes?: string
  status: SessionStatus
  /** True while now is inside the window and the session is open. */
  windowOpen: boolean
  /** China days YYYY-MM-DD staff cancelled, with the reason families see. */
  cancelledDays: { day: string; reason: string }[]
  /** 摇号: the number announced before the close, and whether the draw has run. */
  lottery?: { announcedNumber: string; drawn: boolean }
}
