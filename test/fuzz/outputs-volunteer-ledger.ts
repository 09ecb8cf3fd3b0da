// The fuzzer's output shapes of the volunteer function's ledger actions (outputs.ts joins the parts).
import * as z from 'zod/mini'
import { CERTIFICATE_STATUSES, DISPUTE_STATUSES, LEDGER_SOURCES, SHIFT_STATUSES } from '../../src/contracts/volunteer/rules'

const str = z.string()
const num = z.number()
const page = (item: z.ZodMiniType) => z.looseObject({ items: z.array(item), page: num, pageSize: num, hasMore: z.boolean() })
const slotCard = z.looseObject({ slotId: str, communityId: str, title: str, date: str, startTime: str, endTime: str, place: str, waiting: num, flagged: num })
const shift = z.looseObject({ openid: str, name: str, status: z.enum(SHIFT_STATUSES), computedMinutes: num, pairs: z.array(z.looseObject({ inAt: str })), allowed: z.array(str) })
const confirmResult = z.looseObject({
  slotId: str,
  confirmed: z.array(z.looseObject({ openid: str, entryId: str, minutes: num })),
  skipped: z.array(z.looseObject({ openid: str, reason: str })),
})
const entry = z.looseObject({
  id: str,
  volunteerName: str,
  volunteerNo: str,
  organiser: str,
  source: z.enum(LEDGER_SOURCES),
  serviceDate: str,
  place: str,
  serviceType: str,
  content: str,
  minutes: num,
  hours: z.string().check(z.regex(/^-?\d+\.\d$/)),
  confirmedByName: str,
  confirmedAt: str,
})
const dispute = z.looseObject({ id: str, entryId: str, communityId: str, entryMinutes: num, reason: str, status: z.enum(DISPUTE_STATUSES), createdAt: str })
const certificate = z.looseObject({ id: str, communityId: str, status: z.enum(CERTIFICATE_STATUSES), requestedAt: str, label: str })
const totals = z.looseObject({
  liveMinutes: num,
  backfillMinutes: num,
  year: str,
  yearMinutes: num,
  yearBackfillMinutes: num,
  entries: num,
  star: z.looseObject({ stars: num, progress: num }),
  wording: z.literal('平台记录'),
})

export const volunteerLedgerShapes = {
  confirmQueue: page(slotCard),
  confirmSlot: z.looseObject({ slotId: str, creditMinutes: num, waiting: num, shifts: z.array(shift) }),
  confirmShifts: confirmResult,
  adjustShift: confirmResult,
  voidShift: z.looseObject({ slotId: str, openid: str, status: z.literal('voided') }),
  backfill: entry,
  creditWish: entry,
  creditQueue: page(z.looseObject({ wishId: str, communityId: str, title: str, claimantName: str, closedOn: str, allowed: z.array(z.literal('credit')) })),
  correctEntry: entry,
  disputeQueue: page(dispute),
  answerDispute: dispute,
  certificateQueue: page(certificate),
  recordCertificate: certificate,
  myTotals: totals,
  myRecord: page(entry),
  myDisputes: page(dispute),
  disputeEntry: dispute,
  requestCertificate: certificate,
} satisfies Record<string, z.ZodMiniType>
