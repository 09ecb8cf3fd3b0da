// The volunteer function's ledger actions (issue 10, part C): staff confirm checked-out shifts into the append-only
// hours ledger (MCA Order 67), adjust, void, back-fill (补录), credit a closed wish, correct entries, answer disputes
// and record certificates; volunteers read their totals and record, dispute an entry and request a certificate.
import * as z from 'zod/mini'
import { id, pageInput, type ISODate, type Page } from '../common'
import { text } from '../text'
import type { StarLevel } from './hours'
import {
  LEDGER_LIMITS as L,
  SERVICE_TYPES,
  type CertificateStatus,
  type CheckMethod,
  type DisputeStatus,
  type LedgerSource,
  type ServiceType,
  type ShiftDecision,
  type ShiftStatus,
} from './rules'

const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'))
const time = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:mm'))
const reason = text({ min: 1, max: L.reason, minMessage: '请填写原因', maxMessage: `原因不能超过 ${L.reason} 字`, multiline: true })
const minutes = (max: number) => z.number().check(z.int('请填写整数分钟'), z.minimum(0, '时长不能为负'), z.maximum(max, `时长不能超过 ${max} 分钟`))
const openid = id

export const volunteerLedgerInputs = {
  /** Staff: slots of their communities (or the one named) with checked-out shifts waiting for confirmation. */
  confirmQueue: z.object({ communityId: z.optional(id), ...pageInput }),
  /** Staff: one slot's shifts after check-out, with their computed minutes and what the viewer may do. */
  confirmSlot: z.object({ slotId: id }),
  /** Staff: confirm a slot's checked-out shifts in bulk (all of them, or the listed volunteers'). */
  confirmShifts: z.object({ slotId: id, openids: z.optional(z.array(openid).check(z.minLength(1), z.maxLength(100))) }),
  /** Staff: confirm one shift with other minutes than computed, with a reason. */
  adjustShift: z.object({ slotId: id, openid, minutes: minutes(L.maxEntryMinutes), reason }),
  /** Staff: void one checked-out shift (no hours), with a reason. */
  voidShift: z.object({ slotId: id, openid, reason }),
  /** Staff: 补录, hours done off the app, with a reason and an evidence note (kept apart in every total). */
  backfill: z.object({
    volunteerNo: text({ min: 1, max: 40, minMessage: '请填写志愿者编号' }),
    serviceDate: day,
    startTime: z.optional(time),
    endTime: z.optional(time),
    minutes: z.optional(minutes(L.maxEntryMinutes)),
    place: text({ min: 1, max: L.place, minMessage: '请填写服务地点', maxMessage: `地点不能超过 ${L.place} 字` }),
    serviceType: z.enum(SERVICE_TYPES),
    content: text({ min: 1, max: L.content, minMessage: '请填写服务内容', maxMessage: `服务内容不能超过 ${L.content} 字` }),
    reason,
    evidence: text({ min: 1, max: L.evidence, minMessage: '请填写证明材料说明', maxMessage: `证明材料说明不能超过 ${L.evidence} 字`, multiline: true }),
  }),
  /** Staff: credit hours for a closed wish claimed by a volunteer (once per wish). */
  creditWish: z.object({
    wishId: id,
    minutes: z.number().check(z.int('请填写整数分钟'), z.minimum(1, '请填写时长'), z.maximum(L.maxWishMinutes, `心愿服务时长不能超过 ${L.maxWishMinutes} 分钟`)),
  }),
  /** Staff (part E): closed wishes claimed by a volunteer whose hours wait for the credit, oldest closed first. */
  creditQueue: z.object({ communityId: z.optional(id), ...pageInput }),
  /** Staff: correct an entry to `minutes` (a new entry with the signed difference, referencing the original). */
  correctEntry: z.object({ entryId: id, minutes: minutes(L.maxEntryMinutes), reason }),
  /** Staff: open disputes of their communities, oldest first. */
  disputeQueue: z.object({ communityId: z.optional(id), ...pageInput }),
  /** Staff: answer a dispute by adjusting the entry (a correction) or keeping it, with a reason the volunteer sees. */
  answerDispute: z.object({ disputeId: id, decision: z.enum(['adjust', 'keep']), minutes: z.optional(minutes(L.maxEntryMinutes)), reason }),
  /** Staff: certificate requests waiting, oldest first. */
  certificateQueue: z.object({ communityId: z.optional(id), ...pageInput }),
  /** Staff: record the certificate the 居委会 issued offline (its number and date). */
  recordCertificate: z.object({
    certificateId: id,
    number: text({ min: 1, max: L.certificateNo, minMessage: '请填写证明编号', maxMessage: `证明编号不能超过 ${L.certificateNo} 字` }),
    issuedOn: day,
  }),
  /** A volunteer's totals: ONE read of their summary. */
  myTotals: z.object({}),
  /** A volunteer's ledger entries, newest first (the first page also carries their certificate requests). */
  myRecord: z.object({ ...pageInput }),
  /** A volunteer's disputes and their answers, newest first. */
  myDisputes: z.object({ ...pageInput }),
  /** A volunteer disputes one of their entries, with a reason. */
  disputeEntry: z.object({ entryId: id, reason }),
  /** A volunteer requests a certificate of their record (申请志愿服务记录证明). */
  requestCertificate: z.object({ purpose: z.optional(text({ max: 60, maxMessage: '用途不能超过 60 字' })) }),
}

/** A slot waiting for confirmation, as the staff queue lists it. */
export interface ConfirmSlotCard {
  slotId: string
  communityId: string
  title: string
  serviceType: ServiceType
  date: string
  startTime: string
  endTime: string
  place: string
  /** Checked-out shifts waiting, and how many of them are flagged (e.g. closed by the scheduler). */
  waiting: number
  flagged: number
}

/** One shift on the confirm page: no phone, no birth date. */
export interface ConfirmShift {
  openid: string
  name: string
  status: ShiftStatus
  /** The minutes computed from the pairs (clipped to the window, capped at the credit). */
  computedMinutes: number
  /** The minutes decided (confirmed/adjusted), when decided. */
  minutes?: number
  pairs: { inAt: ISODate; outAt?: ISODate; inBy: CheckMethod; outBy?: CheckMethod }[]
  flagged?: string
  reason?: string
  /** What this viewer may do (four eyes: never on their own shift). */
  allowed: ShiftDecision[]
  /** Why nothing is allowed, e.g. 本人的服务时长须由其他工作人员确认. */
  note?: string
}

export interface ConfirmSlotView extends ConfirmSlotCard {
  creditMinutes: number
  shifts: ConfirmShift[]
}

/** What a bulk confirmation did: who was confirmed (with the entry), and who was skipped and why. */
export interface ConfirmResult {
  slotId: string
  confirmed: { openid: string; entryId: string; minutes: number }[]
  skipped: { openid: string; reason: string }[]
}

/** One ledger entry as its volunteer (or scoped staff) sees it: Order 67's record fields. */
export interface LedgerEntryView {
  id: string
  volunteerName: string
  volunteerNo: string
  organiser: string
  source: LedgerSource
  serviceDate: string
  startTime?: string
  endTime?: string
  place: string
  serviceType: ServiceType
  content: string
  minutes: number
  /** Hours to 0.1 h. */
  hours: string
  correctionOf?: string
  reason?: string
  evidence?: string
  confirmedByName: string
  confirmedAt: ISODate
}

/** A volunteer's totals (from the summary; 补录 kept apart). */
export interface VolunteerTotals {
  liveMinutes: number
  backfillMinutes: number
  /** This China year's confirmed (non-补录) minutes, and its 补录 minutes. */
  year: string
  yearMinutes: number
  yearBackfillMinutes: number
  entries: number
  /** From the confirmed (non-补录) hours. */
  star: StarLevel
  /** Always 平台记录: the app's figures are never a 证明. */
  wording: string
}

export interface DisputeView {
  id: string
  entryId: string
  volunteerName: string
  communityId: string
  serviceDate: string
  content: string
  entryMinutes: number
  reason: string
  status: DisputeStatus
  decision?: 'adjust' | 'keep'
  answer?: string
  correctionId?: string
  createdAt: ISODate
  answeredAt?: ISODate
}

export interface CertificateView {
  id: string
  volunteerName: string
  volunteerNo: string
  communityId: string
  purpose?: string
  status: CertificateStatus
  requestedAt: ISODate
  number?: string
  issuedOn?: string
  /** "已出具证明 No. …" once recorded; otherwise the request's state (never 证明 before). */
  label: string
}

/** A closed wish whose volunteer's hours wait for the credit (part E): no phone, no openid, no address. */
export interface CreditDueWish {
  wishId: string
  communityId: string
  title: string
  /** The claiming volunteer's name as the claim recorded it. */
  claimantName: string
  /** The China day it closed. */
  closedOn: string
  /** What this viewer may do: `credit`, or nothing for a wish they claimed themselves (four eyes). */
  allowed: 'credit'[]
  /** Why nothing is allowed. */
  note?: string
}

export interface VolunteerLedgerOutputs {
  confirmQueue: Page<ConfirmSlotCard>
  confirmSlot: ConfirmSlotView
  confirmShifts: ConfirmResult
  adjustShift: ConfirmResult
  voidShift: { slotId: string; openid: string; status: ShiftStatus }
  backfill: LedgerEntryView
  creditWish: LedgerEntryView
  creditQueue: Page<CreditDueWish>
  correctEntry: LedgerEntryView
  disputeQueue: Page<DisputeView>
  answerDispute: DisputeView
  certificateQueue: Page<CertificateView>
  recordCertificate: CertificateView
  myTotals: VolunteerTotals
  myRecord: Page<LedgerEntryView> & { certificates?: CertificateView[] }
  myDisputes: Page<DisputeView>
  disputeEntry: DisputeView
  requestCertificate: CertificateView
}
