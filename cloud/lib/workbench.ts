import { WORKBENCH_QUEUES, type Workbench, type WorkbenchQueueKey } from '../../src/contracts'
import type { Ctx } from './context'
import { readCountsOf, sumCounts, type Counts, type TalliedFields, type TallySource } from './counters'

/** The counts of one counter domain (`TallySource.domain`), summed over the workbench's communities. */
export type CountsOf = (domain: string) => Counts

/**
 * One domain's part of the staff workbench: the queues it owns and how to count them for a set of
 * communities. `count` answers from indexes alone (`count()`, or an aggregate of `$match` then `$group` on
 * index keys with `$sum: 1`), in as few database requests as it can: the whole workbench spends ≤ 4.
 * A source whose tiles come from counter documents lists its `counters`: the workbench reads the counter documents
 * of every source in ONE request (`readCountsOf`) and hands them to `count` as `countsOf`, so a domain whose tiles
 * are all counters adds no request.
 */
export interface WorkbenchSource<K extends WorkbenchQueueKey> {
  queues: readonly K[]
  counters?: readonly TallySource<TalliedFields>[]
  count(ctx: Ctx, communityIds: string[], countsOf: CountsOf): Promise<Record<K, number>>
}

/** Any domain's source, as the registry holds them. */
export interface AnyWorkbenchSource {
  queues: readonly WorkbenchQueueKey[]
  counters?: readonly TallySource<TalliedFields>[]
  count(ctx: Ctx, communityIds: string[], countsOf: CountsOf): Promise<Partial<Record<WorkbenchQueueKey, number>>>
}

/**
 * Counts every source's queues for `communityIds` and lays them out as tiles, in registry order: first the counter
 * documents of every source in ONE request, then each source's own counts (all sources at once).
 */
export async function readWorkbench(ctx: Ctx, communityIds: string[], sources: readonly AnyWorkbenchSource[]): Promise<Workbench> {
  // A counter source two domains' tiles read (e.g. the wish counters) is read once.
  const byDomain = await readCountsOf(ctx, [...new Set(sources.flatMap((s) => s.counters ?? []))], communityIds)
  const countsOf: CountsOf = (domain) => sumCounts(byDomain.get(domain) ?? new Map())
  const counts = await Promise.all(sources.map((s) => s.count(ctx, communityIds, countsOf)))
  const queues = sources.flatMap((s, i) => s.queues.map((key) => ({ key, ...WORKBENCH_QUEUES[key], count: Math.max(0, counts[i][key] ?? 0) })))
  return { communityIds, queues }
}
