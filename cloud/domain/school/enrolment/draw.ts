// The 摇号 draw (issue 11), the one home of its rules: a pure module (no SDK, no clock), used by drawLottery, the
// results and scripts/lottery-rerun.ts, so anyone can re-run a published draw and get the same order.
// The algorithm in words: LOTTERY_ALGORITHM (src/contracts/school/rules.ts).
import { createHash } from 'crypto'

/** One family's entry as the draw sees it: its entry number, whether a verified priority claim, how many children. */
export interface DrawEntry {
  no: number
  priority: boolean
  children: number
}

/** What the draw gave an entry: places for all its children, or the waitlist for all of them. */
export type DrawResult = 'enrolled' | 'waitlisted'

/** The published seed: the window's close (UTC ISO) and the number announced before it, e.g. `2027-01-15T10:00:00.000Z#8273`. */
export function lotterySeed(closesAt: Date | string | number, announcedNumber: string): string {
  return `${new Date(closesAt).toISOString()}#${announcedNumber}`
}

/** An entry's draw value: SHA-256 of `seed:no`, in hex (compared as text). */
export function drawValue(seed: string, no: number): string {
  return createHash('sha256').update(`${seed}:${no}`).digest('hex')
}

/** The draw order: verified priority entries first, then the rest; each group by draw value, smallest first. */
export function drawOrder<E extends DrawEntry>(seed: string, entries: readonly E[]): E[] {
  const keyed = entries.map((e) => ({ e, v: drawValue(seed, e.no) }))
  keyed.sort((a, b) => Number(b.e.priority) - Number(a.e.priority) || (a.v < b.v ? -1 : a.v > b.v ? 1 : a.e.no - b.e.no))
  return keyed.map((k) => k.e)
}

/**
 * Places allocated family by family in draw order: a family whose children all fit in the places left is enrolled;
 * otherwise all its children wait together (a later, smaller family may still take the places left).
 */
export function allocate(ordered: readonly DrawEntry[], capacity: number): DrawResult[] {
  let left = capacity
  return ordered.map((e) => {
    if (e.children <= left) {
      left -= e.children
      return 'enrolled'
    }
    return 'waitlisted'
  })
}
