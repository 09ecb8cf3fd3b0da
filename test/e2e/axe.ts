// axe-core in the page: the WCAG 2.0/2.1 A and AA rules, run on the page as it is now (a11y.test.ts, the stories).
import type { Page } from 'playwright-core'

const AXE = require.resolve('axe-core/axe.min.js')
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

/** One violated rule: how bad, on how many nodes, and the first few of them. */
export interface Found {
  id: string
  impact: string
  nodes: number
  help: string
  targets: string[]
}

/** Runs axe on the page as it is now; returns its WCAG A/AA violations. */
export async function audit(page: Page): Promise<Found[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE })
  return page.evaluate(async (tags) => {
    const w = window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }
    const r = await w.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }))
  }, TAGS)
}

/** The serious and critical ones, as lines naming the page: what a test refuses. */
export function blocking(name: string, found: Found[]): string[] {
  return found.filter((f) => f.impact === 'serious' || f.impact === 'critical').map((f) => `${name}: ${f.id} (${f.impact}) ${f.help} — ${f.targets.join(', ')}`)
}
