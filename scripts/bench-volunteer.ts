// npm run bench, the volunteer service (issue 10): 2,000 volunteers, 500 slots and 50,000 ledger entries (with
// summaries consistent with them) written straight into the store, then p50/p95 and the database requests of
// sign-up, check-in (code), my record's first page, my totals and a bulk confirm of a slot's 30 shifts.
// Knob: BENCH_VOLUNTEERS (2000; 0 skips the section). Slots and entries scale with it: one slot per 4 volunteers and
// 25 entries per volunteer, i.e. 500 slots and 50,000 entries at 2,000.
import type { Emulator } from '../cloud/emulator'
import type { LedgerEntryDoc, ShiftEntry, SlotDoc, SummaryDoc } from '../cloud/domain/volunteer/model'
import type { UserDoc } from '../cloud/lib/model'
import { addDays, chinaDay, chinaInstant, nowMs } from '../cloud/lib/dates'
import { PRIVACY_VERSION } from '../src/contracts/user'
import { SERVICE_TYPES } from '../src/contracts/volunteer/rules'
import { withStatsFields } from '../cloud/domain/volunteer/statsItems'

const MIN = 60_000
const DAY = 86_400_000
/** The slots of each kind: upcoming (sign-up), on now (check-in), ended with 30 checked-out shifts (bulk confirm). */
const NOW_SLOTS = 100
const PAST_SLOTS = 100
const PAST_SHIFTS = 30
const NOW_SHIFTS = 10
const PLACE = { name: '军门社区文化广场', lat: 26.0872, lng: 119.3015, radiusM: 200 }

/** The i-th seeded volunteer (1-based). */
export const volunteerId = (i: number) => `vbench-${String(i).padStart(5, '0')}`
const slotId = (kind: string, i: number) => `vbench-${kind}-${String(i).padStart(4, '0')}`
const hhmm = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(11, 16)

/** What the seed made, for the bench's steps to address. */
export interface VolunteerSeed {
  volunteers: number
  /** Upcoming slots with room (sign-up). */
  upcoming: string[]
  /** Slots on now (check-in opens 30 min before the start): slot id and the volunteers signed up, in shift order. */
  onNow: { id: string; openids: string[] }[]
  /** Ended slots with PAST_SHIFTS checked-out shifts each (bulk confirm). */
  ended: string[]
  entries: number
}

function slot(id: string, startMs: number, lengthMin: number, headcount: number, shifts: ShiftEntry[], i: number): SlotDoc {
  const at = new Date(startMs - 14 * DAY)
  return {
    _id: id,
    projectId: 'vbench-project',
    communityId: 'junmen',
    title: `压测班次 ${i}`,
    serviceType: SERVICE_TYPES[i % SERVICE_TYPES.length],
    place: PLACE,
    requirements: { trainingTags: [], insuranceRequired: false },
    date: chinaDay(new Date(startMs)),
    startTime: hhmm(startMs),
    endTime: hhmm(startMs + lengthMin * MIN),
    startAt: new Date(startMs),
    endAt: new Date(startMs + lengthMin * MIN),
    headcount,
    taken: shifts.length,
    creditMinutes: lengthMin,
    signupCutoffAt: new Date(startMs - 60 * MIN),
    status: 'published',
    shifts,
    volunteerOpenids: shifts.map((s) => s.openid),
    keys: [`slot:${id}`, ...shifts.map((s) => s.openid)],
    createdBy: 'demo-staff',
    createdAt: at,
    updatedAt: at,
  }
}

function shift(openid: string, name: string, signedUpAt: Date, over: Partial<ShiftEntry> = {}): ShiftEntry {
  return { openid, name, status: 'signed_up', signedUpAt, insuranceAck: true, pairs: [], usedCodes: [], requestIds: [], ...over }
}

/**
 * Writes the volunteers (approved, of 军门社区), the slots and the ledger with its summaries straight into the store.
 * Volunteers 1..n/2 hold no upcoming shift (they sign up); the upper half are signed up on the slots on now.
 */
export function seedVolunteerBench(emu: Emulator, volunteers: number): VolunteerSeed {
  const store = emu.core.store
  const now = nowMs()
  const at = new Date(now - 400 * DAY)
  const name = (i: number) => `志愿者${i}`
  const users: UserDoc[] = Array.from({ length: volunteers }, (_, k) => {
    const i = k + 1
    return {
      _id: volunteerId(i),
      nickname: `压测志愿者${i}`,
      communityId: 'junmen',
      privacyVersion: PRIVACY_VERSION,
      privacyAgreedAt: at,
      volunteerStatus: 'approved',
      volunteer: {
        realName: name(i),
        birthDate: '1980-05-01',
        trainingTags: [],
        number: `JM-B${String(i).padStart(5, '0')}`,
        approvedAt: at,
        phone: `137${String(10_000_000 + i).slice(-8)}`,
      },
      staffCommunityIds: [],
      createdAt: at,
      updatedAt: at,
    }
  })
  store.write(users.map((doc) => ({ coll: 'users', id: doc._id, doc })))

  const slots = Math.round(volunteers / 4)
  const upcomingCount = Math.max(1, slots - NOW_SLOTS - PAST_SLOTS)
  const signedUpAt = new Date(now - DAY)
  const half = Math.floor(volunteers / 2)
  const docs: SlotDoc[] = []
  const upcoming: string[] = []
  for (let i = 0; i < upcomingCount; i++) {
    const start = chinaInstant(addDays(chinaDay(), 2 + (i % 28)), `${String(8 + (i % 10)).padStart(2, '0')}:00`).getTime()
    // A few places taken by volunteers of the upper half (upcoming, on other days than their slot on now).
    const taken = Array.from({ length: i % 5 }, (_, k) => volunteerId(half + 1 + ((i * 5 + k) % (volunteers - half))))
    docs.push(
      slot(
        slotId('up', i),
        start,
        120,
        20,
        [...new Set(taken)].map((o) => shift(o, '志愿者', signedUpAt)),
        i,
      ),
    )
    upcoming.push(docs[docs.length - 1]._id)
  }
  const onNow: VolunteerSeed['onNow'] = []
  for (let i = 0; i < NOW_SLOTS; i++) {
    const openids = Array.from({ length: NOW_SHIFTS }, (_, k) => volunteerId(half + 1 + ((i * NOW_SHIFTS + k) % (volunteers - half))))
    const unique = [...new Set(openids)]
    docs.push(
      slot(
        slotId('now', i),
        now + 10 * MIN,
        120,
        20,
        unique.map((o) => shift(o, '志愿者', signedUpAt)),
        i,
      ),
    )
    onNow.push({ id: docs[docs.length - 1]._id, openids: unique })
  }
  const ended: string[] = []
  for (let i = 0; i < PAST_SLOTS; i++) {
    const start = chinaInstant(addDays(chinaDay(), -1 - (i % 20)), '09:00').getTime()
    const openids = [...new Set(Array.from({ length: PAST_SHIFTS }, (_, k) => volunteerId(1 + ((i * PAST_SHIFTS + k) % volunteers))))]
    const shifts = openids.map((o) =>
      shift(o, '志愿者', new Date(start - DAY), {
        status: 'checked_out',
        pairs: [{ inAt: new Date(start - 5 * MIN), inBy: 'code', outAt: new Date(start + 125 * MIN), outBy: 'code' }],
      }),
    )
    docs.push(slot(slotId('past', i), start, 120, PAST_SHIFTS, shifts, i))
    ended.push(docs[docs.length - 1]._id)
  }
  store.write(docs.map((doc) => ({ coll: 'vol_slots', id: doc._id, doc })))

  // The ledger: 25 entries per volunteer over two years, one in ten a 补录; the summaries are their sums.
  const total = volunteers * 25
  const confirmedAt = new Date(now - DAY)
  // The summaries as the ledger's transaction keeps them (cloud/domain/volunteer/ledger/common.ts addToSummary, not
  // imported: it pulls the SDK into this script): 补录 apart, per China year.
  const sums = new Map<string, SummaryDoc>()
  const byVolunteer = new Map<string, LedgerEntryDoc[]>()
  let batch: LedgerEntryDoc[] = []
  const flush = () => {
    store.write(batch.map((doc) => ({ coll: 'vol_ledger', id: doc._id, doc })))
    batch = []
  }
  for (let n = 0; n < total; n++) {
    const i = 1 + (n % volunteers)
    const type = SERVICE_TYPES[n % SERVICE_TYPES.length]
    const e: LedgerEntryDoc = {
      _id: `vbench-entry-${n}`,
      openid: volunteerId(i),
      volunteerName: name(i),
      volunteerNo: `JM-B${String(i).padStart(5, '0')}`,
      communityId: 'junmen',
      organiser: '军门社区',
      source: n % 10 === 0 ? 'backfill' : 'live',
      serviceDate: addDays(chinaDay(), -2 - (n % 730)),
      startTime: '09:00',
      endTime: '11:00',
      place: PLACE.name,
      serviceType: type,
      content: `${type}：压测班次`,
      minutes: 60 + (n % 61),
      confirmedBy: 'demo-staff',
      confirmedByName: '郑社工',
      confirmedAt,
      requestId: `vbench-${n}`,
    }
    batch.push(e)
    const sum = sums.get(e.openid) ?? { _id: e.openid, liveMinutes: 0, backfillMinutes: 0, byYear: {}, backfillByYear: {}, entries: 0, updatedAt: confirmedAt }
    const year = e.serviceDate.slice(0, 4)
    const byYear = e.source === 'backfill' ? sum.backfillByYear! : sum.byYear
    if (e.source === 'backfill') sum.backfillMinutes += e.minutes
    else sum.liveMinutes += e.minutes
    byYear[year] = (byYear[year] ?? 0) + e.minutes
    sum.entries++
    sums.set(e.openid, sum)
    byVolunteer.set(e.openid, [...(byVolunteer.get(e.openid) ?? []), e])
    if (batch.length === 5000) flush()
  }
  if (batch.length) flush()
  // Each summary queues its entries for the monthly statistics, as the ledger's transaction does (statsItems.ts).
  store.write([...sums.values()].map((doc) => ({ coll: 'vol_summaries', id: doc._id, doc: withStatsFields(doc, null, byVolunteer.get(doc._id) ?? []) })))
  return { volunteers, upcoming, onNow, ended, entries: total }
}
