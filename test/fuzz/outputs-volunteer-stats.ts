// The fuzzer's output shapes of the volunteer function's statistics actions (outputs.ts joins the parts).
import * as z from 'zod/mini'

const str = z.string()
const num = z.number()
const person = z.looseObject({ name: str, volunteerNo: str, minutes: num })
const quiet = z.looseObject({ name: str, volunteerNo: str, lastServiceDate: str })

export const volunteerStatsShapes = {
  monthStats: z.looseObject({
    communityId: str,
    month: str,
    minutes: num,
    personTimes: num,
    volunteers: num,
    backfillMinutes: num,
    backfillEntries: num,
    byType: z.array(z.looseObject({ serviceType: str, minutes: num, personTimes: num })),
    top: z.array(person),
    quiet: z.looseObject({ items: z.array(quiet), page: num, pageSize: num, hasMore: z.boolean() }),
    quietSince: str,
  }),
}
