// The one builder of staged volunteer slots and shifts for the tests of every layer (typed with the volunteer
// model): a published slot of 军门社区 with its shifts, written straight into the store by the callers, so a test
// of one part does not depend on another part's actions. Times are relative to the one clock or on a China day.
import type { CheckPair, ShiftEntry, SlotDoc } from '../../cloud/domain/volunteer/model'
import { chinaDay, chinaInstant, chinaTime } from '../../cloud/lib/dates'
import { testNow } from '../clock'

const MIN = 60_000

/** The service place of the staged slots (gcj02) and its radius. */
export const STAGED_PLACE = { name: '军门社区文化广场', lat: 26.0872, lng: 119.3015, radiusM: 200 }

/** The instant of HH:mm on a China day (the one home: cloud/lib/dates.ts). */
export const chinaAt = chinaInstant

/** A shift signed up by `openid` a day ago. */
export function signedUpShift(openid: string, name = '李志愿', over: Partial<ShiftEntry> = {}): ShiftEntry {
  return { openid, name, status: 'signed_up', signedUpAt: new Date(testNow() - 86_400_000), insuranceAck: true, pairs: [], usedCodes: [], requestIds: [], ...over }
}

interface PairsShiftSpec {
  openid: string
  name: string
  /** [in, out] as HH:mm on the slot's day (out omitted: still checked in). */
  pairs: [string, string?][]
  status?: ShiftEntry['status']
  inBy?: CheckPair['inBy']
  flagged?: string
  signedUpAt?: Date
}

/** A shift with check-in/check-out pairs on `day` (checked out unless `status` says otherwise), by the same method both ways. */
export function pairsShift(day: string, s: PairsShiftSpec): ShiftEntry {
  const by = s.inBy ?? 'code'
  return {
    openid: s.openid,
    name: s.name,
    status: s.status ?? 'checked_out',
    signedUpAt: s.signedUpAt ?? new Date(testNow()),
    insuranceAck: true,
    pairs: s.pairs.map(([i, o]) => ({ inAt: chinaAt(day, i), inBy: by, ...(o ? { outAt: chinaAt(day, o), outBy: by } : {}) })),
    usedCodes: [],
    ...(s.flagged ? { flagged: s.flagged } : {}),
    requestIds: [],
  }
}

/**
 * A published slot from `startMs` to `endMs` with those shifts: the China day and times, `taken`, `volunteerOpenids`
 * and part A's lookup `keys` worked out from them; credit = the window, cutoff an hour before the start.
 */
function slotDoc(id: string, shifts: ShiftEntry[], startMs: number, endMs: number, over: Partial<SlotDoc> = {}): SlotDoc {
  const holding = shifts.filter((s) => s.status !== 'cancelled')
  return {
    _id: id,
    projectId: 'proj-staged',
    communityId: 'junmen',
    title: '社区环境清洁',
    serviceType: '环境保护',
    place: STAGED_PLACE,
    requirements: { trainingTags: [], insuranceRequired: false },
    date: chinaDay(startMs),
    startTime: chinaTime(startMs),
    endTime: chinaTime(endMs),
    startAt: new Date(startMs),
    endAt: new Date(endMs),
    headcount: 10,
    taken: holding.length,
    creditMinutes: Math.round((endMs - startMs) / MIN),
    signupCutoffAt: new Date(startMs - 60 * MIN),
    status: 'published',
    shifts,
    volunteerOpenids: holding.map((s) => s.openid),
    // The sign-up's lookup keys (part A): the slot itself and the volunteers holding a place.
    keys: [`slot:${id}`, ...holding.map((s) => s.openid)],
    createdBy: 'demo-staff',
    createdAt: new Date(testNow() - 7 * 86_400_000),
    updatedAt: new Date(testNow() - 7 * 86_400_000),
    ...over,
  }
}

/** A published slot starting `startInMin` minutes from now and lasting `lengthMin`, with those shifts. */
export function stagedSlot(id: string, shifts: ShiftEntry[], startInMin = 10, lengthMin = 120, over: Partial<SlotDoc> = {}): SlotDoc {
  const start = testNow() + startInMin * MIN
  return slotDoc(id, shifts, start, start + lengthMin * MIN, over)
}

/** The ledger tests' place (its name shows in the entries). */
const LEDGER_PLACE = { name: '军门社区广场', lat: 26.08, lng: 119.3, radiusM: 200 }

/** A slot of `day` 09:00–11:00 (the ledger tests': their place, headcount at least the shifts), with those shifts. */
export function daySlot(id: string, day: string, shifts: ShiftEntry[], over: Partial<SlotDoc> = {}): SlotDoc {
  return slotDoc(id, shifts, chinaAt(day, '09:00').getTime(), chinaAt(day, '11:00').getTime(), { place: LEDGER_PLACE, headcount: Math.max(10, shifts.length), ...over })
}
