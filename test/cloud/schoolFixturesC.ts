// Fixtures for the 4 o'clock school's attendance tests (issue 11, part C): sessions with enrolled entries, children with pick-up adults, guardians with a family and volunteers
// assigned to a station, staged directly in the store (typed with the model) while part A's functions are built.
import { randomBytes } from 'crypto'
import type { Grade } from '../../src/contracts/school/rules'
import { CHILD_POLICY_VERSION } from '../../src/contracts/school/rules'
import { sessionTallies } from '../../cloud/domain/school/tallies'
import { SCH_CHILDREN, SCH_SESSIONS, type ChildDoc, type EnrolmentEntry, type SessionDoc } from '../../cloud/domain/school/model'
import { nowMs } from '../../cloud/lib/dates'
import type { Harness } from './helpers'
import { resident, uniquePhone, volunteer } from './wishFixtures'
import { inDays } from '../clock'

const short = () => randomBytes(5).toString('hex')

/** A signed-up resident who is a guardian of a family (users.school.familyId). */
export async function guardian(h: Harness, community = '军门社区', familyId = `fam-${short()}`): Promise<{ openid: string; familyId: string }> {
  const openid = await resident(h, community, '家长')
  await h.update('users', { _id: openid }, { school: { familyId } })
  return { openid, familyId }
}

/** An approved volunteer assigned to the community's station (users.school.stations). */
export async function assignedVolunteer(h: Harness, community = '军门社区'): Promise<string> {
  const openid = await volunteer(h, community)
  await h.update('users', { _id: openid }, { school: { stations: [h.communityId(community)] } })
  return openid
}

export interface StagedChild {
  childId: string
  familyId: string
  guardians: string[]
  name: string
  healthNote?: string
  phone: string
  /** The authorised adult and their code. */
  adult: { id: string; name: string; code: string }
}

/** A child of the family in the store, with one authorised pick-up adult (code 1234 unless given). */
export async function stageChild(h: Harness, g: { openid: string; familyId: string }, over: Partial<ChildDoc> = {}): Promise<StagedChild> {
  const at = new Date(nowMs())
  const doc: ChildDoc = {
    _id: `child-${short()}`,
    familyId: g.familyId,
    guardianOpenids: [g.openid],
    name: '张小明',
    gender: 'male',
    birthDate: '2018-03-01',
    school: '军门小学',
    grade: 2,
    healthNote: '花生过敏',
    guardianPhone: uniquePhone(),
    pickups: [{ id: `ad-${short()}`, name: '王秀英', relation: '祖母', phone: uniquePhone(), code: '1234', codeAt: at }],
    consent: { version: CHILD_POLICY_VERSION, at, by: g.openid },
    status: 'active',
    createdAt: at,
    updatedAt: at,
    ...over,
  }
  await h.insert(SCH_CHILDREN, doc)
  const a = doc.pickups[0]
  return {
    childId: doc._id,
    familyId: doc.familyId,
    guardians: doc.guardianOpenids,
    name: doc.name,
    ...(doc.healthNote ? { healthNote: doc.healthNote } : {}),
    phone: doc.guardianPhone,
    adult: { id: a?.id ?? '', name: a?.name ?? '', code: a?.code ?? '' },
  }
}

/** An entry of the child in a session (enrolled unless said). */
export function entryOf(c: Pick<StagedChild, 'childId' | 'familyId' | 'guardians' | 'name' | 'healthNote'>, status: EnrolmentEntry['status'] = 'enrolled', grade: Grade = 2): EnrolmentEntry {
  const at = new Date(nowMs() - 40 * 86_400_000)
  return {
    childId: c.childId,
    familyId: c.familyId,
    status,
    at,
    by: c.guardians[0] ?? '',
    child: { name: c.name, gender: 'male', grade, allergy: !!c.healthNote, ...(c.healthNote ? { healthNote: c.healthNote } : {}) },
  }
}

/** A session of the community in the store: every weekday, the term from 30 days ago to 30 days on, with `entries`. */
export async function stageSession(h: Harness, entries: EnrolmentEntry[], over: Partial<SessionDoc> = {}, community = '军门社区'): Promise<string> {
  const at = new Date(nowMs())
  const doc: SessionDoc = {
    _id: `ses-${short()}`,
    communityId: h.communityId(community),
    name: '2026 秋季 四点钟学校 一至三年级',
    termStart: inDays(-30),
    termEnd: inDays(30),
    weekdays: [1, 2, 3, 4, 5, 6, 7],
    startTime: '16:00',
    endTime: '18:00',
    capacity: Math.max(30, entries.length),
    grades: { min: 1, max: 3 },
    opensAt: new Date(nowMs() - 60 * 86_400_000),
    closesAt: new Date(nowMs() - 45 * 86_400_000),
    mode: 'first_come',
    priorityGroups: [],
    activities: ['作业辅导', '阅读'],
    status: 'open',
    held: entries.filter((e) => e.status === 'enrolled' || e.status === 'offered').length,
    waiting: entries.filter((e) => e.status === 'waitlisted').length,
    entries,
    cancelledDays: [],
    days: {},
    rev: 0,
    createdBy: 'demo-staff',
    createdAt: at,
    updatedAt: at,
    ...over,
  }
  // Stamped as the tally job would have counted it, so a test's counters start true; a session staged `untallied`
  // is new to the counters (the tally job counts it).
  if (!doc.untallied) doc.tallied = sessionTallies(doc)
  await h.insert(SCH_SESSIONS, doc)
  return doc._id
}

/** A class: `n` children of `n` families (guardians without accounts) enrolled in one session. */
export async function stageClass(h: Harness, n: number, community = '军门社区'): Promise<{ sessionId: string; children: StagedChild[] }> {
  const children: StagedChild[] = []
  for (let i = 0; i < n; i++) {
    // Guardians who never call need no user document: a family id and an openid are enough for the entries.
    const g = { openid: `g-${short()}`, familyId: `fam-${short()}` }
    children.push(await stageChild(h, g, { name: `学生${String(i + 1).padStart(2, '0')}号` }))
  }
  const sessionId = await stageSession(
    h,
    children.map((c) => entryOf(c)),
    {},
    community,
  )
  return { sessionId, children }
}
