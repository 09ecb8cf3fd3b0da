import type { ParsedInputOf } from '../../../../src/contracts'
import type { ElderCheckInResult, WalkInResult } from '../../../../src/contracts/elder/onsite'
import { ONSITE_MESSAGES as M } from '../../../../src/contracts/elder/rules'
import { requireRole, requireScope, type Ctx } from '../../../lib/context'
import { tallyToken } from '../../../lib/counters'
import { isDuplicateKeyError } from '../../../lib/dbErrors'
import { iso } from '../../../lib/dates'
import { HandlerError, invalidField } from '../../../lib/errors'
import { ELD_OCCURRENCES, ELD_PROFILES, type OccurrenceDoc, type ProfileDoc, type SignupEntry, type WalkIn } from '../model'
import { newOccurrenceDoc, occurrenceId, occurrenceOn } from '../recurrence'
import { readActivity, readOccurrence, requireRosterOpen } from './common'
import { walkInView } from './roster'

/** The stored occurrence's window fields as Dates. */
const windowOf = (o: OccurrenceDoc) => ({ startAt: new Date(o.startAt), endAt: new Date(o.endAt), cancelled: !!o.cancelled })

/**
 * Staff in scope tick sign-up `index` as checked in (method roster), never their own. ONE conditional update of
 * `signups.<index>` (the personKey and status as read, not yet checked in), with the present count and a fresh
 * `untallied`. A repeat — or the loser of two ticks at once — answers the first check-in. Database requests: the user,
 * the occurrence, the update (3).
 */
export async function checkIn(input: ParsedInputOf<'elder', 'checkIn'>, ctx: Ctx): Promise<ElderCheckInResult> {
  requireRole(ctx, 'staff')
  const id = occurrenceId(input.activityId, input.day)
  const stored = await readOccurrence(ctx, id)
  if (!stored) throw new HandlerError('NOT_FOUND', M.noSuchSignup)
  requireScope(ctx, stored.communityId)
  const i = input.index
  const entry = stored.signups[i]
  if (!entry || entry.personKey !== input.personKey) throw new HandlerError('INVALID_STATE', M.noSuchSignup)
  if (entry.checkedInAt) return checkResult(input, i, entry, true)
  if (entry.status !== 'signed_up') throw new HandlerError('INVALID_STATE', M.signupCancelled)
  if (entry.personKey === `u:${ctx.openid}`) throw new HandlerError('SELF_REVIEW', M.selfCheckin)
  requireRosterOpen(windowOf(stored), ctx.now)
  const _ = ctx.db.command
  const at = `signups.${i}`
  const res = await ctx.db
    .collection(ELD_OCCURRENCES)
    .where({ _id: id, [`${at}.personKey`]: entry.personKey, [`${at}.status`]: 'signed_up', [`${at}.checkedInAt`]: _.exists(false) })
    .update({
      data: {
        [`${at}.checkedInAt`]: ctx.now,
        [`${at}.checkedInBy`]: ctx.openid,
        [`${at}.checkinMethod`]: 'roster',
        checkins: _.inc(1),
        rev: _.inc(1),
        updatedAt: ctx.now,
        untallied: tallyToken(),
      },
    })
  if (res.stats.updated === 1) return checkResult(input, i, { ...entry, checkedInAt: ctx.now, checkinMethod: 'roster' }, false)
  // Lost to a concurrent write: answer the check-in that won, or ask for a refresh.
  const again = (await readOccurrence(ctx, id))?.signups[i]
  if (again?.personKey === entry.personKey && again.checkedInAt) return checkResult(input, i, again, true)
  throw new HandlerError('CONFLICT', M.noSuchSignup)
}

function checkResult(input: { activityId: string; day: string }, index: number, e: SignupEntry, repeated: boolean): ElderCheckInResult {
  return { activityId: input.activityId, day: input.day, index, name: e.name, checkedInAt: iso(e.checkedInAt), checkinMethod: e.checkinMethod ?? 'roster', repeated }
}

/**
 * Staff in scope add someone who came without signing up, by name or picking an active managed profile of the
 * occurrence's community (a profile signed up there is ticked instead; one walk-in per profile). The first write of
 * an occurrence inserts `newOccurrenceDoc` with the walk-in; a duplicate falls back to the conditional update (a
 * push whose condition holds the requestId and the profile absent). A retried call answers its walk-in. Database
 * requests: the user, the occurrence (+ the profile side by side), then the push: 3 by name, 4 with a profile; an
 * occurrence not yet stored adds the activity read (4 by name, 5 with a profile).
 */
export async function addWalkIn(input: ParsedInputOf<'elder', 'addWalkIn'>, ctx: Ctx): Promise<WalkInResult> {
  requireRole(ctx, 'staff')
  const name = input.name ?? ''
  if (!input.profileId && !name) throw invalidField('name', M.walkInWho)
  if (input.profileId && name) throw invalidField('name', M.walkInWho)
  const id = occurrenceId(input.activityId, input.day)
  const [stored, profile] = await Promise.all([readOccurrence(ctx, id), input.profileId ? readProfile(ctx, input.profileId) : null])
  const walkIn: WalkIn = { name: profile?.name ?? name, at: ctx.now, by: ctx.openid, requestId: ctx.requestId ?? undefined }
  if (profile) walkIn.profileId = profile._id
  const answer = (w: WalkIn, repeated: boolean): WalkInResult => ({ activityId: input.activityId, day: input.day, walkIn: walkInView(w), repeated })

  if (stored) {
    requireScope(ctx, stored.communityId)
    const done = alreadyDone(stored, ctx.requestId)
    if (done) return answer(done, true)
    checkWalkIn(stored, stored.communityId, profile, input.profileId)
    requireRosterOpen(windowOf(stored), ctx.now)
    return pushWalkIn(ctx, id, walkIn, answer)
  }
  const activity = await readActivity(ctx, input.activityId)
  if (!activity) throw new HandlerError('NOT_FOUND', '没有找到这项活动')
  requireScope(ctx, activity.communityId)
  const computed = occurrenceOn(activity, input.day)
  if (!computed) throw new HandlerError('NOT_FOUND', M.notAnOccurrence)
  checkWalkIn(null, activity.communityId, profile, input.profileId)
  requireRosterOpen({ ...computed, cancelled: false }, ctx.now)
  const doc: OccurrenceDoc = { ...newOccurrenceDoc(activity, computed, ctx.now), walkIns: [walkIn], checkins: 1, rev: 1, untallied: tallyToken() }
  try {
    await ctx.db.collection(ELD_OCCURRENCES).add({ data: doc })
    return answer(walkIn, false)
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err
    return pushWalkIn(ctx, id, walkIn, answer)
  }
}

async function readProfile(ctx: Ctx, profileId: string): Promise<ProfileDoc | null> {
  return ((await ctx.db.collection(ELD_PROFILES).doc(profileId).get()).data as ProfileDoc | null) ?? null
}

/** The walk-in this call already added (a retry), if any. */
function alreadyDone(o: OccurrenceDoc, requestId: string | null): WalkIn | undefined {
  return requestId ? (o.walkIns ?? []).find((w) => w.requestId === requestId) : undefined
}

/** Refuses a profile of another community or archived, one already present, or one signed up (tick them instead). */
function checkWalkIn(o: OccurrenceDoc | null, communityId: string, profile: ProfileDoc | null, profileId: string | undefined): void {
  if (!profileId) return
  if (!profile || profile.communityId !== communityId || profile.status !== 'active') throw invalidField('profileId', M.profileNotHere)
  if (!o) return
  if ((o.walkIns ?? []).some((w) => w.profileId === profileId)) throw new HandlerError('INVALID_STATE', M.walkInTwice)
  if (o.signups.some((s) => s.personKey === `p:${profileId}` && s.status === 'signed_up')) throw new HandlerError('INVALID_STATE', M.walkInSignedUp)
}

/** ONE conditional push of the walk-in (this requestId and the profile not there yet); a lost race re-reads. */
async function pushWalkIn(ctx: Ctx, id: string, walkIn: WalkIn, answer: (w: WalkIn, repeated: boolean) => WalkInResult): Promise<WalkInResult> {
  const _ = ctx.db.command
  const where: Record<string, unknown> = { _id: id, 'walkIns.requestId': _.neq(walkIn.requestId) }
  if (walkIn.profileId) where['walkIns.profileId'] = _.neq(walkIn.profileId)
  const res = await ctx.db
    .collection(ELD_OCCURRENCES)
    .where(where)
    .update({ data: { walkIns: _.push([walkIn]), checkins: _.inc(1), rev: _.inc(1), updatedAt: ctx.now, untallied: tallyToken() } })
  if (res.stats.updated === 1) return answer(walkIn, false)
  const again = await readOccurrence(ctx, id)
  const done = again && alreadyDone(again, ctx.requestId)
  if (done) return answer(done, true)
  if (walkIn.profileId && again?.walkIns?.some((w) => w.profileId === walkIn.profileId)) throw new HandlerError('INVALID_STATE', M.walkInTwice)
  throw new HandlerError('CONFLICT')
}
