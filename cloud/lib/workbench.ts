import { WORKBENCH_QUEUES, type Workbench, type WorkbenchQueueKey } from '../../src/contracts'
import type { Ctx } from './context'

/**
 * One domain's part of the staff workbench: the queues it owns and how to count them for a set of
 * communities. `count` answers from indexes alone (`count()`, or an aggregate of `$match` then `$group` on
 * index keys with `$sum: 1`), in as few database requests as it can: the whole workbench spends ≤ 4.
 */
export interface WorkbenchSource<K extends WorkbenchQueueKey> {
  queues: readonly K[]
  count(ctx: Ctx, communityIds: string[]): Promise<Record<K, number>>
}

/** Any domain's source, as the registry holds them. */
export interface AnyWorkbenchSource {
  queues: readonly WorkbenchQueueKey[]
  count(ctx: Ctx, communityIds: string[]): Promise<Partial<Record<WorkbenchQueueKey, number>>>
}

/** Counts every source's queues for `communityIds` (all sources at once) and lays them out as tiles, in registry order. */
export async function readWorkbench(ctx: Ctx, communityIds: string[], sources: readonly AnyWorkbenchSource[]): Promise<Workbench> {
  const counts = await Promise.all(sources.map((s) => s.count(ctx, communityIds)))
  const queues = sources.flatMap((s, i) => s.queues.map((key) => ({ key, ...WORKBENCH_QUEUES[key], count: counts[i][key] ?? 0 })))
  return { communityIds, queues }
}
