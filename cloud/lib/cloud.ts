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
export interface Collection extends Query {
  doc(id: string): DocRef
  add(options: { data: object }): Promise<{ _id: string | number }>
}
export interface Database {
  collection(name: string): Collection
  command: SdkDatabase['command']
  serverDate: SdkDatabase['serverDate']
  runTransaction: SdkDatabase['runTransaction']
}

/** The database handle; a missing doc reads as `data: null` instead of throwing. */
export const db = cloud.database({ throwOnNotFound: false } as Parameters<typeof cloud.database>[0]) as unknown as Database
/** Query and update operators (`db.command`). */
export const _ = db.command
export { cloud }
