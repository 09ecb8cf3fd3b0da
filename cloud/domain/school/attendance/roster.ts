// The day's roster and the check-out chooser (issue 11, part C).
import type { CheckoutOptions, RosterAction, RosterChild, SchoolRoster } from '../../../../src/contracts/school/attendance'
import { dayKey, NOT_SESSION_DAY_LABELS, notSessionDay, PICKUP_WRONG_LIMIT } from '../../../../src/contracts/school/rules'
import type { ParsedInputOf } from '../../../../src/contracts'
import { communityName, loadCommunities } from '../../../lib/communities'
import type { Ctx } from '../../../lib/context'
import { addDays, iso } from '../../../lib/dates'
import { HandlerError } from '../../../lib/errors'
import { maskChildName } from '../views'
import { SCH_CHILDREN, type AttendanceRecord, type ChildDoc, type EnrolmentEntry } from '../model'
import { dayNotBegun, enrolledEntry, isOut, isOwnFamily, readDaySession, requireViewer, todayOf, type DaySession, type Viewer } from './common'

/** How far the day switcher looks for the previous or next session day. */
const SWITCH_SPAN = 14

function nearSessionDay(s: DaySession, from: string, step: 1 | -1): string | undefined {
  for (let i = 1; i <= SWITCH_SPAN; i++) {
    const d = addDays(from, step * i)
    if (d < s.termStart || d > s.termEnd) return undefined
    if (!notSessionDay(s, d)) return d
  }
  return undefined
}

/** What the viewer may do on a row (the server's word: the page draws buttons from it). */
function rowActions(ctx: Ctx, s: DaySession, e: EnrolmentEntry, r: AttendanceRecord, day: string, viewer: Viewer): RosterAction[] {
  if (notSessionDay(s, day)) return []
  const today = todayOf(ctx)
  const can: RosterAction[] = []
  if (day === today && !r.arrivedAt) can.push('checkIn')
  if (day === today && r.arrivedAt && !isOut(r)) {
    can.push('checkOut')
    if (viewer === 'staff' && !isOwnFamily(ctx, e.familyId)) can.push('release')
  }
  if (viewer === 'staff' && day >= today && !r.arrivedAt) {
    if (!r.leave) can.push('markLeave')
    else if (dayNotBegun(s, day, ctx.now)) can.push('cancelLeave')
  }
  return can
}

function rosterRow(ctx: Ctx, s: DaySession, e: EnrolmentEntry, r: AttendanceRecord, day: string, viewer: Viewer): RosterChild {
  const staff = viewer === 'staff'
  const row: RosterChild = {
    childId: e.childId,
    name: staff ? e.child.name : maskChildName(e.child.name),
    grade: e.child.grade,
    allergy: !!e.child.allergy,
    can: rowActions(ctx, s, e, r, day, viewer),
  }
  if (staff && e.child.healthNote) row.healthNote = e.child.healthNote
  if (r.leave) row.leave = staff && r.leave.reason ? { by: r.leave.role, reason: r.leave.reason } : { by: r.leave.role }
  if (r.arrivedAt) row.arrivedAt = iso(r.arrivedAt)
  const out = r.pickedUpAt ?? r.release?.at
  if (out) row.outAt = iso(out)
  if (staff && r.pickedUpBy) row.pickedUpBy = { name: r.pickedUpBy.name, relation: r.pickedUpBy.relation }
  if (staff && r.release) row.released = { staffName: r.release.staffName, reason: r.release.reason }
  return row
}

/**
 * Staff of the session's community, or a volunteer assigned to its station: the day's enrolled children with leave,
 * arrival and departure. Staff see the name, grade, allergy flag and health note; assigned volunteers the masked
 * name, grade and allergy flag only. Database requests: the user + the session (projected to its entries and that
 * day's records) = 2, whatever the number of children (+1 for the communities on a cold instance).
 */
export async function roster(input: ParsedInputOf<'school', 'roster'>, ctx: Ctx): Promise<SchoolRoster> {
  const today = todayOf(ctx)
  const day = input.day ?? today
  // The communities are cached per instance (no request when warm): the header's community name.
  const [s] = await Promise.all([readDaySession(ctx, input.sessionId, day, { entries: ['childId', 'familyId', 'status', 'child'] }), loadCommunities(ctx.db)])
  const viewer = requireViewer(ctx, s.communityId)
  const records = s.days?.[dayKey(day)] ?? {}
  const enrolled = (s.entries ?? []).filter((e) => e.status === 'enrolled')
  const children = enrolled.map((e) => rosterRow(ctx, s, e, records[e.childId] ?? {}, day, viewer))
  const why = notSessionDay(s, day)
  return {
    sessionId: s._id,
    sessionName: s.name,
    communityName: communityName(s.communityId),
    startTime: s.startTime,
    endTime: s.endTime,
    day,
    today,
    notSessionDay: why,
    ...(why
      ? { notSessionDayText: why === 'cancelled' ? `${NOT_SESSION_DAY_LABELS.cancelled}：${s.cancelledDays.find((c) => c.day === day)?.reason ?? ''}` : NOT_SESSION_DAY_LABELS[why] }
      : {}),
    viewer,
    ...optional('prevDay', nearSessionDay(s, day, -1)),
    ...optional('nextDay', nearSessionDay(s, day, 1)),
    counts: {
      enrolled: children.length,
      onLeave: children.filter((c) => c.leave).length,
      arrived: children.filter((c) => c.arrivedAt).length,
      out: children.filter((c) => c.outAt).length,
    },
    children,
  }
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value ? ({ [key]: value } as Record<K, string>) : {}
}

/** The child's pick-up facts (never sent as they are: codes and phones stay on the server). */
export type PickupChild = Pick<ChildDoc, '_id' | 'familyId' | 'guardianOpenids' | 'name' | 'guardianPhone' | 'pickups' | 'pickupLock' | 'status'>

/** The child's pick-up facts, or null (no such child, or deleted): one database request. */
export async function findPickupChild(ctx: Ctx, childId: string): Promise<PickupChild | null> {
  const res = await ctx.db
    .collection(SCH_CHILDREN)
    .where({ _id: childId })
    .field({ familyId: true, guardianOpenids: true, name: true, guardianPhone: true, pickups: true, pickupLock: true, status: true })
    .limit(1)
    .get()
  const c = (res.data as PickupChild[])[0]
  return c && c.status === 'active' ? c : null
}

/** Until when code entry is locked (undefined when it is not). */
export function lockedUntil(c: Pick<ChildDoc, 'pickupLock'>, now: Date): Date | undefined {
  const until = c.pickupLock?.until ? new Date(c.pickupLock.until) : undefined
  return until && until.getTime() > now.getTime() && (c.pickupLock?.wrong ?? 0) >= PICKUP_WRONG_LIMIT ? until : undefined
}

/**
 * Staff or an assigned volunteer: the authorised adults of an enrolled child, ids, names and relations only (never
 * phones or codes), and the lock's end while code entry is locked. Database requests: user + session + child = 3.
 */
export async function checkoutOptions(input: ParsedInputOf<'school', 'checkoutOptions'>, ctx: Ctx): Promise<CheckoutOptions> {
  const today = todayOf(ctx)
  const [s, c] = await Promise.all([readDaySession(ctx, input.sessionId, today, { childId: input.childId, entries: ['childId', 'status', 'child'] }), findPickupChild(ctx, input.childId)])
  const viewer = requireViewer(ctx, s.communityId)
  const e = enrolledEntry(s, input.childId)
  if (!c) throw new HandlerError('NOT_FOUND', '没有找到这个孩子')
  const until = lockedUntil(c, ctx.now)
  return {
    childId: c._id,
    childName: viewer === 'staff' ? e.child.name : maskChildName(e.child.name),
    adults: (c.pickups ?? []).map((a) => ({ adultId: a.id, name: a.name, relation: a.relation })),
    ...(until ? { lockedUntil: until.toISOString() } : {}),
  }
}
