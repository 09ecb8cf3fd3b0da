// The fuzzer's output shapes of the elder function's activities actions (outputs.ts joins the parts).
import * as z from 'zod/mini'
import { ACTIVITY_CATEGORIES, RECURRENCE_KINDS, WEEK_CHOICES } from '../../src/contracts/elder/rules'

const str = z.string()
const num = z.number()
const page = (item: z.ZodMiniType) => z.looseObject({ items: z.array(item), page: num, pageSize: num, hasMore: z.boolean() })
const activity = z.looseObject({
  id: str,
  communityId: str,
  title: str,
  category: z.enum(ACTIVITY_CATEGORIES),
  host: str,
  status: z.enum(['active', 'archived']),
  rev: num,
  summary: str,
  segments: z.array(z.looseObject({ from: str, kind: z.enum(RECURRENCE_KINDS), startTime: str, place: str, capacity: z.nullable(num), summary: str })),
})
const occurrence = z.looseObject({ day: str, date: str, start: str, end: str, place: str, capacity: z.nullable(num), taken: num, allowed: z.array(str) })
const callList = z.array(z.looseObject({ name: str, role: str }))
const change = z.looseObject({ occurrence, notified: num, callList })
const item = z.looseObject({ activityId: str, day: str, start: str, end: str, place: str, placesLeft: z.nullable(num), signupRequired: z.boolean() })

export const elderActivitiesShapes = {
  saveActivity: activity,
  editRule: z.looseObject({ activity, cancelled: z.array(z.looseObject({ day: str, notified: num, callList })) }),
  archiveActivity: activity,
  staffActivities: page(z.looseObject({ id: str, title: str, status: z.enum(['active', 'archived']), rev: num, summary: str })),
  staffActivity: z.looseObject({ activity, occurrences: z.array(occurrence), allowed: z.array(str) }),
  cancelOccurrence: change,
  moveOccurrence: change,
  week: z.looseObject({
    communityId: str,
    week: z.enum(WEEK_CHOICES),
    from: str,
    to: str,
    today: str,
    activities: z.record(str, z.looseObject({ title: str, category: str, host: str })),
    days: z.array(z.looseObject({ day: str, weekday: num, items: z.array(item) })),
  }),
} satisfies Record<string, z.ZodMiniType>
