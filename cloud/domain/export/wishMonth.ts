import { WISH_STATUS_LABELS, WISH_STATUSES, type ExportFile, type ParsedInputOf } from '../../../src/contracts'
import { findCommunity } from '../../lib/communities'
import type { Ctx } from '../../lib/context'
import { HandlerError } from '../../lib/errors'
import { addSheet, addSummarySheet, chinaDate, newWorkbook, readPages, requireExportAllowed, saveExport } from '../../lib/export'
import type { WishDoc } from '../../lib/model'
import { WISHES } from '../wish/doc'
import { byStatusOf, wishCountsNow } from '../wish/counters'

/** The instants where `month` (YYYY-MM) starts and ends in China (UTC+8). */
export function monthRange(month: string): { start: Date; end: Date } {
  const [y, m] = month.split('-').map(Number)
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`
  return { start: new Date(`${month}-01T00:00:00+08:00`), end: new Date(`${next}-01T00:00:00+08:00`) }
}

/** The wishes of a community closed (confirmed) in [start, end), oldest first, on the `closed` index. */
async function closedWishes(ctx: Ctx, communityId: string, start: Date, end: Date): Promise<WishDoc[]> {
  const _ = ctx.db.command
  return readPages<WishDoc>((skip, limit) =>
    ctx.db
      .collection(WISHES)
      .where({ communityId, status: 'closed', closedAt: _.gte(start).and(_.lt(end)) })
      .orderBy('closedAt', 'asc')
      .orderBy('_id', 'asc')
      .skip(skip)
      .limit(limit)
      .field({ title: true, category: true, displayName: true, publishedAt: true, claimedAt: true, fulfilledAt: true, closedAt: true, claim: true, thanks: true })
      .get(),
  )
}

/**
 * Staff: a spreadsheet of one community's month: sheet 统计 (the current count per status, the wish domain's own
 * index-only count) and sheet 已圆满心愿 (the wishes closed that month, dates as dates in China time). Database
 * requests: user + the status counts + the closed list (1 per 1,000 rows) + the log insert = 4 (+1 communities, cold).
 */
export async function wishMonth(input: ParsedInputOf<'export', 'wishMonth'>, ctx: Ctx): Promise<ExportFile> {
  requireExportAllowed(ctx, { communityId: input.communityId })
  const community = await findCommunity(ctx.db, input.communityId)
  if (!community) throw new HandlerError('NOT_FOUND')
  const { start, end } = monthRange(input.month)
  const [byStatus, wishes] = await Promise.all([wishCountsNow(ctx, input.communityId).then(byStatusOf), closedWishes(ctx, input.communityId, start, end)])

  const wb = newWorkbook(ctx.now)
  addSummarySheet(
    wb,
    '统计',
    [
      { item: '社区', value: community.name },
      { item: '月份', value: input.month },
      { item: '本月圆满心愿', value: wishes.length },
      ...WISH_STATUSES.map((s) => ({ item: `当前${WISH_STATUS_LABELS[s]}`, value: byStatus[s] })),
    ],
    ctx.now,
    { header: '数值', width: 16 },
  )

  const list = addSheet(wb, '已圆满心愿', [
    { header: '编号', key: 'id', width: 34 },
    { header: '心愿', key: 'title', width: 30 },
    { header: '类别', key: 'category', width: 12 },
    { header: '心愿人', key: 'wisher', width: 12 },
    { header: '认领人', key: 'claimant', width: 16 },
    { header: '发布日期', key: 'publishedAt', date: 'day' },
    { header: '认领日期', key: 'claimedAt', date: 'day' },
    { header: '完成日期', key: 'fulfilledAt', date: 'day' },
    { header: '确认时间', key: 'closedAt', width: 18, date: 'time' },
    { header: '感谢语', key: 'thanks', width: 30 },
  ])
  for (const w of wishes) {
    list.addRow({
      id: w._id,
      title: w.title,
      category: w.category,
      wisher: w.displayName,
      claimant: w.claim?.claimantName ?? '',
      publishedAt: chinaDate(w.publishedAt),
      claimedAt: chinaDate(w.claimedAt ?? w.claim?.claimedAt),
      fulfilledAt: chinaDate(w.fulfilledAt),
      closedAt: chinaDate(w.closedAt),
      thanks: w.thanks ?? '',
    })
  }
  return saveExport(ctx, {
    subject: { communityId: input.communityId },
    kind: 'wishMonth',
    params: { month: input.month },
    fileName: `wish-month-${input.month}`,
    displayName: `${input.month}-心愿月报-${community.name}.xlsx`,
    rows: wishes.length,
    workbook: wb,
  })
}
