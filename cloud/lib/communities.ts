import type { CommunityDoc } from './model'
import type { Database } from './cloud'
import { nowMs } from './dates'

// Communities are reference data (created at deployment, never changed by an action), so a function
// instance keeps them for a short while: warm invocations spend no database request on them.
const TTL_MS = 60_000
let cached: { at: number; list: CommunityDoc[]; byId: Map<string, CommunityDoc> } | null = null

/** All communities in display order, cached per function instance for a minute. */
export async function loadCommunities(db: Database, now = nowMs()): Promise<CommunityDoc[]> {
  if (cached && now - cached.at < TTL_MS) return cached.list
  // CloudBase caps a server-side get at 100 (and 1000 with an explicit limit); the district has 69.
  const res = await db.collection('communities').orderBy('order', 'asc').limit(1000).get()
  const list = res.data as CommunityDoc[]
  cached = { at: now, list, byId: new Map(list.map((c) => [c._id, c])) }
  return list
}

/** One community by id, or null; served from the same cache. */
export async function findCommunity(db: Database, id: string): Promise<CommunityDoc | null> {
  await loadCommunities(db)
  return cachedCommunity(id)
}

/** A community from the cache (call loadCommunities first), or null. */
export function cachedCommunity(id: string): CommunityDoc | null {
  return cached?.byId.get(id) ?? null
}

/** Every community id, from the cache (call loadCommunities first). */
export function cachedCommunityIds(): string[] {
  return cached?.list.map((c) => c._id) ?? []
}

/** A community's display name ('' when unknown); call after loadCommunities. */
export function communityName(id: string): string {
  return cachedCommunity(id)?.name ?? ''
}
