// Staff confirm a slot's checked-out shifts into the hours ledger (issue 10, part C): the queue, the slot view, bulk
// confirm, adjust one, void one. Each confirmation writes the entries, the summaries and the shifts' new status in
// ONE transaction.
import type { ConfirmResult, ConfirmShift, ConfirmSlotCard, ConfirmSlotView, OutputOf, ParsedInputOf, ShiftDecision } from '../../../../src/contracts'
import { shiftMinutes } from '../../../../src/contracts/volunteer/hours'
import { communityName, loadCommunities } from '../../../lib/communities'
import { requireRole, requireScope, requireSignedUp, type Ctx, type SignedUpCtx } from '../../../lib/context'
import { tallyToken } from '../../../lib/counters'
import { iso } from '../../../lib/dates'
import { HandlerError, invalidField } from '../../../lib/errors'
import type { UserDoc } from '../../../lib/model'
import { pageWindow, toPage } from '../../../lib/paging'
import { VOL_SLOTS, type LedgerEntryDoc, type ShiftEntry, type SlotDoc } from '../model'
import { appendEntries, entryIdFor, inTransaction, readByIds, requireOtherPerson, type Tx } from './common'
import { staffScope } from '../../../lib/staffScope'

type In<A extends 'confirmQueue' | 'confirmSlot' | 'confirmShifts' | 'adjustShift' | 'voidShift'> = ParsedInputOf<'volunteer', A>

const ms = (d: unknown) => new Date(iso(d)).getTime()
const SELF_NOTE = '本人的服务时长须由其他工作人员确认'

/** The minutes a shift's pairs earn on its slot (clipped to the window, capped at the credit). */
export function computedMinutes(slot: Pick<SlotDoc, 'startAt' | 'endAt' | 'creditMinutes'>, shift: Pick<ShiftEntry, 'pairs'>): number {
  return shiftMinutes(
    shift.pairs.map((p) => ({ inMs: ms(p.inAt), ...(p.outAt ? { outMs: ms(p.outAt) } : {}) })),
    ms(slot.startAt),
    ms(slot.endAt),
    slot.creditMinutes,
  )
}

function card(s: SlotDoc): ConfirmSlotCard {
  const waiting = s.shifts.filter((x) => x.status === 'checked_out')
  return {
    slotId: s._id,
    communityId: s.communityId,
    title: s.title,
    serviceType: s.serviceType,
    date: s.date,
    startTime: s.startTime,
    endTime: s.endTime,
    place: s.place.name,
    waiting: waiting.length,
    flagged: waiting.filter((x) => !!x.flagged).length,
  }
}

/** Staff: slots of their communities with checked-out shifts waiting, the longest-ended first (index `toConfirm`). */
export async function confirmQueue(input: In<'confirmQueue'>, ctx: Ctx): Promise<OutputOf<'volunteer', 'confirmQueue'>> {
  const scope = await staffScope(ctx, input.communityId)
  const _ = ctx.db.command
  const w = pageWindow(input)
  const res = await ctx.db
    .collection(VOL_SLOTS)
    .where({ communityId: scope.length === 1 ? scope[0] : _.in(scope), 'shifts.status': 'checked_out' })
    .orderBy('endAt', 'asc')
    .orderBy('_id', 'asc')
    .skip(w.skip)
    .limit(w.limit)
    .get()
  return toPage(res.data as SlotDoc[], w, card)
}

/** What the viewer may do to a shift: only a checked-out shift, and never their own (four eyes). */
function allowedOn(ctx: Ctx, shift: ShiftEntry): ShiftDecision[] {
  if (shift.status !== 'checked_out' || shift.openid === ctx.openid) return []
  return ['confirm', 'adjust', 'void']
}

/** Staff: a slot's shifts after check-in, with their computed minutes (no phones, no birth dates). */
export async function confirmSlot(input: In<'confirmSlot'>, ctx: Ctx): Promise<ConfirmSlotView> {
  requireRole(ctx, 'staff')
  const slot = (await ctx.db.collection(VOL_SLOTS).doc(input.slotId).get()).data as SlotDoc | null
  if (!slot) throw new HandlerError('NOT_FOUND', '没有找到这个班次')
  requireScope(ctx, slot.communityId)
  const shifts: ConfirmShift[] = slot.shifts
    .filter((s) => s.pairs.length > 0 || s.status === 'confirmed' || s.status === 'voided')
    .map((s) => {
      const allowed = allowedOn(ctx, s)
      return {
        openid: s.openid,
        name: s.name,
        status: s.status,
        computedMinutes: computedMinutes(slot, s),
        ...(s.minutes !== undefined ? { minutes: s.minutes } : {}),
        pairs: s.pairs.map((p) => ({ inAt: iso(p.inAt), inBy: p.inBy, ...(p.outAt ? { outAt: iso(p.outAt) } : {}), ...(p.outBy ? { outBy: p.outBy } : {}) })),
        ...(s.flagged ? { flagged: s.flagged } : {}),
        ...(s.reason ? { reason: s.reason } : {}),
        allowed,
        ...(s.status === 'checked_out' && s.openid === ctx.openid ? { note: SELF_NOTE } : {}),
      }
    })
  return { ...card(slot), creditMinutes: slot.creditMinutes, shifts }
}

/** The ledger entry of a confirmed shift (Order 67's fields): one per shift, its id derived from slot and volunteer. */
function shiftEntry(ctx: SignedUpCtx, slot: SlotDoc, shift: ShiftEntry, user: UserDoc | null, minutes: number, reason?: string): LedgerEntryDoc {
  const roster = shift.pairs.some((p) => p.inBy === 'roster' || p.outBy === 'roster')
  return {
    _id: entryIdFor('s', slot._id, shift.openid),
    openid: shift.openid,
    volunteerName: user?.volunteer?.realName ?? shift.name,
    volunteerNo: user?.volunteer?.number ?? '',
    communityId: slot.communityId,
    organiser: communityName(slot.communityId),
    source: roster ? 'roster' : 'live',
    slotId: slot._id,
    projectId: slot.projectId,
    serviceDate: slot.date,
    startTime: slot.startTime,
    endTime: slot.endTime,
    place: slot.place.name,
    serviceType: slot.serviceType,
    content: `${slot.serviceType}：${slot.title}`,
    minutes,
    ...(reason ? { reason } : {}),
    confirmedBy: ctx.openid,
    confirmedByName: ctx.user.nickname,
    confirmedAt: ctx.now,
    requestId: ctx.requestId!,
  }
}

interface Decide {
  openids?: string[]
  /** adjustShift: one volunteer, these minutes, this reason; refusals are thrown instead of skipped. */
  adjust?: { minutes: number; reason: string }
}

/**
 * The volunteers' record fields (real name, number) by openid: ONE query by _id, outside the transaction (they are
 * not what it decides). Without a list, the slot is read first to learn who waits.
 */
async function volunteersOf(ctx: Ctx, slotId: string, openids: string[] | undefined): Promise<Map<string, UserDoc>> {
  const ids = openids ?? (((await ctx.db.collection(VOL_SLOTS).doc(slotId).get()).data as SlotDoc | null)?.shifts ?? []).filter((s) => s.status === 'checked_out').map((s) => s.openid)
  if (!ids.length) return new Map()
  const res = await ctx.db
    .collection('users')
    .where({ _id: ctx.db.command.in([...new Set(ids)]) })
    .limit(100)
    .get()
  return new Map((res.data as UserDoc[]).map((u) => [u._id, u]))
}

/**
 * Confirms shifts of one slot in ONE transaction (single-document work only): reads the slot and the volunteers'
 * summaries, appends one entry per shift, sets each summary, and marks the shifts confirmed (with the entry, who,
 * when and the requestId, so a retried call reports the same shifts and writes nothing twice).
 */
async function decide(ctx: Ctx, slotId: string, opts: Decide): Promise<ConfirmResult> {
  requireRole(ctx, 'staff')
  requireSignedUp(ctx)
  const [known] = await Promise.all([volunteersOf(ctx, slotId, opts.openids), loadCommunities(ctx.db)])
  const strict = !!opts.adjust
  return inTransaction(ctx, async (t: Tx) => {
    const slot = (await t.collection(VOL_SLOTS).doc(slotId).get()).data as SlotDoc | null
    if (!slot) throw new HandlerError('NOT_FOUND', '没有找到这个班次')
    requireScope(ctx, slot.communityId)
    const result: ConfirmResult = { slotId, confirmed: [], skipped: [] }
    const picks: { i: number; shift: ShiftEntry; minutes: number }[] = []
    const wanted = opts.openids ?? slot.shifts.filter((s) => s.status === 'checked_out' || s.requestIds?.includes(ctx.requestId!)).map((s) => s.openid)
    for (const openid of new Set(wanted)) {
      const i = slot.shifts.findIndex((s) => s.openid === openid)
      const shift = slot.shifts[i]
      const skip = (reason: string) => {
        if (strict) throw new HandlerError('INVALID_STATE', reason)
        result.skipped.push({ openid, reason })
      }
      if (!shift) {
        skip('这位志愿者没有报名这个班次')
        continue
      }
      if (shift.status === 'confirmed' && shift.requestIds?.includes(ctx.requestId!)) {
        result.confirmed.push({ openid, entryId: shift.ledgerEntryId!, minutes: shift.minutes ?? 0 })
        continue
      }
      if (shift.status !== 'checked_out') {
        skip(shift.status === 'confirmed' ? '已确认过' : shift.status === 'voided' ? '已作废' : '尚未签退，不能确认')
        continue
      }
      if (shift.openid === ctx.openid) {
        if (strict) requireOtherPerson(ctx, shift.openid)
        skip(SELF_NOTE)
        continue
      }
      if (shift.flagged && !opts.openids) {
        skip(`需复核（${shift.flagged}），请单独确认或调整`)
        continue
      }
      if (opts.adjust && opts.adjust.minutes > slot.creditMinutes) throw invalidField('minutes', `不能超过班次的计入时长（${slot.creditMinutes} 分钟）`)
      picks.push({ i, shift, minutes: opts.adjust ? opts.adjust.minutes : computedMinutes(slot, shift) })
    }
    if (!picks.length) return result
    // A shift checked out since the volunteers were read: its user by a single-document read here.
    const missing = picks.map((p) => p.shift.openid).filter((o) => !known.has(o))
    const users = missing.length ? new Map([...known, ...(await readByIds<UserDoc>(t, 'users', missing))]) : known
    const entries = picks.map((p) => shiftEntry(ctx as SignedUpCtx, slot, p.shift, users.get(p.shift.openid) ?? null, p.minutes, opts.adjust?.reason))
    await appendEntries(t, entries, ctx.now)
    const _ = ctx.db.command
    const data: Record<string, unknown> = { updatedAt: ctx.now, untallied: tallyToken() }
    picks.forEach((p, k) => {
      const at = `shifts.${p.i}`
      Object.assign(data, {
        [`${at}.status`]: 'confirmed',
        [`${at}.minutes`]: p.minutes,
        [`${at}.ledgerEntryId`]: entries[k]._id,
        [`${at}.decidedBy`]: ctx.openid,
        [`${at}.decidedAt`]: ctx.now,
        [`${at}.requestIds`]: _.push([ctx.requestId!]),
        ...(opts.adjust ? { [`${at}.reason`]: opts.adjust.reason } : {}),
      })
      result.confirmed.push({ openid: p.shift.openid, entryId: entries[k]._id, minutes: p.minutes })
    })
    await t.collection(VOL_SLOTS).doc(slotId).update({ data })
    return result
  })
}

/**
 * Staff: bulk confirm a slot's checked-out shifts (or the listed volunteers'); their own shift is skipped (four eyes),
 * and so is a flagged one (e.g. a check-out the scheduler closed) unless listed by name: it needs a look first.
 */
export async function confirmShifts(input: In<'confirmShifts'>, ctx: Ctx): Promise<ConfirmResult> {
  return decide(ctx, input.slotId, input.openids ? { openids: input.openids } : {})
}

/** Staff: confirm one shift with other minutes than computed (at most the slot's credit), with a reason. */
export async function adjustShift(input: In<'adjustShift'>, ctx: Ctx): Promise<ConfirmResult> {
  requireRole(ctx, 'staff')
  requireOtherPerson(ctx, input.openid)
  return decide(ctx, input.slotId, { openids: [input.openid], adjust: { minutes: input.minutes, reason: input.reason } })
}

/** Staff: void one checked-out shift with a reason (no hours): one conditional update of the slot. */
export async function voidShift(input: In<'voidShift'>, ctx: Ctx): Promise<OutputOf<'volunteer', 'voidShift'>> {
  requireRole(ctx, 'staff')
  requireOtherPerson(ctx, input.openid)
  const col = ctx.db.collection(VOL_SLOTS)
  const slot = (await col.doc(input.slotId).get()).data as SlotDoc | null
  if (!slot) throw new HandlerError('NOT_FOUND', '没有找到这个班次')
  requireScope(ctx, slot.communityId)
  const i = slot.shifts.findIndex((s) => s.openid === input.openid)
  const shift = slot.shifts[i]
  if (!shift) throw new HandlerError('NOT_FOUND', '这位志愿者没有报名这个班次')
  const answer = { slotId: slot._id, openid: input.openid, status: 'voided' as const }
  if (shift.status === 'voided' && shift.requestIds?.includes(ctx.requestId!)) return answer
  if (shift.status !== 'checked_out') throw new HandlerError('INVALID_STATE', '只能作废已签退、待确认的服务记录')
  const at = `shifts.${i}`
  const res = await col.where({ _id: slot._id, [`${at}.openid`]: input.openid, [`${at}.status`]: 'checked_out' }).update({
    data: {
      [`${at}.status`]: 'voided',
      [`${at}.minutes`]: 0,
      [`${at}.reason`]: input.reason,
      [`${at}.decidedBy`]: ctx.openid,
      [`${at}.decidedAt`]: ctx.now,
      [`${at}.requestIds`]: ctx.db.command.push([ctx.requestId!]),
      updatedAt: ctx.now,
      untallied: tallyToken(),
    },
  })
  if (res.stats.updated !== 1) throw new HandlerError('CONFLICT', '记录状态已变化，请刷新后再试')
  return answer
}
