// The school function's sessions actions: input schemas and outputs (issue 11): stations and sessions (staff), the station's assigned volunteers, and the sessions families browse (part A).
import * as z from 'zod/mini'
import { calendarDay, id, pageInput, type Page } from '../common'
import { text } from '../text'
import {
  ALLOCATION_MODES,
  ANNOUNCED_NUMBER_MAX,
  DAY_ACTIVITIES,
  GRADES,
  PRIORITY_GROUPS,
  SCHOOL_LIMITS as L,
  SESSION_SCOPES,
  SESSION_STATUSES,
  STAFF_SESSION_QUEUES,
  WEEKDAYS,
  type StaffSessionAction,
} from './rules'
import type { SessionView } from './views'

/** A calendar day, YYYY-MM-DD (China time), that exists. */
const day = calendarDay
/** A time of day, HH:mm (China time). */
const time = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:mm'))
/** An instant as staff type it: China's day and time, YYYY-MM-DD HH:mm. */
const dayTime = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2} ([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 YYYY-MM-DD HH:mm'))
const grade = z.literal([...GRADES], '年级应为一至六年级')

/** Input schemas of the sessions actions. */
export const schoolSessionsInputs = {
  /** Staff: create a session in a community they serve (no sessionId), or edit one. */
  saveSession: z.object({
    sessionId: z.optional(id),
    communityId: id,
    name: text({ min: 1, max: L.sessionName, minMessage: '请填写班次名称', maxMessage: `班次名称最多${L.sessionName}个字` }),
    termStart: day,
    termEnd: day,
    weekdays: z.array(z.literal([...WEEKDAYS], '星期应为周一至周日')).check(z.minLength(1, '请至少选择一天'), z.maxLength(7)),
    /** HH:mm; 16:00–18:00 when omitted. */
    startTime: z.optional(time),
    endTime: z.optional(time),
    capacity: z.number().check(z.int('名额应为整数'), z.minimum(1, `名额应在 1–${L.capacity} 之间`), z.maximum(L.capacity, `名额应在 1–${L.capacity} 之间`)),
    grades: z.object({ min: grade, max: grade }),
    /** The enrolment window, China time YYYY-MM-DD HH:mm. */
    opensAt: dayTime,
    closesAt: dayTime,
    mode: z.enum(ALLOCATION_MODES),
    /** 摇号: the number announced in advance that seeds the draw (digits). */
    announcedNumber: z.optional(z.string().check(z.regex(new RegExp(`^\\d{1,${ANNOUNCED_NUMBER_MAX}}$`), `公布的号码应为 1–${ANNOUNCED_NUMBER_MAX} 位数字`))),
    priorityGroups: z.array(z.enum(PRIORITY_GROUPS)).check(z.maxLength(PRIORITY_GROUPS.length)),
    activities: z.array(z.enum(DAY_ACTIVITIES)).check(z.maxLength(DAY_ACTIVITIES.length)),
    notes: z.optional(text({ max: L.notes, maxMessage: `备注最多${L.notes}个字`, multiline: true })),
  }),
  /** Staff: close a session (no new enrolments; a 摇号's draw is part B's). */
  closeSession: z.object({ sessionId: id }),
  /** Staff: the sessions of their communities (or one), latest term first; `queue`: only those a workbench tile counts. */
  staffSessions: z.object({ communityId: z.optional(id), status: z.optional(z.enum(SESSION_STATUSES)), queue: z.optional(z.enum(STAFF_SESSION_QUEUES)), ...pageInput }),
  /** Staff: one session of their communities, and what they may do with it. */
  staffSession: z.object({ sessionId: id }),
  /** Families: sessions of my community (default) or the district, open first. */
  browseSessions: z.object({ scope: z.optional(z.enum(SESSION_SCOPES)), ...pageInput }),
  /** Staff: assign an approved volunteer to the community's station (they then see its rosters, masked). */
  assignStationVolunteer: z.object({ communityId: id, openid: id }),
  unassignStationVolunteer: z.object({ communityId: id, openid: id }),
  /** Staff: the volunteers assigned to the community's station. */
  stationVolunteers: z.object({ communityId: id, ...pageInput }),
}

/** A session as its staff see it: the public facts, whether its terms are fixed, and what they may do. */
export interface StaffSessionDetail {
  session: SessionView
  /** Entries exist: mode, grades and capacity can no longer change here (capacity: 报名管理). */
  locked: boolean
  allowed: StaffSessionAction[]
}

/** A volunteer assigned to a station: name and volunteer number, never a phone. */
export interface StationVolunteer {
  openid: string
  name: string
  number?: string
}

/** Outputs of the sessions actions. */
export interface SchoolSessionsOutputs {
  saveSession: StaffSessionDetail
  closeSession: StaffSessionDetail
  staffSessions: Page<StaffSessionDetail>
  staffSession: StaffSessionDetail
  browseSessions: Page<SessionView>
  assignStationVolunteer: StationVolunteer
  unassignStationVolunteer: { openid: string; communityId: string }
  stationVolunteers: Page<StationVolunteer>
}
