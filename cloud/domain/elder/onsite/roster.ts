import type { ElderRoster, RosterSignup } from '../../../../src/contracts/elder/onsite'
import type { ParsedInputOf } from '../../../../src/contracts'
import type { Ctx } from '../../../lib/context'
import { iso } from '../../../lib/dates'
import type { UserDoc } from '../../../lib/model'
import type { SignupEntry, WalkIn } from '../model'
import { loadForStaff, presentCount, rosterOpen } from './common'

/**
 * Staff in scope: an occurrence's roster — every sign-up (cancelled ones too, marked) with the name and who signed
 * them up (本人 / 家属 / 工作人员 and the signer's nickname), checked in or not, and the walk-ins. Never a phone or an
 * age. Nothing stored yet: the empty roster of the computed occurrence. Database requests: the user, the activity
 * and the occurrence side by side (3), + the signers' users when a sign-up does not carry `byName` (4).
 */
export async function roster(input: ParsedInputOf<'elder', 'roster'>, ctx: Ctx): Promise<ElderRoster> {
  const { activity, occ } = await loadForStaff(ctx, input.activityId, input.day)
  const stored = occ.stored
  const signups = stored?.signups ?? []
  const names = await signerNames(ctx, signups)
  return {
    activityId: activity._id,
    communityId: activity.communityId,
    day: occ.day,
    title: activity.title,
    category: activity.category,
    startAt: iso(occ.startAt),
    endAt: iso(occ.endAt),
    place: occ.place,
    capacity: occ.capacity,
    taken: occ.taken,
    cancelled: occ.cancelled,
    moved: occ.moved,
    signups: signups.map((s, index) => signupRow(s, index, names)),
    walkIns: (stored?.walkIns ?? []).map(walkInView),
    present: stored ? presentCount(stored) : 0,
    checkinOpen: rosterOpen(occ, ctx.now),
  }
}

/** The signers' nicknames: from the entries, or ONE read of the users of those without it. */
async function signerNames(ctx: Ctx, signups: readonly SignupEntry[]): Promise<Map<string, string>> {
  const names = new Map<string, string>()
  for (const s of signups) if (s.byName) names.set(s.by, s.byName)
  const missing = [...new Set(signups.filter((s) => !names.has(s.by)).map((s) => s.by))]
  if (!missing.length) return names
  const _ = ctx.db.command
  const res = await ctx.db
    .collection('users')
    .where({ _id: missing.length === 1 ? missing[0] : _.in(missing) })
    .field({ nickname: true })
    .limit(missing.length)
    .get()
  for (const u of res.data as Pick<UserDoc, '_id' | 'nickname'>[]) names.set(u._id, u.nickname)
  return names
}

function signupRow(s: SignupEntry, index: number, names: Map<string, string>): RosterSignup {
  const row: RosterSignup = { index, personKey: s.personKey, name: s.name, status: s.status, role: s.role, byName: s.byName ?? names.get(s.by) ?? '' }
  if (s.checkedInAt) {
    row.checkedInAt = iso(s.checkedInAt)
    if (s.checkinMethod) row.checkinMethod = s.checkinMethod
  }
  return row
}

/** A walk-in as the roster shows it (no staff openid). */
export function walkInView(w: WalkIn): { name: string; profileId?: string; at: string } {
  return { name: w.name, ...(w.profileId ? { profileId: w.profileId } : {}), at: iso(w.at) }
}
