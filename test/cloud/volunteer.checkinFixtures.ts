// Staging for the check-in tests: volunteers and slots with signed-up shifts written straight into the store
// (typed with the volunteer model), so these tests do not depend on part A's sign-up; and `volunteer` calls.
import { randomBytes } from 'crypto'
import type { UserDoc, VolunteerApplicationDoc } from '../../cloud/lib/model'
import type { ShiftEntry, SlotDoc } from '../../cloud/domain/volunteer/model'
import { EARTH_RADIUS_M } from '../../cloud/lib/geo'
import { PRIVACY_VERSION } from '../../src/contracts'
import { testNow } from '../clock'
import { signedUpShift, STAGED_PLACE, stagedSlot } from '../support/volunteerSlot'
import { callAs, callOk, type Harness } from './helpers'

/** The emulator's local code secret (cloud/emulator/runner/runner.ts). */
export const LOCAL_SECRET = 'hemei-local-code-secret'
/** The service place of the staged slots. */
export const PLACE = STAGED_PLACE

/** Calls `volunteer` as `openid` (the raw Result; see callAs). */
export const vol = <T = any>(h: Harness, openid: string, action: string, input?: unknown, requestId?: string | null) => callAs<T>(h, 'volunteer', openid, action, input, requestId)

/** Calls `volunteer` and fails the test unless ok; returns data. */
export const volOk = <T = any>(h: Harness, openid: string, action: string, input?: unknown, requestId?: string) => callOk<T>(h, 'volunteer', openid, action, input, requestId)

/** A new approved volunteer of 军门社区 with an approved application (name and phone). */
export async function stageVolunteer(h: Harness, name = '李志愿', phone = `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`): Promise<string> {
  const openid = `dev-vol-${randomBytes(5).toString('hex')}`
  const at = new Date(testNow() - 40 * 86_400_000)
  const user: UserDoc = {
    _id: openid,
    nickname: name,
    communityId: 'junmen',
    privacyVersion: PRIVACY_VERSION,
    privacyAgreedAt: at,
    volunteerStatus: 'approved',
    volunteer: { realName: name, birthDate: '1980-05-01', trainingTags: [], number: `JM${openid.slice(-5)}`, approvedAt: at },
    staffCommunityIds: [],
    createdAt: at,
    updatedAt: at,
  }
  const app: VolunteerApplicationDoc = { _id: `app-${openid}`, openid, communityId: 'junmen', realName: name, phone, skills: [], status: 'approved', createdAt: at, updatedAt: at }
  await h.insert('users', user)
  await h.insert('volunteer_applications', app)
  return openid
}

/** A shift signed up by `openid`. */
export const shift = signedUpShift

/** A published slot of 军门社区 starting `startInMin` minutes from now and lasting `lengthMin`, with those shifts, in the store. */
export async function stageSlot(h: Harness, shifts: ShiftEntry[], startInMin = 10, lengthMin = 120, over: Partial<SlotDoc> = {}): Promise<SlotDoc> {
  const slot = stagedSlot(`slot-${randomBytes(6).toString('hex')}`, shifts, startInMin, lengthMin, over)
  await h.insert('vol_slots', slot)
  return slot
}

/** The point `metres` north of `place` (along the meridian, where the haversine distance is exactly R·Δφ). */
export function north(place: { lat: number; lng: number }, metres: number): { lat: number; lng: number } {
  return { lat: place.lat + (metres / EARTH_RADIUS_M) * (180 / Math.PI), lng: place.lng }
}
