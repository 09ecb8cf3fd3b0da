import type { Ctx } from './context'
import type { AuditDoc } from './model'

/** One audit entry: which record went from which state to which, and why. Who and when come from ctx. */
export interface AuditEntry {
  entity: string
  entityId: string
  action: string
  from?: string
  to?: string
  reason?: string
}

/** Appends a row to the audit trail (never updated or deleted). */
export async function audit(ctx: Pick<Ctx, 'db' | 'openid' | 'now'>, entry: AuditEntry): Promise<void> {
  const row: AuditDoc = { at: ctx.now, actor: ctx.openid, entity: entry.entity, entityId: entry.entityId, action: entry.action }
  if (entry.from !== undefined) row.from = entry.from
  if (entry.to !== undefined) row.to = entry.to
  if (entry.reason !== undefined) row.reason = entry.reason
  await ctx.db.collection('audit').add({ data: row })
}
