import type { Ctx } from './context'
import type { AuditDoc } from './model'

/** One audit entry: which record went from which state to which, and why. Who and when come from ctx. */
export type AuditEntry = Omit<AuditDoc, '_id' | 'at' | 'actor'>

/** Appends a row to the audit trail (never updated or deleted). */
export async function audit(ctx: Pick<Ctx, 'db' | 'openid' | 'now'>, entry: AuditEntry): Promise<void> {
  const row: AuditDoc = { at: ctx.now, actor: ctx.openid, ...entry }
  // Leave out absent fields rather than storing undefined.
  for (const k of Object.keys(row) as (keyof AuditDoc)[]) if (row[k] === undefined) delete row[k]
  await ctx.db.collection('audit').add({ data: row })
}
