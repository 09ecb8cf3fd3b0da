// npm run bench, the 4 o'clock school (issue 11): the 8 demo communities' stations, 40 sessions of 40 places and
// 5,000 children with their guardians, consents and pick-up adults, written straight into the store as the handlers
// write them (cloud/domain/school/model.ts), for the bench's enrol, roster, check-in, check-out, family's view and
// 摇号 draw. Knob: BENCH_CHILDREN (5000; 0 skips the section).
//
// Each station runs 5 sessions of 40 places:
// - 4 in term now (term began 5 weeks ago), full with a waitlist and 5 weeks of attendance: 先到先得 grades 1–3 with
//   its window still open (a late enrolment joins the waitlist), 先到先得 grades 4–6, and two 摇号 already drawn;
// - 1 for next term, grades 1–3: 先到先得 with its window open and half its places taken (an enrolment takes a
//   place), except at the first station, a 摇号 whose window closed an hour ago with ~100 family entries to draw.
// One family in 4 has two children (siblings enter together); one family in 12 has just joined and holds no entry
// (the bench enrols them). Guardians, staff and volunteers get user documents; every id is derived as the handlers
// derive it (derivedId, newFamilyId), so the data reads like the app wrote it.
import type { Emulator } from '../cloud/emulator'
import { COMMUNITIES } from '../cloud/emulator/seed/communities'
import { newFamilyId, snapshotOf } from '../cloud/domain/school/children/doc'
import { allocate, drawOrder, lotterySeed } from '../cloud/domain/school/enrolment/draw'
import { holding } from '../cloud/domain/school/enrolment/doc'
import { derivedId } from '../cloud/domain/school/sessions/doc'
import { sessionTallies } from '../cloud/domain/school/tallies'
import {
  SCH_CHILDREN,
  SCH_CONSENTS,
  SCH_SESSIONS,
  type AttendanceRecord,
  type ChildDoc,
  type ConsentDoc,
  type EnrolmentEntry,
  type LotteryEntry,
  type PickupAdult,
  type SessionDoc,
} from '../cloud/domain/school/model'
import type { UserDoc } from '../cloud/lib/model'
import { addDays, chinaDay, chinaInstant, nowMs } from '../cloud/lib/dates'
import { CHILD_POLICY_VERSION, dayKey, notSessionDay, type Grade, type PriorityGroup, type Weekday } from '../src/contracts/school/rules'
import { isoWeekdayOf } from '../src/contracts/weekdays'
import { PRIVACY_VERSION } from '../src/contracts/user'

const DAY = 86_400_000
const CAPACITY = 40
/** Places already taken in a next-term 先到先得 session. */
const NEXT_TAKEN = 20
/** Families entered in the 摇号 to draw. */
const DRAW_FAMILIES = 100
/** Past session days with attendance (5 weeks). */
const HISTORY_DAYS = 35
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林'
const GIVEN = ['子涵', '欣怡', '梓轩', '浩然', '雨桐', '一诺', '思远', '可馨', '俊杰', '语嫣', '宇航', '若汐']
const SCHOOLS = ['鼓楼第一中心小学', '鼓楼第二中心小学', '军门小学', '钱塘小学', '华大实验小学', '屏东小学']

/** The bench's user ids. */
const staffId = (k: number) => `schbench-staff-${k}`
const volunteerOf = (k: number) => `schbench-vol-${k}`
const guardianOf = (f: number) => `schbench-g-${String(f).padStart(5, '0')}`
const rid = (...parts: (string | number)[]) => `schbench-${parts.join('-')}`

/** A child of the seed, as the bench's steps address it. */
export interface SeededChild {
  childId: string
  guardian: string
  station: number
  /** The child's pick-up adult and code. */
  adultId: string
  code: string
}

/** What the seed made, for the bench's steps to address. */
export interface SchoolSeed {
  children: number
  families: number
  sessions: number
  /** The stations' staff and assigned volunteers, by station. */
  staff: string[]
  volunteers: string[]
  /** Sessions in term now, with their enrolled children (40 each). */
  inTerm: { id: string; station: number; enrolled: SeededChild[] }[]
  /** 先到先得 sessions in term with their window open, full: an enrolment waits. By station. */
  fullOpen: string[]
  /** Next-term 先到先得 sessions with places: id, station and places free. */
  withPlaces: { id: string; station: number; free: number }[]
  /** Children of families that just joined (grades 1–3, no entry anywhere). */
  newcomers: SeededChild[]
  /** Guardians whose children hold entries. */
  guardians: string[]
  /** The largest session document, in KB of JSON (entries and the term's attendance). */
  largestSessionKB: number
  /** The 摇号 to draw, its staff member and its entries. */
  draw: { id: string; staff: string; families: number; children: number }
}

interface Family {
  f: number
  station: number
  guardian: string
  familyId: string
  children: ChildDoc[]
}

/** A session's plan before its entries are known. */
interface Plan {
  id: string
  station: number
  kind: 'fullOpen' | 'fullClosed' | 'drawn' | 'nextPlaces' | 'toDraw'
  doc: SessionDoc
  families: Family[]
}

function userDoc(_id: string, nickname: string, communityId: string, at: Date, extra: Partial<UserDoc>): UserDoc {
  return {
    _id,
    nickname,
    communityId,
    gridId: `${communityId}-g1`,
    privacyVersion: PRIVACY_VERSION,
    privacyAgreedAt: at,
    volunteerStatus: 'none',
    staffCommunityIds: [],
    createdAt: at,
    updatedAt: at,
    ...extra,
  }
}

/** A session as saveSession makes it (then filled below). */
function sessionDoc(k: number, j: number, over: Pick<SessionDoc, 'name' | 'termStart' | 'termEnd' | 'grades' | 'opensAt' | 'closesAt' | 'mode' | 'weekdays'>, at: Date): SessionDoc {
  const c = COMMUNITIES[k]
  const requestId = rid('session', k, j)
  return {
    _id: derivedId('ss', staffId(k), requestId),
    communityId: c._id,
    ...over,
    startTime: '16:00',
    endTime: '18:00',
    capacity: CAPACITY,
    priorityGroups: over.mode === 'lottery' ? ['left_behind', 'low_income'] : ['left_behind'],
    activities: ['作业辅导', '阅读', j % 2 ? '科普' : '手工'],
    notes: '请自带水杯，17:50 前接走孩子。',
    status: 'open',
    held: 0,
    waiting: 0,
    entries: [],
    ...(over.mode === 'lottery' ? { lottery: { announcedNumber: String(1000 + 37 * (k * 5 + j)), entries: [] } } : {}),
    cancelledDays: [],
    days: {},
    rev: 0,
    createdBy: staffId(k),
    createdAt: at,
    updatedAt: at,
    requestId,
  }
}

/** The n-th child (the i-th of family f) as addChild writes it, with the pick-ups savePickupAdult adds (one in three has two). */
function childDoc(x: { f: number; i: number; n: number; guardian: string; familyId: string; band: { min: Grade; max: Grade }; consentAt: Date; today: string }): ChildDoc {
  const { f, i, n, guardian, consentAt } = x
  const requestId = rid('child', f, i)
  const grade = (x.band.min + ((f + i) % (x.band.max - x.band.min + 1))) as Grade
  const pickups = Array.from({ length: n % 3 === 0 ? 2 : 1 }, (_, a): PickupAdult => ({
    id: derivedId('pa', guardian, rid('adult', f, i, a)).slice(0, 14),
    name: `${SURNAMES[(f + a) % SURNAMES.length]}${a ? '奶奶' : '妈妈'}`,
    relation: a ? '祖母' : '母亲',
    phone: `139${String(30_000_000 + 2 * n + a).slice(-8)}`,
    code: String((n * 7919 + a * 31) % 10_000).padStart(4, '0'),
    codeAt: consentAt,
  }))
  return {
    _id: derivedId('ch', guardian, requestId),
    familyId: x.familyId,
    guardianOpenids: [guardian],
    name: `${SURNAMES[f % SURNAMES.length]}${GIVEN[(n * 5) % GIVEN.length]}`,
    gender: n % 2 ? 'female' : 'male',
    birthDate: addDays(x.today, -Math.round((5.5 + grade) * 365.25) - (n % 300)),
    school: SCHOOLS[n % SCHOOLS.length],
    grade,
    ...(n % 9 === 0 ? { healthNote: n % 2 ? '花生过敏' : '有哮喘，随身带药' } : {}),
    guardianPhone: `138${String(40_000_000 + f).slice(-8)}`,
    pickups,
    consent: { version: CHILD_POLICY_VERSION, at: consentAt, by: guardian },
    status: 'active',
    createdAt: consentAt,
    updatedAt: consentAt,
    requestId,
  }
}

/** The entry enrol / enterLottery push for a child. */
function entryOf(c: ChildDoc, status: EnrolmentEntry['status'], at: Date, n: number): EnrolmentEntry {
  return { childId: c._id, familyId: c.familyId, status, at, by: c.guardianOpenids[0], child: snapshotOf(c), requestId: rid('enrol', c._id), subscribed: n % 3 !== 0 }
}

/** A first-come session's entries in arrival order: the places, then the waitlist. */
function fillFirstCome(p: Plan, start: number): void {
  const children = p.families.flatMap((f) => f.children)
  p.doc.entries = children.map((c, i) => entryOf(c, i < p.doc.capacity ? 'enrolled' : 'waitlisted', new Date(start + i * 60_000), i))
}

/** A 摇号's family entries (some claiming a priority group: verified, rejected or not yet decided), as enterLottery writes them. */
function enterFamilies(p: Plan, start: number, decided: boolean): void {
  const claims: PriorityGroup[] = ['left_behind', 'low_income']
  p.doc.lottery!.entries = p.families.map((fam, i): LotteryEntry => {
    const claim = i % 8 === 0 ? claims[(i / 8) % 2] : undefined
    const verdict = claim ? (i % 24 === 0 ? false : i % 16 === 0 && !decided ? undefined : true) : undefined
    return {
      familyId: fam.familyId,
      childIds: fam.children.map((c) => c._id),
      by: fam.guardian,
      at: new Date(start + i * 60_000),
      no: i + 1,
      requestId: rid('lottery', fam.f),
      ...(claim ? { claim } : {}),
      ...(verdict !== undefined ? { verified: verdict, verifiedBy: staffId(p.station), verifiedAt: new Date(start + 10 * DAY) } : {}),
    }
  })
  p.doc.entries = p.families.flatMap((fam, i) => fam.children.map((c) => entryOf(c, 'lottery_entered', new Date(start + i * 60_000), i)))
}

/** The draw as drawLottery writes it (draw.ts: the seed, the order, the allocation; entries in draw order). */
function draw(p: Plan, drawnAt: Date): void {
  const lot = p.doc.lottery!
  const seed = lotterySeed(p.doc.closesAt, lot.announcedNumber)
  const ordered = drawOrder(
    seed,
    lot.entries.map((e) => ({ no: e.no, familyId: e.familyId, priority: !!e.claim && e.verified === true, children: e.childIds.length })),
  )
  const results = allocate(ordered, p.doc.capacity)
  const result = new Map(ordered.map((e, i) => [e.familyId, results[i]]))
  p.doc.entries = ordered.flatMap((f) => p.doc.entries.filter((e) => e.familyId === f.familyId).map((e) => ({ ...e, status: result.get(f.familyId)!, changedAt: drawnAt })))
  lot.draw = { announcedNumber: lot.announcedNumber, seed, drawnAt, drawnBy: staffId(p.station), order: ordered.map((e) => e.familyId), capacity: p.doc.capacity }
  p.doc.requestId = rid('draw', p.id)
}

/** Attendance of the past session days: most arrive and are picked up, a few on leave, a few absent. */
function history(p: Plan, today: string, byId: Map<string, ChildDoc>): void {
  const s = p.doc
  const enrolled = s.entries.filter((e) => e.status === 'enrolled')
  for (let d = HISTORY_DAYS; d >= 1; d--) {
    const day = addDays(today, -d)
    if (notSessionDay(s, day)) continue
    const records: Record<string, AttendanceRecord> = {}
    enrolled.forEach((e, i) => {
      const n = i + d * 7
      if (n % 29 === 0) return // absent, nothing recorded
      if (n % 17 === 0) {
        records[e.childId] = { leave: { by: e.by, role: 'guardian', at: chinaInstant(addDays(day, -1), '20:00'), reason: '身体不适' }, rids: [rid('leave', d, i)] }
        return
      }
      const adult = byId.get(e.childId)!.pickups[n % byId.get(e.childId)!.pickups.length]
      const by = n % 2 ? staffId(p.station) : volunteerOf(p.station)
      records[e.childId] = {
        arrivedAt: chinaInstant(day, `16:${String(2 + (n % 20)).padStart(2, '0')}`),
        arrivedBy: by,
        pickedUpAt: chinaInstant(day, `17:${String(40 + (n % 19)).padStart(2, '0')}`),
        pickedUpBy: { adultId: adult.id, name: adult.name, relation: adult.relation },
        outBy: by,
        rids: [rid('in', d, i), rid('out', d, i)],
      }
    })
    s.days[dayKey(day)] = records
  }
}

/** The session's counts as its handlers keep them, and its tallies as the tally job has counted them. */
function settle(p: Plan): SessionDoc {
  const s = p.doc
  s.held = holding(s.entries)
  s.waiting = s.lottery && !s.lottery.draw ? s.lottery.entries.length : s.entries.filter((e) => e.status === 'waitlisted').length
  s.rev = s.entries.length + Object.keys(s.days).length
  return { ...s, tallied: sessionTallies(s) }
}

/**
 * Writes the stations' staff and volunteers, the families (guardian user, consent, children with pick-up adults)
 * and the sessions with their entries and attendance straight into the store.
 */
export function seedSchoolBench(emu: Emulator, childCount: number): SchoolSeed {
  const store = emu.core.store
  const now = nowMs()
  const today = chinaDay()
  const at = new Date(now - 120 * DAY)
  const stations = COMMUNITIES.length
  // Mon–Fri, and today's weekday, so that today is a session day whatever day the bench runs.
  const weekdays = [...new Set<Weekday>([1, 2, 3, 4, 5, isoWeekdayOf(today)])].sort((a, b) => a - b)
  const term = { termStart: addDays(today, -HISTORY_DAYS), termEnd: addDays(today, 60), weekdays }
  const next = { termStart: addDays(today, 75), termEnd: addDays(today, 165), weekdays: [1, 2, 3, 4, 5] as Weekday[] }
  const termWindow = { opensAt: chinaInstant(addDays(today, -HISTORY_DAYS - 20), '09:00'), closesAt: chinaInstant(addDays(today, -HISTORY_DAYS - 5), '18:00') }
  const drawnAt = new Date(termWindow.closesAt.getTime() + 2 * DAY)

  const users: UserDoc[] = []
  for (let k = 0; k < stations; k++) {
    const c = COMMUNITIES[k]._id
    users.push(userDoc(staffId(k), `压测社工${k + 1}`, c, at, { staffCommunityIds: [c] }))
    users.push(
      userDoc(volunteerOf(k), `压测志愿者${k + 1}`, c, at, {
        volunteerStatus: 'approved',
        volunteer: { realName: `志愿者${k + 1}`, birthDate: '1990-03-01', trainingTags: [], number: `SB-${k + 1}`, approvedAt: at, phone: `137${String(20_000_000 + k).slice(-8)}` },
        school: { stations: [c] },
      }),
    )
  }

  // The sessions of each station (see the header).
  const plans: Plan[] = []
  for (let k = 0; k < stations; k++) {
    const plan = (kind: Plan['kind'], doc: SessionDoc) => plans.push({ id: doc._id, station: k, kind, doc, families: [] })
    const low = { min: 1, max: 3 } as { min: Grade; max: Grade }
    const high = { min: 4, max: 6 } as { min: Grade; max: Grade }
    const name = (t: string, g: string) => `${t} 四点钟学校 ${g}`
    plan(
      'fullOpen',
      sessionDoc(k, 0, { ...term, ...termWindow, closesAt: chinaInstant(addDays(term.termEnd, -7), '18:00'), name: name('2026 秋季', '一至三年级'), grades: low, mode: 'first_come' }, at),
    )
    plan('fullClosed', sessionDoc(k, 1, { ...term, ...termWindow, name: name('2026 秋季', '四至六年级'), grades: high, mode: 'first_come' }, at))
    plan('drawn', sessionDoc(k, 2, { ...term, ...termWindow, name: name('2026 秋季', '一至三年级（摇号）'), grades: low, mode: 'lottery' }, at))
    plan('drawn', sessionDoc(k, 3, { ...term, ...termWindow, name: name('2026 秋季', '四至六年级（摇号）'), grades: high, mode: 'lottery' }, at))
    const nextWindow = k === 0 ? { opensAt: new Date(now - 10 * DAY), closesAt: new Date(now - 3600_000) } : { opensAt: new Date(now - 2 * DAY), closesAt: new Date(now + 10 * DAY) }
    plan(k === 0 ? 'toDraw' : 'nextPlaces', sessionDoc(k, 4, { ...next, ...nextWindow, name: name('2027 春季', '一至三年级'), grades: low, mode: k === 0 ? 'lottery' : 'first_come' }, at))
  }
  const ofStation = (k: number) => plans.filter((p) => p.station === k)

  // The families, station by station in turn; each goes to a session of its station (or none: just joined).
  const families: Family[] = []
  const newcomers: SeededChild[] = []
  const guardians: string[] = []
  const consents: ConsentDoc[] = []
  const turn = new Array<number>(stations).fill(0)
  let made = 0
  for (let f = 0; made < childCount; f++) {
    const k = f % stations
    const guardian = guardianOf(f)
    const familyId = newFamilyId(guardian)
    const nth = Math.floor(f / stations)
    const size = Math.min(nth % 4 === 3 ? 2 : 1, childCount - made)
    const mine = ofStation(k)
    const toDraw = mine.find((p) => p.kind === 'toDraw' && p.families.length < DRAW_FAMILIES)
    const nextPlaces = mine.find((p) => p.kind === 'nextPlaces' && p.families.reduce((n, x) => n + x.children.length, 0) + size <= NEXT_TAKEN)
    const newcomer = nth % 12 === 10
    const target = newcomer ? undefined : (toDraw ?? nextPlaces ?? mine.filter((p) => p.kind === 'fullOpen' || p.kind === 'fullClosed' || p.kind === 'drawn')[turn[k]++ % 4])
    const band = target?.doc.grades ?? { min: 1, max: 3 }
    const consent: ConsentDoc = { _id: `${guardian}_${CHILD_POLICY_VERSION}`, openid: guardian, version: CHILD_POLICY_VERSION, at: new Date(at.getTime() + (f % 1000) * 60_000) }
    consents.push(consent)
    const children = Array.from({ length: size }, (_, i) => childDoc({ f, i, n: made + i, guardian, familyId, band, consentAt: consent.at, today }))
    made += size
    const fam: Family = { f, station: k, guardian, familyId, children }
    families.push(fam)
    users.push(userDoc(guardian, `家长${f}`, COMMUNITIES[k]._id, consent.at, { school: { familyId } }))
    if (target) {
      target.families.push(fam)
      guardians.push(guardian)
    } else for (const c of children) newcomers.push(seeded(c, k))
  }

  // Entries, draws and attendance, as the handlers would have left them.
  const byId = new Map(families.flatMap((fam) => fam.children.map((c) => [c._id, c] as const)))
  const termStartMs = termWindow.opensAt.getTime()
  for (const p of plans) {
    if (p.kind === 'fullOpen' || p.kind === 'fullClosed' || p.kind === 'nextPlaces') fillFirstCome(p, p.kind === 'nextPlaces' ? now - DAY : termStartMs)
    else {
      enterFamilies(p, p.kind === 'toDraw' ? now - 9 * DAY : termStartMs, p.kind === 'drawn')
      if (p.kind === 'drawn') draw(p, drawnAt)
    }
    if (p.kind !== 'nextPlaces' && p.kind !== 'toDraw') history(p, today, byId)
  }

  store.write(users.map((doc) => ({ coll: 'users', id: doc._id, doc })))
  store.write(consents.map((doc) => ({ coll: SCH_CONSENTS, id: doc._id, doc })))
  const children = [...byId.values()]
  for (let i = 0; i < children.length; i += 2000) store.write(children.slice(i, i + 2000).map((doc) => ({ coll: SCH_CHILDREN, id: doc._id, doc })))
  const sessions = plans.map(settle)
  store.write(sessions.map((doc) => ({ coll: SCH_SESSIONS, id: doc._id, doc })))

  // (A small BENCH_CHILDREN may leave a session empty: the steps address only those with children.)
  const inTerm = plans.filter((p) => p.kind !== 'nextPlaces' && p.kind !== 'toDraw' && p.doc.held > 0)
  const toDraw = plans.find((p) => p.kind === 'toDraw')!
  return {
    children: made,
    families: families.length,
    sessions: plans.length,
    largestSessionKB: Math.round(Math.max(...sessions.map((doc) => JSON.stringify(doc).length)) / 1024),
    staff: COMMUNITIES.map((_c, k) => staffId(k)),
    volunteers: COMMUNITIES.map((_c, k) => volunteerOf(k)),
    inTerm: inTerm.map((p) => ({ id: p.id, station: p.station, enrolled: p.doc.entries.filter((e) => e.status === 'enrolled').map((e) => seeded(byId.get(e.childId)!, p.station)) })),
    fullOpen: plans.filter((p) => p.kind === 'fullOpen').map((p) => p.id),
    withPlaces: plans.filter((p) => p.kind === 'nextPlaces').map((p) => ({ id: p.id, station: p.station, free: p.doc.capacity - holding(p.doc.entries) })),
    newcomers,
    guardians,
    draw: { id: toDraw.id, staff: staffId(toDraw.station), families: toDraw.families.length, children: toDraw.doc.entries.length },
  }
}

function seeded(c: ChildDoc, station: number): SeededChild {
  return { childId: c._id, guardian: c.guardianOpenids[0], station, adultId: c.pickups[0].id, code: c.pickups[0].code }
}
