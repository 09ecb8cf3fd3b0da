// The fuzzer's output shapes of the elder function's signups actions (outputs.ts joins the parts).
import * as z from 'zod/mini'
import { PROFILE_KINDS, SIGNUP_ACTIONS, SIGNUP_ROLES, SIGNUP_STATUSES } from '../../src/contracts/elder/rules'

const str = z.string()
const num = z.number()
const page = (item: z.ZodMiniType) => z.looseObject({ items: z.array(item), page: num, pageSize: num, hasMore: z.boolean() })
const person = z.union([z.literal('self'), z.looseObject({ profileId: str })])
const status = z.enum([...SIGNUP_STATUSES, 'none'])
const allowed = z.array(z.enum(SIGNUP_ACTIONS))
const left = z.nullable(num)
const result = z.looseObject({ activityId: str, day: str, person, status, placesLeft: left })
const profile = z.looseObject({ id: str, kind: z.enum(PROFILE_KINDS), communityId: str, name: str, age: num, phone: z.optional(str), consentNote: str, status: str })

export const elderSignupsShapes = {
  occurrenceDetail: z.looseObject({
    activityId: str,
    day: str,
    title: str,
    place: str,
    startAt: str,
    endAt: str,
    capacity: left,
    placesLeft: left,
    cancelled: z.boolean(),
    stored: z.boolean(),
    candidates: z.array(z.looseObject({ person, name: str, status, allowed })),
  }),
  signUp: result,
  cancelSignUp: result,
  mySignups: page(z.looseObject({ activityId: str, day: str, title: str, startAt: str, person, name: str, status, allowed })),
  saveProfile: profile,
  myProfiles: page(profile),
  archiveProfile: profile,
  saveStaffProfile: profile,
  staffProfiles: page(z.looseObject({ ...profile.shape, managers: z.array(str) })),
  callList: z.looseObject({
    communityId: str,
    day: str,
    lines: z.array(
      z.looseObject({ activityId: str, title: str, startAt: str, name: str, phone: z.optional(str), role: z.enum(SIGNUP_ROLES), reason: z.enum(['staff', 'unsubscribed', 'failed']) }),
    ),
  }),
} satisfies Record<string, z.ZodMiniType>
