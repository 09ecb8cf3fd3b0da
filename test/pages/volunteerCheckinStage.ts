// Staging for the check-in page tests: slots with signed-up shifts written straight into the emulator's store
// (test/support/stageDocs.ts) — part A's sign-up is built at the same time.
import type { ShiftEntry } from '../../cloud/domain/volunteer/model'
import { stageDocs } from '../support/stageDocs'
import { signedUpShift, stagedSlot } from '../support/volunteerSlot'

/** A signed-up shift of `openid`. */
export const shift = signedUpShift

/** A published slot of 军门社区 starting in 10 minutes (or `startInMin`) for 2 hours, with those shifts; returns its id. */
export async function stageSlot(shifts: ShiftEntry[], id = `slot-page-${Math.random().toString(36).slice(2, 10)}`, startInMin = 10): Promise<string> {
  await stageDocs(globalThis.__hemeiEmulator.control, [{ coll: 'vol_slots', doc: stagedSlot(id, shifts, startInMin, 120, { title: '敬老院陪伴服务' }) }])
  return id
}
