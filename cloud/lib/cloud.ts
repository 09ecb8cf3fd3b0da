import * as cloud from 'wx-server-sdk'

// The only difference between production and local runs: init options from the environment (docs/INTERFACES.md).
cloud.init({
  env: process.env.HEMEI_CLOUD_ENV || (cloud.DYNAMIC_CURRENT_ENV as unknown as string),
  ...(process.env.HEMEI_TCB_URL
    ? {
        serviceUrl: process.env.HEMEI_TCB_URL,
        secretId: process.env.HEMEI_SECRET_ID || 'local',
        secretKey: process.env.HEMEI_SECRET_KEY || 'local',
      }
    : {}),
} as Parameters<typeof cloud.init>[0])

type SdkDatabase = ReturnType<typeof cloud.database>

/** The promise-only slice of the SDK's query API that the handlers use (the SDK types also allow callbacks). */
export interface Query {
  where(query: object): Query
  orderBy(field: string, direction: 'asc' | 'desc'): Query
  skip(n: number): Query
  limit(n: number): Query
  field(projection: Record<string, boolean | 0 | 1>): Query
  get(): Promise<{ data: unknown[] }>
  count(): Promise<{ total: number }>
  update(options: { data: object }): Promise<{ stats: { updated: number } }>
  remove(): Promise<{ stats: { removed: number } }>
}
export interface DocRef {
  get(): Promise<{ data: unknown | null }>
  update(options: { data: object }): Promise<{ stats: { updated: number } }>
  set(options: { data: object }): Promise<{ _id: string; stats: { updated: number; created: number } }>
  remove(): Promise<{ stats: { removed: number } }>
}
/** The aggregation builder's stages that the handlers use. */
export interface Aggregate {
  match(query: object): Aggregate
  project(spec: object): Aggregate
  group(spec: object): Aggregate
  sort(spec: object): Aggregate
  limit(n: number): Aggregate
  /** wx-server-sdk answers `{ list }` (it renames @cloudbase/database's `data`). */
  end(): Promise<{ list: unknown[] }>
}
export interface Collection extends Query {
  doc(id: string): DocRef
  add(options: { data: object }): Promise<{ _id: string | number }>
  aggregate(): Aggregate
}
export interface Database {
  collection(name: string): Collection
  command: SdkDatabase['command']
  serverDate: SdkDatabase['serverDate']
  runTransaction: SdkDatabase['runTransaction']
}

/** The database handle; a missing doc reads as `data: null` instead of throwing. */
export const db = cloud.database({ throwOnNotFound: false } as Parameters<typeof cloud.database>[0]) as unknown as Database
export { cloud }

/**
 * A conditional update of ONE document that answers with the document as updated, in one database request
 * (`database.modifyAndReturnDoc`, @cloudbase/database's `where().updateAndReturn()`). wx-server-sdk 4.0.2
 * wraps the query without exposing that method, so this reaches the wrapped query (`_query`); if a future
 * SDK drops it, it falls back to update + read (two requests, same result). `updated` is 0 and `doc` null
 * when nothing matched.
 */
export async function updateOneAndReturn(col: Collection, where: object & { _id: string }, data: object): Promise<{ updated: number; doc: unknown | null }> {
  const query = col.where(where) as unknown as { _query?: { updateAndReturn?: (d: object) => Promise<{ updated?: number; doc?: unknown; code?: string; message?: string }> } }
  const raw = query._query
  if (raw && typeof raw.updateAndReturn === 'function') {
    const res = await raw.updateAndReturn(data)
    if (res?.code) throw Object.assign(new Error(res.message || res.code), { errCode: res.code, errMsg: res.message })
    return { updated: res?.updated ?? 0, doc: res?.doc ?? null }
  }
  const res = await col.where(where).update({ data })
  if (res.stats.updated !== 1) return { updated: 0, doc: null }
  return { updated: 1, doc: (await col.doc(where._id).get()).data }
}
