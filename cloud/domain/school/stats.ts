// A session's figures for staff (issue 11, part C): enrolled and waitlisted counts, the attendance rate by day and
// by week, and no-shows, all from the one session document (its entries and `days`).
import type { AttendanceFigure, SessionStats } from '../../../src/contracts/school/attendance'
import { dayKey, notSessionDay } from '../../../src/contracts/school/rules'
import type { ParsedInputOf } from '../../../src/contracts'
import { requireRole, requireScope, type Ctx } from '../../lib/context'
import { addDays, chinaDay, mondayOf } from '../../lib/dates'
import { HandlerError } from '../../lib/errors'
import { SCH_SESSIONS, type AttendanceRecord, type EnrolmentEntry, type SessionDoc } from './model'
import { DAY_FIELDS } from './attendance/common'

/** Past session days shown one by one (the weeks cover the whole term). */
const MAX_DAYS = 60
/** No-shows listed (most days first). */
const MAX_NO_SHOWS = 20

type StatsSession = Pick<SessionDoc, '_id' | 'name' | 'capacity' | 'status' | 'termStart' | 'termEnd' | 'weekdays' | 'cancelledDays' | 'communityId'> & {
  entries: Pick<EnrolmentEntry, 'childId' | 'status' | 'at' | 'changedAt' | 'child'>[]
  days?: Record<string, Record<string, AttendanceRecord>>
}

const rateOf = (arrived: number, expected: number) => (expected > 0 ? Math.round((arrived / expected) * 1000) / 1000 : null)

/**
 * The figures of a session from its document, as a pure function (the export uses it too). A day counts the
 * children enrolled by then (an enrolled entry since its last change, or any child with a record that day); the
 * rate is arrived ÷ (those − on leave), over the past session days (before `today`).
 */
export function figuresOf(s: StatsSession, today: string): Omit<SessionStats, 'sessionId' | 'sessionName' | 'capacity'> {
  const count = (status: EnrolmentEntry['status']) => s.entries.filter((e) => e.status === status).length
  const enrolled = s.entries.filter((e) => e.status === 'enrolled')
  const names = new Map(s.entries.map((e) => [e.childId, e.child?.name ?? '']))
  const byDay: AttendanceFigure[] = []
  const weeks = new Map<string, AttendanceFigure>()
  const misses = new Map<string, { days: number; lastDay: string }>()
  let totalArrived = 0
  let totalExpected = 0
  const last = addDays(today, -1) < s.termEnd ? addDays(today, -1) : s.termEnd
  for (let d = s.termStart; d <= last; d = addDays(d, 1)) {
    if (notSessionDay(s, d)) continue
    const records = s.days?.[dayKey(d)] ?? {}
    const ids = new Set(Object.keys(records))
    for (const e of enrolled) if (chinaDay(new Date(e.changedAt ?? e.at)) <= d) ids.add(e.childId)
    let onLeave = 0
    let arrived = 0
    for (const id of ids) {
      const r = records[id] ?? {}
      if (r.arrivedAt) arrived += 1
      else if (r.leave) onLeave += 1
      else {
        const m = misses.get(id) ?? { days: 0, lastDay: d }
        misses.set(id, { days: m.days + 1, lastDay: d })
      }
    }
    const expected = ids.size - onLeave
    byDay.push({ day: d, expected, onLeave, arrived, rate: rateOf(arrived, expected) })
    const w = weeks.get(mondayOf(d)) ?? { day: mondayOf(d), expected: 0, onLeave: 0, arrived: 0, rate: null }
    weeks.set(w.day, { ...w, expected: w.expected + expected, onLeave: w.onLeave + onLeave, arrived: w.arrived + arrived })
    totalArrived += arrived
    totalExpected += expected
  }
  const noShows = [...misses]
    .map(([childId, m]) => ({ childId, name: names.get(childId) ?? '', days: m.days, lastDay: m.lastDay }))
    .sort((a, b) => b.days - a.days || (a.lastDay < b.lastDay ? 1 : -1))
  return {
    enrolled: enrolled.length,
    waitlisted: count('waitlisted'),
    offered: count('offered'),
    byDay: byDay.reverse().slice(0, MAX_DAYS),
    byWeek: [...weeks.values()].map((w) => ({ ...w, rate: rateOf(w.arrived, w.expected) })).reverse(),
    rate: rateOf(totalArrived, totalExpected),
    noShows: noShows.slice(0, MAX_NO_SHOWS),
    noShowDays: noShows.reduce((n, x) => n + x.days, 0),
  }
}

/** Reads a session for its figures: its day facts, entries (statuses, dates, names) and every day's records. One request. */
export async function readStatsSession(ctx: Ctx, sessionId: string): Promise<StatsSession> {
  const res = await ctx.db
    .collection(SCH_SESSIONS)
    .where({ _id: sessionId })
    .field({ ...DAY_FIELDS, capacity: true, 'entries.childId': true, 'entries.status': true, 'entries.at': true, 'entries.changedAt': true, 'entries.child': true, days: true })
    .limit(1)
    .get()
  const s = (res.data as StatsSession[])[0]
  if (!s) throw new HandlerError('NOT_FOUND', '没有找到这期课程')
  return { ...s, entries: s.entries ?? [] }
}

/**
 * Staff of the session's community: enrolled, waitlisted and offered counts, the attendance rate by day and by week,
 * and the no-shows. Database requests: the user + the session = 2.
 */
export async function sessionStats(input: ParsedInputOf<'school', 'sessionStats'>, ctx: Ctx): Promise<SessionStats> {
  requireRole(ctx, 'staff')
  const s = await readStatsSession(ctx, input.sessionId)
  requireScope(ctx, s.communityId)
  return { sessionId: s._id, sessionName: s.name, capacity: s.capacity, ...figuresOf(s, chinaDay(ctx.now)) }
}
