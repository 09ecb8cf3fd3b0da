// The hours ledger's shared pieces (issue 10, part C): entry ids, the one transaction that writes entries and
// their volunteers' summaries, the views, and the staff checks (scope and four eyes).
import { createHash } from 'crypto'
import { RECORD_WORDING, type CertificateView, type DisputeView, type LedgerEntryView, type VolunteerTotals } from '../../../../src/contracts'
import { CERTIFICATE_ISSUED_LABEL } from '../../../../src/contracts/volunteer/rules'
import { formatHours, starLevel } from '../../../../src/contracts/volunteer/hours'
import type { Ctx } from '../../../lib/context'
import { chinaDay, iso } from '../../../lib/dates'
import { HandlerError } from '../../../lib/errors'
import { withStatsFields } from '../statsItems'
import { VOL_LEDGER, VOL_SUMMARIES, type CertificateDoc, type DisputeDoc, type LedgerEntryDoc, type SummaryDoc } from '../model'

/** The SDK retries a transaction on a write conflict this many times (the default 3 starves under load). */
const TX_RETRIES = 12

/**
 * The slice of a transaction's collection the ledger uses: single-document work only (CloudBase allows nothing else
 * in a transaction; a query there would not be part of it).
 */
export interface TxCollection {
  doc(id: string): {
    get(): Promise<{ data: unknown | null }>
    set(options: { data: object }): Promise<unknown>
    update(options: { data: object }): Promise<unknown>
  }
  add(options: { data: object }): Promise<unknown>
}
export interface Tx {
  collection(name: string): TxCollection
}

/** A deterministic id (so a retried call computes the same one): `<kind>-<24 hex>`. */
export function entryIdFor(kind: string, ...parts: string[]): string {
  return `${kind}-${createHash('sha256').update(parts.join('|')).digest('hex').slice(0, 24)}`
}

/**
 * Runs `fn` in ONE runTransaction (single-document work only). HandlerErrors pass through; conflicts the SDK could
 * not retry away become CONFLICT (transient: the router keeps no answer, so the client's retry runs again).
 */
export async function inTransaction<T>(ctx: Ctx, fn: (t: Tx) => Promise<T>): Promise<T> {
  try {
    return (await ctx.db.runTransaction((t: unknown) => fn(t as Tx), TX_RETRIES)) as T
  } catch (err) {
    if (err instanceof HandlerError) throw err
    if ((err as { code?: unknown })?.code === 'DATABASE_TRANSACTION_CONFLICT') throw new HandlerError('CONFLICT')
    throw err
  }
}

/** The summary after adding `entries` (all of one volunteer): 补录 kept apart, per China year. */
export function addToSummary(openid: string, sum: SummaryDoc | null, entries: readonly LedgerEntryDoc[], at: Date): SummaryDoc {
  const next: SummaryDoc = {
    _id: openid,
    liveMinutes: sum?.liveMinutes ?? 0,
    backfillMinutes: sum?.backfillMinutes ?? 0,
    byYear: { ...(sum?.byYear ?? {}) },
    backfillByYear: { ...(sum?.backfillByYear ?? {}) },
    entries: sum?.entries ?? 0,
    updatedAt: at,
  }
  for (const e of entries) {
    const year = e.serviceDate.slice(0, 4)
    if (e.source === 'backfill') {
      next.backfillMinutes += e.minutes
      next.backfillByYear![year] = (next.backfillByYear![year] ?? 0) + e.minutes
    } else {
      next.liveMinutes += e.minutes
      next.byYear[year] = (next.byYear[year] ?? 0) + e.minutes
    }
    next.entries++
  }
  return withStatsFields(next, sum, entries) // part D: the monthly statistics' queue, community and last day
}

/** Inside a transaction: documents by _id, each by its own single-document read (side by side). */
export async function readByIds<T extends { _id: string }>(t: Tx, coll: string, ids: readonly string[]): Promise<Map<string, T>> {
  const rows: (T | null)[] = await Promise.all(ids.map(async (id) => (await t.collection(coll).doc(id).get()).data as T | null))
  return new Map(rows.filter((d): d is T => d !== null).map((r) => [r._id, r]))
}

/**
 * Inside a transaction: adds the entries and sets each volunteer's summary to include them, so the summary is
 * always the sum of the entries. Reads each summary once, then writes (the emulator, like CloudBase, aborts the later
 * of two conflicting commits and the SDK re-runs it on a fresh snapshot).
 */
export async function appendEntries(t: Tx, entries: readonly LedgerEntryDoc[], at: Date): Promise<void> {
  const byOpenid = new Map<string, LedgerEntryDoc[]>()
  for (const e of entries) byOpenid.set(e.openid, [...(byOpenid.get(e.openid) ?? []), e])
  const openids = [...byOpenid.keys()]
  const sums = await readByIds<SummaryDoc>(t, VOL_SUMMARIES, openids)
  await Promise.all(entries.map((e) => t.collection(VOL_LEDGER).add({ data: e })))
  await Promise.all(
    openids.map((o) => {
      const { _id, ...data } = addToSummary(o, sums.get(o) ?? null, byOpenid.get(o)!, at)
      return t.collection(VOL_SUMMARIES).doc(_id).set({ data })
    }),
  )
}

/** Four eyes: staff never decide on their own hours, disputes or certificates. */
export function requireOtherPerson(ctx: Ctx, openid: string, what = '自己的服务时长'): void {
  if (openid === ctx.openid) throw new HandlerError('SELF_REVIEW', `不能处理${what}，请由其他工作人员或管理员处理`)
}

/** Refuses anonymous callers of the public (no user read) volunteer reads. */
export function requireOpenid(ctx: Ctx): void {
  if (!ctx.openid) throw new HandlerError('UNAUTHENTICATED')
}

/** A ledger entry as its volunteer or scoped staff see it (no openids). */
export function toEntryView(e: LedgerEntryDoc): LedgerEntryView {
  return {
    id: e._id,
    volunteerName: e.volunteerName,
    volunteerNo: e.volunteerNo,
    organiser: e.organiser,
    source: e.source,
    serviceDate: e.serviceDate,
    ...(e.startTime ? { startTime: e.startTime } : {}),
    ...(e.endTime ? { endTime: e.endTime } : {}),
    place: e.place,
    serviceType: e.serviceType,
    content: e.content,
    minutes: e.minutes,
    hours: formatHours(e.minutes),
    ...(e.correctionOf ? { correctionOf: e.correctionOf } : {}),
    ...(e.reason ? { reason: e.reason } : {}),
    ...(e.evidence ? { evidence: e.evidence } : {}),
    confirmedByName: e.confirmedByName,
    confirmedAt: iso(e.confirmedAt),
  }
}

/** A volunteer's totals from their summary (zeros without one). The star level counts the confirmed, non-补录 hours. */
export function toTotals(sum: SummaryDoc | null, now: Date): VolunteerTotals {
  const year = chinaDay(now).slice(0, 4)
  const live = sum?.liveMinutes ?? 0
  return {
    liveMinutes: live,
    backfillMinutes: sum?.backfillMinutes ?? 0,
    year,
    yearMinutes: sum?.byYear?.[year] ?? 0,
    yearBackfillMinutes: sum?.backfillByYear?.[year] ?? 0,
    entries: sum?.entries ?? 0,
    star: starLevel(live),
    wording: RECORD_WORDING,
  }
}

/** A dispute as the volunteer and scoped staff see it. */
export function toDisputeView(d: DisputeDoc): DisputeView {
  return {
    id: d._id,
    entryId: d.entryId,
    volunteerName: d.volunteerName,
    communityId: d.communityId,
    serviceDate: d.serviceDate,
    content: d.content,
    entryMinutes: d.entryMinutes,
    reason: d.reason,
    status: d.status,
    ...(d.decision ? { decision: d.decision } : {}),
    ...(d.answer ? { answer: d.answer } : {}),
    ...(d.correctionId ? { correctionId: d.correctionId } : {}),
    createdAt: iso(d.createdAt),
    ...(d.answeredAt ? { answeredAt: iso(d.answeredAt) } : {}),
  }
}

/** A certificate request: the 已出具证明 label only once staff recorded the number the 居委会 issued. */
export function toCertificateView(c: CertificateDoc): CertificateView {
  const issued = c.status === 'issued' && !!c.number
  return {
    id: c._id,
    volunteerName: c.volunteerName,
    volunteerNo: c.volunteerNo,
    communityId: c.communityId,
    ...(c.purpose ? { purpose: c.purpose } : {}),
    status: c.status,
    requestedAt: iso(c.requestedAt),
    ...(c.number ? { number: c.number } : {}),
    ...(c.issuedOn ? { issuedOn: c.issuedOn } : {}),
    label: issued ? `${CERTIFICATE_ISSUED_LABEL} No. ${c.number}` : '已申请，等待社区办理',
  }
}
