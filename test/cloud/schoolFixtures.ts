// Fixtures for the 4 o'clock school's tests (issue 11, part A): calls to the `school` function, a session made by
// the station's staff, a consenting guardian with children, an assigned volunteer, all made through the functions.
import type { Result } from '../../src/contracts'
import { CHILD_POLICY_VERSION, isMutation } from '../../src/contracts'
import { inDays } from '../clock'
import { rid, type Harness } from './helpers'
import { resident, staffOf, uniquePhone, volunteer } from './wishFixtures'

/** Calls `school` as `openid`; mutations get a fresh requestId unless one is given. Returns the raw Result. */
export async function school<T = any>(h: Harness, openid: string, action: string, input: unknown = {}, requestId?: string | null): Promise<Result<T>> {
  const event: Record<string, unknown> = { action, input }
  if (requestId !== null && (requestId || isMutation('school', action))) event.requestId = requestId || rid()
  return (await h.emu.invoke('school', event, openid)) as Result<T>
}

/** Calls `school` and fails the test unless ok; returns data. */
export async function schoolOk<T = any>(h: Harness, openid: string, action: string, input: unknown = {}, requestId?: string): Promise<T> {
  const res = await school<T>(h, openid, action, input, requestId)
  if (!res.ok) throw new Error(`school.${action} as ${openid} failed: ${res.code} ${res.message} ${JSON.stringify(res.issues ?? '')}`)
  return res.data
}

/** A valid saveSession input for the community: a term from tomorrow, the window open now for a week. */
export function sessionInput(h: Harness, community = '军门社区', over: Record<string, unknown> = {}) {
  return {
    communityId: h.communityId(community),
    name: '2027 春季 四点钟学校 一年级至三年级',
    termStart: inDays(10),
    termEnd: inDays(100),
    weekdays: [1, 2, 3, 4, 5],
    capacity: 30,
    grades: { min: 1, max: 3 },
    opensAt: `${inDays(-1)} 09:00`,
    closesAt: `${inDays(7)} 18:00`,
    mode: 'first_come',
    priorityGroups: ['left_behind'],
    activities: ['作业辅导', '阅读'],
    notes: '请自带水杯',
    ...over,
  }
}

/** A session made by the community's staff; returns its id. */
export async function makeSession(h: Harness, community = '军门社区', over: Record<string, unknown> = {}): Promise<string> {
  return (await schoolOk(h, staffOf(community), 'saveSession', sessionInput(h, community, over))).session.id
}

/** A valid addChild input (`over` replaces fields). */
export function childInput(over: Record<string, unknown> = {}) {
  return { name: '张小明', gender: 'male', birthDate: inDays(-8 * 365), school: '鼓楼第一中心小学', grade: 2, healthNote: '花生过敏', guardianPhone: uniquePhone(), ...over }
}

/** A guardian (a fresh resident) who consented to the current rules and added `n` children; returns ids. */
export async function guardianWithChildren(h: Harness, n = 1, community = '军门社区'): Promise<{ openid: string; childIds: string[] }> {
  const openid = await resident(h, community, '家长')
  await schoolOk(h, openid, 'consentChildPolicy', { version: CHILD_POLICY_VERSION })
  const childIds: string[] = []
  for (let i = 0; i < n; i++) childIds.push((await schoolOk(h, openid, 'addChild', childInput({ name: `张小${'明红刚'[i % 3]}` }))).id)
  return { openid, childIds }
}

/** An approved volunteer assigned by the community's staff to its station. */
export async function assignedVolunteer(h: Harness, community = '军门社区'): Promise<string> {
  const openid = await volunteer(h, community)
  await schoolOk(h, staffOf(community), 'assignStationVolunteer', { communityId: h.communityId(community), openid })
  return openid
}
