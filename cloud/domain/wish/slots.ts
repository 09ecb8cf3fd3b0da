// The open-wishes limit under any concurrency: each unfinished wish holds one of its wisher's MAX_OPEN_WISHES
// numbered slot documents (collection `wish_slots`, read by _id only). A slot is taken with an insert on its
// fixed _id, a conditional write that exactly one concurrent post wins, however many function instances run.
// A wish gives its slot back on the transition that takes it out of the unfinished set (doc.ts `transition`).
import { createHash } from 'crypto'
import { MAX_OPEN_WISHES, OPEN_WISH_STATUSES, type WishStatus } from '../../../src/contracts'
import type { Ctx } from '../../lib/context'
import { isDuplicateKeyError } from '../../lib/dbErrors'

export const WISH_SLOTS = 'wish_slots'
/** A slot whose wish is missing may be a post in flight (slot taken, wish not yet inserted): it is left alone this long. */
const IN_FLIGHT_MS = 60_000

/** One of a wisher's slots, held by one unfinished wish. */
export interface WishSlotDoc {
  _id: string
  openid: string
  wishId: string
  at: Date
}

/** The _ids of `openid`'s slots, numbered 0 … MAX_OPEN_WISHES - 1. */
export function slotIds(openid: string): string[] {
  const base = createHash('sha256').update(`wish-slot:${openid}`).digest('hex').slice(0, 32)
  return Array.from({ length: MAX_OPEN_WISHES }, (_v, n) => `${base}-${n}`)
}

/** True when a change from `from` to `to` takes a wish out of the unfinished set (its slot is given back). */
export function leavesOpenSet(from: WishStatus, to: WishStatus): boolean {
  return OPEN_WISH_STATUSES.includes(from) && !OPEN_WISH_STATUSES.includes(to)
}

/**
 * Takes a free slot of the caller's for wish `id`: its _id, or null when every slot is held by an unfinished
 * wish. `openIds` are the caller's unfinished wishes as just read. Database requests: one insert when a slot
 * is free (more only under contention); when all are held, one read, and one conditional update to take
 * back a stale slot (its wish finished but the give-back was lost, or its post died before inserting).
 */
export async function takeSlot(ctx: Ctx, id: string, openIds: string[]): Promise<string | null> {
  const col = ctx.db.collection(WISH_SLOTS)
  const ids = slotIds(ctx.openid)
  const first = Math.min(openIds.length, MAX_OPEN_WISHES - 1)
  for (let k = 0; k < MAX_OPEN_WISHES; k++) {
    const slot = ids[(first + k) % MAX_OPEN_WISHES]
    try {
      await col.add({ data: { _id: slot, openid: ctx.openid, wishId: id, at: ctx.now } })
      return slot
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err
    }
  }
  const held = (await col.where({ _id: ctx.db.command.in(ids) }).get()).data as WishSlotDoc[]
  const own = held.find((s) => s.wishId === id)
  if (own) return own._id
  const stale = held.find((s) => !openIds.includes(s.wishId) && ctx.now.getTime() - new Date(s.at).getTime() > IN_FLIGHT_MS)
  if (!stale) return null
  const res = await col.where({ _id: stale._id, wishId: stale.wishId }).update({ data: { wishId: id, at: ctx.now } })
  return res.stats.updated === 1 ? stale._id : null
}

/**
 * Gives back the slot(s) wish `wishId` of `openid` holds, or only the slot `only` (a failed insert gives back the
 * slot it took, not one a concurrent retry of the same post holds). A lost give-back is taken back by a later post.
 */
export async function releaseSlot(ctx: Ctx, openid: string, wishId: string, only?: string): Promise<void> {
  try {
    await ctx.db
      .collection(WISH_SLOTS)
      .where({ _id: only ?? ctx.db.command.in(slotIds(openid)), wishId })
      .remove()
  } catch (err) {
    console.warn('wish slot not given back (a later post takes it back):', wishId, err)
  }
}
