// The guardian's view of a child's days (issue 11, part C): arrived at, picked up at and by whom, a release with
// its staff name and reason, leave. The sessions holding the child are found on the byChild index, projected to
// that child's records of the days asked; the caller is the child's guardian when the entry's family is theirs.
import type { ChildDay, ChildDayItem } from '../../../../src/contracts/school/attendance'
import { ATTENDANCE_MESSAGES as M, dayKey, notSessionDay } from '../../../../src/contracts/school/rules'
import type { OutputOf, ParsedInputOf } from '../../../../src/contracts'
import { requireSignedUp, type Ctx } from '../../../lib/context'
import { addDays } from '../../../lib/dates'
import { HandlerError } from '../../../lib/errors'
import { SCH_SESSIONS, type EnrolmentEntry } from '../model'
import { dayNotBegun, DAY_FIELDS, isOwnFamily, recordView, todayOf, type DaySession } from './common'

/** Sessions a child is in at most (one term's classes, over the years). */
const MAX_SESSIONS = 20
/** Days a page of childDays spans. */
const PAGE_DAYS = 14

/**
 * The sessions holding the child, projected to the child's entry facts and records of `days`, kept to those whose
 * entry is of the caller's family (refused when the child has entries and none is the caller's). One request.
 */
async function familySessions(ctx: Ctx, childId: string, days: string[]): Promise<{ s: DaySession; e: EnrolmentEntry }[]> {
  requireSignedUp(ctx)
  const field: Record<string, true> = { ...DAY_FIELDS, 'entries.childId': true, 'entries.status': true, 'entries.familyId': true }
  for (const d of days) field[`days.${dayKey(d)}.${childId}`] = true
  const res = await ctx.db.collection(SCH_SESSIONS).where({ 'entries.childId': childId }).orderBy('termStart', 'desc').field(field).limit(MAX_SESSIONS).get()
  const found = (res.data as DaySession[]).flatMap((s) => {
    const e = (s.entries ?? []).find((x) => x.childId === childId)
    return e ? [{ s, e }] : []
  })
  const mine = found.filter(({ e }) => isOwnFamily(ctx, e.familyId))
  if (found.length && !mine.length) throw new HandlerError('ROLE_REQUIRED', M.notGuardian)
  return mine
}

/** The child's item of a day in one session, or null (not a session day and nothing recorded, or not enrolled). */
function itemOf(ctx: Ctx, s: DaySession, e: EnrolmentEntry, childId: string, day: string, today: string): ChildDayItem | null {
  const r = s.days?.[dayKey(day)]?.[childId] ?? {}
  const why = notSessionDay(s, day)
  const recorded = Object.keys(r).length > 0
  const enrolled = e.status === 'enrolled'
  if (!recorded && (!enrolled || (why && why !== 'cancelled'))) return null
  const record = recordView(r)
  const can: ChildDayItem['can'] = []
  if (enrolled && !why && day >= today && !r.arrivedAt) {
    if (!r.leave) can.push('reportLeave')
    else if (dayNotBegun(s, day, ctx.now)) can.push('cancelLeave')
  }
  return {
    sessionId: s._id,
    sessionName: s.name,
    day,
    startTime: s.startTime,
    endTime: s.endTime,
    notSessionDay: why,
    ...(why === 'cancelled' ? { cancelledReason: s.cancelledDays.find((c) => c.day === day)?.reason ?? '' } : {}),
    record,
    absent: !why && day < today && !r.arrivedAt && !r.leave && enrolled,
    can,
  }
}

/**
 * A guardian: the child's record of one day (today unless given) in each session holding it. Database requests:
 * the user + the sessions (byChild index, projected to that day's record) = 2.
 */
export async function childDay(input: ParsedInputOf<'school', 'childDay'>, ctx: Ctx): Promise<ChildDay> {
  const today = todayOf(ctx)
  const day = input.day ?? today
  const sessions = await familySessions(ctx, input.childId, [day])
  const items = sessions.flatMap(({ s, e }) => itemOf(ctx, s, e, input.childId, day, today) ?? [])
  return { childId: input.childId, day, items }
}

/**
 * A guardian: the child's session days, PAGE_DAYS a page, newest first (page 1: the coming week and the last
 * one; each further page the two weeks before). Database requests: the user + the sessions = 2.
 */
export async function childDays(input: ParsedInputOf<'school', 'childDays'>, ctx: Ctx): Promise<OutputOf<'school', 'childDays'>> {
  const today = todayOf(ctx)
  const page = input.page ?? 1
  const to = addDays(today, 6 - PAGE_DAYS * (page - 1))
  const from = addDays(to, -(PAGE_DAYS - 1))
  const days = Array.from({ length: PAGE_DAYS }, (_, i) => addDays(to, -i))
  const sessions = await familySessions(ctx, input.childId, days)
  const items: ChildDayItem[] = []
  for (const d of days)
    for (const { s, e } of sessions) {
      const item = itemOf(ctx, s, e, input.childId, d, today)
      if (item) items.push(item)
    }
  const hasMore = sessions.some(({ s }) => s.termStart < from)
  return { items, page, pageSize: items.length, hasMore, from, to }
}
