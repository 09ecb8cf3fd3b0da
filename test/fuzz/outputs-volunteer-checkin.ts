// The fuzzer's output shapes of the volunteer function's checkin actions (outputs.ts joins the parts).
import * as z from 'zod/mini'
import { CHECK_METHODS, CHECK_PURPOSES, SHIFT_STATUSES } from '../../src/contracts/volunteer/rules'

const str = z.string()
const status = z.enum(SHIFT_STATUSES)
const can = z.array(z.enum(['checkIn', 'checkOut']))
const pair = z.looseObject({ inAt: str, inBy: z.enum(CHECK_METHODS), outAt: z.optional(str), outBy: z.optional(z.enum(CHECK_METHODS)) })
const result = z.looseObject({ slotId: str, status, pair, repeated: z.boolean() })

export const volunteerCheckinShapes = {
  slotCode: z.looseObject({ slotId: str, purpose: z.enum(CHECK_PURPOSES), code: z.string().check(z.regex(/^\d{6}$/)), qr: str, expiresAt: str, now: str }),
  checkIn: result,
  checkOut: result,
  myCheckin: z.looseObject({ slotId: str, title: str, opensAt: str, closesAt: str, status, pairs: z.array(pair), can }),
  roster: z.looseObject({
    slotId: str,
    headcount: z.number(),
    taken: z.number(),
    checkedIn: z.number(),
    shifts: z.array(z.looseObject({ openid: str, name: str, status, pairs: z.array(pair), phone: z.optional(str), can })),
    page: z.number(),
    pageSize: z.number(),
    hasMore: z.boolean(),
  }),
} satisfies Record<string, z.ZodMiniType>
