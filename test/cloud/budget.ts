// One home for the budget tables of the layer-1 tests (DESIGN.md §6): every call within its database-request ceiling,
// every query on a declared index (no `coll:SCAN`), every response ≤ 32 KB.
import type { CallStat } from '../../cloud/emulator/core'
import type { Harness } from './helpers'

/** The response budget of one call. */
export const KB32 = 32 * 1024
/** The database requests one user action may make, unless its ceiling says less (or, reported, more). */
export const BUDGET = 4

/** The calls of function `fn` since `start` (an index into the emulator's call log). */
export function callsOf(h: Harness, fn: string, start: number): CallStat[] {
  return h.emu.calls.slice(start).filter((c) => c.fn === fn)
}

/**
 * Checks each call against its ceiling (`ceiling[action]`, or what the function answers; BUDGET when neither says;
 * +1 for a communities cache refill),
 * its queries against the indexes (no SCAN) and its response against 32 KB; answers the most requests per action.
 */
export function checkBudgets(calls: readonly CallStat[], ceiling: Record<string, number> | ((c: CallStat) => number) = {}): Record<string, number> {
  const ceilingOf = typeof ceiling === 'function' ? ceiling : (c: CallStat) => ceiling[c.action] ?? BUDGET
  // +1 when the call refilled its instance's communities cache (cloud/lib/communities.ts: once a minute per instance,
  // the documented "+1 on a cold instance"): a slow run crosses such a minute.
  const limitOf = (c: CallStat) => ceilingOf(c) + (c.queries.some((q) => q.startsWith('communities:')) ? 1 : 0)
  const table: Record<string, number> = {}
  for (const c of calls) {
    expect({ action: c.action, dbRequests: Math.min(c.dbRequests, limitOf(c)) }).toEqual({ action: c.action, dbRequests: c.dbRequests })
    expect({ action: c.action, scans: c.queries.filter((q) => q.endsWith(':SCAN')) }).toEqual({ action: c.action, scans: [] })
    expect({ action: c.action, responseBytes: Math.min(c.responseBytes, KB32) }).toEqual({ action: c.action, responseBytes: c.responseBytes })
    table[c.action] = Math.max(table[c.action] ?? 0, c.dbRequests)
  }
  return table
}
