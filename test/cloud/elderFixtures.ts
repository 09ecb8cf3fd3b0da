// Fixtures for elder activities' tests (issue 12, part A): calls to the `elder` function, activities made through
// saveActivity, and sign-ups staged in the store (part B's signUp is built at the same time): a stored occurrence
// written with recurrence.ts's newOccurrenceDoc, as the first sign-up would write it.
import type { ActivityDoc, OccurrenceDoc, SignupEntry } from '../../cloud/domain/elder/model'
import { newOccurrenceDoc, occurrenceId, occurrenceOn } from '../../cloud/domain/elder/recurrence'
import { callAs, callOk, type Harness } from './helpers'
import { inDays, testNow } from '../clock'

/** Calls `elder` as `openid` (the raw Result; see callAs). */
export const eld = <T = any>(h: Harness, openid: string, action: string, input?: unknown, requestId?: string | null) => callAs<T>(h, 'elder', openid, action, input, requestId)

/** Calls `elder` and fails the test unless ok; returns data. */
export const eldOk = <T = any>(h: Harness, openid: string, action: string, input?: unknown, requestId?: string) => callOk<T>(h, 'elder', openid, action, input, requestId)

/** A weekly rule from today (`over` replaces fields). */
export function ruleInput(over: Record<string, unknown> = {}) {
  return { kind: 'weekly', weekdays: [1, 2, 3, 4, 5, 6, 7], from: inDays(0), startTime: '23:00', durationMin: 50, place: '社区活动室', capacity: 20, signupRequired: true, ...over }
}

/** A valid saveActivity input for the community (`over` replaces fields; `rule` is merged into ruleInput). */
export function activityInput(h: Harness, community = '军门社区', over: Record<string, unknown> = {}, rule: Record<string, unknown> = {}) {
  return { communityId: h.communityId(community), title: '合唱团', category: '文娱', host: '王老师', description: '一起唱老歌。', rule: ruleInput(rule), ...over }
}

/** Creates an activity through saveActivity as the community's staff; returns its view. */
export async function makeActivity(h: Harness, staff: string, community = '军门社区', over: Record<string, unknown> = {}, rule: Record<string, unknown> = {}): Promise<any> {
  return eldOk(h, staff, 'saveActivity', activityInput(h, community, over, rule))
}

/** A staged sign-up: `subscribed` and the role decide whether a message can reach its maker. */
export interface StagedSignup {
  name: string
  by: string
  personKey?: string
  role?: SignupEntry['role']
  subscribed?: boolean
  status?: SignupEntry['status']
}

/**
 * Stores the occurrence of `activityId` on `day` with these sign-ups, as part B's signUp would (newOccurrenceDoc,
 * `taken` = those holding a place). The day must be one the rule gives.
 */
export async function stageSignups(h: Harness, activityId: string, day: string, signups: StagedSignup[]): Promise<OccurrenceDoc> {
  const [a] = (await h.find('eld_activities', { _id: activityId })) as ActivityDoc[]
  const c = occurrenceOn(a, day)
  if (!c) throw new Error(`no occurrence of ${activityId} on ${day}`)
  const at = new Date(testNow())
  const entries: SignupEntry[] = signups.map((s) => ({
    personKey: s.personKey ?? `u:${s.by}`,
    name: s.name,
    status: s.status ?? 'signed_up',
    by: s.by,
    role: s.role ?? 'self',
    at,
    subscribed: s.subscribed ?? false,
  }))
  const doc: OccurrenceDoc = { ...newOccurrenceDoc(a, c, at), signups: entries, taken: entries.filter((e) => e.status === 'signed_up').length }
  await h.insert('eld_occurrences', doc)
  return doc
}

/** The stored occurrence of an activity on a day, or undefined. */
export async function storedOccurrence(h: Harness, activityId: string, day: string): Promise<OccurrenceDoc | undefined> {
  return (await h.find('eld_occurrences', { _id: occurrenceId(activityId, day) }))[0]
}

/** Subscription messages the emulator recorded (subscribeMessage.send), optionally for one page. */
export async function messages(h: Harness, page?: string): Promise<any[]> {
  const { messages: all } = await (await fetch(`${h.emu.url}/api/dev/messages`)).json()
  return page ? all.filter((m: any) => m.page === page) : all
}
