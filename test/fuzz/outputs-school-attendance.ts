// The fuzzer's output shapes of the school function's attendance actions (outputs.ts joins the parts).
import * as z from 'zod/mini'

const str = z.string()
const num = z.number()
const record = z.looseObject({ arrivedAt: z.optional(str), pickedUpAt: z.optional(str) })
const change = z.looseObject({ sessionId: str, childId: str, day: str, record, repeated: z.boolean() })
const rosterChild = z.looseObject({ childId: str, name: str, grade: num, allergy: z.boolean(), can: z.array(z.enum(['checkIn', 'checkOut', 'release', 'markLeave', 'cancelLeave'])) })
const dayItem = z.looseObject({ sessionId: str, day: str, record, absent: z.boolean(), can: z.array(z.enum(['reportLeave', 'cancelLeave'])) })
const figure = z.looseObject({ day: str, expected: num, onLeave: num, arrived: num, rate: z.nullable(num) })

export const schoolAttendanceShapes = {
  roster: z.looseObject({ sessionId: str, day: str, viewer: z.enum(['staff', 'volunteer']), counts: z.looseObject({ enrolled: num }), children: z.array(rosterChild) }),
  reportLeave: change,
  markLeave: change,
  cancelLeave: change,
  checkInChild: change,
  checkOutChild: z.looseObject({ outcome: z.enum(['picked_up', 'refused']), childId: str }),
  checkoutOptions: z.looseObject({ childId: str, childName: str, adults: z.array(z.looseObject({ adultId: str, name: str, relation: str })) }),
  releaseChild: change,
  childDay: z.looseObject({ childId: str, day: str, items: z.array(dayItem) }),
  childDays: z.looseObject({ items: z.array(dayItem), page: num, hasMore: z.boolean(), from: str, to: str }),
  cancelDay: z.looseObject({ sessionId: str, day: str, notified: num, callList: z.array(z.looseObject({ childName: str, phone: str })), repeated: z.boolean() }),
  sessionStats: z.looseObject({
    sessionId: str,
    enrolled: num,
    waitlisted: num,
    byDay: z.array(figure),
    byWeek: z.array(figure),
    noShows: z.array(z.looseObject({ childId: str, days: num })),
  }),
} satisfies Record<string, z.ZodMiniType>
