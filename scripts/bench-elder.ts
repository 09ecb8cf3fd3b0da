// npm run bench, elder activities (issue 12): 8 communities, 120 activities with rules running two years (a year back,
// a year ahead; weekly, daily, monthly on the nth weekday, one-offs, and rules edited from a date: 2–3 segments),
// managed profiles (family and staff-managed) and BENCH_SIGNUPS (20,000) sign-ups on stored occurrences — past ones
// (checked in, walk-ins), today's, tomorrow's (500 subscribed, owed a reminder) and the rest of this and next week —
// written straight into the store as the handlers write them (`newOccurrenceDoc`, `occurrenceId`, `expand`). Then the
// reminder job's figures (bench.ts measures the calls).
import type { Emulator } from '../cloud/emulator'
import { COMMUNITIES } from '../cloud/emulator/seed/communities'
import { ELD_ACTIVITIES, ELD_OCCURRENCES, ELD_PROFILES, type ActivityDoc, type OccurrenceDoc, type ProfileDoc, type RuleSegment, type SignupEntry } from '../cloud/domain/elder/model'
import { expand, newOccurrenceDoc, type ComputedOccurrence } from '../cloud/domain/elder/recurrence'
import { tallyToken } from '../cloud/lib/counters'
import type { UserDoc } from '../cloud/lib/model'
import { addDays, chinaDay, chinaInstant, chinaTime, clockOffset, DAY_MS as DAY, mondayOf, nowMs, setClockOffset } from '../cloud/lib/dates'
import { REMINDER_TIME, type ActivityCategory } from '../src/contracts/elder/rules'
import { PRIVACY_VERSION } from '../src/contracts/user'

const MIN = 60_000
/**
 * Each community's elders (the seed's sign-ups use the first `signers`, the bench's calls the rest), family profiles
 * (profile j managed by elder `signers` + j; the seed's sign-ups use the first `seededFamily`) and staff-managed ones.
 */
const PER = { elders: 400, signers: 300, familyProfiles: 40, seededFamily: 20, staffProfiles: 20 } as const
/** The size case: one community with 30 activities; the other seven share the remaining 90. */
const BIG = COMMUNITIES[0]._id
const BIG_ACTIVITIES = 30
const ACTIVITIES = 120
/** Subscribed sign-ups owed a reminder tomorrow (on the daily activities that take sign-ups: ≤ 50 occurrences, one job run). */
const REMINDED = 500
/** Sign-ups a past occurrence holds at most, and those of this and next week's. */
const PAST_FILL = 25
const PLACES_KEPT = 8

/** Staff who act in each community (the demo personas; the admin elsewhere). */
const STAFF: Record<string, { openid: string; name: string }> = {
  junmen: { openid: 'demo-staff', name: '郑社工' },
  qingcheng: { openid: 'demo-staff', name: '郑社工' },
  tangmen: { openid: 'demo-staff-tangmen', name: '黄网格员' },
}
const staffOf = (c: string) => STAFF[c] ?? { openid: 'demo-admin', name: '区管理员' }

/** The i-th elder (user) of a community. */
export const elderUser = (communityId: string, i: number) => `ebench-${communityId}-${String(i).padStart(3, '0')}`
/** The family profile j of a community and the elder who manages it. */
export const familyProfile = (communityId: string, j: number) => ({ profileId: `ebench-pf-${communityId}-${j}`, manager: elderUser(communityId, PER.signers + j) })
export const staffProfile = (communityId: string, j: number) => `ebench-ps-${communityId}-${j}`
/** The first family profile and the first bench signer the bench's calls may use (the seed's sign-ups use those below). */
export const BENCH_FAMILY = { from: PER.seededFamily, count: PER.familyProfiles - PER.seededFamily }
export const BENCH_SELF = { from: PER.signers, count: PER.elders - PER.signers }
export const BENCH_STAFF_PROFILES = PER.staffProfiles

type Shape = Omit<RuleSegment, 'from' | 'until' | 'place'>
interface Template {
  title: string
  category: ActivityCategory
  host: string
  shape: Shape
  /** Rule edits from a date (1: two segments, 2: three). */
  edits?: number
  /** A one-off, this many days from today. */
  onceIn?: number
  /** Tomorrow's sign-ups owed reminders go on these (daily, with sign-up). */
  reminders?: boolean
}

const weekly = (weekdays: RuleSegment['weekdays'], startTime: string, durationMin: number, capacity: number | null, signupRequired = true): Shape => ({
  kind: 'weekly',
  weekdays,
  startTime,
  durationMin,
  capacity,
  signupRequired,
})
const daily = (startTime: string, durationMin: number, capacity: number | null, signupRequired = true): Shape => ({ kind: 'daily', startTime, durationMin, capacity, signupRequired })

/** A 居家养老服务站's programme; template 0 starts at the seed's minute (today's occurrence is on now: check-in). */
function templates(checkinTime: string): Template[] {
  return [
    { title: '晨间健身操', category: '运动', host: '社区达人陈阿姨', shape: daily(checkinTime, 60, 40), reminders: true },
    { title: '长者助餐', category: '助餐', host: '助餐点李师傅', shape: daily('11:30', 60, 40), reminders: true },
    { title: '八段锦', category: '运动', host: '社区达人王老师', shape: daily('07:00', 45, null, false) },
    { title: '合唱团排练', category: '文娱', host: '退休音乐教师林老师', shape: weekly([2], '09:30', 90, 30) },
    { title: '剪纸手工', category: '手工', host: '非遗传承人黄阿姨', shape: weekly([4], '14:00', 90, 20), edits: 1 },
    {
      title: '健康讲座',
      category: '健康',
      host: '社区卫生服务中心',
      shape: { kind: 'monthly_nth', nth: 1, weekday: 3, startTime: '09:30', durationMin: 90, capacity: 50, signupRequired: true },
    },
    { title: '智能手机课堂', category: '学习', host: '大学生志愿者', shape: weekly([1, 3], '14:30', 90, 20), edits: 2 },
    { title: '太极拳', category: '运动', host: '社区达人张师傅', shape: weekly([1, 3, 5], '08:00', 60, null, false) },
    { title: '书法班', category: '学习', host: '书法家协会郑老师', shape: weekly([5], '09:00', 120, 15) },
    { title: '棋牌活动', category: '文娱', host: '老年协会', shape: daily('14:00', 120, 30), edits: 1, reminders: true },
    { title: '义诊', category: '健康', host: '市二医院', shape: { kind: 'once', startTime: '09:00', durationMin: 180, capacity: 60, signupRequired: true }, onceIn: 3 },
    {
      title: '集体生日会',
      category: '文娱',
      host: '社区居委会',
      shape: { kind: 'monthly_nth', nth: 5, weekday: 6, startTime: '15:00', durationMin: 120, capacity: null, signupRequired: true },
    },
    { title: '插花', category: '手工', host: '花艺志愿者', shape: weekly([2, 5], '10:00', 90, 20) },
    { title: '防诈骗讲座', category: '学习', host: '派出所社区民警', shape: { kind: 'once', startTime: '14:30', durationMin: 90, capacity: 80, signupRequired: true }, onceIn: -40 },
    { title: '康复理疗', category: '健康', host: '康复师', shape: weekly([6], '09:30', 60, 10) },
  ]
}

/** The rule's segments over two years; an edited rule moves its time half an hour and its capacity at each edit. */
function segmentsOf(t: Template, today: string, place: string): RuleSegment[] {
  if (t.shape.kind === 'once') {
    const day = addDays(today, t.onceIn ?? 0)
    return [{ ...t.shape, from: day, day, place }]
  }
  const cuts = t.edits === 2 ? [-200, -60] : t.edits === 1 ? [-180] : []
  const starts = [-365, ...cuts]
  return starts.map((s, k) => {
    const [h, m] = t.shape.startTime.split(':').map(Number)
    const minutes = h * 60 + m + 30 * (starts.length - 1 - k)
    const startTime = k === starts.length - 1 ? t.shape.startTime : `${String(Math.floor(minutes / 60) % 24).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
    const capacity = t.shape.capacity === null ? null : t.shape.capacity - 5 * (starts.length - 1 - k)
    const until = k < starts.length - 1 ? addDays(today, starts[k + 1] - 1) : addDays(today, 365)
    return { ...t.shape, startTime, capacity, from: addDays(today, s), until, place: k === 0 && cuts.length ? '居家养老服务站一楼' : place }
  })
}

/** One occurrence the bench's calls address. */
export interface OccurrenceRef {
  communityId: string
  activityId: string
  day: string
}

/** What the seed made, for the bench's steps. */
export interface ElderSeed {
  communities: string[]
  big: string
  users: number
  activities: number
  profiles: number
  occurrences: number
  signups: number
  /** Subscribed sign-ups owed a reminder tomorrow, on this many occurrences. */
  reminded: number
  remindedOccurrences: number
  /** This and next week (from the day after tomorrow): stored with places left, and computed only. */
  stored: OccurrenceRef[]
  unstored: OccurrenceRef[]
  /** Today's occurrences on now (roster open): their sign-ups by index. */
  onNow: (OccurrenceRef & { entries: { index: number; personKey: string }[] })[]
  /** Stored occurrences of the staff's communities with many sign-ups (the roster). */
  rosters: OccurrenceRef[]
}

/** A sign-up as `signUp` writes it: the j-th person of an occurrence (mostly elders themselves, some family, some staff). */
function signupEntry(c: { communityId: string; start: number; id: string; startAt: Date }, j: number): SignupEntry {
  const at = new Date(c.startAt.getTime() - (2 + (j % 5)) * DAY)
  const base = { status: 'signed_up' as const, at, requestIds: [`ebench-${c.id}-${j}`] }
  const staff = staffOf(c.communityId)
  if (j % 10 === 9) {
    const p = (c.start + Math.floor(j / 10)) % PER.staffProfiles
    return { ...base, personKey: `p:${staffProfile(c.communityId, p)}`, name: profileName('staff', p), by: staff.openid, byName: staff.name, role: 'staff', subscribed: false }
  }
  if (j % 10 === 8) {
    const p = (c.start + Math.floor(j / 10)) % PER.seededFamily
    const f = familyProfile(c.communityId, p)
    return { ...base, personKey: `p:${f.profileId}`, name: profileName('family', p), by: f.manager, byName: nickname(f.manager), role: 'family', subscribed: j % 3 !== 0 }
  }
  const openid = elderUser(c.communityId, (c.start + j) % PER.signers)
  return { ...base, personKey: `u:${openid}`, name: nickname(openid), by: openid, byName: nickname(openid), role: 'self', subscribed: j % 3 !== 0 }
}
const nickname = (openid: string) => `长者${openid.slice(-3)}`
const profileName = (kind: ProfileDoc['kind'], j: number) => `${kind === 'family' ? '家属代报长者' : '纸质档案长者'}${String(j).padStart(2, '0')}`

/** The stored occurrence with its entries, as the handlers leave it (taken, checkins, a fresh `untallied`). */
function occurrenceDoc(activity: ActivityDoc, c: ComputedOccurrence, signups: SignupEntry[], walkIns: OccurrenceDoc['walkIns'], at: Date): OccurrenceDoc {
  const checkins = signups.filter((s) => s.checkedInAt).length + walkIns.length
  return {
    ...newOccurrenceDoc(activity, c, at),
    signups,
    walkIns,
    taken: signups.filter((s) => s.status === 'signed_up').length,
    rev: signups.length + walkIns.length,
    untallied: tallyToken(),
    ...(checkins ? { checkins } : {}),
  }
}

/** Writes the users, profiles, activities and occurrences; `signups` sign-ups in all. */
export function seedElderBench(emu: Emulator, signups: number): ElderSeed {
  const store = emu.core.store
  const now = nowMs()
  const today = chinaDay(now)
  const tomorrow = addDays(today, 1)
  const lastDay = addDays(mondayOf(today), 13)
  const yearAgo = new Date(now - 365 * DAY)
  const communities = COMMUNITIES.map((c) => c._id)
  const progs = templates(chinaTime(now))
  const users: UserDoc[] = []
  const profiles: ProfileDoc[] = []
  const activities: ActivityDoc[] = []
  for (const [ci, communityId] of communities.entries()) {
    for (let i = 0; i < PER.elders; i++) {
      const _id = elderUser(communityId, i)
      users.push({
        _id,
        nickname: nickname(_id),
        communityId,
        privacyVersion: PRIVACY_VERSION,
        privacyAgreedAt: yearAgo,
        volunteerStatus: 'none',
        staffCommunityIds: [],
        createdAt: yearAgo,
        updatedAt: yearAgo,
      })
    }
    const profile = (_id: string, kind: ProfileDoc['kind'], j: number, managers: string[]): ProfileDoc => ({
      _id,
      kind,
      communityId,
      name: profileName(kind, j),
      age: 68 + (j % 25),
      ...(j % 2 ? { phone: `135${String(10_000_000 + ci * 1000 + j).slice(-8)}` } : {}),
      consentNote: '已征得本人同意',
      managers,
      status: 'active',
      createdBy: managers[0] ?? staffOf(communityId).openid,
      createdAt: yearAgo,
      updatedAt: yearAgo,
    })
    for (let j = 0; j < PER.familyProfiles; j++) profiles.push(profile(familyProfile(communityId, j).profileId, 'family', j, [familyProfile(communityId, j).manager]))
    for (let j = 0; j < PER.staffProfiles; j++) profiles.push(profile(staffProfile(communityId, j), 'staff', j, []))
    const others = Math.round((ACTIVITIES - BIG_ACTIVITIES) / (communities.length - 1))
    const count = communityId === BIG ? BIG_ACTIVITIES : ci === communities.length - 1 ? ACTIVITIES - BIG_ACTIVITIES - others * (communities.length - 2) : others
    for (let k = 0; k < count; k++) {
      const t = progs[k % progs.length]
      const round = Math.floor(k / progs.length)
      const createdAt = new Date(yearAgo.getTime() + k * MIN)
      const segments = segmentsOf(round ? { ...t, onceIn: t.onceIn && t.onceIn + 1 } : t, today, `${COMMUNITIES[ci].name}居家养老服务站${round ? '二楼' : '一楼'}活动室`)
      activities.push({
        _id: `ebench-a-${communityId}-${String(k).padStart(2, '0')}`,
        communityId,
        title: round ? `${t.title}（${round + 1}班）` : t.title,
        category: t.category,
        host: t.host,
        description: `${t.title}：欢迎社区长者参加，请提前十分钟到场。`,
        segments,
        status: 'active',
        rev: segments.length,
        createdBy: staffOf(communityId).openid,
        createdAt,
        updatedAt: createdAt,
      })
    }
  }
  store.write(users.map((doc) => ({ coll: 'users', id: doc._id, doc })))
  store.write(profiles.map((doc) => ({ coll: ELD_PROFILES, id: doc._id, doc })))
  store.write(activities.map((doc) => ({ coll: ELD_ACTIVITIES, id: doc._id, doc })))

  const seed: ElderSeed = {
    communities,
    big: BIG,
    users: users.length,
    activities: activities.length,
    profiles: profiles.length,
    occurrences: 0,
    signups: 0,
    reminded: 0,
    remindedOccurrences: 0,
    stored: [],
    unstored: [],
    onNow: [],
    rosters: [],
  }
  const docs: OccurrenceDoc[] = []
  const past: { a: ActivityDoc; c: ComputedOccurrence }[] = []
  const reminderDays: { a: ActivityDoc; c: ComputedOccurrence }[] = []
  let future = 0
  const at = new Date(now)
  const keep = (a: ActivityDoc, c: ComputedOccurrence, entries: SignupEntry[], walkIns: OccurrenceDoc['walkIns'] = []) => {
    docs.push(occurrenceDoc(a, c, entries, walkIns, at))
    seed.signups += entries.length
    return docs[docs.length - 1]
  }
  for (const [k, a] of activities.entries()) {
    const t = progs[Number(a._id.slice(-2)) % progs.length]
    let cancelledOne = false
    for (const c of expand(a, addDays(today, -365), lastDay)) {
      if (!c.signupRequired) continue
      const ref = { communityId: a.communityId, activityId: a._id, day: c.day }
      const start = (k * 7 + Number(c.day.slice(-2))) % PER.signers
      const entries = (n: number) => Array.from({ length: n }, (_x, j) => signupEntry({ communityId: a.communityId, start, id: `${a._id}-${c.day}`, startAt: c.startAt }, j))
      if (c.day < today) past.push({ a, c })
      else if (c.day === today) {
        // On now (template 0 starts at the seed's minute): reminded yesterday, nobody checked in yet.
        if (c.startAt.getTime() > now) continue
        const list = entries(30).map((e) => (e.subscribed ? { ...e, remindedAt: chinaInstant(addDays(today, -1), REMINDER_TIME) } : e))
        keep(a, c, list)
        seed.onNow.push({ ...ref, entries: list.map((e, index) => ({ index, personKey: e.personKey })) })
      } else if (c.day === tomorrow) {
        if (t.reminders) reminderDays.push({ a, c })
      } else {
        const room = (c.capacity ?? 60) - PLACES_KEPT
        const n = Math.min(4 + (future++ % 9), room)
        if (future % 3 === 0 || n <= 0) {
          seed.unstored.push(ref)
          continue
        }
        const doc = keep(a, c, entries(n))
        // One cancelled exception per activity that meets twice a week or more (its sign-ups stay, marked so).
        if (!cancelledOne && c.day > addDays(today, 3) && t.shape.kind !== 'once' && (t.shape.kind === 'daily' || (t.shape.weekdays?.length ?? 0) > 1)) {
          cancelledOne = true
          doc.cancelled = { reason: '场地临时维修', by: staffOf(a.communityId).openid, at }
          doc.exceptionRequestId = `ebench-cancel-${doc._id}`
        } else seed.stored.push(ref)
      }
    }
  }
  // Tomorrow: REMINDED subscribed sign-ups spread over the daily activities' occurrences, with a few who get none.
  let owed = REMINDED
  for (const [i, { a, c }] of reminderDays.entries()) {
    const give = Math.min((c.capacity ?? 60) - PLACES_KEPT, Math.ceil(owed / (reminderDays.length - i)))
    const list: SignupEntry[] = []
    let subscribed = 0
    for (let j = 0; subscribed < give || list.length < give + 3; j++) {
      const e = signupEntry({ communityId: a.communityId, start: i * 11, id: `${a._id}-${c.day}`, startAt: c.startAt }, j)
      const owes = e.role !== 'staff' && subscribed < give
      if (owes) subscribed++
      list.push({ ...e, subscribed: owes })
    }
    owed -= subscribed
    keep(a, c, list)
    seed.reminded += subscribed
    seed.remindedOccurrences++
  }
  // The past: the rest of the sign-ups, most recent first, each occurrence filled (most checked in, a few cancelled, walk-ins).
  past.sort((x, y) => y.c.startAt.getTime() - x.c.startAt.getTime())
  const staffCommunities = new Set(['junmen', 'qingcheng'])
  for (const [i, { a, c }] of past.entries()) {
    const n = Math.min(PAST_FILL, c.capacity ?? PAST_FILL, signups - seed.signups)
    if (n <= 0) break
    const staff = staffOf(a.communityId)
    const list = Array.from({ length: n }, (_x, j) => {
      const e = signupEntry({ communityId: a.communityId, start: i % PER.signers, id: `${a._id}-${c.day}`, startAt: c.startAt }, j)
      if (j % 15 === 14) return { ...e, status: 'cancelled' as const, cancelledAt: new Date(e.at.getTime() + DAY), cancelledBy: e.by }
      const reminded = e.subscribed ? { remindedAt: chinaInstant(addDays(c.day, -1), REMINDER_TIME) } : {}
      if (j % 7 === 6) return { ...e, ...reminded }
      const scan = j % 3 === 0 && e.role !== 'staff'
      return {
        ...e,
        ...reminded,
        checkedInAt: new Date(c.startAt.getTime() - 5 * MIN),
        checkedInBy: scan ? e.by : staff.openid,
        checkinMethod: scan ? ('scan' as const) : ('roster' as const),
      }
    })
    const walkIns = [0, 1].map((w) => ({ name: `现场长者${w + 1}`, at: new Date(c.startAt.getTime() + w * MIN), by: staff.openid, requestId: `ebench-walkin-${a._id}-${c.day}-${w}` }))
    keep(a, c, list, walkIns)
    if (staffCommunities.has(a.communityId) && seed.rosters.length < 200) seed.rosters.push({ communityId: a.communityId, activityId: a._id, day: c.day })
  }
  for (let i = 0; i < docs.length; i += 2000) store.write(docs.slice(i, i + 2000).map((doc) => ({ coll: ELD_OCCURRENCES, id: doc._id, doc })))
  seed.occurrences = docs.length
  return seed
}

/** The scheduler's jobs due: `due` at once, every other one a week from now (so a run's figures are those jobs'). */
export function onlyDue(emu: Emulator, due: string[]): void {
  const store = emu.core.store
  const schedule = store.getById('jobs', 'schedule')?.doc ?? { _id: 'schedule', next: {} }
  const later = new Date(nowMs() + 7 * DAY)
  const next = Object.fromEntries(Object.keys(schedule.next as Record<string, Date>).map((k) => [k, due.includes(k) ? new Date(0) : later]))
  for (const k of due) next[k] = new Date(0)
  store.write([{ coll: 'jobs', id: 'schedule', doc: { ...schedule, next } }])
}

/** Moves the one clock (this process, the emulator and its workers) to 18:05 China time today, unless it is later already. */
export function toReminderTime(): string {
  const at = chinaInstant(chinaDay(), '18:05').getTime()
  if (nowMs() >= at) return 'no clock move (past 18:00 China time already)'
  const ms = at - nowMs()
  setClockOffset(clockOffset() + ms)
  return `clock moved ${(ms / 3_600_000).toFixed(1)} h forward to 18:05 China time`
}

/** One run of the reminder job alone: its report, the run's database requests and time, the messages sent. */
export async function reminderRun(emu: Emulator): Promise<{ done: number; more?: boolean; jobMs: number; dbRequests: number; runMs: number; sent: number; scans: string[] }> {
  onlyDue(emu, ['elderReminders'])
  const before = emu.core.store.messages().length
  const { stat, result } = (await emu.fireTrigger('scheduler')) as {
    stat: { dbRequests: number; durationMs: number; queries: string[] }
    result: { data?: { jobs?: Record<string, { done: number; more?: boolean; ms: number }> } }
  }
  const job = result.data?.jobs?.elderReminders ?? { done: 0, ms: 0 }
  return {
    done: job.done,
    more: job.more,
    jobMs: job.ms,
    dbRequests: stat.dbRequests,
    runMs: stat.durationMs,
    sent: emu.core.store.messages().length - before,
    scans: stat.queries.filter((q) => q.endsWith(':SCAN')),
  }
}
