// Children as their guardians add, edit, list and delete them, after consenting to the 儿童个人信息处理规则
// (issue 11, part A; PIPL Art. 28/31: under-14s' data is sensitive). A child's data goes to its guardians only.
import { CHILD_POLICY_VERSION, DELETED_CHILD_NAME, SCHOOL_A_MESSAGES as M, SCHOOL_LIMITS, type OutputOf, type ParsedInputOf } from '../../../../src/contracts'
import type { ChildView } from '../../../../src/contracts/school/children'
import { requireSignedUp, type Ctx } from '../../../lib/context'
import { iso } from '../../../lib/dates'
import { isDuplicateKeyError } from '../../../lib/dbErrors'
import { HandlerError, invalidField } from '../../../lib/errors'
import { SCH_CHILDREN, SCH_CONSENTS, type ChildDoc, type ConsentDoc } from '../model'
import { derivedId } from '../sessions/doc'
import { entriesOf, isActiveEntry, loadOwnChild, newFamilyId, requireActiveChild, rewriteSnapshots, snapshotOf, toChildView } from './doc'

type In<A extends 'consentChildPolicy' | 'addChild' | 'editChild' | 'myChildren' | 'deleteChild'> = ParsedInputOf<'school', A>

/** The consent record's id: one per guardian and policy version. */
function consentId(openid: string, version: string): string {
  return `${openid}_${version}`
}

/** A birth date a primary-school child may have (a real day, 4 to 16 years before today). */
function requireBirthDate(birthDate: string, now: Date): void {
  const t = new Date(`${birthDate}T00:00:00+08:00`).getTime()
  const years = (now.getTime() - t) / (365.25 * 86_400_000)
  if (Number.isNaN(t) || iso(new Date(t)) === '' || years < 4 || years > 16) throw invalidField('birthDate', '请填写正确的出生日期（小学生 4–16 周岁）')
}

/**
 * A guardian consents to the 儿童个人信息处理规则 of the current version: the record (`sch_consents/<openid>_<version>`:
 * who, which version, when) is written before any child field can be. Another version is refused. A retry or a
 * second consent finds the record and answers its time. Database requests: the user + the insert = 2 (again: 3).
 */
export async function consentChildPolicy(input: In<'consentChildPolicy'>, ctx: Ctx): Promise<OutputOf<'school', 'consentChildPolicy'>> {
  requireSignedUp(ctx)
  if (input.version !== CHILD_POLICY_VERSION) throw invalidField('version', M.consentVersion)
  const doc: ConsentDoc = { _id: consentId(ctx.openid, input.version), openid: ctx.openid, version: input.version, at: ctx.now }
  try {
    await ctx.db.collection(SCH_CONSENTS).add({ data: doc })
    return { version: doc.version, at: iso(doc.at) }
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err
    const had = (await ctx.db.collection(SCH_CONSENTS).doc(doc._id).get()).data as ConsentDoc
    return { version: had.version, at: iso(had.at) }
  }
}

/**
 * A guardian adds a child. Refused with CONSENT_REQUIRED, writing nothing, without the current version's consent
 * (the consent is copied onto the child). The child joins the guardian's family (`users.school.familyId`); the
 * first child makes the family (its id derived from the guardian) and sets it on the user after the child is
 * written (a retry, or the next child, finds the same id). A family child's other guardians become this child's.
 * The child's _id comes from the requestId (a retry finds it). Database requests: the user + the consent + the
 * family's children (or, first child: the user's family after the insert) + the insert = 4.
 */
export async function addChild(input: In<'addChild'>, ctx: Ctx): Promise<ChildView> {
  requireSignedUp(ctx)
  requireBirthDate(input.birthDate, ctx.now)
  const familyId = ctx.user.school?.familyId
  const consentQ = ctx.db.collection(SCH_CONSENTS).doc(consentId(ctx.openid, CHILD_POLICY_VERSION)).get()
  const familyQ = familyId ? ctx.db.collection(SCH_CHILDREN).where({ familyId }).field({ guardianOpenids: true, status: true }).limit(50).get() : null
  const [consentR, familyR] = await Promise.all([consentQ, familyQ])
  const consent = consentR.data as ConsentDoc | null
  if (!consent) throw new HandlerError('CONSENT_REQUIRED', M.consentRequired)
  const family = (familyR?.data ?? []) as Pick<ChildDoc, '_id' | 'guardianOpenids' | 'status'>[]
  const _id = derivedId('ch', ctx.openid, ctx.requestId!)
  if (family.some((c) => c._id === _id)) return toChildView(await loadOwnChild(ctx, _id))
  if (family.filter((c) => c.status === 'active').length >= SCHOOL_LIMITS.children) throw new HandlerError('INVALID_STATE', M.tooManyChildren)
  const guardians = [...new Set([ctx.openid, ...family.flatMap((c) => c.guardianOpenids ?? [])])]
  const doc: ChildDoc = {
    _id,
    familyId: familyId ?? newFamilyId(ctx.openid),
    guardianOpenids: guardians,
    name: input.name,
    gender: input.gender,
    birthDate: input.birthDate,
    school: input.school,
    grade: input.grade,
    ...(input.healthNote ? { healthNote: input.healthNote } : {}),
    guardianPhone: input.guardianPhone,
    pickups: [],
    consent: { version: consent.version, at: consent.at, by: ctx.openid },
    status: 'active',
    createdAt: ctx.now,
    updatedAt: ctx.now,
    requestId: ctx.requestId!,
  }
  let answer = doc
  try {
    await ctx.db.collection(SCH_CHILDREN).add({ data: doc })
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err
    answer = await loadOwnChild(ctx, _id)
  }
  if (!familyId) {
    await ctx.db
      .collection('users')
      .where({ _id: ctx.openid, 'school.familyId': ctx.db.command.exists(false) })
      .update({ data: { 'school.familyId': answer.familyId, updatedAt: ctx.now } })
  }
  return toChildView(answer)
}

/**
 * A guardian rewrites a child's form: ONE update conditional on the caller being a guardian and the child active,
 * then the snapshot of every entry of the child still active in a session, where it differs (one query on the
 * byChild index, one conditional update per session). Database requests: the user + the update + the sessions'
 * entries = 3, + 1 per session whose snapshot changes.
 */
export async function editChild(input: In<'editChild'>, ctx: Ctx): Promise<OutputOf<'school', 'editChild'>> {
  requireSignedUp(ctx)
  requireBirthDate(input.birthDate, ctx.now)
  const { childId, ...fields } = input
  const _ = ctx.db.command
  const res = await ctx.db
    .collection(SCH_CHILDREN)
    .where({ _id: childId, guardianOpenids: ctx.openid, status: 'active' })
    .update({ data: { ...fields, healthNote: fields.healthNote ? fields.healthNote : _.remove(), updatedAt: ctx.now, requestId: ctx.requestId! } })
  if (res.stats.updated !== 1) {
    // Not mine (NOT_FOUND, nothing told), deleted, or unchanged by a retry: the child says which.
    const c = await loadOwnChild(ctx, childId)
    requireActiveChild(c)
    if (c.requestId !== ctx.requestId) throw new HandlerError('CONFLICT')
  }
  const snapshot = snapshotOf(fields)
  const stale = (await entriesOf(ctx, childId)).filter((e) => isActiveEntry(e) && JSON.stringify(snapshotOf(e.child)) !== JSON.stringify(snapshot))
  const sessions = await rewriteSnapshots(ctx, childId, stale, (i) => ({ [`entries.${i}.child`]: _.set(snapshot) }), true)
  return { childId, sessions }
}

/**
 * My children (guardians only: the other guardian of the family sees them too), with their pick-up adults and
 * codes, and whether I have consented to the current rules. Database requests: the user + the children (guardian
 * index) + the consent = 3.
 */
export async function myChildren(_input: In<'myChildren'>, ctx: Ctx): Promise<OutputOf<'school', 'myChildren'>> {
  requireSignedUp(ctx)
  const [children, consent] = await Promise.all([
    ctx.db
      .collection(SCH_CHILDREN)
      .where({ guardianOpenids: ctx.openid, status: 'active' })
      .orderBy('createdAt', 'asc')
      .limit(SCHOOL_LIMITS.children * 2)
      .get(),
    ctx.db.collection(SCH_CONSENTS).doc(consentId(ctx.openid, CHILD_POLICY_VERSION)).get(),
  ])
  return { consented: !!consent.data, policyVersion: CHILD_POLICY_VERSION, children: (children.data as ChildDoc[]).map(toChildView) }
}

/**
 * A guardian deletes a child (the guardian's right). Refused while the child has an active entry (ACTIVE_STATUSES),
 * saying which session. Otherwise the child is anonymised (status deleted, the name replaced, birth date, school,
 * health note, phone and pick-up adults cleared), and the snapshot in every session holding the child loses the
 * name and health note; the attendance (`days`) holds no name and is kept. A retry finds the child deleted and
 * repeats the (idempotent) snapshot rewrite. Database requests: the user + the sessions' entries + the child's
 * update = 3, + 1 per session holding the child.
 * NOTE: an enrolment landing between the entries' read and the child's update is not seen (part B's enrol reads
 * the child as active just before); the window is one request long.
 */
export async function deleteChild(input: In<'deleteChild'>, ctx: Ctx): Promise<OutputOf<'school', 'deleteChild'>> {
  requireSignedUp(ctx)
  const _ = ctx.db.command
  const entries = await entriesOf(ctx, input.childId)
  const active = entries.find(isActiveEntry)
  if (active) {
    await loadOwnChild(ctx, input.childId) // a guardian's question only: others learn nothing
    throw new HandlerError('INVALID_STATE', `孩子在「${active.sessionName}」还有报名（或候补），请先取消后再删除`)
  }
  const res = await ctx.db
    .collection(SCH_CHILDREN)
    .where({ _id: input.childId, guardianOpenids: ctx.openid, status: 'active' })
    .update({
      data: {
        status: 'deleted',
        name: DELETED_CHILD_NAME,
        birthDate: '',
        school: '',
        healthNote: _.remove(),
        guardianPhone: '',
        pickups: _.set([]),
        pickupLock: _.remove(),
        deletedAt: ctx.now,
        updatedAt: ctx.now,
        requestId: ctx.requestId!,
      },
    })
  if (res.stats.updated !== 1) {
    const c = await loadOwnChild(ctx, input.childId)
    if (c.status !== 'deleted') throw new HandlerError('CONFLICT')
  }
  await rewriteSnapshots(
    ctx,
    input.childId,
    entries,
    (i) => ({ [`entries.${i}.child.name`]: DELETED_CHILD_NAME, [`entries.${i}.child.healthNote`]: _.remove(), [`entries.${i}.child.allergy`]: false }),
    false,
  )
  return { childId: input.childId, deleted: true }
}
