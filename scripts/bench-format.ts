// Formatting shared by the bench scripts: percentiles and plain-text tables.

/** The p-th percentile of an ascending list (nearest rank). */
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[i]
}
/** The median of a list (any order). */
export const median = (xs: number[]) =>
  percentile(
    [...xs].sort((a, b) => a - b),
    50,
  )

/** A plain-text table; columns in `left` (and the first and last) are left-aligned, the rest right. */
export function table(head: string[], body: string[][], left: number[] = []): string {
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)))
  const isLeft = (i: number) => i === 0 || i === head.length - 1 || left.includes(i)
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (isLeft(i) ? c.padEnd(widths[i]) : c.padStart(widths[i])))
      .join('  ')
      .trimEnd()
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n')
}

/** One decimal, or n/a. */
export const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : 'n/a')
