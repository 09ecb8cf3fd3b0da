// The elder function's onsite actions: input schemas and outputs (issue 12): the roster, check-in (roster, walk-ins, the occurrence's code), person-times, the printable poster (part C).
import * as z from 'zod/mini'
import { calendarDay, id, pageInput, type ISODate, type Page } from '../common'
import { text } from '../text'
import {
  ELDER_LIMITS,
  ONSITE_MESSAGES as M,
  POSTER_WEEKS,
  type ActivityCategory,
  type ElderCheckinMethod,
  type PosterWeek,
  type ProfileKind,
  type SignupRole,
  type SignupStatus,
} from './rules'

/** A China day, YYYY-MM-DD, that exists. */
const day = calendarDay
/** One occurrence: the activity and its ORIGINAL China day. */
const occurrence = { activityId: id, day }

/** Input schemas of the onsite actions. */
export const elderOnsiteInputs = {
  /** Staff in scope: the occurrence's sign-ups (name, who signed them up, checked in or not) and walk-ins. */
  roster: z.object(occurrence),
  /** Staff in scope: ticks sign-up `index` (its `personKey` as read, so a changed list is refused) as checked in. */
  checkIn: z.object({ ...occurrence, index: z.number().check(z.int(), z.minimum(0), z.maximum(ELDER_LIMITS.capacity * 4)), personKey: id }),
  /** Staff in scope: someone who came without signing up, by name or picking a managed profile of the community. */
  addWalkIn: z.object({
    ...occurrence,
    name: z.optional(text({ max: ELDER_LIMITS.profileName, maxMessage: `姓名最多${ELDER_LIMITS.profileName}个字` })),
    profileId: z.optional(id),
  }),
  /** Staff in scope: the community's active managed profiles to pick a walk-in from (names only), by name. */
  walkInProfiles: z.object({ communityId: id, ...pageInput }),
  /** Staff in scope: the occurrence's mini-program code (签到码), whose scene is the occurrence. */
  occurrenceCode: z.object(occurrence),
  /** The elder or family member who scanned the code: checks in themselves and/or the elders they signed up. */
  scanCheckIn: z.object({ scene: z.string().check(z.minLength(1), z.maxLength(32)), personKeys: z.optional(z.array(id).check(z.maxLength(20))) }),
  /** Staff in scope: person-times (人次) of a month by category and by activity. */
  monthStats: z.object({ communityId: z.optional(id), month: z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, M.monthFormat)) }),
  /** Staff in scope: the week's poster (the community's name, each day's occurrences, the week page's code). */
  poster: z.object({ communityId: z.optional(id), week: z.enum(POSTER_WEEKS) }),
}

/** One sign-up on the roster: the name and who signed them up (never a phone or an age). */
export interface RosterSignup {
  /** The entry's stable position (`checkIn` names it with the personKey). */
  index: number
  personKey: string
  name: string
  status: SignupStatus
  role: SignupRole
  /** The signer's nickname ('' when unknown). */
  byName: string
  checkedInAt?: ISODate
  checkinMethod?: ElderCheckinMethod
}

/** Someone who came without signing up. */
export interface RosterWalkIn {
  name: string
  profileId?: string
  at: ISODate
}

/** An occurrence's roster (staff in scope only). */
export interface ElderRoster {
  activityId: string
  communityId: string
  day: string
  title: string
  category: ActivityCategory
  startAt: ISODate
  endAt: ISODate
  place: string
  capacity: number | null
  taken: number
  cancelled: boolean
  moved: boolean
  signups: RosterSignup[]
  walkIns: RosterWalkIn[]
  /** Sign-ups checked in + walk-ins. */
  present: number
  /** Whether check-in (ticks, walk-ins) is open now: from 30 minutes before the start to the end of its day. */
  checkinOpen: boolean
}

/** What a tick did: `repeated` when the person was already checked in (the first check-in is answered). */
export interface ElderCheckInResult {
  activityId: string
  day: string
  index: number
  name: string
  checkedInAt: ISODate
  checkinMethod: ElderCheckinMethod
  repeated: boolean
}

/** What adding a walk-in did: `repeated` for a retried call. */
export interface WalkInResult {
  activityId: string
  day: string
  walkIn: RosterWalkIn
  repeated: boolean
}

/** A managed profile to pick as a walk-in: the name and kind only (never a phone or an age). */
export interface WalkInProfile {
  profileId: string
  name: string
  kind: ProfileKind
}

/** The occurrence's mini-program code (a temporary URL of the PNG). */
export interface OccurrenceCode {
  activityId: string
  day: string
  title: string
  startAt: ISODate
  page: string
  scene: string
  fileID: string
  url: string
}

/** What a scan did: who is now checked in; `repeated` when they all already were. */
export interface ScanCheckInResult {
  activityId: string
  day: string
  title: string
  startAt: ISODate
  place: string
  checkedIn: { personKey: string; name: string; at: ISODate }[]
  repeated: boolean
}

/** Person-times of one month in one community (counts up to a minute old). */
export interface ElderMonthStats {
  communityId: string
  month: string
  total: number
  byCategory: { category: ActivityCategory; count: number }[]
  byActivity: { activityId: string; title: string; category: ActivityCategory; count: number }[]
  refreshMinutes: number
}

/** One occurrence on the poster. */
export interface PosterItem {
  activityId: string
  /** HH:mm China time (the actual start, moved or not). */
  time: string
  title: string
  place: string
  host: string
  cancelled: boolean
  moved: boolean
}

/** The printable week: the community, the range, each day's occurrences, and the week page's code. */
export interface ElderPoster {
  communityId: string
  communityName: string
  week: PosterWeek
  from: string
  to: string
  days: { day: string; items: PosterItem[] }[]
  code: { page: string; scene: string; url: string }
}

/** Outputs of the onsite actions. */
export interface ElderOnsiteOutputs {
  roster: ElderRoster
  checkIn: ElderCheckInResult
  addWalkIn: WalkInResult
  walkInProfiles: Page<WalkInProfile>
  occurrenceCode: OccurrenceCode
  scanCheckIn: ScanCheckInResult
  monthStats: ElderMonthStats
  poster: ElderPoster
}
