// The fuzzer's output shapes of the elder function's onsite actions (outputs.ts joins the parts).
import * as z from 'zod/mini'
import { ACTIVITY_CATEGORIES, ELDER_CHECKIN_METHODS, POSTER_WEEKS, PROFILE_KINDS, SIGNUP_ROLES, SIGNUP_STATUSES } from '../../src/contracts/elder/rules'

const str = z.string()
const num = z.number()
const bool = z.boolean()
const category = z.enum(ACTIVITY_CATEGORIES)
const method = z.enum(ELDER_CHECKIN_METHODS)
const walkIn = z.looseObject({ name: str, profileId: z.optional(str), at: str })
const occurrence = { activityId: str, day: str }

export const elderOnsiteShapes = {
  roster: z.looseObject({
    ...occurrence,
    communityId: str,
    title: str,
    category,
    startAt: str,
    endAt: str,
    place: str,
    capacity: z.nullable(num),
    taken: num,
    cancelled: bool,
    moved: bool,
    signups: z.array(
      z.looseObject({
        index: num,
        personKey: str,
        name: str,
        status: z.enum(SIGNUP_STATUSES),
        role: z.enum(SIGNUP_ROLES),
        byName: str,
        checkedInAt: z.optional(str),
        checkinMethod: z.optional(method),
      }),
    ),
    walkIns: z.array(walkIn),
    present: num,
    checkinOpen: bool,
  }),
  checkIn: z.looseObject({ ...occurrence, index: num, name: str, checkedInAt: str, checkinMethod: method, repeated: bool }),
  addWalkIn: z.looseObject({ ...occurrence, walkIn, repeated: bool }),
  walkInProfiles: z.looseObject({ items: z.array(z.looseObject({ profileId: str, name: str, kind: z.enum(PROFILE_KINDS) })), page: num, pageSize: num, hasMore: bool }),
  occurrenceCode: z.looseObject({ ...occurrence, title: str, startAt: str, page: str, scene: str, fileID: str, url: str }),
  scanCheckIn: z.looseObject({ ...occurrence, title: str, startAt: str, place: str, checkedIn: z.array(z.looseObject({ personKey: str, name: str, at: str })), repeated: bool }),
  monthStats: z.looseObject({
    communityId: str,
    month: str,
    total: num,
    byCategory: z.array(z.looseObject({ category, count: num })),
    byActivity: z.array(z.looseObject({ activityId: str, title: str, category, count: num })),
    refreshMinutes: num,
  }),
  poster: z.looseObject({
    communityId: str,
    communityName: str,
    week: z.enum(POSTER_WEEKS),
    from: str,
    to: str,
    days: z.array(z.looseObject({ day: str, items: z.array(z.looseObject({ activityId: str, time: str, title: str, place: str, host: str, cancelled: bool, moved: bool })) })),
    code: z.looseObject({ page: str, scene: str, url: str }),
  }),
} satisfies Record<string, z.ZodMiniType>
