// Part C's staging: activities, occurrences with sign-ups, and managed profiles written straight into the store
// (typed with the elder model, built with recurrence.ts), so the on-site tests do not wait for parts A and B; and
// `elder` calls, and the person-times tally run now.
import { randomBytes } from 'crypto'
import type { ActivityDoc, OccurrenceDoc, ProfileDoc, RuleSegment, SignupEntry } from '../../cloud/domain/elder/model'
import { newOccurrenceDoc, occurrenceOn } from '../../cloud/domain/elder/recurrence'
import { occurrenceTallies } from '../../cloud/domain/elder/tallies'
import { chinaDay, chinaTime } from '../../cloud/lib/dates'
import type { ActivityCategory } from '../../src/contracts/elder/rules'
import { testNow } from '../clock'
import { runJob, type Harness } from './helpers'

const uid = (p: string) => `${p}${randomBytes(6).toString('hex')}`

/** A one-off segment starting at the instant `at` (its China day and HH:mm), for `durationMin`. */
export function onceAt(at: number, durationMin = 60): RuleSegment {
  const day = chinaDay(at)
  return { from: day, kind: 'once', day, startTime: chinaTime(at), durationMin, place: '老年活动室', capacity: 20, signupRequired: true }
}

/** An activity of `communityId` (default 军门社区) with the given rule segments, written into the store. */
export async function stageActivity(h: Harness, segments: RuleSegment[], over: Partial<ActivityDoc> = {}): Promise<ActivityDoc> {
  const at = new Date(testNow() - 30 * 86_400_000)
  const a: ActivityDoc = {
    _id: uid('act'),
    communityId: 'junmen',
    title: '合唱团',
    category: '文娱' as ActivityCategory,
    host: '王老师',
    description: '一起唱歌',
    segments,
    status: 'active',
    rev: 0,
    createdBy: 'demo-staff',
    createdAt: at,
    updatedAt: at,
    ...over,
  }
  await h.insert('eld_activities', a)
  return a
}

/** A sign-up entry (self: `u:<by>`; family or staff: a profile's `p:<id>`). */
export function entry(by: string, name: string, over: Partial<SignupEntry> = {}): SignupEntry {
  return { personKey: `u:${by}`, name, status: 'signed_up', by, role: 'self', at: new Date(testNow() - 86_400_000), subscribed: false, ...over }
}

/** The occurrence of `activity` on `day` stored with `signups` (tallied: the counters have counted it). */
export async function stageOccurrence(h: Harness, activity: ActivityDoc, day: string, signups: SignupEntry[], over: Partial<OccurrenceDoc> = {}): Promise<OccurrenceDoc> {
  const c = occurrenceOn(activity, day)
  if (!c) throw new Error(`no occurrence of ${activity._id} on ${day}`)
  const o: OccurrenceDoc = { ...newOccurrenceDoc(activity, c, new Date(testNow() - 86_400_000)), signups, taken: signups.filter((s) => s.status === 'signed_up').length, ...over }
  await h.insert('eld_occurrences', { ...o, tallied: occurrenceTallies(o) })
  return o
}

/** A managed elder profile (family: managed by `managers`; staff: none), with an age and a phone. */
export async function stageProfile(h: Harness, name: string, over: Partial<ProfileDoc> = {}): Promise<ProfileDoc> {
  const at = new Date(testNow() - 10 * 86_400_000)
  const p: ProfileDoc = {
    _id: uid('prof'),
    kind: 'family',
    communityId: 'junmen',
    name,
    age: 81,
    phone: '13912345678',
    consentNote: '本人同意',
    managers: ['demo-resident'],
    status: 'active',
    createdBy: 'demo-resident',
    createdAt: at,
    updatedAt: at,
    ...over,
  }
  await h.insert('eld_profiles', p)
  return p
}

/** Runs the person-times tally job now (the scheduler's other jobs are set aside for a day). */
export async function tallyNow(h: Harness): Promise<{ done: number }> {
  const later = new Date(testNow() + 86_400_000)
  const [schedule] = await h.find('jobs', { _id: 'schedule' })
  const next: Record<string, Date> = {}
  for (const name of Object.keys(schedule?.next ?? {})) next[name] = later
  for (const name of ['wishOverdueClaims', 'purgeRequests', 'volunteerNumbers', 'volunteerForgottenCheckouts']) next[name] = later
  next.eldPersonTimesTally = new Date(0)
  if (!(await h.update('jobs', { _id: 'schedule' }, { next }))) await h.insert('jobs', { _id: 'schedule', next })
  const job = await runJob(h, 'eldPersonTimesTally')
  if (!job || job.error) throw new Error(`tally failed: ${JSON.stringify(job)}`)
  return job
}

/** The database requests of the last call of `action` to `elder` (the emulator's per-call figures). */
export function lastRequests(h: Harness, action: string): number {
  const call = [...h.emu.calls].reverse().find((c) => c.fn === 'elder' && c.action === action)
  if (!call) throw new Error(`no call of ${action}`)
  return call.dbRequests
}
