// The volunteer function's slots actions: input schemas and outputs (issue 10, part A): service projects, slots
// (one, or a repeat rule), sign-up, and 我的服务.
import * as z from 'zod/mini'
import { id, pageInput, phone, type ISODate, type Page } from '../common'
import { text } from '../text'
import {
  MAX_RADIUS_M,
  MIN_RADIUS_M,
  MY_SHIFT_TABS,
  SERVICE_TYPES,
  SLOT_LIMITS as L,
  SLOT_FORM_MESSAGES as M,
  TRAINING_TAGS,
  type ServiceType,
  type ShiftStatus,
  type SlotStatus,
  type SlotViewerAction,
} from './rules'

/** A calendar day, YYYY-MM-DD (China time). */
const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'))
/** A time of day, HH:mm (China time). */
const time = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, M.time))
const reason = text({ min: 1, max: L.reason, minMessage: '请填写原因', maxMessage: `原因最多${L.reason}个字`, multiline: true })
const minutes = (max: number, message: string) => z.number().check(z.int(), z.minimum(0, message), z.maximum(max, message))

const place = z.object({
  name: text({ min: 1, max: L.placeName, minMessage: '请填写服务地点', maxMessage: `地点名称最多${L.placeName}个字` }),
  lat: z.number().check(z.minimum(-90, '纬度应在 -90 到 90 之间'), z.maximum(90, '纬度应在 -90 到 90 之间')),
  lng: z.number().check(z.minimum(-180, '经度应在 -180 到 180 之间'), z.maximum(180, '经度应在 -180 到 180 之间')),
  /** Metres; DEFAULT_RADIUS_M when omitted. */
  radiusM: z.optional(
    z.number().check(z.int(), z.minimum(MIN_RADIUS_M, `签到范围应在 ${MIN_RADIUS_M}–${MAX_RADIUS_M} 米之间`), z.maximum(MAX_RADIUS_M, `签到范围应在 ${MIN_RADIUS_M}–${MAX_RADIUS_M} 米之间`)),
  ),
})

const requirements = z.object({
  minAge: z.optional(z.number().check(z.int(), z.minimum(1, `最低年龄应在 1–${L.minAge} 岁之间`), z.maximum(L.minAge, `最低年龄应在 1–${L.minAge} 岁之间`))),
  trainingTags: z.array(z.enum(TRAINING_TAGS)).check(z.maxLength(TRAINING_TAGS.length)),
  insuranceRequired: z.boolean(),
})

/** A slot's time and size: one slot, or the first of a repeat rule. */
const slotTimes = {
  startTime: time,
  endTime: time,
  headcount: z.number().check(z.int(), z.minimum(1, `招募人数应在 1–${L.headcount} 之间`), z.maximum(L.headcount, `招募人数应在 1–${L.headcount} 之间`)),
  /** Minutes credited; defaults to the window, never more. */
  creditMinutes: z.optional(minutes(L.maxWindowMin, M.credit)),
  /** Sign-up closes this many minutes before the start (0, the default: at the start). */
  cutoffMinutes: z.optional(minutes(L.maxCutoffMin, '报名截止时间最多提前 7 天')),
}

/** Input schemas of the slots actions. */
export const volunteerSlotsInputs = {
  /** Staff: create a project (no projectId) or edit one of their community's. */
  saveProject: z.object({
    projectId: z.optional(id),
    communityId: id,
    title: text({ min: 1, max: L.title, minMessage: '请填写项目名称', maxMessage: `项目名称最多${L.title}个字` }),
    description: text({ min: 1, max: L.description, minMessage: '请填写项目介绍', maxMessage: `项目介绍最多${L.description}个字`, multiline: true }),
    serviceType: z.enum(SERVICE_TYPES),
    place,
    requirements,
    contactName: text({ min: 1, max: L.contactName, minMessage: '请填写联系人', maxMessage: `联系人最多${L.contactName}个字` }),
    contactPhone: phone,
  }),
  /** Staff: their communities' projects (or one community's), newest first. */
  listProjects: z.object({ communityId: z.optional(id), status: z.optional(z.enum(['active', 'archived'])), ...pageInput }),
  /** Staff: one project of their communities, for the project page. */
  projectDetail: z.object({ projectId: id }),
  archiveProject: z.object({ projectId: id }),
  /** Staff: one slot on `date`, or with `repeat` one on each chosen weekday for `weeks` weeks from `date`. */
  createSlots: z.object({
    projectId: id,
    date: day,
    ...slotTimes,
    repeat: z.optional(
      z.object({
        weekdays: z.array(z.number().check(z.int(), z.minimum(1), z.maximum(7))).check(z.minLength(1, '请至少选择一天'), z.maxLength(7)),
        weeks: z.number().check(z.int(), z.minimum(1, `重复周数应在 1–${L.repeatWeeks} 之间`), z.maximum(L.repeatWeeks, `重复周数应在 1–${L.repeatWeeks} 之间`)),
      }),
    ),
  }),
  /** Staff: a project's slots by start time (upcoming from today, or all). */
  listProjectSlots: z.object({ projectId: id, upcoming: z.optional(z.boolean()), ...pageInput }),
  /** Staff: change a slot's day, time, headcount (≥ taken), credit or cutoff. */
  editSlot: z.object({
    slotId: id,
    date: z.optional(day),
    startTime: z.optional(time),
    endTime: z.optional(time),
    headcount: z.optional(slotTimes.headcount),
    creditMinutes: z.optional(minutes(L.maxWindowMin, M.credit)),
    cutoffMinutes: z.optional(minutes(L.maxCutoffMin, '报名截止时间最多提前 7 天')),
  }),
  cancelSlot: z.object({ slotId: id, reason }),
  /** Staff of the volunteer's community: the volunteer's record (name, number, training tags) before recording. */
  volunteerRecord: z.object({ openid: id }),
  /** Staff of the volunteer's community record the trainings they hold. */
  setTrainingTags: z.object({ openid: id, tags: z.array(z.enum(TRAINING_TAGS)).check(z.maxLength(TRAINING_TAGS.length)) }),
  /** Open slots: my community (default) or the district, by service type and from a day. */
  browseSlots: z.object({
    scope: z.optional(z.enum(['community', 'district'])),
    serviceType: z.optional(z.enum(SERVICE_TYPES)),
    date: z.optional(day),
    ...pageInput,
  }),
  slotDetail: z.object({ slotId: id }),
  /** An approved volunteer takes a place; `subscribed`: they accepted the one-time subscription message. */
  signUp: z.object({ slotId: id, insuranceAck: z.optional(z.boolean()), subscribed: z.optional(z.boolean()) }),
  cancelSignUp: z.object({ slotId: id }),
  /** 我的服务. */
  myShifts: z.object({ tab: z.optional(z.enum(MY_SHIFT_TABS)), ...pageInput }),
}

export interface PlaceView {
  name: string
  lat: number
  lng: number
  radiusM: number
}

export interface RequirementsView {
  minAge?: number
  trainingTags: string[]
  insuranceRequired: boolean
}

/** A project as its staff see it. */
export interface ProjectView {
  id: string
  communityId: string
  communityName: string
  title: string
  description: string
  serviceType: ServiceType
  place: PlaceView
  requirements: RequirementsView
  contactName: string
  contactPhone: string
  status: 'active' | 'archived'
  updatedAt: ISODate
}

/** A slot in lists: no shifts, no names, no phones. */
export interface SlotCard {
  id: string
  projectId: string
  communityId: string
  communityName: string
  title: string
  serviceType: ServiceType
  placeName: string
  date: string
  startTime: string
  endTime: string
  headcount: number
  taken: number
  placesLeft: number
  creditMinutes: number
  signupCutoffAt: ISODate
  status: SlotStatus
  requirements: RequirementsView
  cancelReason?: string
}

/** The viewer's own shift on a slot. */
export interface MyShiftView {
  status: ShiftStatus
  signedUpAt: ISODate
  /** Check-in/check-out pairs so far (part B writes them). */
  pairs: number
  flagged?: string
}

export interface SlotDetail extends SlotCard {
  description: string
  place: PlaceView
  /** The project's published contact: only to those holding a place and to the slot's staff. */
  contact?: { name: string; phone: string }
  mine?: MyShiftView
  /** What this viewer may do now (the server's allowedSlotActions; the page draws its buttons from it). */
  allowed: SlotViewerAction[]
  isStaff: boolean
}

/** A slot as its staff see it in the project page: the counts of its shifts, never names or phones. */
export interface StaffSlotCard extends SlotCard {
  checkedIn: number
}

/** Whom staff must call: those signed up who did not accept a subscription message (or whose message failed). */
export interface CallListEntry {
  name: string
  phone: string
}

/** The answer to a slot change that concerns those signed up. */
export interface SlotChange {
  slot: StaffSlotCard
  /** Subscription messages sent. */
  notified: number
  callList: CallListEntry[]
}

/** 我的服务: a slot with my shift's state. */
export interface MyShiftCard extends SlotCard {
  shiftStatus: ShiftStatus
  // part D: set while check-in (or, checked in, check-out) is open for my shift now: 我的服务 links to 签到签退.
  checkinOpen?: true
}

/** Outputs of the slots actions. */
export interface VolunteerSlotsOutputs {
  saveProject: ProjectView
  listProjects: Page<ProjectView>
  projectDetail: ProjectView
  archiveProject: ProjectView
  createSlots: { created: number; slotIds: string[]; first: string; last: string }
  listProjectSlots: Page<StaffSlotCard>
  editSlot: SlotChange
  cancelSlot: SlotChange
  volunteerRecord: { openid: string; realName: string; number?: string; tags: string[] }
  setTrainingTags: { openid: string; tags: string[] }
  browseSlots: Page<SlotCard>
  slotDetail: SlotDetail
  signUp: { slotId: string; status: ShiftStatus; placesLeft: number }
  cancelSignUp: { slotId: string; status: ShiftStatus; placesLeft: number }
  myShifts: Page<MyShiftCard>
}
