/**
 * Demo data of the 4 o'clock school (issue 11) for `npm start`: 军门社区's station with this term's 先到先得 session
 * running now (full, two on the waitlist, a place just offered to 林阿姨's family), its attendance since the term
 * began and today's, a 摇号 session whose window is open with one family entered, the guardians' consents and
 * children (pick-up codes stored as the guardian's handlers store them: plain, shown to the guardian only), and
 * 陈志远 assigned to the station. Every time is relative to the one clock (`now`).
 *
 * The derived fields are what the handlers would have left: `held` and `waiting` from the entries (the domain's
 * own `holding`), `rev` counting the writes, `offerDue` the offer's expiry, and `untallied` set so the first run of
 * the tally job counts the offer and the priority claim for the workbench (as the volunteer demo does).
 */
import { CHILD_POLICY_VERSION, DEFAULT_DAY_END, DEFAULT_DAY_START, OFFER_HOURS, dayKey, notSessionDay } from '../../../src/contracts/school/rules'
import { newFamilyId, snapshotOf } from '../../domain/school/children/doc'
import { holding } from '../../domain/school/enrolment/doc'
import type { AttendanceRecord, ChildDoc, ConsentDoc, EnrolmentEntry, LotteryEntry, SessionDoc } from '../../domain/school/model'
import { tallyToken } from '../../lib/counters'
import { addDays, chinaDay, chinaInstant, DAY_MS } from '../../lib/dates'
import { SCHOOL_FAMILIES, type ChildSpec, type SchoolFamily } from './schoolFamilies'

const HOUR_MS = 3600_000
const STAFF = 'demo-staff'
const VOLUNTEER = 'demo-volunteer'

export interface SchoolDemo {
  consents: ConsentDoc[]
  children: ChildDoc[]
  sessions: SessionDoc[]
  /** The `school` field of existing demo users: 林阿姨's family, 陈志远's station. */
  users: { openid: string; school: { familyId?: string; stations?: string[] } }[]
}

/** A child's document as addChild and savePickupAdult leave it: added 10 minutes after the guardian consented. */
function childDoc(spec: ChildSpec, family: SchoolFamily, consent: ConsentDoc, today: string): ChildDoc {
  const { guardian, phone } = family
  const createdAt = new Date(consent.at.getTime() + 10 * 60_000)
  return {
    _id: spec.id,
    familyId: newFamilyId(guardian),
    guardianOpenids: [guardian],
    name: spec.name,
    gender: spec.gender,
    birthDate: addDays(today, -Math.round(spec.years * 365.25)),
    school: '鼓楼第一中心小学',
    grade: spec.grade,
    ...(spec.healthNote ? { healthNote: spec.healthNote } : {}),
    guardianPhone: phone,
    pickups: spec.adults.map((a) => ({ ...a, codeAt: new Date(createdAt.getTime() + HOUR_MS) })),
    consent: { version: consent.version, at: consent.at, by: guardian },
    status: 'active',
    createdAt,
    updatedAt: new Date(createdAt.getTime() + HOUR_MS),
    requestId: `seed-${spec.id}`,
  }
}

/** A child's entry as enrol / enterLottery push it. */
function entryOf(c: ChildDoc, status: EnrolmentEntry['status'], at: Date): EnrolmentEntry {
  return { childId: c._id, familyId: c.familyId, status, at, by: c.guardianOpenids[0], child: snapshotOf(c), requestId: `seed-enrol-${c._id}`, subscribed: true }
}

/** Writes one record stands for: a leave, an arrival, a departure (each is one update of the session). */
function writesOf(r: AttendanceRecord): number {
  return (r.leave ? 1 : 0) + (r.arrivedAt ? 1 : 0) + (r.pickedUpAt || r.release ? 1 : 0)
}

/** An ordinary day: arrived a few minutes after the start, picked up before the end by one of the adults. */
function attended(c: ChildDoc, day: string, n: number): AttendanceRecord {
  const adult = c.pickups[n % c.pickups.length]
  return {
    arrivedAt: chinaInstant(day, `16:0${n % 6}`),
    arrivedBy: n % 3 === 0 ? VOLUNTEER : STAFF,
    pickedUpAt: chinaInstant(day, `17:${40 + ((n * 7) % 20)}`),
    pickedUpBy: { adultId: adult.id, name: adult.name, relation: adult.relation },
    outBy: STAFF,
  }
}

/** Leave a guardian reported the evening before. */
function leave(c: ChildDoc, day: string, reason: string): AttendanceRecord {
  return { leave: { by: c.guardianOpenids[0], role: 'guardian', at: chinaInstant(addDays(day, -1), '20:30'), reason } }
}

type Term = Pick<SessionDoc, 'status' | 'termStart' | 'termEnd' | 'weekdays' | 'cancelledDays' | 'startTime'>

/**
 * The term's attendance up to now: every past session day of the enrolled children (one leave, one no-show and one
 * release by staff among them), and today's when today is a session day (one on leave, one arrived once begun).
 */
function attendance(term: Term, [yu, wang, li]: ChildDoc[], today: string, now: number): Record<string, Record<string, AttendanceRecord>> {
  const days: Record<string, Record<string, AttendanceRecord>> = {}
  const past: string[] = []
  for (let d = term.termStart; d < today; d = addDays(d, 1)) if (!notSessionDay(term, d)) past.push(d)
  past.forEach((d, n) => {
    const back = past.length - n
    const day: Record<string, AttendanceRecord> = { [li._id]: attended(li, d, n + 2) }
    day[yu._id] = back === 3 ? leave(yu, d, '去医院复查') : attended(yu, d, n)
    if (back === 2) {
      const { pickedUpAt: _at, pickedUpBy: _by, ...arrived } = attended(wang, d, n + 1)
      day[wang._id] = { ...arrived, release: { staffOpenid: STAFF, staffName: '郑社工', reason: '接送码连续输错已锁定，电话联系妈妈确认后放行', at: chinaInstant(d, '17:50') } }
    } else if (back !== 5) day[wang._id] = attended(wang, d, n + 1)
    days[dayKey(d)] = day
  })
  if (!notSessionDay(term, today)) {
    const start = chinaInstant(today, term.startTime).getTime()
    const day: Record<string, AttendanceRecord> = { [wang._id]: leave(wang, today, '发烧，在家休息') }
    if (now >= start) day[yu._id] = { arrivedAt: new Date(Math.min(now, start + 5 * 60_000)), arrivedBy: STAFF }
    days[dayKey(today)] = day
  }
  return days
}

/** The latest instant a record was written at. */
function lastWrite(days: SessionDoc['days']): number {
  let t = 0
  for (const day of Object.values(days)) for (const r of Object.values(day)) for (const at of [r.leave?.at, r.arrivedAt, r.pickedUpAt, r.release?.at]) if (at) t = Math.max(t, at.getTime())
  return t
}

/** The session fields every session of the station shares. */
function session(id: string, over: Omit<SessionDoc, '_id' | 'communityId' | 'status' | 'startTime' | 'endTime' | 'weekdays' | 'held' | 'waiting' | 'untallied' | 'createdBy'>): SessionDoc {
  const entries = over.entries
  return {
    _id: id,
    communityId: 'junmen',
    weekdays: [1, 2, 3, 4, 5],
    startTime: DEFAULT_DAY_START,
    endTime: DEFAULT_DAY_END,
    status: 'open',
    ...over,
    held: holding(entries),
    waiting: over.mode === 'lottery' ? (over.lottery?.entries.length ?? 0) : entries.filter((e) => e.status === 'waitlisted').length,
    untallied: tallyToken(),
    createdBy: STAFF,
  }
}

/**
 * This term's 先到先得 session (grades 1–3, Mon–Fri 16:00–18:00, 3 places): 林小宇, 王梓涵 and 李一诺 enrolled when
 * the window opened, then 林小悦, 赵子墨 and 周欣怡 waitlisted; three hours ago 李一诺's family gave the place back
 * and it was offered to the first on the waitlist (林小悦) in the same update.
 */
function termSession(kids: Record<string, ChildDoc>, today: string, now: number): SessionDoc {
  const termStart = addDays(today, -35)
  const opensAt = chinaInstant(addDays(termStart, -14), '09:00')
  const at = (minutes: number) => new Date(opensAt.getTime() + minutes * 60_000)
  const cancelAt = new Date(now - 3 * HOUR_MS)
  const entries: EnrolmentEntry[] = [
    entryOf(kids['demo-child-yu'], 'enrolled', at(3)),
    entryOf(kids['demo-child-wang'], 'enrolled', at(8)),
    { ...entryOf(kids['demo-child-li'], 'cancelled', at(15)), changedBy: kids['demo-child-li'].guardianOpenids[0], changedAt: cancelAt, requestId: 'seed-cancel-demo-child-li' },
    {
      ...entryOf(kids['demo-child-yue'], 'offered', at(26 * 60)),
      offer: { at: cancelAt, expiresAt: new Date(cancelAt.getTime() + OFFER_HOURS * HOUR_MS) },
      changedAt: cancelAt,
      subscribed: false,
    },
    entryOf(kids['demo-child-zhao'], 'waitlisted', at(30 * 60)),
    entryOf(kids['demo-child-zhou'], 'waitlisted', at(50 * 60)),
  ]
  const term: Term = { status: 'open', termStart, termEnd: addDays(today, 56), weekdays: [1, 2, 3, 4, 5], cancelledDays: [], startTime: DEFAULT_DAY_START }
  const days = attendance(term, [kids['demo-child-yu'], kids['demo-child-wang'], kids['demo-child-li']], today, now)
  const records = Object.values(days).flatMap((d) => Object.values(d))
  return session('demo-sch-term', {
    ...term,
    name: '本学期 四点钟学校（一至三年级）',
    capacity: 3,
    grades: { min: 1, max: 3 },
    opensAt,
    closesAt: chinaInstant(addDays(today, 14), '18:00'),
    mode: 'first_come',
    priorityGroups: [],
    activities: ['作业辅导', '阅读', '体育游戏'],
    notes: '放学后由学校老师送到站点；请给孩子带水杯。',
    entries,
    days,
    offerDue: entries[3].offer!.expiresAt,
    // Six enrolments, the cancellation that offered the place, and one write per leave, arrival and departure.
    rev: entries.length + 1 + records.reduce((n, r) => n + writesOf(r), 0),
    createdAt: new Date(opensAt.getTime() - DAY_MS),
    updatedAt: new Date(Math.max(cancelAt.getTime(), lastWrite(days))),
  })
}

/** Next term's 摇号 session (grades 4–6, 20 places): the window opened 3 days ago; 黄俊杰's family entered, claiming a priority. */
function lotterySession(huang: ChildDoc, today: string, now: number): SessionDoc {
  const opensAt = chinaInstant(addDays(today, -3), '09:00')
  const enteredAt = new Date(now - DAY_MS)
  const entry: LotteryEntry = {
    familyId: huang.familyId,
    childIds: [huang._id],
    by: huang.guardianOpenids[0],
    at: enteredAt,
    claim: 'gig_worker',
    no: 1,
    requestId: `seed-enrol-${huang._id}`,
  }
  return session('demo-sch-lottery', {
    name: '下学期 四点钟学校（四至六年级·摇号）',
    termStart: addDays(today, 28),
    termEnd: addDays(today, 140),
    capacity: 20,
    grades: { min: 4, max: 6 },
    opensAt,
    closesAt: chinaInstant(addDays(today, 10), '18:00'),
    mode: 'lottery',
    priorityGroups: ['left_behind', 'low_income', 'gig_worker'],
    activities: ['作业辅导', '科普', '心理关爱'],
    notes: '报名截止后按公布的号码摇号，结果在本页公示。',
    lottery: { announcedNumber: '8273', entries: [entry] },
    entries: [entryOf(huang, 'lottery_entered', enteredAt)],
    cancelledDays: [],
    days: {},
    rev: 1,
    createdAt: new Date(opensAt.getTime() - DAY_MS),
    updatedAt: enteredAt,
  })
}

/** The 4 o'clock school's demo documents at `now`. */
export function schoolDemo(now: number): SchoolDemo {
  const today = chinaDay(now)
  const consentAt = chinaInstant(addDays(today, -60), '20:00')
  const consents: ConsentDoc[] = SCHOOL_FAMILIES.map((f, i) => ({
    _id: `${f.guardian}_${CHILD_POLICY_VERSION}`,
    openid: f.guardian,
    version: CHILD_POLICY_VERSION,
    at: new Date(consentAt.getTime() + i * HOUR_MS),
  }))
  const children = SCHOOL_FAMILIES.flatMap((family, i) => family.children.map((spec) => childDoc(spec, family, consents[i], today)))
  const kids = Object.fromEntries(children.map((c) => [c._id, c]))
  return {
    consents,
    children,
    sessions: [termSession(kids, today, now), lotterySession(kids['demo-child-huang'], today, now)],
    users: [
      { openid: 'demo-resident', school: { familyId: newFamilyId('demo-resident') } },
      { openid: VOLUNTEER, school: { stations: ['junmen'] } },
    ],
  }
}
