// What one session adds to its community's counters (cloud/lib/counters.ts): a pure function of the session
// document, with no database or SDK, so fixtures and seeders stamp the same tallies.
import type { SessionDoc } from './model'

/** The counters of the 4 o'clock school's workbench tiles (one home for the names). */
export const SCH_TALLY = {
  /** An offered place waiting for the family's answer (待确认的候补名额). */
  offered: 'offered',
  /** A 摇号 entry with a priority claim staff have not decided yet, before the draw (待核实的优先资格). */
  claimsToVerify: 'claimsToVerify',
} as const

/**
 * What a session adds: `offered` once per offered entry; `claimsToVerify` once per lottery entry with a claim not yet
 * verified or rejected, while the draw has not run. A cancelled session adds nothing.
 */
export function sessionTallies(
  s: Pick<SessionDoc, 'status'> & { entries?: Pick<SessionDoc['entries'][number], 'status'>[]; lottery?: Pick<NonNullable<SessionDoc['lottery']>, 'entries' | 'draw'> },
): string[] {
  if (s.status === 'cancelled') return []
  const out: string[] = (s.entries ?? []).filter((e) => e.status === 'offered').map(() => SCH_TALLY.offered)
  if (s.lottery && !s.lottery.draw) for (const l of s.lottery.entries ?? []) if (l.claim && l.verified === undefined) out.push(SCH_TALLY.claimsToVerify)
  return out
}
