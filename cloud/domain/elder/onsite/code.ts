import { createHash } from 'crypto'
import type { ParsedInputOf } from '../../../../src/contracts'
import type { OccurrenceCode, ScanCheckInResult } from '../../../../src/contracts/elder/onsite'
import { ONSITE_MESSAGES as M } from '../../../../src/contracts/elder/rules'
import { requireSignedUp, type Ctx } from '../../../lib/context'
import { tallyToken } from '../../../lib/counters'
import { isDuplicateKeyError } from '../../../lib/dbErrors'
import { iso } from '../../../lib/dates'
import { HandlerError } from '../../../lib/errors'
import { storedUnlimitedCode } from '../../../lib/wxacode'
import { ELD_OCCURRENCES, type OccurrenceDoc, type SignupEntry } from '../model'
import { newOccurrenceDoc, occurrenceId } from '../recurrence'
import { loadForStaff, readActivity, readOccurrence, requireScanOpen } from './common'

/** The page the occurrence's code opens (part B's occurrence page, which renders ScanCheckIn with the scene). */
export const OCCURRENCE_PAGE = 'packages/elder/pages/occurrence/index'

/**
 * The scene of an occurrence's code: `o` + 24 hex of SHA-256 of its _id (an activity id may be 32 characters, so
 * the _id itself may not fit WeChat's 32). Deterministic: the same occurrence always gets the same code.
 */
export function occurrenceScene(id: string): string {
  return `o${createHash('sha256').update(id).digest('hex').slice(0, 24)}`
}

/**
 * Staff in scope: the occurrence's 签到码, a mini-program code (wxacode.getUnlimited) opening the occurrence page
 * with the scene. The scene is written on the occurrence (stored now if it was not: insert, duplicate → update), so
 * a scan finds it on the `scene` index. Database requests: the user, the activity and the occurrence side by side,
 * and a write the first time (4).
 */
export async function occurrenceCode(input: ParsedInputOf<'elder', 'occurrenceCode'>, ctx: Ctx): Promise<OccurrenceCode> {
  const { activity, occ } = await loadForStaff(ctx, input.activityId, input.day)
  if (occ.cancelled) throw new HandlerError('INVALID_STATE', M.cancelled)
  const id = occurrenceId(activity._id, occ.day)
  const scene = occurrenceScene(id)
  const col = ctx.db.collection(ELD_OCCURRENCES)
  if (occ.stored?.scene !== scene) {
    const setScene = () => col.doc(id).update({ data: { scene, updatedAt: ctx.now } })
    if (occ.stored) await setScene()
    else
      try {
        await col.add({ data: { ...newOccurrenceDoc(activity, occ, ctx.now), scene } satisfies OccurrenceDoc })
      } catch (err) {
        if (!isDuplicateKeyError(err)) throw err
        await setScene()
      }
  }
  const code = { page: OCCURRENCE_PAGE, scene }
  return { activityId: activity._id, day: occ.day, title: activity.title, startAt: iso(occ.startAt), ...code, ...(await storedUnlimitedCode('elder', code)) }
}

/** The caller's own entries: the sign-up for themselves and those they made for the elders they manage. */
function mine(o: OccurrenceDoc, openid: string): { i: number; s: SignupEntry }[] {
  return o.signups.map((s, i) => ({ i, s })).filter(({ s }) => s.status === 'signed_up' && (s.by === openid || s.personKey === `u:${openid}`))
}

/**
 * Whoever scanned the occurrence's code checks in themselves and/or the elders they signed up (`personKeys`: some of
 * them; default all), on the day only, from 30 minutes before the start to the end. ONE conditional update of those
 * entries (each not yet checked in); a repeat answers the first check-ins. Someone not signed up is told to see the
 * staff. Database requests: the user, the occurrence by its scene (index `scene`), the activity (its title), the
 * update (4).
 */
export async function scanCheckIn(input: ParsedInputOf<'elder', 'scanCheckIn'>, ctx: Ctx): Promise<ScanCheckInResult> {
  requireSignedUp(ctx)
  const col = ctx.db.collection(ELD_OCCURRENCES)
  const found = (await col.where({ scene: input.scene }).limit(1).get()).data as OccurrenceDoc[]
  const stored = found[0]
  if (!stored) throw new HandlerError('NOT_FOUND', M.unknownCode)
  const activity = await readActivity(ctx, stored.activityId)
  if (!activity) throw new HandlerError('NOT_FOUND', M.unknownCode)
  requireScanOpen(stored, ctx.now)
  const wanted = input.personKeys ? new Set(input.personKeys) : null
  const entries = mine(stored, ctx.openid).filter(({ s }) => !wanted || wanted.has(s.personKey))
  if (!entries.length) throw new HandlerError('INVALID_STATE', M.notSignedUp)
  const answer = (list: { s: SignupEntry }[], repeated: boolean): ScanCheckInResult => ({
    activityId: stored.activityId,
    day: stored.day,
    title: activity.title,
    startAt: iso(stored.startAt),
    place: stored.place,
    checkedIn: list.map(({ s }) => ({ personKey: s.personKey, name: s.name, at: iso(s.checkedInAt) })),
    repeated,
  })
  const todo = entries.filter(({ s }) => !s.checkedInAt)
  if (!todo.length) return answer(entries, true)

  const _ = ctx.db.command
  const where: Record<string, unknown> = { _id: stored._id }
  const data: Record<string, unknown> = { checkins: _.inc(todo.length), rev: _.inc(1), updatedAt: ctx.now, untallied: tallyToken() }
  for (const { i, s } of todo) {
    Object.assign(where, { [`signups.${i}.personKey`]: s.personKey, [`signups.${i}.status`]: 'signed_up', [`signups.${i}.checkedInAt`]: _.exists(false) })
    Object.assign(data, { [`signups.${i}.checkedInAt`]: ctx.now, [`signups.${i}.checkedInBy`]: ctx.openid, [`signups.${i}.checkinMethod`]: 'scan' })
  }
  const res = await col.where(where).update({ data })
  if (res.stats.updated === 1) return answer([...entries.filter(({ s }) => s.checkedInAt), ...todo.map(({ i, s }) => ({ i, s: { ...s, checkedInAt: ctx.now } }))], false)
  // A concurrent check-in (a second phone, or staff ticking): answer what is recorded now.
  const again = await readOccurrence(ctx, stored._id)
  const now = again ? mine(again, ctx.openid).filter(({ s }) => s.checkedInAt && (!wanted || wanted.has(s.personKey))) : []
  if (now.length) return answer(now, true)
  throw new HandlerError('CONFLICT')
}
