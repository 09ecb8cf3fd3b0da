// How long a text is, as every limit counts it. Free of zod, so any client code (the fields' counters) can use it.

/** The visible length of a text: its Unicode code points, so one emoji or CJK character counts once. */
export function visibleLength(s: string): number {
  return [...s].length
}
