// Sign-up and its cancellation, for myself, an elder I manage, or (staff) any managed elder of their community.
import { SIGNUP_MESSAGES as M, type ElderPersonRef, type ElderSignupResult, type ParsedInputOf, type SignupRole } from '../../../../src/contracts'
import { updateOneAndReturn } from '../../../lib/cloud'
import { inScope, readUser, requireSignedUp, withUser, type Ctx } from '../../../lib/context'
import type { UserDoc } from '../../../lib/model'
import { tallyToken } from '../../../lib/counters'
import { isDuplicateKeyError } from '../../../lib/dbErrors'
import { HandlerError } from '../../../lib/errors'
import { ELD_OCCURRENCES, type ActivityDoc, type OccurrenceDoc, type ProfileDoc, type SignupEntry } from '../model'
import { newOccurrenceDoc, occurrenceId, occurrenceOn, type ComputedOccurrence } from '../recurrence'
import { entryOf, findOccurrence, loadActivity, loadProfile, personKeyOf, placesLeft, requireActiveProfile } from './doc'

type In<A extends 'signUp' | 'cancelSignUp'> = ParsedInputOf<'elder', A>

/** Who the person is and as what the caller acts for them: myself; a family member managing them; staff in scope. */
interface Acting {
  key: string
  name: string
  role: SignupRole
  /** The signer's nickname, when their user was read (a family member's is not: the roster reads it). */
  byName?: string
  /** The caller's ctx, with their user when it was read (staff: the scope). */
  ctx: Ctx
}

/** The caller's standing for a profile: a manager (family), staff of its community, or refused. */
export function roleForProfile(ctx: Ctx, profile: ProfileDoc): SignupRole | null {
  if (profile.kind === 'family' && profile.managers.includes(ctx.openid)) return 'family'
  if (inScope(ctx, profile.communityId)) return 'staff'
  return null
}

/**
 * The person a sign-up is for and the caller's role, or the refusal. Myself: my user (read beside the activity).
 * An elder: the profile (read beside the activity); its managers decide, so a family member's needs no user read;
 * anyone else is staff or refused, which their user says (one more request).
 */
async function acting(ctx: Ctx, person: ElderPersonRef, user: Promise<UserDoc | null> | null, profile: Promise<ProfileDoc> | null): Promise<Acting> {
  if (person === 'self') {
    const c = withUser(ctx, await user!)
    requireSignedUp(c)
    return { key: personKeyOf('self', ctx.openid), name: c.user.nickname, role: 'self', byName: c.user.nickname, ctx: c }
  }
  const p = await profile!
  const key = personKeyOf(person, ctx.openid)
  if (roleForProfile(ctx, p) === 'family') {
    requireActiveProfile(p)
    return { key, name: p.name, role: 'family', ctx }
  }
  const c = withUser(ctx, await readUser(ctx.db, ctx.openid))
  requireSignedUp(c)
  if (!roleForProfile(c, p)) throw new HandlerError('SCOPE_DENIED', M.notManaged)
  requireActiveProfile(p)
  return { key, name: p.name, role: 'staff', byName: c.user.nickname, ctx: c }
}

/**
 * The computed occurrence that may take sign-ups, or the refusal. Whether it has started is the stored
 * document's to say when there is one (a moved occurrence starts at its new time): the write's condition holds it.
 */
function openOccurrence(activity: ActivityDoc, day: string): ComputedOccurrence {
  if (activity.status !== 'active') throw new HandlerError('INVALID_STATE', '这个活动已停办')
  const c = occurrenceOn(activity, day)
  if (!c) throw new HandlerError('NOT_FOUND', M.noOccurrence)
  if (!c.signupRequired) throw new HandlerError('INVALID_STATE', M.noSignup)
  return c
}

/** The condition on the place: unlimited, or fewer taken than the capacity (as the stored document holds it). */
function capacityWhere(ctx: Ctx, capacity: number | null): Record<string, unknown> {
  return capacity === null ? { capacity: null } : { capacity, taken: ctx.db.command.lt(capacity) }
}

/** Why a stored occurrence takes no sign-up of `key` now (as read), or null. */
function refusal(occ: OccurrenceDoc, key: string, now: Date): HandlerError | null {
  if (occ.cancelled) return new HandlerError('SIGNUP_CLOSED', M.cancelled)
  if (new Date(occ.startAt).getTime() <= now.getTime()) return new HandlerError('SIGNUP_CLOSED', M.started)
  if (entryOf(occ, key)?.entry.status === 'signed_up') return new HandlerError('INVALID_STATE', M.already)
  if (occ.capacity !== null && occ.taken >= occ.capacity) return new HandlerError('SLOT_FULL', M.full)
  return null
}

/**
 * Sign up myself, an elder I manage (family), or a managed elder of my community (staff, role `staff`).
 * - Checks: the day is an occurrence of the rule (occurrenceOn), the activity takes sign-ups, it has not started
 *   (as stored: a moved occurrence starts at its new time; nothing stored: as the rule gives it);
 *   for a profile: active, and managed by me or in my scope.
 * - ONE conditional write: on a stored occurrence, the update whose condition holds the rules that can change
 *   under us (not cancelled, not started, the capacity as stored and `taken < capacity`, the person not there:
 *   `signups.personKey ≠ key`), pushing the entry, `taken + 1`; on none, the insert of `newOccurrenceDoc` with the
 *   entry in it (a duplicate _id: someone stored it first, so the conditional update). Atomic against the capacity.
 *   `stored` (from occurrenceDetail) says which to try first.
 * - A miss reads the occurrence to say why (full, already, cancelled, started), to recognise its own retry (the
 *   requestId on the entry: the first result again), or to sign up again a person who cancelled (their own entry,
 *   conditional on it being cancelled; entries are never removed).
 * Public (the router reads no user), so a sign-up is 3 database requests: myself: my user + the activity (side by
 * side) + the write; a family elder: the profile + the activity (side by side; the profile's managers decide, no user
 * read) + the write. Staff signing up an elder read their user too, after the profile (their scope): 4. A miss (a lost
 * race, a retry, a wrong `stored`, signing up again) reads once more.
 */
export async function signUp(input: In<'signUp'>, ctx: Ctx): Promise<ElderSignupResult> {
  if (!ctx.openid) throw new HandlerError('UNAUTHENTICATED')
  const user = input.person === 'self' ? readUser(ctx.db, ctx.openid) : null
  const profile = input.person === 'self' ? null : loadProfile(ctx, input.person.profileId)
  user?.catch(() => undefined)
  profile?.catch(() => undefined)
  const activity = await loadActivity(ctx, input.activityId)
  const who = await acting(ctx, input.person, user, profile)
  if (who.role === 'staff' && !inScope(who.ctx, activity.communityId)) throw new HandlerError('SCOPE_DENIED', '只能为本社区的活动代报名')
  const c = openOccurrence(activity, input.day)
  const computedStarted = c.startAt.getTime() <= ctx.now.getTime()
  const _ = ctx.db.command
  const col = ctx.db.collection(ELD_OCCURRENCES)
  const id = occurrenceId(activity._id, input.day)
  const entry: SignupEntry = {
    personKey: who.key,
    name: who.name,
    status: 'signed_up',
    by: ctx.openid,
    // The signer's nickname when read, so the roster says who signed them up without reading the users (part C).
    ...(who.byName ? { byName: who.byName } : {}),
    role: who.role,
    at: ctx.now,
    // Staff sign up elders who cannot get messages: they go on the call list.
    subscribed: who.role !== 'staff' && !!input.subscribed,
    requestIds: [ctx.requestId!],
  }
  const answer = (capacity: number | null, taken: number): ElderSignupResult => ({
    activityId: activity._id,
    day: input.day,
    person: input.person,
    status: 'signed_up',
    placesLeft: placesLeft(capacity, taken),
  })
  const push = async (capacity: number | null): Promise<OccurrenceDoc | null> => {
    const where = { _id: id, cancelled: _.exists(false), startAt: _.gt(ctx.now), 'signups.personKey': _.neq(who.key), ...capacityWhere(ctx, capacity) }
    const data = { signups: _.push([entry]), taken: _.inc(1), rev: _.inc(1), untallied: tallyToken(), updatedAt: ctx.now }
    const res = await updateOneAndReturn(col, where, data)
    return res.updated === 1 ? (res.doc as OccurrenceDoc) : null
  }
  const insert = async (): Promise<boolean> => {
    const doc: OccurrenceDoc = { ...newOccurrenceDoc(activity, c, ctx.now), signups: [entry], taken: 1, rev: 1, untallied: tallyToken() }
    if (computedStarted || (c.capacity !== null && c.capacity < 1)) return false
    try {
      await col.add({ data: doc })
      return true
    } catch (err) {
      if (isDuplicateKeyError(err)) return false
      throw err
    }
  }

  if (input.stored === false && !computedStarted && (await insert())) return answer(c.capacity, 1)
  const pushed = await push(c.capacity)
  if (pushed) return answer(pushed.capacity, pushed.taken)

  // A miss: read the occurrence once to say why, recognise a retry, or take the other way in.
  let occ = await findOccurrence(ctx, id)
  if (!occ) {
    if (computedStarted) throw new HandlerError('SIGNUP_CLOSED', M.started)
    // Nothing stored after all (`stored` said otherwise): insert; someone else's insert first: the update.
    if (await insert()) return answer(c.capacity, 1)
    const late = await push(c.capacity)
    if (late) return answer(late.capacity, late.taken)
    occ = await findOccurrence(ctx, id)
    if (!occ) throw new HandlerError('CONFLICT', '报名人数刚刚有变化，请刷新后再试')
  }
  const mine = entryOf(occ, who.key)
  if (mine?.entry.requestIds?.includes(ctx.requestId!)) return { ...answer(occ.capacity, occ.taken), status: mine.entry.status }
  const why = refusal(occ, who.key, ctx.now)
  if (why) throw why
  if (mine) {
    // Signing up again after a cancellation: the same entry, conditional on it still being cancelled.
    const i = mine.index
    const where = {
      _id: id,
      cancelled: _.exists(false),
      startAt: _.gt(ctx.now),
      [`signups.${i}.personKey`]: who.key,
      [`signups.${i}.status`]: 'cancelled',
      ...capacityWhere(ctx, occ.capacity),
    }
    const data: Record<string, unknown> = { taken: _.inc(1), rev: _.inc(1), untallied: tallyToken(), updatedAt: ctx.now, [`signups.${i}.remindedAt`]: _.remove() }
    for (const k of ['name', 'status', 'by', 'byName', 'role', 'at', 'subscribed'] as const) data[`signups.${i}.${k}`] = entry[k]
    data[`signups.${i}.requestIds`] = _.push([ctx.requestId!])
    const res = await updateOneAndReturn(col, where, data)
    if (res.updated === 1) return answer((res.doc as OccurrenceDoc).capacity, (res.doc as OccurrenceDoc).taken)
  } else if (occ.capacity !== c.capacity) {
    // The stored capacity differs from the rule's (changed since it was stored): the stored one holds.
    const again = await push(occ.capacity)
    if (again) return answer(again.capacity, again.taken)
  }
  throw new HandlerError('CONFLICT', '报名人数刚刚有变化，请刷新后再试')
}

/**
 * Give a place back until the start: the person themselves, whoever made the sign-up, a manager of the elder, or
 * staff of the occurrence's community. ONE conditional update (the entry is this person's and signed up; not
 * started) sets it cancelled with who and when, `taken − 1`. A retry finds its requestId on the entry and answers
 * the same. Database requests: the user + the occurrence + the update = 3 (+ the profile when a manager other than
 * the one who signed up cancels: 4).
 */
export async function cancelSignUp(input: In<'cancelSignUp'>, ctx: Ctx): Promise<ElderSignupResult> {
  requireSignedUp(ctx)
  const key = personKeyOf(input.person, ctx.openid)
  const occ = await findOccurrence(ctx, occurrenceId(input.activityId, input.day))
  const mine = entryOf(occ ?? undefined, key)
  if (!occ || !mine) throw new HandlerError('NOT_FOUND', M.notSignedUp)
  const answer = (status: 'signed_up' | 'cancelled', taken: number): ElderSignupResult => ({
    activityId: input.activityId,
    day: input.day,
    person: input.person,
    status,
    placesLeft: placesLeft(occ.capacity, taken),
  })
  if (mine.entry.requestIds?.includes(ctx.requestId!)) return answer(mine.entry.status, occ.taken)
  const mayAct = input.person === 'self' || mine.entry.by === ctx.openid || inScope(ctx, occ.communityId)
  if (!mayAct) {
    const p = await loadProfile(ctx, input.person === 'self' ? '' : input.person.profileId)
    if (!p.managers.includes(ctx.openid)) throw new HandlerError('SCOPE_DENIED', '只能取消自己或您管理的家人的报名')
  }
  if (mine.entry.status !== 'signed_up') throw new HandlerError('INVALID_STATE', '这个报名已经取消了')
  if (new Date(occ.startAt).getTime() <= ctx.now.getTime()) throw new HandlerError('SIGNUP_CLOSED', M.started)
  const _ = ctx.db.command
  const i = mine.index
  const res = await ctx.db
    .collection(ELD_OCCURRENCES)
    .where({ _id: occ._id, startAt: _.gt(ctx.now), [`signups.${i}.personKey`]: key, [`signups.${i}.status`]: 'signed_up' })
    .update({
      data: {
        [`signups.${i}.status`]: 'cancelled',
        [`signups.${i}.cancelledAt`]: ctx.now,
        [`signups.${i}.cancelledBy`]: ctx.openid,
        [`signups.${i}.requestIds`]: _.push([ctx.requestId!]),
        taken: _.inc(-1),
        rev: _.inc(1),
        untallied: tallyToken(),
        updatedAt: ctx.now,
      },
    })
  if (res.stats.updated !== 1) throw new HandlerError('CONFLICT', '报名刚刚有变化，请刷新后再试')
  return answer('cancelled', occ.taken - 1)
}
