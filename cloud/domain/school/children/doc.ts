// Shared pieces of the children part (issue 11, part A): loading a child for its guardian, the guardian's view,
// the family id, the snapshot an entry carries, and the rewrite of the snapshots in the sessions holding a child.
import { createHash } from 'crypto'
import { ACTIVE_STATUSES, SCHOOL_A_MESSAGES as M, type EnrolmentStatus } from '../../../../src/contracts/school/rules'
import type { ChildView } from '../../../../src/contracts/school/children'
import type { Ctx } from '../../../lib/context'
import { tallyToken } from '../../../lib/counters'
import { iso } from '../../../lib/dates'
import { HandlerError } from '../../../lib/errors'
import { SCH_CHILDREN, SCH_SESSIONS, type ChildDoc, type ChildSnapshot } from '../model'

/** The family id of a guardian who adds a first child: derived from the openid, so a retry or a second child finds the same. */
export function newFamilyId(openid: string): string {
  return `fam${createHash('sha256').update(`family:${openid}`).digest('hex').slice(0, 24)}`
}

/** One child by id, or NOT_FOUND; a child of other guardians is NOT_FOUND too (its existence is not told). */
export async function loadOwnChild(ctx: Ctx, childId: string): Promise<ChildDoc> {
  const c = (await ctx.db.collection(SCH_CHILDREN).doc(childId).get()).data as ChildDoc | null
  if (!c || !(c.guardianOpenids ?? []).includes(ctx.openid)) throw new HandlerError('NOT_FOUND', M.childNotFound)
  return c
}

/** Refuses a deleted child (its guardians read it as deleted). */
export function requireActiveChild(c: ChildDoc): void {
  if (c.status !== 'active') throw new HandlerError('INVALID_STATE', M.childDeleted)
}

/** A child as its guardians see it (everything, codes included: guardians only). */
export function toChildView(c: ChildDoc): ChildView {
  return {
    id: c._id,
    familyId: c.familyId,
    name: c.name,
    gender: c.gender,
    birthDate: c.birthDate,
    school: c.school,
    grade: c.grade,
    ...(c.healthNote ? { healthNote: c.healthNote } : {}),
    guardianPhone: c.guardianPhone,
    pickups: (c.pickups ?? []).map((p) => ({ id: p.id, name: p.name, relation: p.relation, phone: p.phone, code: p.code, codeAt: iso(p.codeAt) })),
    guardians: (c.guardianOpenids ?? []).length,
    consent: { version: c.consent.version, at: iso(c.consent.at) },
  }
}

/** What care needs of a child, as each of its entries carries it. */
export function snapshotOf(c: Pick<ChildDoc, 'name' | 'gender' | 'grade' | 'healthNote'>): ChildSnapshot {
  return { name: c.name, gender: c.gender, grade: c.grade, allergy: !!c.healthNote, ...(c.healthNote ? { healthNote: c.healthNote } : {}) }
}

interface HeldEntry {
  sessionId: string
  sessionName: string
  index: number
  status: EnrolmentStatus
  child: ChildSnapshot
}

/**
 * The child's entries in every session holding it: ONE query on the byChild index, projected to the entries'
 * child ids, statuses and snapshots (and the session's name, to say which session).
 */
export async function entriesOf(ctx: Ctx, childId: string): Promise<HeldEntry[]> {
  const res = await ctx.db
    .collection(SCH_SESSIONS)
    .where({ 'entries.childId': childId })
    .field({ name: true, 'entries.childId': true, 'entries.status': true, 'entries.child': true })
    .limit(100)
    .get()
  const out: HeldEntry[] = []
  for (const s of res.data as { _id: string; name: string; entries: { childId: string; status: EnrolmentStatus; child: ChildSnapshot }[] }[]) {
    s.entries.forEach((e, index) => {
      if (e.childId === childId) out.push({ sessionId: s._id, sessionName: s.name, index, status: e.status, child: e.child })
    })
  }
  return out
}

/** True while an entry keeps the child active in its session (deletion is refused). */
export function isActiveEntry(e: { status: EnrolmentStatus }): boolean {
  return ACTIVE_STATUSES.includes(e.status)
}

/**
 * Rewrites the snapshot of each given entry: ONE update per session, conditional on the entry still being the
 * child's (`entries.<i>.childId`) and, for an edit, still active; bumps `rev` and marks the session untallied.
 * Answers how many sessions changed.
 */
export async function rewriteSnapshots(ctx: Ctx, childId: string, entries: HeldEntry[], data: (i: number) => Record<string, unknown>, activeOnly: boolean): Promise<number> {
  const _ = ctx.db.command
  const results = await Promise.all(
    entries.map((e) =>
      ctx.db
        .collection(SCH_SESSIONS)
        .where({ _id: e.sessionId, [`entries.${e.index}.childId`]: childId, ...(activeOnly ? { [`entries.${e.index}.status`]: _.in([...ACTIVE_STATUSES]) } : {}) })
        .update({ data: { ...data(e.index), rev: _.inc(1), untallied: tallyToken(), updatedAt: ctx.now } }),
    ),
  )
  return results.filter((r) => r.stats.updated === 1).length
}
