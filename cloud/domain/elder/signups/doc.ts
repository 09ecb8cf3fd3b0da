// Part B's shared reads and the one rule of what a viewer may do about a person's place (issue 12).
import { createHash } from 'crypto'
import { SIGNUP_MESSAGES as M, type ElderPersonRef, type ElderProfileView, type PersonSignupStatus, type SignupAction } from '../../../../src/contracts'
import type { Ctx } from '../../../lib/context'
import { HandlerError } from '../../../lib/errors'
import { ELD_ACTIVITIES, ELD_OCCURRENCES, ELD_PROFILES, type ActivityDoc, type OccurrenceDoc, type ProfileDoc, type SignupEntry } from '../model'

/** An id derived from the caller and the requestId: a retried create finds its own document (duplicate key). */
export function derivedId(prefix: string, openid: string, requestId: string): string {
  return `${prefix}${createHash('sha256').update(`${prefix}:${openid}:${requestId}`).digest('hex').slice(0, 24)}`
}

/** The person key of a sign-up: `u:<openid>` (myself) or `p:<profileId>`. */
export function personKeyOf(person: ElderPersonRef, openid: string): string {
  return person === 'self' ? `u:${openid}` : `p:${person.profileId}`
}

/** The person as the client names it, seen by `openid` (another user's key is never sent). */
export function personRefOf(key: string): ElderPersonRef {
  return key.startsWith('p:') ? { profileId: key.slice(2) } : 'self'
}

/** One activity by id, or NOT_FOUND. */
export async function loadActivity(ctx: Ctx, id: string): Promise<ActivityDoc> {
  const a = (await ctx.db.collection(ELD_ACTIVITIES).doc(id).get()).data as ActivityDoc | null
  if (!a) throw new HandlerError('NOT_FOUND', '没有找到这个活动')
  return a
}

/** The stored occurrence by _id, or null (computed only). */
export async function findOccurrence(ctx: Ctx, id: string): Promise<OccurrenceDoc | null> {
  return ((await ctx.db.collection(ELD_OCCURRENCES).doc(id).get()).data as OccurrenceDoc | null) ?? null
}

/** One profile by id, or NOT_FOUND. */
export async function loadProfile(ctx: Ctx, id: string): Promise<ProfileDoc> {
  const p = (await ctx.db.collection(ELD_PROFILES).doc(id).get()).data as ProfileDoc | null
  if (!p) throw new HandlerError('NOT_FOUND', '没有找到这位长者的档案')
  return p
}

/** The person's entry in an occurrence and its index (`signups.<i>` is stable: entries are never removed). */
export function entryOf(occ: Pick<OccurrenceDoc, 'signups'> | undefined, key: string): { entry: SignupEntry; index: number } | null {
  const index = (occ?.signups ?? []).findIndex((s) => s.personKey === key)
  return index < 0 ? null : { entry: occ!.signups[index], index }
}

/** Places left, or null for no limit. */
export function placesLeft(capacity: number | null, taken: number): number | null {
  return capacity === null ? null : Math.max(0, capacity - taken)
}

/** What the state of an occurrence lets a viewer (allowed to act for the person) do about their place. */
export function allowedFor(
  occ: { cancelled: boolean; signupRequired: boolean; startAt: Date; capacity: number | null; taken: number },
  status: PersonSignupStatus,
  now: Date,
): SignupAction[] {
  if (occ.cancelled || new Date(occ.startAt).getTime() <= now.getTime()) return []
  if (status === 'signed_up') return ['cancelSignUp']
  const left = placesLeft(occ.capacity, occ.taken)
  return occ.signupRequired && (left === null || left > 0) ? ['signUp'] : []
}

/** A profile as its managers and staff in scope see it (phone and age included: never send it to anyone else). */
export function toProfileView(p: ProfileDoc): ElderProfileView {
  return {
    id: p._id,
    kind: p.kind,
    communityId: p.communityId,
    name: p.name,
    age: p.age,
    ...(p.phone ? { phone: p.phone } : {}),
    consentNote: p.consentNote,
    status: p.status,
  }
}

/** Refuses a profile that is archived. */
export function requireActiveProfile(p: ProfileDoc): void {
  if (p.status !== 'active') throw new HandlerError('INVALID_STATE', M.archived)
}
