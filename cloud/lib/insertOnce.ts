import type { Ctx } from './context'
import { isDuplicateKeyError } from './dbErrors'

/**
 * Inserts a document whose _id comes from the caller and the requestId (ONE database request). A retry meets the
 * duplicate key and answers the stored document (`reload`: +1 request) when the caller made it; else it throws.
 */
export async function insertOnce<T extends { _id: string }, S extends { createdBy: string }>(ctx: Ctx, collection: string, doc: T, reload: (id: string) => Promise<S>): Promise<T | S> {
  try {
    await ctx.db.collection(collection).add({ data: doc })
    return doc
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err
    const mine = await reload(doc._id)
    if (mine.createdBy !== ctx.openid) throw err
    return mine
  }
}
