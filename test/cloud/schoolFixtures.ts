// Fixtures for the 4 o'clock school's tests (issue 11): calls to the `school` and `export` functions (for every
// school test file); part A's: a session made by
// the station's staff, a consenting guardian with children, an assigned volunteer, all made through the functions.
import { CHILD_POLICY_VERSION } from '../../src/contracts'
import { inDays } from '../clock'
import { callAs, callOk, type Harness } from './helpers'
import { resident, staffOf, uniquePhone, volunteer } from './wishFixtures'

/** Calls `school` as `openid` (the raw Result; see callAs). */
export const sch = <T = any>(h: Harness, openid: string, action: string, input?: unknown, requestId?: string | null) => callAs<T>(h, 'school', openid, action, input, requestId)

/** Calls `school` and fails the test unless ok; returns data. */
export const schOk = <T = any>(h: Harness, openid: string, action: string, input?: unknown, requestId?: string) => callOk<T>(h, 'school', openid, action, input, requestId)

/** Calls `export` as `openid` (the raw Result). */
export const exp = <T = any>(h: Harness, openid: string, action: string, input?: unknown, requestId?: string | null) => callAs<T>(h, 'export', openid, action, input, requestId)

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
  return (await schOk(h, staffOf(community), 'saveSession', sessionInput(h, community, over))).session.id
}

/** A valid addChild input (`over` replaces fields). */
export function childInput(over: Record<string, unknown> = {}) {
  return { name: '张小明', gender: 'male', birthDate: inDays(-8 * 365), school: '鼓楼第一中心小学', grade: 2, healthNote: '花生过敏', guardianPhone: uniquePhone(), ...over }
}

/** A guardian (a fresh resident) who consented to the current rules and added `n` children; returns ids. */
export async function guardianWithChildren(h: Harness, n = 1, community = '军门社区'): Promise<{ openid: string; childIds: string[] }> {
  const openid = await resident(h, community, '家长')
  await schOk(h, openid, 'consentChildPolicy', { version: CHILD_POLICY_VERSION })
  const childIds: string[] = []
  for (let i = 0; i < n; i++) childIds.push((await schOk(h, openid, 'addChild', childInput({ name: `张小${'明红刚'[i % 3]}` }))).id)
  return { openid, childIds }
}

/** An approved volunteer assigned by the community's staff to its station. */
export async function assignedVolunteer(h: Harness, community = '军门社区'): Promise<string> {
  const openid = await volunteer(h, community)
  await schOk(h, staffOf(community), 'assignStationVolunteer', { communityId: h.communityId(community), openid })
  return openid
}
