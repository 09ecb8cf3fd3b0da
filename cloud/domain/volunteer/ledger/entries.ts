// Entries staff write outside a slot (issue 10, part C): 补录 (back-fill) and corrections (a new entry with the signed
// difference; nothing is ever updated or removed in the ledger). A closed wish's credit: wishCredit.ts.
import type { OutputOf, ParsedInputOf } from '../../../../src/contracts'
import { communityName, loadCommunities } from '../../../lib/communities'
import { requireRole, requireScope, requireSignedUp, type Ctx, type SignedUpCtx } from '../../../lib/context'
import { chinaDay, isRealDay } from '../../../lib/dates'
import { HandlerError, invalidField } from '../../../lib/errors'
import type { UserDoc } from '../../../lib/model'
import { VOL_LEDGER, type LedgerEntryDoc } from '../model'
import { appendEntries, entryIdFor, inTransaction, requireOtherPerson, toEntryView, type Tx } from './common'

type In<A extends 'backfill' | 'correctEntry'> = ParsedInputOf<'volunteer', A>

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))

/** The staff member's part of an entry: who confirmed it, when, and the call. */
export function confirmer(ctx: SignedUpCtx): Pick<LedgerEntryDoc, 'confirmedBy' | 'confirmedByName' | 'confirmedAt' | 'requestId'> {
  return { confirmedBy: ctx.openid, confirmedByName: ctx.user.nickname, confirmedAt: ctx.now, requestId: ctx.requestId! }
}

/**
 * Appends `entry` unless its (deterministic) id is already in the ledger: then it is this call's retry (same
 * requestId: answer it) or a second attempt at a one-time credit (refused with `taken`).
 */
async function appendOnce(ctx: Ctx, entry: LedgerEntryDoc, taken: string): Promise<LedgerEntryDoc> {
  return inTransaction(ctx, async (t: Tx) => {
    const existing = (await t.collection(VOL_LEDGER).doc(entry._id).get()).data as LedgerEntryDoc | null
    if (existing) {
      if (existing.requestId === ctx.requestId) return existing
      throw new HandlerError('INVALID_STATE', taken)
    }
    await appendEntries(t, [entry], ctx.now)
    return entry
  })
}

/** The volunteer whose 志愿者编号 is `no` (index `volunteerNo`), or NOT_FOUND. */
async function volunteerByNumber(ctx: Ctx, no: string): Promise<UserDoc> {
  const res = await ctx.db.collection('users').where({ 'volunteer.number': no }).limit(2).get()
  const user = (res.data as UserDoc[])[0]
  if (!user?.volunteer) throw invalidField('volunteerNo', '没有找到这个志愿者编号，请核对')
  return user
}

/**
 * Staff: 补录, service done off the app: a volunteer (by number) of their communities, never themselves; the minutes
 * from the times, or given (at most the times' span); a reason and an evidence note. Source `backfill`: kept apart in
 * every total. The entry's id comes from (staff, requestId): a retried call writes once.
 */
export async function backfill(input: In<'backfill'>, ctx: Ctx): Promise<OutputOf<'volunteer', 'backfill'>> {
  requireRole(ctx, 'staff')
  requireSignedUp(ctx)
  if (!isRealDay(input.serviceDate)) throw invalidField('serviceDate', '日期不存在')
  if (input.serviceDate > chinaDay(ctx.now)) throw invalidField('serviceDate', '补录的服务日期不能晚于今天')
  if (!!input.startTime !== !!input.endTime) throw invalidField(input.startTime ? 'endTime' : 'startTime', '请同时填写开始和结束时间')
  const span = input.startTime && input.endTime ? minutesOf(input.endTime) - minutesOf(input.startTime) : undefined
  if (span !== undefined && span <= 0) throw invalidField('endTime', '结束时间应晚于开始时间')
  if (span === undefined && !input.minutes) throw invalidField('minutes', '请填写起止时间或服务时长')
  if (span !== undefined && input.minutes !== undefined && input.minutes > span) throw invalidField('minutes', `时长不能超过起止时间之间的 ${span} 分钟`)
  const minutes = input.minutes ?? span!
  if (minutes <= 0) throw invalidField('minutes', '请填写服务时长')
  const [user] = await Promise.all([volunteerByNumber(ctx, input.volunteerNo), loadCommunities(ctx.db)])
  requireScope(ctx, user.communityId)
  requireOtherPerson(ctx, user._id)
  const entry: LedgerEntryDoc = {
    _id: entryIdFor('b', ctx.openid, ctx.requestId!),
    openid: user._id,
    volunteerName: user.volunteer!.realName,
    volunteerNo: user.volunteer!.number ?? input.volunteerNo,
    communityId: user.communityId,
    organiser: communityName(user.communityId),
    source: 'backfill',
    serviceDate: input.serviceDate,
    ...(input.startTime ? { startTime: input.startTime, endTime: input.endTime } : {}),
    place: input.place,
    serviceType: input.serviceType,
    content: `${input.serviceType}：${input.content}`,
    minutes,
    reason: input.reason,
    evidence: input.evidence,
    ...confirmer(ctx),
  }
  return toEntryView(await appendOnce(ctx, entry, '这条补录已提交'))
}

/** The id of the `n`th correction (1, 2, …) of an entry. */
function correctionId(originalId: string, n: number): string {
  return entryIdFor('c', originalId, String(n))
}

/** Most corrections one entry can have (each a further single-document read when correcting it). */
const MAX_CORRECTIONS = 20

/**
 * Inside a transaction: a correction of `originalId` to `minutes` — a new entry with the signed difference from
 * the original and its corrections so far, referencing it, with who, when and why. Corrections of one entry are
 * numbered (the id holds the number) and read one by one (single-document reads only), so two at once write the
 * same id: the later commit conflicts and re-runs on the new figure. A retry of the same call (its requestId among
 * the corrections) answers the correction it wrote.
 */
export async function writeCorrection(t: Tx, ctx: SignedUpCtx, originalId: string, minutes: number, reason: string): Promise<LedgerEntryDoc> {
  const original = (await t.collection(VOL_LEDGER).doc(originalId).get()).data as LedgerEntryDoc | null
  if (!original) throw new HandlerError('NOT_FOUND', '没有找到这条服务记录')
  if (original.correctionOf) throw new HandlerError('INVALID_STATE', '请对原始记录进行更正')
  requireScope(ctx, original.communityId)
  requireOtherPerson(ctx, original.openid)
  const corrections: LedgerEntryDoc[] = []
  for (let n = 1; ; n++) {
    const c = (await t.collection(VOL_LEDGER).doc(correctionId(originalId, n)).get()).data as LedgerEntryDoc | null
    if (!c) break
    corrections.push(c)
  }
  if (corrections.length >= MAX_CORRECTIONS) throw new HandlerError('INVALID_STATE', '这条记录更正次数过多，请联系管理员')
  const mine = corrections.find((c) => c.requestId === ctx.requestId)
  if (mine) return mine
  const current = original.minutes + corrections.reduce((n, c) => n + c.minutes, 0)
  const diff = minutes - current
  if (diff === 0) throw invalidField('minutes', `与当前时长（${current} 分钟）相同，无需更正`)
  const id = correctionId(originalId, corrections.length + 1)
  const { _id: _orig, correctionOf: _c, reason: _r, evidence: _e, requestId: _q, confirmedBy: _b, confirmedByName: _n, confirmedAt: _a, ...fields } = original
  const entry: LedgerEntryDoc = { ...fields, _id: id, minutes: diff, correctionOf: originalId, reason, ...confirmer(ctx) }
  await appendEntries(t, [entry], ctx.now)
  return entry
}

/** Staff: correct an entry to `minutes` with a reason (four eyes; scoped to the entry's community). */
export async function correctEntry(input: In<'correctEntry'>, ctx: Ctx): Promise<OutputOf<'volunteer', 'correctEntry'>> {
  requireRole(ctx, 'staff')
  requireSignedUp(ctx)
  const entry = await inTransaction(ctx, (t) => writeCorrection(t, ctx, input.entryId, input.minutes, input.reason))
  return toEntryView(entry)
}
