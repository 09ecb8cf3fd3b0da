// One builder of staged volunteer slots for the check-in tests of every layer (typed with the volunteer model):
// a published slot of 军门社区 with signed-up shifts, its times relative to the one clock.
import type { ShiftEntry, SlotDoc } from '../../cloud/domain/volunteer/model'
import { testNow } from '../clock'

const MIN = 60_000

/** The service place of the staged slots (gcj02) and its radius. */
export const STAGED_PLACE = { name: '军门社区文化广场', lat: 26.0872, lng: 119.3015, radiusM: 200 }

/** A shift signed up by `openid` a day ago. */
export function signedUpShift(openid: string, name = '李志愿', over: Partial<ShiftEntry> = {}): ShiftEntry {
  return { openid, name, status: 'signed_up', signedUpAt: new Date(testNow() - 86_400_000), insuranceAck: true, pairs: [], usedCodes: [], requestIds: [], ...over }
}

/** A published slot starting `startInMin` minutes from now and lasting `lengthMin`, with those shifts. */
export function stagedSlot(id: string, shifts: ShiftEntry[], startInMin = 10, lengthMin = 120, over: Partial<SlotDoc> = {}): SlotDoc {
  const start = testNow() + startInMin * MIN
  const end = start + lengthMin * MIN
  const hhmm = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(11, 16)
  const holding = shifts.filter((s) => s.status !== 'cancelled')
  return {
    _id: id,
    projectId: 'proj-staged',
    communityId: 'junmen',
    title: '社区环境清洁',
    serviceType: '环境保护',
    place: STAGED_PLACE,
    requirements: { trainingTags: [], insuranceRequired: false },
    date: new Date(start + 8 * 3600_000).toISOString().slice(0, 10),
    startTime: hhmm(start),
    endTime: hhmm(end),
    startAt: new Date(start),
    endAt: new Date(end),
    headcount: 10,
    taken: holding.length,
    creditMinutes: lengthMin,
    signupCutoffAt: new Date(start - 60 * MIN),
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
