/** Collections, indexes and demo data: created from cloud/collections.json on start, seeded when empty. */
import fs from 'fs'
import path from 'path'
import { Store } from '../store/store'
import type { IndexDef } from '../store/indexes'
import { COMMUNITIES } from './communities'
import { demoUsers, demoApplications, bulkUsers } from './users'
import { bulkWishes, demoWishes } from './wishes'
import { nowMs } from '../../lib/dates'
import { demoVolunteerUsers, volunteerDemo } from './volunteer'
import { schoolDemo } from './school'
import { elderDemo } from './elder'
import { SCH_CHILDREN, SCH_CONSENTS, SCH_SESSIONS } from '../../domain/school/model'
import { ELD_ACTIVITIES, ELD_OCCURRENCES, ELD_PROFILES } from '../../domain/elder/model'
import type { Change } from '../store/store'

export interface CollectionSpec {
  name: string
  indexes: IndexDef[]
}

/** Read the checked-in collection list (the same file deployment uses). */
export function loadCollectionSpecs(file = path.resolve(__dirname, '../../collections.json')): CollectionSpec[] {
  const json = JSON.parse(fs.readFileSync(file, 'utf8'))
  return json.collections as CollectionSpec[]
}

/** Create every declared collection and index (idempotent); drop indexes no longer declared. */
export function ensureCollections(store: Store, specs: CollectionSpec[] = loadCollectionSpecs()): void {
  for (const spec of specs) {
    store.createCollection(spec.name)
    const declared = new Set((spec.indexes || []).map((ix) => ix.name))
    for (const old of store.indexesOf(spec.name)) if (!declared.has(old.name)) store.dropIndex(spec.name, old.name)
    for (const ix of spec.indexes || []) store.ensureIndex(spec.name, ix)
  }
}

/** Insert the demo data (communities, personas' users and applications). */
export function seedDemoData(store: Store, now = nowMs()): void {
  store.write([
    ...COMMUNITIES.map((d) => ({ coll: 'communities', id: d._id, doc: { ...d } })),
    ...demoUsers(now).map((d) => ({ coll: 'users', id: d._id, doc: { ...d } })),
    ...demoApplications(now).map((d) => ({ coll: 'volunteer_applications', id: d._id, doc: { ...d } })),
    ...demoWishes(now).map((d) => ({ coll: 'wishes', id: d._id, doc: { ...d } })),
  ])
}

/**
 * Add the volunteer service's demo (projects, slots around now, the demo volunteers' record fields, ledger entries
 * and their summary) on top of seedDemoData: `npm start` only, since the tests stage their own volunteer data.
 */
export function seedVolunteerDemo(store: Store, now = nowMs()): void {
  const d = volunteerDemo(now)
  store.write([
    ...demoVolunteerUsers(demoUsers(now), now).map((doc) => ({ coll: 'users', id: doc._id, doc: { ...doc } })),
    ...d.projects.map((doc) => ({ coll: 'vol_projects', id: doc._id, doc: { ...doc } })),
    ...d.slots.map((doc) => ({ coll: 'vol_slots', id: doc._id, doc: { ...doc } })),
    ...d.ledger.map((doc) => ({ coll: 'vol_ledger', id: doc._id, doc: { ...doc } })),
    ...d.summaries.map((doc) => ({ coll: 'vol_summaries', id: doc._id, doc: { ...doc } })),
    // The numbers given above were taken from 军门's sequence: the numbering job goes on from there.
    { coll: 'vol_sequences', id: 'junmen', doc: { _id: 'junmen', seq: 2, updatedAt: new Date(now) } },
  ])
}

/** The writes of `docs` into `coll`, each by its _id. */
function rows(coll: string, docs: readonly { _id: string }[]): Change[] {
  return docs.map((doc) => ({ coll, id: doc._id, doc: { ...doc } }))
}

/**
 * Add the 4 o'clock school's demo (cloud/emulator/seed/school.ts: 军门's station, this term's full session with its
 * waitlist, an open offer and attendance, a 摇号 open for entries, the guardians' consents and children) on top of
 * seedDemoData: `npm start` only. 林阿姨's family and 陈志远's station are set on their user documents as stored.
 */
export function seedSchoolDemo(store: Store, now = nowMs()): void {
  const d = schoolDemo(now)
  const users = d.users.flatMap(({ openid, school }) => {
    const u = store.getById('users', openid)?.doc
    return u ? [{ coll: 'users', id: openid, doc: { ...u, school: { ...(u.school as object), ...school } } }] : []
  })
  store.write([...users, ...rows(SCH_CONSENTS, d.consents), ...rows(SCH_CHILDREN, d.children), ...rows(SCH_SESSIONS, d.sessions)])
}

/**
 * Add elder activities' demo (cloud/emulator/seed/elder.ts: 军门's six activities, two managed profiles, the stored
 * occurrences with sign-ups, exceptions and check-ins) on top of seedDemoData: `npm start` only.
 */
export function seedElderDemo(store: Store, now = nowMs()): void {
  const d = elderDemo(now)
  store.write([...rows(ELD_ACTIVITIES, d.activities), ...rows(ELD_PROFILES, d.profiles), ...rows(ELD_OCCURRENCES, d.occurrences)])
}

/** Add `n` bulk residents (bench data) in one transaction. */
export function seedBulkUsers(store: Store, n: number, now = nowMs()): void {
  store.write(
    bulkUsers(
      n,
      COMMUNITIES.map((c) => c._id),
      now,
    ).map((d) => ({ coll: 'users', id: d._id, doc: { ...d } })),
  )
}

/** Add `n` bulk wishes (bench data: ids `bulkwish-…`, posted by and claimed by the bulk users; `perDay`: see bulkWishes) in one transaction. */
export function seedBulkWishes(store: Store, n: number, now = nowMs(), perDay?: number): void {
  store.write(
    bulkWishes(
      n,
      COMMUNITIES.map((c) => c._id),
      now,
      10_000,
      perDay,
    ).map((d) => ({ coll: 'wishes', id: d._id, doc: { ...d } })),
  )
}
