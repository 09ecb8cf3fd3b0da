// Sessions as station staff make, change, close and list them (issue 11, part A).
import { DEFAULT_DAY_END, DEFAULT_DAY_START, SCHOOL_A_MESSAGES as M, SCHOOL_LIMITS, type OutputOf, type ParsedInputOf } from '../../../../src/contracts'
import type { StaffSessionQueue } from '../../../../src/contracts/school/rules'
import type { StaffSessionDetail } from '../../../../src/contracts/school/sessions'
import { findCommunity, loadCommunities } from '../../../lib/communities'
import { requireRole, requireScope, type Ctx } from '../../../lib/context'
import { staffScope } from '../../../lib/staffScope'
import { insertOnce } from '../../../lib/insertOnce'
import { addDays, chinaInstant, isRealDay } from '../../../lib/dates'
import { HandlerError, invalidField } from '../../../lib/errors'
import { tallyToken } from '../../../lib/counters'
import { pageWindow, toPage } from '../../../lib/paging'
import { SCH_SESSIONS, type SessionDoc } from '../model'
import { allowedStaffSessionActions, derivedId, isLocked, loadStaffSession, STAFF_SESSION_FIELDS, toStaffDetail, type StaffSessionRow } from './doc'

type In<A extends 'saveSession' | 'closeSession' | 'staffSessions' | 'staffSession'> = ParsedInputOf<'school', A>

/** Minutes of an HH:mm time. */
function minutesOf(t: string): number {
  return Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5))
}

/** An instant from the form's China "YYYY-MM-DD HH:mm", or INVALID_INPUT on the field. */
function instantOf(field: string, value: string): Date {
  const [day, time] = value.split(' ')
  if (!isRealDay(day)) throw invalidField(field, '日期不存在')
  return chinaInstant(day, time)
}

/** The checked content of a session form (the rules of a session that do not depend on its entries). */
function sessionContent(input: In<'saveSession'>) {
  const startTime = input.startTime ?? DEFAULT_DAY_START
  const endTime = input.endTime ?? DEFAULT_DAY_END
  if (input.termEnd < input.termStart) throw invalidField('termEnd', '学期结束日期不能早于开始日期')
  if (input.termEnd > addDays(input.termStart, SCHOOL_LIMITS.termDays - 1)) throw invalidField('termEnd', `一个学期最长 ${SCHOOL_LIMITS.termDays} 天`)
  if (minutesOf(endTime) <= minutesOf(startTime)) throw invalidField('endTime', '结束时间应晚于开始时间')
  if (input.grades.min > input.grades.max) throw invalidField('grades', '最低年级不能高于最高年级')
  const opensAt = instantOf('opensAt', input.opensAt)
  const closesAt = instantOf('closesAt', input.closesAt)
  if (closesAt.getTime() <= opensAt.getTime()) throw invalidField('closesAt', '报名截止时间应晚于开始时间')
  if (closesAt.getTime() > chinaInstant(input.termEnd, endTime).getTime()) throw invalidField('closesAt', '报名应在学期结束前截止')
  if (input.mode === 'lottery' && !input.announcedNumber) throw invalidField('announcedNumber', '摇号班次请填写事先公布的号码（用作摇号种子）')
  const weekdays = [...new Set(input.weekdays)].sort((a, b) => a - b)
  return {
    communityId: input.communityId,
    name: input.name,
    termStart: input.termStart,
    termEnd: input.termEnd,
    weekdays,
    startTime,
    endTime,
    capacity: input.capacity,
    grades: { min: input.grades.min, max: input.grades.max },
    opensAt,
    closesAt,
    mode: input.mode,
    priorityGroups: [...new Set(input.priorityGroups)],
    activities: [...new Set(input.activities)],
    notes: input.notes ?? '',
  }
}

/**
 * Staff create a session in a community they serve (no sessionId), or edit one of theirs. A create derives its _id
 * from the requestId, so a retry finds its own (duplicate key); it starts empty (held 0, waiting 0, no entries).
 * An edit is ONE update conditional on the `rev` read, and refuses, once the session has entries, a change of mode,
 * grades, capacity (part B's setCapacity offers freed places) or the announced number (it seeds the draw).
 * Database requests: create 2 (a retry 3), edit 3.
 */
export async function saveSession(input: In<'saveSession'>, ctx: Ctx): Promise<StaffSessionDetail> {
  requireRole(ctx, 'staff')
  requireScope(ctx, input.communityId)
  const content = sessionContent(input)
  await loadCommunities(ctx.db)
  if (!(await findCommunity(ctx.db, input.communityId))) throw invalidField('communityId', '没有这个社区')
  const lottery = input.mode === 'lottery' ? { announcedNumber: input.announcedNumber! } : undefined
  if (!input.sessionId) {
    if (content.closesAt.getTime() <= ctx.now.getTime()) throw invalidField('closesAt', '报名截止时间已过，请重新选择')
    const doc: SessionDoc = {
      _id: derivedId('ss', ctx.openid, ctx.requestId!),
      ...content,
      ...(lottery ? { lottery: { ...lottery, entries: [] } } : {}),
      status: 'open',
      held: 0,
      waiting: 0,
      entries: [],
      cancelledDays: [],
      days: {},
      rev: 0,
      untallied: tallyToken(),
      createdBy: ctx.openid,
      createdAt: ctx.now,
      updatedAt: ctx.now,
      requestId: ctx.requestId!,
    }
    return toStaffDetail(await insertOnce(ctx, SCH_SESSIONS, doc, (id) => loadStaffSession(ctx, id)), ctx.now)
  }
  const s = await loadStaffSession(ctx, input.sessionId)
  requireScope(ctx, s.communityId)
  if (s.requestId === ctx.requestId) return toStaffDetail(s, ctx.now)
  if (s.communityId !== input.communityId) throw invalidField('communityId', '班次不能改到其他社区')
  if (!allowedStaffSessionActions(s).includes('edit')) throw new HandlerError('INVALID_STATE', M.sessionCancelled)
  if (isLocked(s)) {
    const same =
      s.mode === content.mode &&
      s.capacity === content.capacity &&
      s.grades.min === content.grades.min &&
      s.grades.max === content.grades.max &&
      (s.lottery?.announcedNumber ?? '') === (lottery?.announcedNumber ?? '')
    if (!same) throw new HandlerError('INVALID_STATE', M.locked)
  }
  const _ = ctx.db.command
  const data: Record<string, unknown> = {
    ...content,
    weekdays: _.set(content.weekdays),
    grades: _.set(content.grades),
    priorityGroups: _.set(content.priorityGroups),
    activities: _.set(content.activities),
    rev: _.inc(1),
    untallied: tallyToken(),
    updatedAt: ctx.now,
    requestId: ctx.requestId!,
  }
  if (!isLocked(s)) data.lottery = lottery ? _.set({ ...lottery, entries: [] }) : _.remove()
  const res = await ctx.db
    .collection(SCH_SESSIONS)
    .where({ _id: s._id, rev: s.rev, status: _.neq('cancelled') })
    .update({ data })
  if (res.stats.updated !== 1) throw new HandlerError('CONFLICT', '班次刚刚有变化，请刷新后再试')
  const next: StaffSessionRow = { ...s, ...content, ...(lottery ? { lottery: { ...lottery, entries: [] } } : {}), rev: s.rev + 1 }
  if (!lottery && !isLocked(s)) delete next.lottery
  return toStaffDetail(next, ctx.now)
}

/**
 * Staff close a session: it takes no new enrolments (a 摇号's draw is part B's). ONE update conditional on the
 * status; a retry (or a second close) finds it closed and answers the same. Database requests: 3.
 */
export async function closeSession(input: In<'closeSession'>, ctx: Ctx): Promise<StaffSessionDetail> {
  requireRole(ctx, 'staff')
  const s = await loadStaffSession(ctx, input.sessionId)
  requireScope(ctx, s.communityId)
  await loadCommunities(ctx.db)
  if (s.status === 'closed') return toStaffDetail(s, ctx.now)
  if (s.status !== 'open') throw new HandlerError('INVALID_STATE', '已取消的班次不能截止')
  const _ = ctx.db.command
  const res = await ctx.db
    .collection(SCH_SESSIONS)
    .where({ _id: s._id, status: 'open' })
    .update({ data: { status: 'closed', rev: _.inc(1), untallied: tallyToken(), updatedAt: ctx.now, requestId: ctx.requestId! } })
  if (res.stats.updated !== 1) throw new HandlerError('CONFLICT', '班次刚刚有变化，请刷新后再试')
  return toStaffDetail({ ...s, status: 'closed', rev: s.rev + 1 }, ctx.now)
}

/**
 * Staff: the sessions of their communities (or one of them), latest term first, open and closed unless a status
 * is asked; with `queue`, only the sessions a workbench tile counts (tallies.ts): an offered place, or a priority
 * claim undecided before the draw. ONE query on the browse index (community, status, term start). Database requests:
 * the user + 1.
 */
export async function staffSessions(input: In<'staffSessions'>, ctx: Ctx): Promise<OutputOf<'school', 'staffSessions'>> {
  const scope = await staffScope(ctx, input.communityId)
  await loadCommunities(ctx.db) // cached per instance: the community names
  const _ = ctx.db.command
  const w = pageWindow(input)
  const res = await ctx.db
    .collection(SCH_SESSIONS)
    .where({ communityId: input.communityId ?? _.in(scope), status: input.status ?? _.in(['open', 'closed']), ...queueFilter(input.queue, _) })
    .orderBy('termStart', 'desc')
    .skip(w.skip)
    .limit(w.limit)
    .field(STAFF_SESSION_FIELDS)
    .get()
  return toPage(res.data as StaffSessionRow[], w, (s) => toStaffDetail(s, ctx.now))
}

/** The sessions a workbench queue counts (as `sessionTallies` does), as a where clause; none: every session. */
function queueFilter(queue: StaffSessionQueue | undefined, _: Ctx['db']['command']): Record<string, unknown> {
  if (queue === 'offers') return { 'entries.status': 'offered' }
  if (queue === 'claims') return { 'lottery.draw': _.exists(false), 'lottery.entries': _.elemMatch({ claim: _.exists(true), verified: _.exists(false) }) }
  return {}
}

/** Staff: one session of their communities and what they may do. Database requests: the user + 1. */
export async function staffSession(input: In<'staffSession'>, ctx: Ctx): Promise<StaffSessionDetail> {
  requireRole(ctx, 'staff')
  const [s] = await Promise.all([loadStaffSession(ctx, input.sessionId), loadCommunities(ctx.db)])
  requireScope(ctx, s.communityId)
  return toStaffDetail(s, ctx.now)
}
