// The fuzzer's output shapes of the school function's enrolment actions (outputs.ts joins the parts).
import * as z from 'zod/mini'
import { ENROLMENT_STATUSES, ENROLMENT_TABS } from '../../src/contracts/school/rules'

const str = z.string()
const num = z.number()
const page = (item: z.ZodMiniType) => z.looseObject({ items: z.array(item), page: num, pageSize: num, hasMore: z.boolean() })
const session = z.looseObject({ id: str, communityId: str, name: str, capacity: num, held: num, waiting: num, windowOpen: z.boolean() })
const answer = z.looseObject({ sessionId: str, childId: str, status: z.enum(ENROLMENT_STATUSES), position: z.optional(num) })
const mine = z.looseObject({ childId: str, childName: str, status: z.enum(ENROLMENT_STATUSES), allowed: z.array(str) })
const results = z.looseObject({
  session,
  drawn: z.boolean(),
  announcedNumber: str,
  capacity: num,
  rows: z.array(z.looseObject({ no: num, priority: z.boolean(), children: num, result: z.enum(['enrolled', 'waitlisted']) })),
  algorithm: z.array(str),
})

export const schoolEnrolmentShapes = {
  enrol: answer,
  enterLottery: z.looseObject({ sessionId: str, no: num, childIds: z.array(str) }),
  cancelEnrolment: answer,
  acceptOffer: answer,
  declineOffer: answer,
  removeEnrolment: answer,
  setCapacity: z.looseObject({ sessionId: str, capacity: num, held: num, waiting: num, offered: num }),
  verifyClaim: z.looseObject({ sessionId: str, familyId: str, verified: z.boolean() }),
  drawLottery: results,
  lotteryResults: results,
  familyView: z.looseObject({ items: z.array(z.looseObject({ session, mine: z.array(mine) })), hasMore: z.boolean(), children: z.array(z.looseObject({ id: str, name: str })) }),
  sessionDetail: z.looseObject({ session, mine: z.array(mine), children: z.array(z.looseObject({ id: str, name: str })), allowed: z.array(str) }),
  sessionEnrolments: z.looseObject({
    session,
    tab: z.enum(ENROLMENT_TABS),
    rows: page(z.looseObject({ childId: str, name: str, status: z.enum(ENROLMENT_STATUSES) })),
    allowed: z.array(str),
  }),
  offerCallList: z.looseObject({ sessionId: str, items: z.array(z.looseObject({ childId: str, name: str, phone: str, expiresAt: str })) }),
} satisfies Record<string, z.ZodMiniType>
