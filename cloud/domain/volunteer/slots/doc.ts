// Shared pieces of the slots part (issue 10, part A): loading projects and slots, their instants in China time,
// and how they are shown (cards never carry shifts, names or phones).
import { createHash } from 'crypto'
import { SLOT_FORM_MESSAGES, SLOT_LIMITS, type ProjectView, type SlotCard, type StaffSlotCard } from '../../../../src/contracts/volunteer'
import { communityName } from '../../../lib/communities'
import type { Ctx } from '../../../lib/context'
import { iso } from '../../../lib/dates'
import { HandlerError, invalidField } from '../../../lib/errors'
import { VOL_PROJECTS, VOL_SLOTS, type ProjectDoc, type ShiftEntry, type SlotDoc } from '../model'

/** Shift statuses that hold a place on the slot (the openid is in `volunteerOpenids`). */
export const HOLDING: readonly ShiftEntry['status'][] = ['signed_up', 'checked_in', 'checked_out', 'confirmed']

/** The slot's own key in `keys` (index lookup). */
export function slotKey(slotId: string): string {
  return `slot:${slotId}`
}

/** A document id derived from the caller and the requestId (and a part), so a retried create finds its own. */
export function derivedId(prefix: string, openid: string, requestId: string, part = ''): string {
  return `${prefix}${createHash('sha256').update(`${prefix}:${openid}:${requestId}:${part}`).digest('hex').slice(0, 24)}`
}

/** One project by id, or NOT_FOUND. */
export async function loadProject(ctx: Ctx, id: string): Promise<ProjectDoc> {
  const p = (await ctx.db.collection(VOL_PROJECTS).doc(id).get()).data as ProjectDoc | null
  if (!p) throw new HandlerError('NOT_FOUND', '没有找到这个服务项目')
  return p
}

/** One slot by id, or NOT_FOUND. */
export async function loadSlot(ctx: Ctx, id: string): Promise<SlotDoc> {
  const s = (await ctx.db.collection(VOL_SLOTS).doc(id).get()).data as SlotDoc | null
  if (!s) throw new HandlerError('NOT_FOUND', '没有找到这个班次')
  return s
}

/** Minutes between two HH:mm times of one day. */
export function windowMinutes(startTime: string, endTime: string): number {
  const m = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5))
  return m(endTime) - m(startTime)
}

/** Refuses a window shorter than 15 minutes or longer than 12 hours (field: endTime). */
export function requireWindow(startTime: string, endTime: string): number {
  const w = windowMinutes(startTime, endTime)
  if (w < SLOT_LIMITS.minWindowMin || w > SLOT_LIMITS.maxWindowMin) throw invalidField('endTime', SLOT_FORM_MESSAGES.window)
  return w
}

/** Refuses a credit longer than the window; the default is the window. */
export function creditFor(window: number, credit: number | undefined): number {
  if (credit === undefined) return window
  if (credit > window) throw invalidField('creditMinutes', SLOT_FORM_MESSAGES.credit)
  return credit
}

/** A project as its staff see it (needs the communities cache). */
export function toProject(p: ProjectDoc): ProjectView {
  return {
    id: p._id,
    communityId: p.communityId,
    communityName: communityName(p.communityId),
    title: p.title,
    description: p.description,
    serviceType: p.serviceType,
    place: { ...p.place },
    requirements: {
      ...(p.requirements.minAge ? { minAge: p.requirements.minAge } : {}),
      trainingTags: p.requirements.trainingTags ?? [],
      insuranceRequired: !!p.requirements.insuranceRequired,
    },
    contactName: p.contactName,
    contactPhone: p.contactPhone,
    status: p.status,
    updatedAt: iso(p.updatedAt),
  }
}

/** A slot as lists show it: counts only, never a shift (needs the communities cache). */
export function toSlotCard(s: Omit<SlotDoc, 'shifts' | 'keys' | 'volunteerOpenids'>): SlotCard {
  const card: SlotCard = {
    id: s._id,
    projectId: s.projectId,
    communityId: s.communityId,
    communityName: communityName(s.communityId),
    title: s.title,
    serviceType: s.serviceType,
    placeName: s.place?.name ?? '',
    date: s.date,
    startTime: s.startTime,
    endTime: s.endTime,
    headcount: s.headcount,
    taken: s.taken,
    placesLeft: Math.max(0, s.headcount - s.taken),
    creditMinutes: s.creditMinutes,
    signupCutoffAt: iso(s.signupCutoffAt),
    status: s.status,
    requirements: {
      ...(s.requirements?.minAge ? { minAge: s.requirements.minAge } : {}),
      trainingTags: s.requirements?.trainingTags ?? [],
      insuranceRequired: !!s.requirements?.insuranceRequired,
    },
  }
  if (s.cancelReason) card.cancelReason = s.cancelReason
  return card
}

/** A slot as its staff see it in lists: the card and how many are checked in now. */
export function toStaffCard(s: SlotDoc): StaffSlotCard {
  return { ...toSlotCard(s), checkedIn: (s.shifts ?? []).filter((x) => x.status === 'checked_in').length }
}

/** What list queries fetch of a slot: never the shifts (names, phones) nor the openids. */
export const CARD_PROJECTION = { shifts: false, keys: false, volunteerOpenids: false } as const

/** The caller's shift on the slot and its index in `shifts` (stable: entries are never removed). */
export function myShift(slot: Pick<SlotDoc, 'shifts'>, openid: string): { shift: ShiftEntry; index: number } | null {
  const index = (slot.shifts ?? []).findIndex((x) => x.openid === openid)
  return index < 0 ? null : { shift: slot.shifts[index], index }
}
