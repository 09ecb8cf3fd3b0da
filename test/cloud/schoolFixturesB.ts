// Fixtures for the enrolment tests (issue 11, part B): calls to the `school` function, and sessions, children and
// families staged directly in the store (typed with the model), so part B does not wait for part A's handlers.
import { randomBytes } from 'crypto'
import { nowMs } from '../../cloud/lib/dates'
import { SCH_CHILDREN, SCH_SESSIONS, type ChildDoc, type SessionDoc } from '../../cloud/domain/school/model'
import { isMutation, type Result } from '../../src/contracts'
import type { Grade } from '../../src/contracts/school/rules'
import { inDays } from '../clock'
import { rid, type Harness } from './helpers'
import { resident, uniquePhone } from './wishFixtures'

/** Calls `school` as `openid`; mutations get a fresh requestId unless one is given. Returns the raw Result. */
export async function sch<T = any>(h: Harness, openid: string, action: string, input: unknown = {}, requestId?: string | null): Promise<Result<T>> {
  const event: Record<string, unknown> = { action, input }
  if (requestId !== null && (requestId || isMutation('school', action))) event.requestId = requestId || rid()
  return (await h.emu.invoke('school', event, openid)) as Result<T>
}

/** Calls `school` and fails the test unless ok; returns data. */
export async function schOk<T = any>(h: Harness, openid: string, action: string, input: unknown = {}, requestId?: string): Promise<T> {
  const res = await sch<T>(h, openid, action, input, requestId)
  if (!res.ok) throw new Error(`school.${action} as ${openid} failed: ${res.code} ${res.message} ${JSON.stringify(res.issues ?? '')}`)
  return res.data
}

function uid(prefix: string): string {
  return `${prefix}${randomBytes(6).toString('hex')}`
}

export interface SessionOpts {
  community?: string
  capacity?: number
  mode?: SessionDoc['mode']
  grades?: SessionDoc['grades']
  /** The window, relative to now in ms (default: opened an hour ago, closes in 7 days). */
  opensInMs?: number
  closesInMs?: number
  announcedNumber?: string
  priorityGroups?: SessionDoc['priorityGroups']
  name?: string
}

/** A session staged in the store (as part A's saveSession makes it); returns its id. */
export async function stageSession(h: Harness, o: SessionOpts = {}): Promise<string> {
  const now = nowMs()
  const mode = o.mode ?? 'first_come'
  const doc: SessionDoc = {
    _id: uid('ses'),
    communityId: h.communityId(o.community ?? '军门社区'),
    name: o.name ?? '2027 春季 四点钟学校 一至三年级',
    termStart: inDays(30),
    termEnd: inDays(120),
    weekdays: [1, 2, 3, 4, 5],
    startTime: '16:00',
    endTime: '18:00',
    capacity: o.capacity ?? 30,
    grades: o.grades ?? { min: 1, max: 3 },
    opensAt: new Date(now + (o.opensInMs ?? -3600_000)),
    closesAt: new Date(now + (o.closesInMs ?? 7 * 86400_000)),
    mode,
    priorityGroups: o.priorityGroups ?? ['left_behind', 'low_income'],
    activities: ['作业辅导', '阅读'],
    status: 'open',
    held: 0,
    waiting: 0,
    entries: [],
    ...(mode === 'lottery' ? { lottery: { announcedNumber: o.announcedNumber ?? '8273', entries: [] } } : {}),
    cancelledDays: [],
    days: {},
    rev: 0,
    createdBy: 'demo-staff',
    createdAt: new Date(now),
    updatedAt: new Date(now),
  }
  await h.insert(SCH_SESSIONS, doc)
  return doc._id
}

export interface Family {
  guardian: string
  familyId: string
  phone: string
  childIds: string[]
}

/** A signed-up guardian with a family of `n` children (grade 2 unless given), staged in the store. */
export async function stageFamily(h: Harness, o: { community?: string; children?: number; grades?: Grade[]; names?: string[]; healthNote?: string } = {}): Promise<Family> {
  const guardian = await resident(h, o.community ?? '军门社区', '家长')
  const familyId = uid('fam')
  await h.update('users', { _id: guardian }, { school: { familyId } })
  const phone = uniquePhone()
  const n = o.children ?? 1
  const childIds: string[] = []
  for (let i = 0; i < n; i++) {
    const now = new Date(nowMs())
    const child: ChildDoc = {
      _id: uid('chd'),
      familyId,
      guardianOpenids: [guardian],
      name: o.names?.[i] ?? `林小${'一二三四五六'[i]}${randomBytes(1).toString('hex')}`,
      gender: i % 2 ? 'female' : 'male',
      birthDate: '2018-05-01',
      school: '鼓楼第一中心小学',
      grade: o.grades?.[i] ?? 2,
      ...(o.healthNote ? { healthNote: o.healthNote } : {}),
      guardianPhone: phone,
      pickups: [],
      consent: { version: '2026-11', at: now, by: guardian },
      status: 'active',
      createdAt: now,
      updatedAt: now,
    }
    await h.insert(SCH_CHILDREN, child)
    childIds.push(child._id)
  }
  return { guardian, familyId, phone, childIds }
}

/** The session as stored. */
export async function storedSession(h: Harness, id: string): Promise<SessionDoc> {
  return (await h.find(SCH_SESSIONS, { _id: id }))[0]
}

/** Runs the scheduler's offer-expiry job now (the other jobs are left as they are); returns its report. */
export async function runOfferJob(h: Harness): Promise<{ done: number; error?: string }> {
  if (!(await h.update('jobs', { _id: 'schedule' }, { 'next.schoolOfferExpiry': new Date(0) }))) await h.insert('jobs', { _id: 'schedule', next: { schoolOfferExpiry: new Date(0) } })
  const { result } = (await h.emu.fireTrigger('scheduler')) as { result: Result<{ jobs: Record<string, { done: number; error?: string }> }> }
  if (!result.ok) throw new Error(`scheduler failed: ${JSON.stringify(result)}`)
  const job = result.data.jobs.schoolOfferExpiry
  if (!job || job.error) throw new Error(`offer job: ${JSON.stringify(result.data)}`)
  return job
}
