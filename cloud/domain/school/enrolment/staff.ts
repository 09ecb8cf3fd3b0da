// Enrolment as station staff run it (issue 11, part B): a session's entries by tab, removal with a reason, the
// places (more capacity offers places to the waitlist), the 摇号 (verify claims, the draw, the results), and the
// call list of outstanding offers. Every action checks the role and the session's community.
import {
  ENROLMENT_TABS,
  LOTTERY_ALGORITHM,
  type EnrolmentTab,
  type LotteryResults,
  type OutputOf,
  type ParsedInputOf,
  type StaffEnrolmentAction,
  type StaffEnrolmentRow,
  type StaffLotteryRow,
} from '../../../../src/contracts'
import { loadCommunities } from '../../../lib/communities'
import { inScope, requireRole, requireScope, type Ctx } from '../../../lib/context'
import { tallyToken } from '../../../lib/counters'
import { iso } from '../../../lib/dates'
import { HandlerError, invalidField } from '../../../lib/errors'
import { pageWindow } from '../../../lib/paging'
import { SCH_CHILDREN, SCH_SESSIONS, type ChildDoc, type EnrolmentEntry, type LotteryEntry } from '../model'
import { sessionView } from '../views'
import { allocate, drawOrder, lotterySeed, type DrawEntry } from './draw'
import { findEntry, holding, loadSession, waitlistPositions, type EnrolSession } from './doc'
import { answerOf } from './family'
import { changeSession } from './offers'

type In<A extends 'removeEnrolment' | 'setCapacity' | 'verifyClaim' | 'drawLottery' | 'lotteryResults' | 'sessionEnrolments' | 'offerCallList'> = ParsedInputOf<'school', A>

/** The session, for staff of its community only (the user was read by the router). */
async function staffSession(ctx: Ctx, sessionId: string): Promise<EnrolSession> {
  requireRole(ctx, 'staff')
  const [s] = await Promise.all([loadSession(ctx, sessionId), loadCommunities(ctx.db)])
  requireScope(ctx, s.communityId)
  return s
}

/** True once the 摇号's window has closed (claims are verified and the draw run after it). */
function closed(s: EnrolSession, now: Date): boolean {
  return new Date(s.closesAt).getTime() <= now.getTime()
}

/** True when the caller's own family made this 摇号 entry (whoever asks never approves). */
function ownFamily(ctx: Ctx, e: Pick<LotteryEntry, 'familyId' | 'by'>): boolean {
  return e.by === ctx.openid || (!!ctx.user?.school?.familyId && ctx.user.school.familyId === e.familyId)
}

/** What staff may do on the session's enrolments page now. */
function staffActions(s: EnrolSession, ctx: Ctx): StaffEnrolmentAction[] {
  if (s.status === 'cancelled') return []
  const out: StaffEnrolmentAction[] = ['remove', 'setCapacity', 'callList']
  if (s.mode === 'lottery' && s.lottery && !s.lottery.draw && closed(s, ctx.now)) {
    out.push('draw')
    if (s.lottery.entries.some((e) => e.claim && !ownFamily(ctx, e))) out.push('verifyClaim')
  }
  return out
}

/**
 * Staff remove a child's entry with a reason (shown to the family): ONE update conditional on the `rev` read; a
 * held place is offered to the first on the waitlist in the same update. Database requests: user + session +
 * update = 3.
 */
export async function removeEnrolment(input: In<'removeEnrolment'>, ctx: Ctx): Promise<OutputOf<'school', 'removeEnrolment'>> {
  const s = await staffSession(ctx, input.sessionId)
  return changeSession<OutputOf<'school', 'removeEnrolment'>>(ctx, s, (now) => {
    const found = findEntry(now, input.childId)
    if (!found) throw new HandlerError('NOT_FOUND', '这个孩子没有报名这个班')
    const e = found.entry
    if (ctx.requestId && e.requestId === ctx.requestId && e.status === 'removed') return { done: answerOf(now, found.index) }
    if (e.status === 'lottery_entered') throw new HandlerError('INVALID_STATE', '摇号前不能移出，请在摇号后处理')
    if (!['enrolled', 'offered', 'waitlisted'].includes(e.status)) throw new HandlerError('INVALID_STATE', '这个报名已经结束')
    const { offer: _offer, ...rest } = e
    const next: EnrolmentEntry = { ...rest, status: 'removed', reason: input.reason, changedBy: ctx.openid, changedAt: ctx.now, requestId: ctx.requestId! }
    return { edits: new Map([[found.index, next]]), answer: (after) => answerOf({ _id: now._id, entries: after }, found.index) }
  })
}

/**
 * Staff set a session's places (never below the places held); more places are offered to the first on the
 * waitlist in the same update (conditional on the `rev` read). A pure set: a retry sets the same number and
 * offers nothing more. Database requests: user + session + update = 3.
 */
export async function setCapacity(input: In<'setCapacity'>, ctx: Ctx): Promise<OutputOf<'school', 'setCapacity'>> {
  const s = await staffSession(ctx, input.sessionId)
  return changeSession(ctx, s, (now) => {
    if (now.status === 'cancelled') throw new HandlerError('INVALID_STATE', '这个班已取消')
    const held = holding(now.entries ?? [])
    if (input.capacity < held) throw invalidField('capacity', `名额不能少于已录取和待确认的 ${held} 人`)
    return {
      edits: new Map(),
      capacity: input.capacity,
      set: { capacity: input.capacity },
      answer: (after, offered) => ({
        sessionId: now._id,
        capacity: input.capacity,
        held: holding(after),
        waiting: after.filter((e) => e.status === 'waitlisted').length,
        offered: offered.length,
      }),
    }
  })
}

/**
 * Staff verify or reject a family's priority claim, after the close and before the draw; never their own family's
 * (whoever asks never approves). A pure set, conditional on the entry and no draw. Database requests: 3.
 */
export async function verifyClaim(input: In<'verifyClaim'>, ctx: Ctx): Promise<OutputOf<'school', 'verifyClaim'>> {
  const s = await staffSession(ctx, input.sessionId)
  if (s.mode !== 'lottery' || !s.lottery) throw new HandlerError('INVALID_STATE', '这个班不是摇号方式')
  if (s.lottery.draw) throw new HandlerError('INVALID_STATE', '已经摇号，不能再核实')
  if (!closed(s, ctx.now)) throw new HandlerError('INVALID_STATE', '报名截止后才能核实优先资格')
  const i = s.lottery.entries.findIndex((e) => e.familyId === input.familyId)
  const e = s.lottery.entries[i]
  if (!e) throw new HandlerError('NOT_FOUND', '没有找到这个家庭的摇号报名')
  if (!e.claim) throw new HandlerError('INVALID_STATE', '这个家庭没有申请优先资格')
  if (ownFamily(ctx, e)) throw new HandlerError('SELF_REVIEW', '不能核实自己家庭的优先资格，请由其他工作人员处理')
  const _ = ctx.db.command
  const res = await ctx.db
    .collection(SCH_SESSIONS)
    .where({ _id: s._id, [`lottery.entries.${i}.familyId`]: input.familyId, 'lottery.draw': _.exists(false) })
    .update({
      data: {
        [`lottery.entries.${i}.verified`]: input.verified,
        [`lottery.entries.${i}.verifiedBy`]: ctx.openid,
        [`lottery.entries.${i}.verifiedAt`]: ctx.now,
        rev: _.inc(1),
        untallied: tallyToken(),
        updatedAt: ctx.now,
      },
    })
  if (res.stats.updated !== 1) throw new HandlerError('CONFLICT', '摇号情况刚刚有变化，请刷新后再试')
  return { sessionId: s._id, familyId: input.familyId, verified: input.verified }
}

/** The draw's entries as the draw sees them (a claim counts only when verified). */
function drawEntries(entries: readonly LotteryEntry[]): (DrawEntry & { familyId: string })[] {
  return entries.map((e) => ({ no: e.no, familyId: e.familyId, priority: !!e.claim && e.verified === true, children: e.childIds.length }))
}

/** A 摇号's published results (no names: entry numbers only). */
function toResults(s: EnrolSession, ctx: Ctx, myFamily?: string): LotteryResults {
  const lot = s.lottery!
  const draw = lot.draw
  const byFamily = new Map(drawEntries(lot.entries).map((e) => [e.familyId, e]))
  const ordered = draw ? draw.order.map((f) => byFamily.get(f)!).filter(Boolean) : []
  const results = allocate(ordered, draw?.capacity ?? s.capacity)
  const mine = myFamily ? lot.entries.find((e) => e.familyId === myFamily) : undefined
  return {
    session: sessionView(s, ctx.now),
    drawn: !!draw,
    announcedNumber: lot.announcedNumber,
    closesAt: iso(s.closesAt),
    capacity: draw?.capacity ?? s.capacity,
    ...(draw ? { seed: draw.seed, drawnAt: iso(draw.drawnAt) } : {}),
    rows: ordered.map((e, i) => ({ no: e.no, priority: e.priority, children: e.children, result: results[i] })),
    algorithm: LOTTERY_ALGORITHM,
    ...(mine ? { myNo: mine.no } : {}),
  }
}

/**
 * Staff run the 摇号's draw, once, after the close: the seed from the close time and the announced number
 * (draw.ts), verified priority entries first, each group in the seeded order; places family by family. ONE update
 * conditional on the `rev` read and no draw: `lottery.draw` (seed, order, capacity), every entry's status and the
 * entries in draw order (so waitlist positions follow the draw). A retry answers the results. Database requests: 3.
 */
export async function drawLottery(input: In<'drawLottery'>, ctx: Ctx): Promise<OutputOf<'school', 'drawLottery'>> {
  let s = await staffSession(ctx, input.sessionId)
  const _ = ctx.db.command
  for (let attempt = 0; attempt < 6; attempt++) {
    if (s.mode !== 'lottery' || !s.lottery) throw new HandlerError('INVALID_STATE', '这个班不是摇号方式')
    if (s.lottery.draw) {
      if (ctx.requestId && s.requestId === ctx.requestId) return toResults(s, ctx, ctx.user?.school?.familyId)
      throw new HandlerError('INVALID_STATE', '这个班已经摇过号')
    }
    if (s.status === 'cancelled') throw new HandlerError('INVALID_STATE', '这个班已取消')
    if (!closed(s, ctx.now)) throw new HandlerError('INVALID_STATE', '报名截止后才能摇号')
    const seed = lotterySeed(s.closesAt, s.lottery.announcedNumber)
    const ordered = drawOrder(seed, drawEntries(s.lottery.entries))
    const results = allocate(ordered, s.capacity)
    const result = new Map(ordered.map((e, i) => [e.familyId, results[i]]))
    const entered = (s.entries ?? []).filter((e) => e.status === 'lottery_entered')
    const rest = (s.entries ?? []).filter((e) => e.status !== 'lottery_entered')
    const entries: EnrolmentEntry[] = [
      ...ordered.flatMap((f) => entered.filter((e) => e.familyId === f.familyId).map((e) => ({ ...e, status: result.get(f.familyId)!, changedAt: ctx.now }))),
      ...rest,
    ]
    const draw = { announcedNumber: s.lottery.announcedNumber, seed, drawnAt: ctx.now, drawnBy: ctx.openid, order: ordered.map((e) => e.familyId), capacity: s.capacity }
    const held = holding(entries)
    const waiting = entries.filter((e) => e.status === 'waitlisted').length
    const res = await ctx.db
      .collection(SCH_SESSIONS)
      .where({ _id: s._id, rev: s.rev, 'lottery.draw': _.exists(false) })
      .update({ data: { entries: _.set(entries), 'lottery.draw': _.set(draw), held, waiting, requestId: ctx.requestId!, rev: _.inc(1), untallied: tallyToken(), updatedAt: ctx.now } })
    if (res.stats.updated === 1) return toResults({ ...s, entries, held, waiting, lottery: { ...s.lottery, draw } }, ctx, ctx.user?.school?.familyId)
    s = await loadSession(ctx, s._id)
  }
  throw new HandlerError('CONFLICT', '摇号情况刚刚有变化，请刷新后再试')
}

/**
 * A 摇号's results, for the families of the session's community (and those who entered) and its staff: entry numbers
 * in draw order with enrolled / waitlisted, the seed, the announced number, the algorithm; never a name. Database
 * requests: user + session = 2.
 */
export async function lotteryResults(input: In<'lotteryResults'>, ctx: Ctx): Promise<OutputOf<'school', 'lotteryResults'>> {
  if (!ctx.user) throw new HandlerError('NOT_SIGNED_UP')
  const [s] = await Promise.all([loadSession(ctx, input.sessionId), loadCommunities(ctx.db)])
  if (s.mode !== 'lottery' || !s.lottery) throw new HandlerError('INVALID_STATE', '这个班不是摇号方式')
  const family = ctx.user.school?.familyId
  const entered = !!family && s.lottery.entries.some((e) => e.familyId === family)
  if (!inScope(ctx, s.communityId) && ctx.user.communityId !== s.communityId && !entered) throw new HandlerError('SCOPE_DENIED', '只有本社区的家庭和工作人员可以查看摇号结果')
  return toResults(s, ctx, family)
}

/** An entry as staff see it: what care needs, the status, the position, the offer. */
function toRow(e: EnrolmentEntry, position?: number): StaffEnrolmentRow {
  return {
    childId: e.childId,
    familyId: e.familyId,
    name: e.child.name,
    gender: e.child.gender,
    grade: e.child.grade,
    allergy: e.child.allergy,
    ...(e.child.healthNote ? { healthNote: e.child.healthNote } : {}),
    status: e.status,
    ...(position ? { position } : {}),
    ...(e.status === 'offered' && e.offer ? { offerExpiresAt: iso(e.offer.expiresAt) } : {}),
    ...(e.reason ? { reason: e.reason } : {}),
    at: iso(e.at),
  }
}

/**
 * Staff: a session's entries by tab (已录取 / 候补 in position order / 待确认 with the offer's expiry / 摇号报名 with
 * the claims), paginated, with the counts and what staff may do. Database requests: user + session = 2.
 */
export async function sessionEnrolments(input: In<'sessionEnrolments'>, ctx: Ctx): Promise<OutputOf<'school', 'sessionEnrolments'>> {
  const s = await staffSession(ctx, input.sessionId)
  const tab: EnrolmentTab = input.tab ?? (s.mode === 'lottery' && !s.lottery?.draw ? 'lottery' : 'enrolled')
  const w = pageWindow(input)
  const entries = s.entries ?? []
  const positions = waitlistPositions(entries)
  const rowsOf = (t: Exclude<EnrolmentTab, 'lottery'>) => entries.map((e, i) => ({ e, i })).filter(({ e }) => e.status === t)
  const counts = Object.fromEntries(ENROLMENT_TABS.map((t) => [t, t === 'lottery' ? (s.lottery?.entries.length ?? 0) : rowsOf(t).length])) as Record<EnrolmentTab, number>
  const slice = <T>(all: T[]) => ({ items: all.slice(w.skip, w.skip + w.pageSize), page: w.page, pageSize: w.pageSize, hasMore: all.length > w.skip + w.pageSize })
  const rows = tab === 'lottery' ? slice<StaffEnrolmentRow>([]) : slice(rowsOf(tab).map(({ e, i }) => toRow(e, positions.get(i))))
  const out = { session: sessionView(s, ctx.now), tab, counts, rows, allowed: staffActions(s, ctx) }
  if (tab !== 'lottery' || !s.lottery) return out
  const byChild = new Map(entries.map((e) => [e.childId, e]))
  const lottery = slice(
    s.lottery.entries.map((e): StaffLotteryRow => ({
      no: e.no,
      familyId: e.familyId,
      children: e.childIds.map((id) => ({ childId: id, name: byChild.get(id)?.child.name ?? '', grade: byChild.get(id)?.child.grade ?? 1 })),
      ...(e.claim ? { claim: e.claim, verified: e.verified } : {}),
      at: iso(e.at),
      canVerify: !!e.claim && !s.lottery!.draw && closed(s, ctx.now) && !ownFamily(ctx, e),
    })),
  )
  return { ...out, lottery }
}

/**
 * Staff: the session's outstanding offers with the guardians' phones (from the children's documents), to call.
 * Database requests: user + session + the children = 3.
 */
export async function offerCallList(input: In<'offerCallList'>, ctx: Ctx): Promise<OutputOf<'school', 'offerCallList'>> {
  const s = await staffSession(ctx, input.sessionId)
  const offered = (s.entries ?? []).filter((e) => e.status === 'offered' && e.offer)
  if (!offered.length) return { sessionId: s._id, items: [] }
  const _ = ctx.db.command
  const res = await ctx.db
    .collection(SCH_CHILDREN)
    .where({ _id: _.in(offered.map((e) => e.childId)) })
    .field({ guardianPhone: true })
    .limit(offered.length)
    .get()
  const phones = new Map((res.data as Pick<ChildDoc, '_id' | 'guardianPhone'>[]).map((c) => [c._id, c.guardianPhone]))
  return {
    sessionId: s._id,
    items: offered.map((e) => ({ childId: e.childId, name: e.child.name, phone: phones.get(e.childId) ?? '', offeredAt: iso(e.offer!.at), expiresAt: iso(e.offer!.expiresAt) })),
  }
}
