// Fixtures for the enrolment tests (issue 11, part B): sessions, children and
// families staged directly in the store (typed with the model), so part B does not wait for part A's handlers.
import { randomBytes } from 'crypto'
import { nowMs } from '../../cloud/lib/dates'
import { SCH_CHILDREN, SCH_SESSIONS, type SessionDoc } from '../../cloud/domain/school/model'
import type { Grade } from '../../src/contracts/school/rules'
import { childDoc, sessionDoc, stagedId, type SessionOpts } from '../support/schoolEnrolmentDocs'
import { runJob, type Harness } from './helpers'
import { resident, uniquePhone } from './wishFixtures'

/** A session staged in the store (as part A's saveSession makes it); returns its id. */
export async function stageSession(h: Harness, o: SessionOpts & { community?: string } = {}): Promise<string> {
  const doc = sessionDoc(h.communityId(o.community ?? '军门社区'), nowMs(), o)
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
  const familyId = stagedId('fam')
  await h.update('users', { _id: guardian }, { school: { familyId } })
  const phone = uniquePhone()
  const childIds: string[] = []
  for (let i = 0; i < (o.children ?? 1); i++) {
    const name = o.names?.[i] ?? `林小${'一二三四五六'[i]}${randomBytes(1).toString('hex')}`
    const child = childDoc(guardian, familyId, nowMs(), { name, grade: o.grades?.[i], healthNote: o.healthNote, phone, gender: i % 2 ? 'female' : 'male' })
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
  const job = await runJob(h, 'schoolOfferExpiry')
  if (!job || job.error) throw new Error(`offer job: ${JSON.stringify(job)}`)
  return job
}
