// Staging for the hours-ledger page tests (issue 10, part C): an approved volunteer with the record fields and a slot
// with checked-out shifts, written straight into the emulator's store (the sign-up and check-in parts land alongside
// this one); everything after that goes through the real functions.
import { PRIVACY_VERSION } from '@/contracts'
import type { UserDoc } from '../../cloud/lib/model'
import { inDays } from '../clock'
import { newOpenid } from './stage'
import { stageDocs } from '../support/stageDocs'
import { daySlot, pairsShift } from '../support/volunteerSlot'

/** Writes documents into a collection of the page tests' emulator (its control port's /write: test/support/stageDocs.ts). */
function insert(coll: string, docs: { _id: string }[]): Promise<void> {
  return stageDocs(
    globalThis.__hemeiEmulator.control,
    docs.map((doc) => ({ coll, doc })),
  )
}

export interface PageVolunteer {
  openid: string
  realName: string
  number: string
}

/** An approved volunteer of 军门 with a real name and a volunteer number (and the large-font profile if asked). */
export async function stageVolunteer(realName: string, communityId = 'junmen', largeFont = false): Promise<PageVolunteer> {
  const openid = newOpenid()
  const number = `JM-${openid.slice(-6)}`
  const now = new Date()
  const user: UserDoc = {
    _id: openid,
    nickname: realName,
    communityId,
    privacyVersion: PRIVACY_VERSION,
    privacyAgreedAt: now,
    volunteerStatus: 'approved',
    volunteer: { realName, birthDate: '1960-01-01', trainingTags: [], number, approvedAt: now },
    staffCommunityIds: [],
    ...(largeFont ? { largeFont } : {}),
    createdAt: now,
    updatedAt: now,
  }
  await insert('users', [user])
  return { openid, realName, number }
}

/** Yesterday's 09:00–11:00 slot in 军门 with these volunteers checked in 08:50 and out at `out` (default 11:10), maybe flagged. */
export async function stageCheckedOutSlot(vols: (PageVolunteer & { out?: string; flagged?: string })[], title = '社区环境清洁'): Promise<string> {
  const day = inDays(-1)
  const now = new Date()
  const shifts = vols.map((v) => pairsShift(day, { openid: v.openid, name: v.realName, pairs: [['08:50', v.out ?? '11:10']], flagged: v.flagged, signedUpAt: now }))
  const slot = daySlot(`slot-${newOpenid()}`, day, shifts, { projectId: 'proj-page', title, createdAt: now, updatedAt: now })
  await insert('vol_slots', [slot])
  return slot._id
}
