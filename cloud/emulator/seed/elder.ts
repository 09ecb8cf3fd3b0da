/**
 * Demo data of elder activities (issue 12) for `npm start`: 军门社区's 居家养老服务站 with six activities covering the
 * recurrence kinds (合唱 weekly Tue, 八段锦 daily, 剪纸手工 weekly Thu, 健康讲座 the first Wednesday of each month, a
 * one-off 讲座, 助餐 without sign-up), two managed profiles (林阿姨's mother, family-managed with her consent noted;
 * 王阿婆 without a phone, staff-managed), and stored occurrences only where something happened: tomorrow's 八段锦
 * with 林阿姨, her mother and 王阿婆 signed up (two without a subscription: the 电话提醒名单), the next 合唱 moved
 * with 林阿姨 signed up, the next 剪纸手工 cancelled, and yesterday's 八段锦 with check-ins and a walk-in.
 * Days come from the rules (cloud/domain/elder/recurrence.ts), never from date arithmetic; every time is relative to
 * the one clock (`now`). Each stored occurrence is `untallied`, so the first tally job run counts its person-times.
 */
import type { ActivityCategory } from '../../../src/contracts/elder/rules'
import type { ActivityDoc, OccurrenceDoc, ProfileDoc, RuleSegment, SignupEntry } from '../../domain/elder/model'
import { expand, newOccurrenceDoc, occurrenceOn, type ComputedOccurrence } from '../../domain/elder/recurrence'
import { tallyToken } from '../../lib/counters'
import { addDays, chinaDay, chinaInstant, DAY_MS } from '../../lib/dates'

const MIN = 60_000
const STAFF = 'demo-staff'
const RESIDENT = 'demo-resident'
const STATION = '军门社区居家养老服务站'
const HALL = '军门社区党群服务中心 二楼会议室'

/** An activity staff made eight weeks ago, its rule in force since then. */
function activity(id: string, title: string, category: ActivityDoc['category'], host: string, description: string, segment: RuleSegment, created: Date): ActivityDoc {
  return {
    _id: id,
    communityId: 'junmen',
    title,
    category,
    host,
    description,
    segments: [segment],
    status: 'active',
    rev: 1,
    createdBy: STAFF,
    createdAt: created,
    updatedAt: created,
    requestId: `seed-${id}`,
  }
}

/** A rule segment without its first day (the rules are in force from 8 weeks ago; the one-off is in a few days). */
type Rule = Pick<RuleSegment, 'kind' | 'startTime' | 'durationMin' | 'place' | 'capacity'> & Partial<RuleSegment>

/** The one-off activity is this many days ahead. */
const ONE_OFF_IN_DAYS = 3

/** The station's activities: id, title, category, host, description, rule. */
const ACTIVITIES: [string, string, ActivityCategory, string, string, Rule][] = [
  [
    'demo-eld-choir',
    '合唱',
    '文娱',
    '退休音乐教师 陈老师',
    '老歌新唱，每周一练，欢迎新朋友。',
    { kind: 'weekly', weekdays: [2], startTime: '09:30', durationMin: 90, place: `${STATION} 活动室`, capacity: 20 },
  ],
  [
    'demo-eld-baduanjin',
    '八段锦',
    '运动',
    '社区达人 李师傅',
    '晨练八段锦，动作舒缓，适合各年龄段。',
    { kind: 'daily', startTime: '07:00', durationMin: 45, place: '军门社区文化广场', capacity: 30 },
  ],
  [
    'demo-eld-papercut',
    '剪纸手工',
    '手工',
    '非遗传承人 吴阿姨',
    '学剪窗花、福字，材料由服务站提供。',
    { kind: 'weekly', weekdays: [4], startTime: '14:00', durationMin: 120, place: `${STATION} 手工室`, capacity: 12 },
  ],
  [
    'demo-eld-health',
    '健康讲座',
    '健康',
    '鼓楼区医院 全科医生',
    '每月一讲：慢病管理、用药安全、冬季保暖。',
    { kind: 'monthly_nth', nth: 1, weekday: 3, startTime: '09:00', durationMin: 90, place: HALL, capacity: 40 },
  ],
  [
    'demo-eld-fraud',
    '防诈骗知识讲座',
    '学习',
    '鼓楼公安分局 反诈民警',
    '讲真实案例，教您识别冒充客服、保健品骗局。',
    { kind: 'once', startTime: '15:00', durationMin: 60, place: HALL, capacity: 50 },
  ],
  [
    'demo-eld-meals',
    '长者助餐',
    '助餐',
    '长者食堂',
    '每天午餐，两荤一素一汤，到店即可用餐，无需报名。',
    { kind: 'daily', startTime: '11:30', durationMin: 60, place: '军门社区长者食堂', capacity: null, signupRequired: false },
  ],
]

function profile(id: string, kind: ProfileDoc['kind'], name: string, age: number, consentNote: string, by: string, at: Date, phone?: string): ProfileDoc {
  return {
    _id: id,
    kind,
    communityId: 'junmen',
    name,
    age,
    ...(phone ? { phone } : {}),
    consentNote,
    managers: kind === 'family' ? [by] : [],
    status: 'active',
    createdBy: by,
    createdAt: at,
    updatedAt: at,
    requestId: `seed-${id}`,
  }
}

/** A sign-up as signUp pushes it (staff sign-ups never subscribe: they go on the call list). */
function signup(personKey: string, name: string, by: string, byName: string, role: SignupEntry['role'], at: Date, subscribed: boolean): SignupEntry {
  return { personKey, name, status: 'signed_up', by, byName, role, at, subscribed: role !== 'staff' && subscribed, requestIds: [`seed-${personKey}-${at.getTime()}`] }
}

/** A stored occurrence holding `signups` (and the other fields given), as the writes that made it leave it. */
function stored(a: ActivityDoc, c: ComputedOccurrence, signups: SignupEntry[], over: Partial<OccurrenceDoc> = {}): OccurrenceDoc {
  const first = new Date(Math.min(...signups.map((s) => s.at.getTime())))
  const base = newOccurrenceDoc(a, c, first)
  const present = signups.filter((s) => s.checkedInAt).length + (over.walkIns ?? []).length
  const doc: OccurrenceDoc = {
    ...base,
    signups,
    taken: signups.filter((s) => s.status === 'signed_up').length,
    // One write per sign-up and per person present (cancel and move do not bump `rev`).
    rev: signups.length + present,
    ...(present ? { checkins: present } : {}),
    untallied: tallyToken(),
    ...over,
  }
  const times = [...signups.flatMap((s) => [s.at, s.checkedInAt]), ...doc.walkIns.map((w) => w.at), doc.moved?.at, doc.cancelled?.at]
  return { ...doc, updatedAt: new Date(Math.max(...times.filter((t): t is Date => !!t).map((t) => t.getTime()))) }
}

/** The first occurrence of `a` from tomorrow on, within a week (every weekly activity has one). */
function nextOccurrence(a: ActivityDoc, today: string): ComputedOccurrence {
  const c = expand(a, addDays(today, 1), addDays(today, 7))[0]
  if (!c) throw new Error(`elder demo: ${a.title} has no occurrence in the coming week`)
  return c
}

/** The occurrence of `a` on `day` (its rule gives one: daily). */
function on(a: ActivityDoc, day: string): ComputedOccurrence {
  const c = occurrenceOn(a, day)
  if (!c) throw new Error(`elder demo: ${a.title} has no occurrence on ${day}`)
  return c
}

/** Elder activities' demo documents at `now`. */
export function elderDemo(now: number): { activities: ActivityDoc[]; occurrences: OccurrenceDoc[]; profiles: ProfileDoc[] } {
  const today = chinaDay(now)
  const from = addDays(today, -56)
  const created = chinaInstant(addDays(from, -3), '10:00')
  const ago = (minutes: number) => new Date(now - minutes * MIN)

  const [choir, baduanjin, papercut, talk, fraud, meals] = ACTIVITIES.map(([id, title, category, host, description, seg]) => {
    const once = seg.kind === 'once' ? addDays(today, ONE_OFF_IN_DAYS) : undefined
    return activity(id, title, category, host, description, { from: once ?? from, ...(once ? { day: once, until: once } : {}), signupRequired: true, ...seg }, created)
  })

  const mother = profile('demo-eld-mother', 'family', '陈桂英', 86, '母亲本人同意由女儿代为报名', RESIDENT, ago(20 * 24 * 60), '13800138007')
  const wang = profile('demo-eld-wang', 'staff', '王阿婆', 91, '本人口头同意，纸质登记表已存档', STAFF, ago(30 * 24 * 60))
  const me = `u:${RESIDENT}`
  const mum = `p:${mother._id}`
  const wangKey = `p:${wang._id}`

  // Yesterday's 八段锦: reminded the evening before, checked in by scanning (林阿姨 for herself and her mother) or on
  // the roster (王阿婆, by 郑社工), and a neighbour who came without signing up.
  const y = on(baduanjin, addDays(today, -1))
  const remindedAt = chinaInstant(addDays(today, -2), '18:00')
  const scanned = (s: SignupEntry, at: Date): SignupEntry => ({ ...s, remindedAt, checkedInAt: at, checkedInBy: RESIDENT, checkinMethod: 'scan' })
  const early = new Date(y.startAt.getTime() - 3 * DAY_MS)
  const yesterday = stored(
    baduanjin,
    y,
    [
      scanned(signup(me, '林阿姨', RESIDENT, '林阿姨', 'self', early, true), new Date(y.startAt.getTime() - 6 * MIN)),
      scanned(signup(mum, mother.name, RESIDENT, '林阿姨', 'family', early, true), new Date(y.startAt.getTime() - 6 * MIN)),
      { ...signup(wangKey, wang.name, STAFF, '郑社工', 'staff', early, false), checkedInAt: new Date(y.startAt.getTime() + 2 * MIN), checkedInBy: STAFF, checkinMethod: 'roster' },
    ],
    { walkIns: [{ name: '张大爷', at: new Date(y.startAt.getTime() + 5 * MIN), by: STAFF, requestId: 'seed-walkin-zhang' }] },
  )

  // Tomorrow's 八段锦: 林阿姨 subscribed to the reminder; her mother's sign-up did not, and 郑社工 signed up 王阿婆 (no
  // phone): both are on tomorrow's 电话提醒名单.
  const t = on(baduanjin, addDays(today, 1))
  const tomorrow = stored(baduanjin, t, [
    signup(me, '林阿姨', RESIDENT, '林阿姨', 'self', ago(26 * 60), true),
    signup(mum, mother.name, RESIDENT, '林阿姨', 'family', ago(26 * 60 - 1), false),
    signup(wangKey, wang.name, STAFF, '郑社工', 'staff', ago(5 * 60), false),
  ])

  // The next 合唱, moved to the afternoon in the big room (林阿姨's subscription was spent on the notice).
  const c = nextOccurrence(choir, today)
  const movedStart = chinaInstant(c.day, '15:00')
  const choirNext = stored(choir, c, [signup(me, '林阿姨', RESIDENT, '林阿姨', 'self', ago(3 * 24 * 60), false)], {
    startAt: movedStart,
    endAt: new Date(movedStart.getTime() + (c.endAt.getTime() - c.startAt.getTime())),
    place: '军门社区党群服务中心 三楼大会议室',
    moved: { reason: '活动室墙面维修，改到下午', by: STAFF, at: ago(24 * 60) },
    exceptionRequestId: 'seed-move-choir',
  })

  // The next 剪纸手工, cancelled after 林阿姨 signed up her mother.
  const p = nextOccurrence(papercut, today)
  const papercutNext = stored(papercut, p, [signup(mum, mother.name, RESIDENT, '林阿姨', 'family', ago(4 * 24 * 60), false)], {
    cancelled: { reason: '授课老师临时有事，下周照常', by: STAFF, at: ago(10 * 60) },
    exceptionRequestId: 'seed-cancel-papercut',
  })

  return {
    activities: [choir, baduanjin, papercut, talk, fraud, meals],
    occurrences: [yesterday, tomorrow, choirNext, papercutNext],
    profiles: [mother, wang],
  }
}
