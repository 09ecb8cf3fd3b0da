// Disputes and certificate requests (issue 10, part C): a volunteer disputes an entry or asks for a certificate;
// staff of the community answer (adjusting by a correction, or keeping it, with a reason the volunteer sees) or record
// the certificate the 居委会 issued offline. Four eyes throughout.
import type { OutputOf, ParsedInputOf } from '../../../../src/contracts'
import { requireScope, requireSignedUp, type Ctx } from '../../../lib/context'
import { tallyToken } from '../../../lib/counters'
import { chinaDay, isRealDay } from '../../../lib/dates'
import { isDuplicateKeyError } from '../../../lib/dbErrors'
import { HandlerError, invalidField } from '../../../lib/errors'
import { pageWindow, toPage } from '../../../lib/paging'
import { VOL_CERTIFICATES, VOL_DISPUTES, VOL_LEDGER, type CertificateDoc, type DisputeDoc, type LedgerEntryDoc } from '../model'
import { entryIdFor, inTransaction, requireOtherPerson, toCertificateView, toDisputeView } from './common'
import { staffScope } from '../../../lib/staffScope'
import { writeCorrection } from './entries'

type In<A extends 'disputeEntry' | 'disputeQueue' | 'answerDispute' | 'requestCertificate' | 'certificateQueue' | 'recordCertificate'> = ParsedInputOf<'volunteer', A>

/**
 * A volunteer disputes one of their own entries (an original, not a correction) with a reason: one dispute per
 * entry (its _id is the entry's), so a retried call finds its own and answers it.
 */
export async function disputeEntry(input: In<'disputeEntry'>, ctx: Ctx): Promise<OutputOf<'volunteer', 'disputeEntry'>> {
  requireSignedUp(ctx)
  const entry = (await ctx.db.collection(VOL_LEDGER).doc(input.entryId).get()).data as LedgerEntryDoc | null
  if (!entry || entry.openid !== ctx.openid) throw new HandlerError('NOT_FOUND', '没有找到这条服务记录')
  if (entry.correctionOf) throw new HandlerError('INVALID_STATE', '请对原始记录提出异议')
  const corrections = (await ctx.db.collection(VOL_LEDGER).where({ correctionOf: entry._id }).limit(100).get()).data as LedgerEntryDoc[]
  const doc: DisputeDoc = {
    _id: entry._id,
    entryId: entry._id,
    openid: ctx.openid,
    volunteerName: entry.volunteerName,
    communityId: entry.communityId,
    serviceDate: entry.serviceDate,
    content: entry.content,
    entryMinutes: entry.minutes + corrections.reduce((n, c) => n + c.minutes, 0),
    reason: input.reason,
    status: 'open',
    createdAt: ctx.now,
    requestId: ctx.requestId!,
    untallied: tallyToken(),
  }
  try {
    await ctx.db.collection(VOL_DISPUTES).add({ data: doc })
    return toDisputeView(doc)
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err
  }
  const prev = (await ctx.db.collection(VOL_DISPUTES).doc(doc._id).get()).data as DisputeDoc | null
  if (prev && prev.requestId === ctx.requestId) return toDisputeView(prev)
  throw new HandlerError('INVALID_STATE', '这条记录已提出过异议')
}

/** Staff: open disputes of their communities, oldest first (index `queue`). */
export async function disputeQueue(input: In<'disputeQueue'>, ctx: Ctx): Promise<OutputOf<'volunteer', 'disputeQueue'>> {
  const scope = await staffScope(ctx, input.communityId)
  const w = pageWindow(input)
  const res = await ctx.db
    .collection(VOL_DISPUTES)
    .where({ communityId: scope.length === 1 ? scope[0] : ctx.db.command.in(scope), status: 'open' })
    .orderBy('createdAt', 'asc')
    .orderBy('_id', 'asc')
    .skip(w.skip)
    .limit(w.limit)
    .get()
  return toPage(res.data as DisputeDoc[], w, toDisputeView)
}

/**
 * Staff (not the volunteer themselves): answer an open dispute by adjusting the entry (a correction to `minutes`)
 * or keeping it, with a reason the volunteer sees. The correction and the answer are written in ONE transaction.
 */
export async function answerDispute(input: In<'answerDispute'>, ctx: Ctx): Promise<OutputOf<'volunteer', 'answerDispute'>> {
  await staffScope(ctx, undefined)
  requireSignedUp(ctx)
  if (input.decision === 'adjust' && input.minutes === undefined) throw invalidField('minutes', '请填写更正后的时长')
  const answered = await inTransaction(ctx, async (t) => {
    const d = (await t.collection(VOL_DISPUTES).doc(input.disputeId).get()).data as DisputeDoc | null
    if (!d) throw new HandlerError('NOT_FOUND', '没有找到这条异议')
    requireScope(ctx, d.communityId)
    requireOtherPerson(ctx, d.openid, '自己提出的异议')
    if (d.status === 'answered') {
      if (d.answerRequestId === ctx.requestId) return d
      throw new HandlerError('INVALID_STATE', '这条异议已经答复过了')
    }
    const correction = input.decision === 'adjust' ? await writeCorrection(t, ctx, d.entryId, input.minutes!, input.reason) : null
    const set = {
      status: 'answered' as const,
      decision: input.decision,
      answer: input.reason,
      ...(correction ? { correctionId: correction._id } : {}),
      answeredBy: ctx.openid,
      answeredAt: ctx.now,
      answerRequestId: ctx.requestId!,
    }
    await t
      .collection(VOL_DISPUTES)
      .doc(d._id)
      .update({ data: { ...set, untallied: tallyToken() } })
    return { ...d, ...set }
  })
  return toDisputeView(answered)
}

/**
 * A volunteer asks for a certificate of their record (申请志愿服务记录证明): one request open at a time; its id
 * comes from the call, so a retry answers the same request.
 */
export async function requestCertificate(input: In<'requestCertificate'>, ctx: Ctx): Promise<OutputOf<'volunteer', 'requestCertificate'>> {
  requireSignedUp(ctx)
  if (ctx.user.volunteerStatus !== 'approved') throw new HandlerError('NOT_VOLUNTEER')
  const v = ctx.user.volunteer
  const col = ctx.db.collection(VOL_CERTIFICATES)
  const open = (await col.where({ openid: ctx.openid, status: 'requested' }).orderBy('requestedAt', 'desc').limit(1).get()).data as CertificateDoc[]
  if (open[0]) {
    if (open[0].requestId === ctx.requestId) return toCertificateView(open[0])
    throw new HandlerError('INVALID_STATE', '您已有一份证明申请正在办理，请耐心等待')
  }
  const doc: CertificateDoc = {
    _id: entryIdFor('cert', ctx.openid, ctx.requestId!),
    openid: ctx.openid,
    communityId: ctx.user.communityId,
    volunteerName: v?.realName ?? ctx.user.nickname,
    volunteerNo: v?.number ?? '',
    ...(input.purpose ? { purpose: input.purpose } : {}),
    status: 'requested',
    requestedAt: ctx.now,
    requestId: ctx.requestId!,
    untallied: tallyToken(),
  }
  try {
    await col.add({ data: doc })
    return toCertificateView(doc)
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err
  }
  // A retry of this call after its request was already recorded (no longer open): answer it as it is now.
  const prev = (await col.doc(doc._id).get()).data as CertificateDoc | null
  if (prev) return toCertificateView(prev)
  throw new HandlerError('CONFLICT')
}

/** Staff: certificate requests waiting in their communities, oldest first (index `queue`). */
export async function certificateQueue(input: In<'certificateQueue'>, ctx: Ctx): Promise<OutputOf<'volunteer', 'certificateQueue'>> {
  const scope = await staffScope(ctx, input.communityId)
  const w = pageWindow(input)
  const res = await ctx.db
    .collection(VOL_CERTIFICATES)
    .where({ communityId: scope.length === 1 ? scope[0] : ctx.db.command.in(scope), status: 'requested' })
    .orderBy('requestedAt', 'asc')
    .orderBy('_id', 'asc')
    .skip(w.skip)
    .limit(w.limit)
    .get()
  return toPage(res.data as CertificateDoc[], w, toCertificateView)
}

/** Staff (not for themselves): record the number and date of the certificate the 居委会 issued offline. */
export async function recordCertificate(input: In<'recordCertificate'>, ctx: Ctx): Promise<OutputOf<'volunteer', 'recordCertificate'>> {
  await staffScope(ctx, undefined)
  if (!isRealDay(input.issuedOn)) throw invalidField('issuedOn', '日期不存在')
  if (input.issuedOn > chinaDay(ctx.now)) throw invalidField('issuedOn', '出具日期不能晚于今天')
  const col = ctx.db.collection(VOL_CERTIFICATES)
  const c = (await col.doc(input.certificateId).get()).data as CertificateDoc | null
  if (!c) throw new HandlerError('NOT_FOUND', '没有找到这份申请')
  requireScope(ctx, c.communityId)
  requireOtherPerson(ctx, c.openid, '自己的证明申请')
  if (c.status === 'issued') {
    if (c.recordedBy === ctx.openid && c.number === input.number) return toCertificateView(c)
    throw new HandlerError('INVALID_STATE', '这份申请已登记过证明编号')
  }
  const set = { status: 'issued' as const, number: input.number, issuedOn: input.issuedOn, recordedBy: ctx.openid, recordedAt: ctx.now }
  const res = await col.where({ _id: c._id, status: 'requested' }).update({ data: { ...set, untallied: tallyToken() } })
  if (res.stats.updated !== 1) throw new HandlerError('CONFLICT', '申请状态已变化，请刷新后再试')
  return toCertificateView({ ...c, ...set })
}
