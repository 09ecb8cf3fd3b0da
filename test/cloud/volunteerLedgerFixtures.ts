// Fixtures for the hours-ledger tests (issue 10, part C): approved volunteers with their record fields, and slots
// whose shifts are already checked out, staged directly in the store (typed with the model) so these tests do not
// depend on the sign-up and check-in parts.
import { PRIVACY_VERSION, type Result } from '../../src/contracts'
import type { UserDoc } from '../../cloud/lib/model'
import type { CheckPair, ShiftEntry, SlotDoc } from '../../cloud/domain/volunteer/model'
import { slotTallies } from '../../cloud/domain/volunteer/tallies'
import { newOpenid, rid, type Harness } from './helpers'
import { inDays, testNow } from '../clock'
import { chinaAt, daySlot, pairsShift } from '../support/volunteerSlot'

/** Calls the `volunteer` function as `openid` (null: anonymous); mutations get a fresh requestId unless one is given. */
export async function vol<T = any>(h: Harness, openid: string | null, action: string, input: unknown = {}, requestId?: string): Promise<Result<T>> {
  const event: Record<string, unknown> = { action, input, requestId: requestId ?? rid() }
  return (await h.emu.invoke('volunteer', event, openid ?? '')) as Result<T>
}

/** Calls `volunteer` and fails unless ok; returns data. */
export async function volOk<T = any>(h: Harness, openid: string, action: string, input: unknown = {}, requestId?: string): Promise<T> {
  const res = await vol<T>(h, openid, action, input, requestId)
  if (!res.ok) throw new Error(`volunteer.${action} as ${openid} failed: ${res.code} ${res.message} ${JSON.stringify(res.issues ?? '')}`)
  return res.data
}

let seq = 0
/** A unique phone, so raw responses can be searched for it. */
export function phoneOf(n = ++seq): string {
  return `137${String(process.pid % 1e4).padStart(4, '0')}${String(n).padStart(4, '0')}`
}

export interface StagedVolunteer {
  openid: string
  realName: string
  number: string
  birthDate: string
  phone: string
}

/** An approved volunteer of `communityId` (user doc with the record fields), optionally also staff of communities. */
export async function stageVolunteer(h: Harness, communityId: string, over: { staffCommunityIds?: string[]; realName?: string } = {}): Promise<StagedVolunteer> {
  const openid = newOpenid()
  seq++
  const v: StagedVolunteer = {
    openid,
    realName: over.realName ?? `志愿者${seq}`,
    number: `${communityId.toUpperCase()}-${String(seq).padStart(5, '0')}-${process.pid}`,
    birthDate: '1961-03-0' + ((seq % 9) + 1),
    phone: phoneOf(seq),
  }
  const now = new Date(testNow())
  const doc: Omit<UserDoc, 'volunteer'> & { volunteer: NonNullable<UserDoc['volunteer']>; phone: string } = {
    _id: openid,
    nickname: `昵称${seq}`,
    communityId,
    privacyVersion: PRIVACY_VERSION,
    privacyAgreedAt: now,
    volunteerStatus: 'approved',
    volunteer: { realName: v.realName, birthDate: v.birthDate, trainingTags: [], number: v.number, approvedAt: now },
    staffCommunityIds: over.staffCommunityIds ?? [],
    createdAt: now,
    updatedAt: now,
    // Not a UserDoc field: planted so a leak of the whole user document would show in raw responses.
    phone: v.phone,
  }
  await h.insert('users', doc)
  return v
}

export { chinaAt }

export interface ShiftSpec {
  openid: string
  name?: string
  /** [in, out] as HH:mm on the slot's day (out omitted: still checked in). */
  pairs?: [string, string?][]
  status?: ShiftEntry['status']
  inBy?: CheckPair['inBy']
  flagged?: string
}

/** A slot of yesterday 09:00–11:00 (credit 120 min unless given) in `communityId` with the shifts given, checked out by default. */
export async function stageSlot(h: Harness, communityId: string, shifts: ShiftSpec[], over: { creditMinutes?: number; day?: string; title?: string } = {}): Promise<SlotDoc> {
  const day = over.day ?? inDays(-1)
  const now = new Date(testNow())
  const slot = daySlot(
    `slot-${newOpenid()}`,
    day,
    shifts.map((s) => pairsShift(day, { ...s, name: s.name ?? '志愿者', pairs: s.pairs ?? [['08:50', '11:10']], signedUpAt: now })),
    { projectId: 'proj-test', communityId, title: over.title ?? '社区环境清洁', creditMinutes: over.creditMinutes ?? 120, createdAt: now, updatedAt: now },
  )
  slot.tallied = slotTallies(slot) // part D: as the counters count it once reconciled (a staged, not a new, slot)
  await h.insert('vol_slots', slot)
  return slot
}

/** The sum of a volunteer's ledger entries, split as the summary keeps it. */
export async function ledgerSums(h: Harness, openid: string): Promise<{ live: number; backfill: number; entries: number }> {
  const rows = await h.find('vol_ledger', { openid })
  return {
    live: rows.filter((r) => r.source !== 'backfill').reduce((n, r) => n + r.minutes, 0),
    backfill: rows.filter((r) => r.source === 'backfill').reduce((n, r) => n + r.minutes, 0),
    entries: rows.length,
  }
}

/** A volunteer's summary document (or null). */
export async function summaryOf(h: Harness, openid: string): Promise<any> {
  return (await h.find('vol_summaries', { _id: openid }))[0] ?? null
}
