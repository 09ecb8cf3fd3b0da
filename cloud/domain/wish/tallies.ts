// What one wish adds to its community's counters (cloud/lib/counters.ts): a pure function of the wish, with no
// database or SDK, so the seeders stamp the same tallies on the wishes they write.
import { PUBLISHED_WISH_STATUSES, type WishStatus } from '../../../src/contracts'
import { chinaDay } from '../../lib/dates'
import type { WishDoc } from '../../lib/model'

/** A fulfilment counts while the wish is fulfilled or closed (not hidden afterwards). */
export const FULFILLED: readonly WishStatus[] = ['fulfilled', 'closed']

/** The per-day fulfilment counter of a China day (YYYY-MM-DD), e.g. `fulfilledOn_20261129`. */
export function fulfilledOn(day: string): string {
  return `fulfilledOn_${day.replace(/-/g, '')}`
}

/** issue 10 part E: a closed wish claimed by a volunteer whose hours staff have yet to credit (`creditDue`). */
export const CREDIT_DUE = 'volCreditDue'

/**
 * What a wish adds 1 to: its status; CREDIT_DUE while its hours wait for the credit; `reported` while it is published with reports (the staff `reported` queue);
 * the day it was fulfilled while it counts as fulfilled.
 */
export function wishTallies(w: Pick<WishDoc, 'status'> & { reportCount?: number; fulfilledAt?: Date; creditDue?: number }): string[] {
  const out: string[] = [w.status]
  if (PUBLISHED_WISH_STATUSES.includes(w.status) && (w.reportCount ?? 0) > 0) out.push('reported')
  if (FULFILLED.includes(w.status) && w.fulfilledAt) out.push(fulfilledOn(chinaDay(new Date(w.fulfilledAt))))
  if (w.creditDue) out.push(CREDIT_DUE)
  return out
}

/**
 * A wish written straight to the store (seed data, test fixtures) as the counters see it: counted by the next
 * reconcile, as it is now. A wish without `tallied` is one the counters have never counted (a new post).
 */
export function asTallied<W extends WishDoc>(w: W): W {
  const { untallied: _pending, ...rest } = w
  return { ...rest, tallied: wishTallies(w) } as W
}
