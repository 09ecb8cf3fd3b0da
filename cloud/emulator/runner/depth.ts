/** The nesting guard: an event nested deeper than a sane limit is refused before it reaches a worker. */

/** Deepest accepted nesting of objects and arrays in a function's event (the event itself is level 1). */
export const MAX_EVENT_DEPTH = 32

/** Whether `value` nests objects/arrays deeper than `max` levels (iterative: never overflows the stack). */
export function nestedDeeperThan(value: unknown, max = MAX_EVENT_DEPTH): boolean {
  const stack: Array<[unknown, number]> = [[value, 1]]
  while (stack.length) {
    const [v, depth] = stack.pop()!
    if (v === null || typeof v !== 'object') continue
    if (depth > max) return true
    for (const child of Object.values(v as object)) if (child !== null && typeof child === 'object') stack.push([child, depth + 1])
  }
  return false
}
