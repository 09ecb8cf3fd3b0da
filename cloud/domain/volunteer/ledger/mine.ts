// A volunteer's own record (issue 10, part C): totals from the summary (one read), entries newest first, disputes.
// Public handlers (the router reads no user document): the caller's openid alone selects the data; anonymous callers
// are refused.
import type { OutputOf, ParsedInputOf } from '../../../../src/contracts'
import { publicHandler } from '../../../lib/router'
import type { Ctx } from '../../../lib/context'
import { pageWindow, toPage } from '../../../lib/paging'
import { VOL_CERTIFICATES, VOL_DISPUTES, VOL_LEDGER, VOL_SUMMARIES, type CertificateDoc, type DisputeDoc, type LedgerEntryDoc, type SummaryDoc } from '../model'
import { requireOpenid, toCertificateView, toDisputeView, toEntryView, toTotals } from './common'

/** How many certificate requests the record's first page carries (newest first). */
const CERTIFICATES_SHOWN = 5

/** The caller's totals: ONE database request, their summary document (never the ledger). */
export const myTotals = publicHandler(async (_input: ParsedInputOf<'volunteer', 'myTotals'>, ctx: Ctx): Promise<OutputOf<'volunteer', 'myTotals'>> => {
  requireOpenid(ctx)
  const sum = (await ctx.db.collection(VOL_SUMMARIES).doc(ctx.openid).get()).data as SummaryDoc | null
  return toTotals(sum, ctx.now)
})

/** The caller's entries, newest first (index `mine`); the first page also carries their certificate requests: ≤ 2 requests. */
export const myRecord = publicHandler(async (input: ParsedInputOf<'volunteer', 'myRecord'>, ctx: Ctx): Promise<OutputOf<'volunteer', 'myRecord'>> => {
  requireOpenid(ctx)
  const w = pageWindow(input)
  const entries = ctx.db.collection(VOL_LEDGER).where({ openid: ctx.openid }).orderBy('serviceDate', 'desc').orderBy('confirmedAt', 'desc').skip(w.skip).limit(w.limit).get()
  const certs = w.page === 1 ? ctx.db.collection(VOL_CERTIFICATES).where({ openid: ctx.openid }).orderBy('requestedAt', 'desc').limit(CERTIFICATES_SHOWN).get() : null
  const [res, certRes] = await Promise.all([entries, certs])
  const page = toPage(res.data as LedgerEntryDoc[], w, toEntryView)
  return certRes ? { ...page, certificates: (certRes.data as CertificateDoc[]).map(toCertificateView) } : page
})

/** The caller's disputes and their answers, newest first (index `mine`). */
export const myDisputes = publicHandler(async (input: ParsedInputOf<'volunteer', 'myDisputes'>, ctx: Ctx): Promise<OutputOf<'volunteer', 'myDisputes'>> => {
  requireOpenid(ctx)
  const w = pageWindow(input)
  const res = await ctx.db.collection(VOL_DISPUTES).where({ openid: ctx.openid }).orderBy('createdAt', 'desc').orderBy('_id', 'asc').skip(w.skip).limit(w.limit).get()
  return toPage(res.data as DisputeDoc[], w, toDisputeView)
})
