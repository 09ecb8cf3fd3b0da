/**
 * Demo data of the volunteer service (issue 10) for `npm start`: two projects of 军门社区, a slot open for check-in
 * now, slots this week, yesterday's slot with checked-out shifts waiting for confirmation, and an earlier one
 * confirmed into the ledger; the demo volunteers' record fields, ledger entries and a summary that is their sum.
 * Every time is relative to the one clock (`now`).
 */
import type { UserDoc } from '../../lib/model'
import type { LedgerEntryDoc, ProjectDoc, ShiftEntry, SlotDoc, SummaryDoc } from '../../domain/volunteer/model'
import { withStatsFields } from '../../domain/volunteer/statsItems'
import { addDays, chinaDay, chinaInstant, chinaTime, DAY_MS } from '../../lib/dates'

const MIN = 60_000

const PLACE_SQUARE = { name: '军门社区文化广场', lat: 26.0872, lng: 119.3015, radiusM: 200 }
const PLACE_HALL = { name: '军门社区党群服务中心', lat: 26.0861, lng: 119.3029, radiusM: 200 }

/** The demo volunteers' record fields (users.volunteer), as approval and the numbering job would leave them. */
const RECORDS: Record<string, { realName: string; birthDate: string; phone: string; number: string; trainingTags: string[] }> = {
  'demo-volunteer': { realName: '陈志远', birthDate: '1962-05-18', phone: '13800138001', number: '00100001', trainingTags: ['急救培训'] },
  'demo-volunteer-2': { realName: '黄志强', birthDate: '1984-09-02', phone: '13800138003', number: '00100002', trainingTags: [] },
}

/** The demo volunteers' user documents with their record fields (replacing the plain ones). */
export function demoVolunteerUsers(users: readonly UserDoc[], now: number): UserDoc[] {
  return users
    .filter((u) => RECORDS[u._id])
    .map((u) => {
      const { phone, ...rec } = RECORDS[u._id]
      return { ...u, volunteer: { ...rec, phone, approvedAt: new Date(now - 20 * DAY_MS) } }
    })
}

function project(id: string, title: string, description: string, serviceType: ProjectDoc['serviceType'], place: ProjectDoc['place'], now: number): ProjectDoc {
  const created = new Date(now - 14 * DAY_MS)
  return {
    _id: id,
    communityId: 'junmen',
    title,
    description,
    serviceType,
    place,
    requirements: { trainingTags: [], insuranceRequired: serviceType === '助老助残' },
    contactName: '郑社工',
    contactPhone: '059187654321',
    status: 'active',
    createdBy: 'demo-staff',
    createdAt: created,
    updatedAt: created,
  }
}

function shift(openid: string, status: ShiftEntry['status'], signedUpAt: Date, pairs: ShiftEntry['pairs'] = [], over: Partial<ShiftEntry> = {}): ShiftEntry {
  const rec = RECORDS[openid]
  return { openid, name: rec.realName, phone: rec.phone, status, signedUpAt, insuranceAck: true, pairs, usedCodes: [], requestIds: [], subscribed: true, ...over }
}

function slot(id: string, p: ProjectDoc, startMs: number, endMs: number, headcount: number, shifts: ShiftEntry[], now: number): SlotDoc {
  const holding = shifts.filter((s) => s.status !== 'cancelled')
  const created = new Date(Math.min(now, startMs) - 7 * DAY_MS)
  return {
    _id: id,
    projectId: p._id,
    communityId: p.communityId,
    title: p.title,
    serviceType: p.serviceType,
    place: p.place,
    requirements: p.requirements,
    date: chinaDay(startMs),
    startTime: chinaTime(startMs),
    endTime: chinaTime(endMs),
    startAt: new Date(startMs),
    endAt: new Date(endMs),
    headcount,
    taken: holding.length,
    creditMinutes: Math.round((endMs - startMs) / MIN),
    signupCutoffAt: new Date(startMs - 60 * MIN),
    status: 'published',
    shifts,
    volunteerOpenids: holding.map((s) => s.openid),
    keys: [`slot:${id}`, ...holding.map((s) => s.openid)],
    openPairs: shifts.filter((s) => s.pairs.some((x) => !x.outAt)).length,
    createdBy: 'demo-staff',
    createdAt: created,
    updatedAt: created,
  }
}

function entry(id: string, s: SlotDoc, openid: string, minutes: number, confirmedAt: Date, over: Partial<LedgerEntryDoc> = {}): LedgerEntryDoc {
  const rec = RECORDS[openid]
  return {
    _id: id,
    openid,
    volunteerName: rec.realName,
    volunteerNo: rec.number,
    communityId: 'junmen',
    organiser: '军门社区',
    source: 'live',
    slotId: s._id,
    projectId: s.projectId,
    serviceDate: s.date,
    startTime: s.startTime,
    endTime: s.endTime,
    place: s.place.name,
    serviceType: s.serviceType,
    content: `${s.serviceType}：${s.title}`,
    minutes,
    confirmedBy: 'demo-staff',
    confirmedByName: '郑社工',
    confirmedAt,
    requestId: `seed-${id}`,
    ...over,
  }
}

/** A 补录 entry made from `e`: service done off the app, with a reason and an evidence note, on `day`. */
function backfill(e: LedgerEntryDoc, day: string): LedgerEntryDoc {
  const { slotId: _s, projectId: _p, ...rest } = e
  return {
    ...rest,
    source: 'backfill',
    serviceDate: day,
    startTime: '14:00',
    endTime: '15:30',
    place: '军门社区党群服务中心',
    serviceType: '文明实践',
    content: '文明实践：社区消防安全宣传（线下）',
    reason: '线下活动，未在平台签到',
    evidence: '活动签到表第 3 页',
  }
}

/**
 * The summary of `entries` as the ledger keeps it (cloud/domain/volunteer/ledger/common.ts addToSummary, not imported:
 * the domain pulls in wx-server-sdk, which the emulator's own process does not load): 补录 apart, per China year.
 */
function summaryOf(openid: string, entries: readonly LedgerEntryDoc[], at: Date): SummaryDoc {
  const sum: SummaryDoc = { _id: openid, liveMinutes: 0, backfillMinutes: 0, byYear: {}, backfillByYear: {}, entries: 0, updatedAt: at }
  for (const e of entries) {
    const year = e.serviceDate.slice(0, 4)
    const backfill = e.source === 'backfill'
    const byYear = backfill ? sum.backfillByYear! : sum.byYear
    if (backfill) sum.backfillMinutes += e.minutes
    else sum.liveMinutes += e.minutes
    byYear[year] = (byYear[year] ?? 0) + e.minutes
    sum.entries++
  }
  // Queued for the monthly statistics as the ledger queues each entry (statsItems.ts: no SDK), so the statistics
  // job counts the demo's entries at its first run.
  return withStatsFields(sum, null, entries)
}

export interface VolunteerDemo {
  projects: ProjectDoc[]
  slots: SlotDoc[]
  ledger: LedgerEntryDoc[]
  summaries: SummaryDoc[]
}

/** The volunteer service's demo documents at `now`. */
export function volunteerDemo(now: number): VolunteerDemo {
  const today = chinaDay(now)
  const clean = project('demo-proj-clean', '社区环境清洁', '清理广场、楼道和绿化带的垃圾，做好垃圾分类引导。', '环境保护', PLACE_SQUARE, now)
  const elder = project('demo-proj-elder', '独居老人探访', '上门陪伴独居老人聊天，检查水电燃气安全。', '助老助残', PLACE_HALL, now)
  const signed = (days: number) => new Date(now - days * DAY_MS)

  // Open for check-in now: started up to 20 minutes ago (not before today's midnight), two hours long.
  const nowStart = Math.max(now - 20 * MIN, chinaInstant(today, '00:00').getTime())
  const nowEnd = Math.min(nowStart + 120 * MIN, chinaInstant(today, '23:59').getTime())
  const slotNow = slot(
    'demo-slot-now',
    clean,
    Math.floor(nowStart / MIN) * MIN,
    Math.floor(nowEnd / MIN) * MIN,
    10,
    [shift('demo-volunteer', 'signed_up', signed(2)), shift('demo-volunteer-2', 'signed_up', signed(1))],
    now,
  )

  // This week: two slots ahead, the demo volunteer signed up to the first.
  const d2 = addDays(today, 2)
  const d5 = addDays(today, 5)
  const week1 = slot('demo-slot-week-1', elder, chinaInstant(d2, '09:00').getTime(), chinaInstant(d2, '11:00').getTime(), 6, [shift('demo-volunteer', 'signed_up', signed(1))], now)
  const week2 = slot('demo-slot-week-2', clean, chinaInstant(d5, '15:00').getTime(), chinaInstant(d5, '17:00').getTime(), 12, [], now)

  // Yesterday: both volunteers checked out, waiting for staff confirmation.
  const y = addDays(today, -1)
  const pair = (day: string, i: string, o: string) => ({ inAt: chinaInstant(day, i), inBy: 'code' as const, outAt: chinaInstant(day, o), outBy: 'code' as const })
  const past = slot(
    'demo-slot-past',
    clean,
    chinaInstant(y, '09:00').getTime(),
    chinaInstant(y, '11:00').getTime(),
    10,
    [shift('demo-volunteer', 'checked_out', signed(5), [pair(y, '08:52', '11:05')]), shift('demo-volunteer-2', 'checked_out', signed(4), [pair(y, '09:10', '10:58')])],
    now,
  )

  // Ten days ago: confirmed into the ledger.
  const d10 = addDays(today, -10)
  const doneAt = new Date(chinaInstant(d10, '11:00').getTime() + DAY_MS)
  const done = slot(
    'demo-slot-done',
    elder,
    chinaInstant(d10, '09:00').getTime(),
    chinaInstant(d10, '11:00').getTime(),
    6,
    [shift('demo-volunteer', 'confirmed', signed(14), [pair(d10, '08:55', '11:02')], { minutes: 120, ledgerEntryId: 'demo-entry-1', decidedBy: 'demo-staff', decidedAt: doneAt })],
    now,
  )

  const ledger: LedgerEntryDoc[] = [
    entry('demo-entry-1', done, 'demo-volunteer', 120, doneAt),
    backfill(entry('demo-entry-2', done, 'demo-volunteer', 90, new Date(now - 30 * DAY_MS)), addDays(today, -40)),
  ]
  const summaries = [summaryOf('demo-volunteer', ledger, new Date(now - DAY_MS))]
  return { projects: [clean, elder], slots: [slotNow, week1, week2, past, done], ledger, summaries }
}
