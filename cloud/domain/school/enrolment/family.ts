// Enrolment as families do it (issue 11, part B): enrol (先到先得), the 摇号 entry, cancel, accept or decline an
// offer, the family's view and a session's detail. Public handlers (the router reads no user document): the child
// documents' `guardianOpenids` say who may act, so enrol stays within 3 database requests.
import { ENROLMENT_MESSAGES, type EnrolmentAnswer, type FamilyEnrolmentAction, type LotteryEntryAnswer, type OutputOf, type ParsedInputOf } from '../../../../src/contracts'
import type { Ctx } from '../../../lib/context'
import { updateOneAndReturn } from '../../../lib/cloud'
import { loadCommunities } from '../../../lib/communities'
import { tallyToken } from '../../../lib/counters'
import { iso } from '../../../lib/dates'
import { HandlerError } from '../../../lib/errors'
import { pageWindow, toPage } from '../../../lib/paging'
import { SCH_CHILDREN, SCH_SESSIONS, type ChildDoc, type EnrolmentEntry, type LotteryEntry, type SessionDoc } from '../model'
import { SESSION_VIEW_FIELDS, sessionView } from '../views'
import { findEntry, loadMyChild, loadMyChildren, loadSession, myEnrolments, offerOpen, requireOpenid, toChildOption, waitlistPositions, windowOpen, type EnrolSession } from './doc'
import { changeSession } from './offers'

type In<A extends 'enrol' | 'enterLottery' | 'cancelEnrolment' | 'acceptOffer' | 'declineOffer' | 'familyView' | 'sessionDetail'> = ParsedInputOf<'school', A>

/** What a child's entry answers: its status, its waitlist position, its offer's expiry. */
export function answerOf(s: Pick<SessionDoc, '_id' | 'entries'>, index: number): EnrolmentAnswer {
  const e = s.entries[index]
  const position = waitlistPositions(s.entries).get(index)
  return {
    sessionId: s._id,
    childId: e.childId,
    status: e.status,
    ...(position ? { position } : {}),
    ...(e.status === 'offered' && e.offer ? { offerExpiresAt: iso(e.offer.expiresAt) } : {}),
  }
}

/** What care needs of the child, copied onto its entry. */
function snapshot(c: ChildDoc): EnrolmentEntry['child'] {
  const note = c.healthNote?.trim()
  return { name: c.name, gender: c.gender, grade: c.grade, allergy: !!note, ...(note ? { healthNote: note } : {}) }
}

function fits(s: Pick<SessionDoc, 'grades'>, c: Pick<ChildDoc, 'grade'>): boolean {
  return c.grade >= s.grades.min && c.grade <= s.grades.max
}

/** The refusal for a child that may not enter the session now (as read), or null. */
function entryRefusal(s: EnrolSession, c: ChildDoc, now: Date): HandlerError | null {
  if (s.status === 'cancelled') return new HandlerError('INVALID_STATE', '这个班已取消')
  if (!windowOpen(s, now)) return new HandlerError('INVALID_STATE', ENROLMENT_MESSAGES.windowClosed)
  if (!fits(s, c)) return new HandlerError('INVALID_STATE', ENROLMENT_MESSAGES.gradeMismatch)
  return null
}

/**
 * A guardian enrols a child in a 先到先得 session. Database requests: the child + the session (side by side) + ONE
 * conditional update = 3.
 * - The checks: a guardian of the child (its `guardianOpenids`); the child active; the grade fits; the window and
 *   the session open; once per child per session.
 * - The ONE update (answering the document as updated, so the position is exact) holds the rules: open, the window
 *   not closed, the capacity as read, the child not in `entries`, and either a free place (`held < capacity`: push
 *   `enrolled`, `held + 1`) or still full (`held >= capacity`: push `waitlisted`, `waiting + 1`), so a waitlisted
 *   child never waits beside a free place. Atomic against the capacity under any concurrency; one document, so
 *   nothing is lost if the function dies.
 * - Idempotent by its own write: the entry records the requestId; a retry finds it and answers the same.
 * A lost race tries the other branch (the last place just went, or one just freed), then reads the session again.
 */
export async function enrol(input: In<'enrol'>, ctx: Ctx): Promise<OutputOf<'school', 'enrol'>> {
  requireOpenid(ctx)
  const [child, first] = await Promise.all([loadMyChild(ctx, input.childId), loadSession(ctx, input.sessionId)])
  let s = first
  const _ = ctx.db.command
  for (let attempt = 0; attempt < 6; attempt++) {
    const found = findEntry(s, child._id)
    if (found) {
      if (ctx.requestId && found.entry.requestId === ctx.requestId) return answerOf(s, found.index)
      throw new HandlerError('INVALID_STATE', ENROLMENT_MESSAGES.already)
    }
    if (s.mode !== 'first_come') throw new HandlerError('INVALID_STATE', ENROLMENT_MESSAGES.notFirstCome)
    const refusal = entryRefusal(s, child, ctx.now)
    if (refusal) throw refusal
    let full = s.held >= s.capacity
    for (let branch = 0; branch < 2; branch++, full = !full) {
      const entry: EnrolmentEntry = {
        childId: child._id,
        familyId: child.familyId,
        status: full ? 'waitlisted' : 'enrolled',
        at: ctx.now,
        by: ctx.openid,
        child: snapshot(child),
        requestId: ctx.requestId!,
        subscribed: !!input.subscribed,
      }
      const where = {
        _id: s._id,
        status: 'open',
        closesAt: _.gt(ctx.now),
        capacity: s.capacity,
        held: full ? _.gte(s.capacity) : _.lt(s.capacity),
        'entries.childId': _.neq(child._id),
      }
      const data = { entries: _.push([entry]), [full ? 'waiting' : 'held']: _.inc(1), rev: _.inc(1), untallied: tallyToken(), updatedAt: ctx.now }
      const res = await updateOneAndReturn(ctx.db.collection(SCH_SESSIONS), where, data)
      if (res.updated === 1 && res.doc) {
        const doc = res.doc as SessionDoc
        const mine = findEntry(doc, child._id)
        if (mine) return answerOf(doc, mine.index)
      }
    }
    s = await loadSession(ctx, s._id)
  }
  throw new HandlerError('CONFLICT', '报名人数较多，请稍后再试')
}

/**
 * A guardian enters the family in a 摇号 session: ONE entry per family per session, holding all its children who
 * apply (each must fit the grades), with an optional priority claim from the session's accepted groups. In the same
 * update each child gets a `lottery_entered` entry in `entries` (the family's view and the byChild index see it) and
 * the family its entry number (`no`, the order of entry), conditional on the `rev` read (so numbers are unique and
 * in order) and on the family not having entered. Database requests: the children + the session + the update = 3.
 */
export async function enterLottery(input: In<'enterLottery'>, ctx: Ctx): Promise<OutputOf<'school', 'enterLottery'>> {
  requireOpenid(ctx)
  const _ = ctx.db.command
  const ids = [...new Set(input.childIds)]
  const [childRes, first] = await Promise.all([
    ctx.db
      .collection(SCH_CHILDREN)
      .where({ _id: _.in(ids) })
      .limit(ids.length)
      .get(),
    loadSession(ctx, input.sessionId),
  ])
  const children = childRes.data as ChildDoc[]
  if (children.length !== ids.length || children.some((c) => c.status !== 'active')) throw new HandlerError('NOT_FOUND', '没有找到这个孩子')
  if (children.some((c) => !(c.guardianOpenids ?? []).includes(ctx.openid))) throw new HandlerError('ROLE_REQUIRED', ENROLMENT_MESSAGES.notGuardian)
  const familyId = children[0].familyId
  if (children.some((c) => c.familyId !== familyId)) throw new HandlerError('INVALID_INPUT', '一次摇号报名只能包含同一个家庭的孩子')
  const ordered = ids.map((id) => children.find((c) => c._id === id)!)
  let s = first
  for (let attempt = 0; attempt < 12; attempt++) {
    const entries = s.lottery?.entries ?? []
    const mine = entries.find((e) => e.familyId === familyId)
    if (mine) {
      if (ctx.requestId && mine.requestId === ctx.requestId) return { sessionId: s._id, no: mine.no, childIds: mine.childIds }
      throw new HandlerError('INVALID_STATE', ENROLMENT_MESSAGES.familyEntered)
    }
    if (s.mode !== 'lottery' || !s.lottery) throw new HandlerError('INVALID_STATE', ENROLMENT_MESSAGES.notLottery)
    if (s.lottery.draw) throw new HandlerError('INVALID_STATE', '这个班已经摇号')
    for (const c of ordered) {
      if (findEntry(s, c._id)) throw new HandlerError('INVALID_STATE', `${c.name}已报名这个班`)
      const refusal = entryRefusal(s, c, ctx.now)
      if (refusal) throw fits(s, c) ? refusal : new HandlerError('INVALID_STATE', `${c.name}的年级不在这个班的招收范围内`)
    }
    if (input.claim && !s.priorityGroups.includes(input.claim)) throw new HandlerError('INVALID_INPUT', '这个班不接受这类优先资格', [{ path: 'claim', message: '这个班不接受这类优先资格' }])
    const no = entries.length + 1
    const entry: LotteryEntry = { familyId, childIds: ids, by: ctx.openid, at: ctx.now, no, requestId: ctx.requestId!, ...(input.claim ? { claim: input.claim } : {}) }
    const rows: EnrolmentEntry[] = ordered.map((c) => ({
      childId: c._id,
      familyId,
      status: 'lottery_entered',
      at: ctx.now,
      by: ctx.openid,
      child: snapshot(c),
      requestId: ctx.requestId!,
      subscribed: !!input.subscribed,
    }))
    const res = await ctx.db
      .collection(SCH_SESSIONS)
      .where({ _id: s._id, rev: s.rev, status: 'open', closesAt: _.gt(ctx.now), 'lottery.entries.familyId': _.neq(familyId) })
      .update({ data: { 'lottery.entries': _.push([entry]), entries: _.push(rows), waiting: _.inc(1), rev: _.inc(1), untallied: tallyToken(), updatedAt: ctx.now } })
    if (res.stats.updated === 1) return { sessionId: s._id, no, childIds: ids } satisfies LotteryEntryAnswer
    s = await loadSession(ctx, s._id)
  }
  throw new HandlerError('CONFLICT', '报名人数较多，请稍后再试')
}

/** A guardian's change of their child's entry: the child (guardian check) + the session, then the change. */
async function familyChange(
  input: { sessionId: string; childId: string },
  ctx: Ctx,
  step: (e: EnrolmentEntry, s: EnrolSession) => EnrolmentEntry | EnrolmentAnswer,
): Promise<EnrolmentAnswer> {
  requireOpenid(ctx)
  const [child, s] = await Promise.all([loadMyChild(ctx, input.childId), loadSession(ctx, input.sessionId)])
  return changeSession<EnrolmentAnswer>(ctx, s, (now) => {
    const found = findEntry(now, child._id)
    if (!found) throw new HandlerError('NOT_FOUND', '孩子没有报名这个班')
    const next = step(found.entry, now)
    if (!('child' in next)) return { done: next }
    return { edits: new Map([[found.index, next]]), answer: (after) => answerOf({ _id: now._id, entries: after }, found.index) }
  })
}

/** The entry a guardian's change leaves, recording who, when and the requestId (a retry recognises it). */
function changed(e: EnrolmentEntry, status: EnrolmentEntry['status'], ctx: Ctx): EnrolmentEntry {
  const { offer: _offer, ...rest } = e
  return { ...rest, status, changedBy: ctx.openid, changedAt: ctx.now, requestId: ctx.requestId! }
}

/** True when this call already made its change (a retry). */
function ownStep(e: EnrolmentEntry, ctx: Ctx, status: EnrolmentEntry['status']): boolean {
  return !!ctx.requestId && e.requestId === ctx.requestId && e.status === status
}

/**
 * A guardian gives back a place (enrolled) or a waitlist place: ONE update conditional on the `rev` read; a freed
 * place is offered to the first on the waitlist in the same update. Database requests: 3 (a lost race: +2).
 */
export async function cancelEnrolment(input: In<'cancelEnrolment'>, ctx: Ctx): Promise<OutputOf<'school', 'cancelEnrolment'>> {
  return familyChange(input, ctx, (e, s) => {
    if (ownStep(e, ctx, 'cancelled')) return { sessionId: s._id, childId: e.childId, status: 'cancelled' }
    if (e.status === 'offered') throw new HandlerError('INVALID_STATE', '候补到位的名额请选择“确认入学”或“放弃”')
    if (e.status !== 'enrolled' && e.status !== 'waitlisted')
      throw new HandlerError('INVALID_STATE', e.status === 'lottery_entered' ? '摇号报名在摇号前不能取消，请联系工作人员' : '这个报名已经结束')
    return changed(e, 'cancelled', ctx)
  })
}

/** A guardian accepts an offered place before it lapses (after: OFFER_EXPIRED). Database requests: 3. */
export async function acceptOffer(input: In<'acceptOffer'>, ctx: Ctx): Promise<OutputOf<'school', 'acceptOffer'>> {
  return familyChange(input, ctx, (e, s) => {
    if (ownStep(e, ctx, 'enrolled')) return { sessionId: s._id, childId: e.childId, status: 'enrolled' }
    if (e.status === 'expired' || (e.status === 'offered' && !offerOpen(e, ctx.now))) throw new HandlerError('OFFER_EXPIRED')
    if (e.status !== 'offered') throw new HandlerError('INVALID_STATE', '没有待确认的候补名额')
    return changed(e, 'enrolled', ctx)
  })
}

/** A guardian declines an offered place: it goes to the next on the waitlist in the same update. Database requests: 3. */
export async function declineOffer(input: In<'declineOffer'>, ctx: Ctx): Promise<OutputOf<'school', 'declineOffer'>> {
  return familyChange(input, ctx, (e, s) => {
    if (ownStep(e, ctx, 'declined')) return { sessionId: s._id, childId: e.childId, status: 'declined' }
    if (e.status !== 'offered') throw new HandlerError('INVALID_STATE', '没有待确认的候补名额')
    return changed(e, 'declined', ctx)
  })
}

/** The projection of a session for the family's view: its public facts and, of the entries, no snapshot at all. */
const FAMILY_FIELDS = { ...SESSION_VIEW_FIELDS, 'entries.childId': true, 'entries.status': true, 'entries.offer': true, 'entries.at': true, 'entries.reason': true } as const

/**
 * 我的报名: each of my children's entries across sessions, latest term first, with the status, the waitlist position,
 * the offer's expiry and what I may do. Database requests: 2 (my children on the guardian index + the sessions
 * holding them on the byChild index, projected without any snapshot; every other child's entry is dropped here).
 */
export async function familyView(input: In<'familyView'>, ctx: Ctx): Promise<OutputOf<'school', 'familyView'>> {
  requireOpenid(ctx)
  const _ = ctx.db.command
  const w = pageWindow(input)
  const [children] = await Promise.all([loadMyChildren(ctx), loadCommunities(ctx.db)])
  const options = children.map((c) => toChildOption(c))
  if (!children.length) return { items: [], page: w.page, pageSize: w.pageSize, hasMore: false, children: options }
  const res = await ctx.db
    .collection(SCH_SESSIONS)
    .where({ 'entries.childId': _.in(children.map((c) => c._id)) })
    .orderBy('termStart', 'desc')
    .skip(w.skip)
    .limit(w.limit)
    .field(FAMILY_FIELDS)
    .get()
  const page = toPage(res.data as EnrolSession[], w, (s) => ({ session: sessionView(s, ctx.now), mine: myEnrolments(s, children, ctx.now) }))
  return { ...page, children: options }
}

/**
 * A family's view of one session: its public facts, my children's status there (never another family's), my
 * children to choose from (with whether each fits), my 摇号 entry, and what I may do. Database requests: 2.
 */
export async function sessionDetail(input: In<'sessionDetail'>, ctx: Ctx): Promise<OutputOf<'school', 'sessionDetail'>> {
  requireOpenid(ctx)
  const [children, s] = await Promise.all([loadMyChildren(ctx), loadSession(ctx, input.sessionId), loadCommunities(ctx.db)])
  const mine = myEnrolments(s, children, ctx.now)
  const free = children.filter((c) => fits(s, c) && !findEntry(s, c._id))
  const familyIds = new Set(children.map((c) => c.familyId))
  const entry = (s.lottery?.entries ?? []).find((e) => familyIds.has(e.familyId))
  const allowed: FamilyEnrolmentAction[] = []
  if (windowOpen(s, ctx.now) && free.length) {
    if (s.mode === 'first_come') allowed.push('enrol')
    else if (s.lottery && !s.lottery.draw && !entry) allowed.push('enterLottery')
  }
  return {
    session: sessionView(s, ctx.now),
    mine,
    children: children.map((c) => toChildOption(c, s.grades)),
    allowed,
    ...(entry ? { lotteryEntry: { no: entry.no, childIds: entry.childIds, ...(entry.claim ? { claim: entry.claim, verified: !!entry.verified } : {}) } } : {}),
  }
}
