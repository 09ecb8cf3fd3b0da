// The one way attendance is written: ONE conditional update of the child's record of a day in the session
// document, recording the call's requestId on the record (a retried call recognises its own change), bumping `rev`
// and setting `untallied` (every update of a session does: cloud/domain/school/model.ts).
import type { AttendanceChange } from '../../../../src/contracts/school/attendance'
import type { Ctx } from '../../../lib/context'
import { tallyToken } from '../../../lib/counters'
import { SCH_SESSIONS, type AttendanceRecord } from '../model'
import { readDaySession, recordOf, recordPath, recordView, type DaySession } from './common'

/** The answer of a change: the record after it. */
export function changeOf(s: Pick<DaySession, '_id'>, day: string, childId: string, record: AttendanceRecord, repeated: boolean): AttendanceChange {
  return { sessionId: s._id, childId, day, record: recordView(record), repeated }
}

/** True when this call (its requestId) already changed the record: a retry. */
export function ownChange(r: AttendanceRecord, ctx: Ctx): boolean {
  return !!ctx.requestId && (r.rids ?? []).includes(ctx.requestId)
}

/**
 * Updates the child's record of `day`: `when` are conditions on the record's fields (relative paths), `set` the
 * fields to set (a value, or a db.command such as `_.remove()`). Answers the record after it, or null when the
 * condition no longer held (someone else changed it first). One database request.
 */
export async function writeRecord(
  ctx: Ctx,
  sessionId: string,
  day: string,
  childId: string,
  when: Record<string, unknown>,
  set: Record<string, unknown>,
  extraWhere: Record<string, unknown> = {},
): Promise<boolean> {
  const _ = ctx.db.command
  const path = recordPath(day, childId)
  const where: Record<string, unknown> = { _id: sessionId, ...extraWhere }
  for (const [k, v] of Object.entries(when)) where[`${path}.${k}`] = v
  const data: Record<string, unknown> = { rev: _.inc(1), updatedAt: ctx.now, untallied: tallyToken() }
  for (const [k, v] of Object.entries(set)) data[`${path}.${k}`] = v
  if (ctx.requestId) data[`${path}.rids`] = _.push([ctx.requestId])
  const res = await ctx.db.collection(SCH_SESSIONS).where(where).update({ data })
  return res.stats.updated === 1
}

/** After a lost condition: the record as it is now (one more request). */
export async function rereadRecord(ctx: Ctx, sessionId: string, day: string, childId: string): Promise<AttendanceRecord> {
  return recordOf(await readDaySession(ctx, sessionId, day, { childId }), day, childId)
}
