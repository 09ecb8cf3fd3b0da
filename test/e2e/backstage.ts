// What a story does behind the app's back: a function called as someone through the emulator's HTTP API (set-up the
// story does not walk through), and the emulator's clock moved to a China time (so a story passes at any hour).
import { nowMs } from '../../cloud/lib/dates'
import { timed, type Stack } from './harness'

/** Calls a function as `openid` through the emulator's HTTP API (what the app's client does); fails unless ok. */
export async function callAs(stack: Stack, openid: string, fn: string, action: string, input: unknown): Promise<any> {
  const res = await fetch(`${stack.url}api/fn/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-hemei-openid': openid },
    body: JSON.stringify({ action, input, requestId: `e2e-story-${action}-${openid}-${nowMs()}` }),
  })
  const out = await res.json()
  expect(out).toMatchObject({ ok: true })
  return out.data
}

/**
 * Moves the emulator's clock (and its functions') forward to HH:mm China time on `day`; `{ fire: false }` skips the
 * timer runs on the way (a day of every-minute scheduler runs costs minutes, and the story's subject is not a job).
 */
export async function clockTo(stack: Stack, day: string, hhmm: string, opts?: { fire?: boolean }): Promise<void> {
  await timed(`clock to ${day} ${hhmm}`, () => stack.emulator.advanceClock(Date.parse(`${day}T${hhmm}:00+08:00`) - nowMs(), opts))
}
