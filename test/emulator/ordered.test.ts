/**
 * The ordered plan (Store.orderedCandidates): a sorted, skipped, limited query an index serves in order reads
 * documents in that order and stops after skip + limit matches. Its results must be exactly those of the
 * reference path (index narrowing or full scan, then mingo filter, sort, skip, limit) — checked on random
 * data and queries with ties, missing fields, several statuses, multikey prefixes, writes in between — and
 * it must fall back whenever the index order is not provably mingo's order.
 */
import { Store } from '../../cloud/emulator/store/store'
import { findDocs } from '../../cloud/emulator/engine/mongo'
import { Doc } from '../../cloud/emulator/engine/ejson'
import { rng, startTestEmulator, sdkFor, tmpDir } from './helpers'
import type { Emulator } from '../../cloud/emulator'

jest.setTimeout(60_000)

const DEFS = [
  { name: 'wall', keys: { communityId: 1, status: 1, publishedAt: -1 } as Record<string, 1 | -1> },
  { name: 'district', keys: { status: 1, publishedAt: -1 } as Record<string, 1 | -1> },
  { name: 'tagged', keys: { tags: 1, publishedAt: 1 } as Record<string, 1 | -1> },
  { name: 'score', keys: { communityId: 1, score: 1 } as Record<string, 1 | -1> },
  { name: 'label', keys: { kind: 1, label: 1 } as Record<string, 1 | -1> },
]

const COMMUNITIES = ['a', 'b', 'c']
const STATUSES = ['open', 'claimed', 'pending', 'done']
const BASE = Date.UTC(2026, 0, 1)

function randomDoc(r: ReturnType<typeof rng>, id: string): Doc {
  const doc: Doc = { _id: id, kind: 'k' }
  if (r.next() < 0.95) doc.communityId = r.pick(COMMUNITIES)
  if (r.next() < 0.95) doc.status = r.pick(STATUSES)
  const p = r.next()
  // Few distinct instants: many ties on the sort key. Some missing, some null.
  if (p < 0.85) doc.publishedAt = new Date(BASE + r.int(40) * 60_000)
  else if (p < 0.92) doc.publishedAt = null
  if (r.next() < 0.6) doc.tags = r.next() < 0.5 ? [r.pick(['x', 'y']), r.pick(['y', 'z'])] : r.pick(['x', 'y', 'z'])
  if (r.next() < 0.9) doc.score = r.int(15)
  if (r.next() < 0.9) doc.label = r.pick(['alpha', 'beta', 'Beta', 'gamma', '甲', '乙', ''])
  return doc
}

function randomQuery(r: ReturnType<typeof rng>): { query: Doc; order: Doc; skip: number; limit: number } {
  const query: Doc = {}
  const shape = r.int(4)
  if (shape === 0 || shape === 1) {
    if (r.next() < 0.7) query.communityId = r.next() < 0.5 ? r.pick(COMMUNITIES) : { $in: [r.pick(COMMUNITIES), r.pick(COMMUNITIES)] }
    query.status = r.next() < 0.4 ? r.pick(STATUSES) : { $in: [r.pick(STATUSES), r.pick(STATUSES), r.pick(STATUSES)] }
    const pa = r.next()
    if (pa < 0.4) query.publishedAt = { $lte: new Date(BASE + r.int(45) * 60_000) }
    else if (pa < 0.6) query.publishedAt = { $gte: new Date(BASE + r.int(45) * 60_000), $lt: new Date(BASE + 50 * 60_000) }
    if (r.next() < 0.2) query.tags = 'y'
  } else if (shape === 2) {
    query.tags = r.next() < 0.5 ? r.pick(['x', 'y', 'z']) : { $in: ['x', 'z'] }
    if (r.next() < 0.3) query.status = r.pick(STATUSES)
  } else {
    query.communityId = r.next() < 0.5 ? r.pick(COMMUNITIES) : { $in: COMMUNITIES }
    if (r.next() < 0.5) query.score = { $gte: r.int(10) }
    if (r.next() < 0.3) query.status = { $in: ['open', 'done'] }
  }
  const first = shape === 3 ? 'score' : shape === 2 && r.next() < 0.3 ? 'label' : 'publishedAt'
  const order: Doc = { [first]: r.next() < 0.5 ? -1 : 1 }
  const tie = r.next()
  if (tie < 0.6) order._id = r.next() < 0.5 ? -1 : 1
  else if (tie < 0.8) order.status = 1
  return { query, order, skip: r.next() < 0.3 ? 0 : r.int(r.next() < 0.2 ? 400 : 70), limit: 1 + r.int(r.next() < 0.2 ? 300 : 30) }
}

/** The query as database.getDocument answers it, through the ordered plan when `ordered` and one applies. */
function run(store: Store, coll: string, q: { query: Doc; order: Doc; skip: number; limit: number }, ordered: boolean) {
  store.useOrderedPlans = ordered
  const o = store.orderedCandidates(coll, q.query, q.order, q.skip + q.limit)
  store.useOrderedPlans = true
  const docs = o ? o.docs : store.candidates(coll, q.query).docs
  return { ids: findDocs(docs, q.query, { order: q.order, offset: q.skip, limit: q.limit }).map((d) => d._id), ordered: !!o }
}

function freshStore(): Store {
  const store = new Store(tmpDir())
  store.createCollection('w')
  for (const d of DEFS) store.ensureIndex('w', d)
  return store
}

test('random data and queries: the ordered plan answers exactly what the reference path answers', () => {
  const r = rng(20261128)
  const store = freshStore()
  let n = 0
  const ids: string[] = []
  const add = (k: number) => {
    const batch = Array.from({ length: k }, () => {
      const id = (n++).toString(16).padStart(6, '0') + r.pick(['a', 'b', 'c'])
      ids.push(id)
      return { coll: 'w', id, doc: randomDoc(r, id) }
    })
    store.write(batch)
  }
  add(1500)
  let orderedRuns = 0
  for (let round = 0; round < 8; round++) {
    for (let i = 0; i < 60; i++) {
      const q = randomQuery(r)
      const got = run(store, 'w', q, true)
      const want = run(store, 'w', q, false)
      expect({ q, ids: got.ids }).toEqual({ q, ids: want.ids })
      if (got.ordered) orderedRuns++
    }
    // Writes between rounds: updates, deletes, inserts (the kinds tracker and the index entries follow).
    const changes = Array.from({ length: 100 }, () => {
      const id = r.pick(ids)
      return r.next() < 0.2 ? { coll: 'w', id, doc: null } : { coll: 'w', id, doc: randomDoc(r, id) }
    })
    store.write(changes)
    add(100)
  }
  expect(orderedRuns).toBeGreaterThan(300)
  store.close()
})

test('skip and limit across batch and re-read boundaries, both directions, $in prefixes merged', () => {
  const store = freshStore()
  const docs = Array.from({ length: 3000 }, (_, i) => {
    const id = `id${String(i).padStart(5, '0')}`
    return { coll: 'w', id, doc: { _id: id, communityId: COMMUNITIES[i % 3], status: STATUSES[i % 4], publishedAt: new Date(BASE + Math.floor(i / 7) * 1000) } }
  })
  store.write(docs)
  const queries = [
    { status: { $in: ['open', 'claimed'] }, publishedAt: { $lte: new Date(BASE + 300_000) } },
    { communityId: 'b', status: { $in: ['open', 'claimed', 'done'] } },
    { communityId: { $in: ['a', 'c'] }, status: 'open' },
    { status: 'pending' },
  ]
  for (const query of queries) {
    for (const order of [{ publishedAt: -1, _id: -1 }, { publishedAt: 1, _id: 1 }, { publishedAt: -1, _id: 1 }, { publishedAt: 1 }]) {
      for (const [skip, limit] of [
        [0, 21],
        [43, 21],
        [63, 2],
        [64, 64],
        [250, 21],
        [255, 3],
        [1000, 100],
        [1020, 21],
        [1490, 50],
        [2999, 10],
      ]) {
        const q = { query, order, skip, limit }
        const got = run(store, 'w', q, true)
        expect(got.ordered).toBe(true)
        expect(got.ids).toEqual(run(store, 'w', q, false).ids)
      }
    }
  }
  store.close()
})

test('falls back when the index order is not provably mingo order: mixed kinds, multikey sort fields, no usable index', () => {
  const store = freshStore()
  const at = (i: number) => new Date(BASE + i * 1000)
  store.write(Array.from({ length: 50 }, (_, i) => ({ coll: 'w', id: `d${i}`, doc: { _id: `d${i}`, status: 'open', publishedAt: at(i), score: i, communityId: 'a' } })))
  const wall = { query: { status: 'open' }, order: { publishedAt: -1, _id: 1 }, skip: 0, limit: 5 }
  expect(run(store, 'w', wall, true).ordered).toBe(true)

  // A number among the dates: SQLite would order it with the dates' milliseconds; mingo puts numbers before dates.
  store.write([{ coll: 'w', id: 'n1', doc: { _id: 'n1', status: 'open', publishedAt: BASE + 49_500 } }])
  expect(run(store, 'w', wall, true)).toEqual({ ids: run(store, 'w', wall, false).ids, ordered: false })
  // Once seen, the kind stays on record (conservative): still the fallback after the number is gone.
  store.write([{ coll: 'w', id: 'n1', doc: null }])
  expect(run(store, 'w', wall, true).ordered).toBe(false)

  // A multikey sort field: arrays fall back.
  const scores = { query: { communityId: 'a' }, order: { score: 1 }, skip: 0, limit: 5 }
  expect(run(store, 'w', scores, true).ordered).toBe(true)
  store.write([{ coll: 'w', id: 'm1', doc: { _id: 'm1', communityId: 'a', score: [-1, 100] } }])
  expect(run(store, 'w', scores, true)).toEqual({ ids: run(store, 'w', scores, false).ids, ordered: false })

  // Strings mixed with objects fall back; strings alone do not.
  const labels = { query: { kind: 'k' }, order: { label: 1, _id: 1 }, skip: 0, limit: 3 }
  store.write(['b', 'a', 'c'].map((l) => ({ coll: 'w', id: `l${l}`, doc: { _id: `l${l}`, kind: 'k', label: l } })))
  expect(run(store, 'w', labels, true)).toEqual({ ids: ['la', 'lb', 'lc'], ordered: true })
  store.write([{ coll: 'w', id: 'lo', doc: { _id: 'lo', kind: 'k', label: { x: 1 } } }])
  expect(run(store, 'w', labels, true)).toEqual({ ids: run(store, 'w', labels, false).ids, ordered: false })

  // No index whose next key after the equalities is the sort field; an equality on the sort field; _id queries.
  for (const q of [
    { query: { status: 'open' }, order: { score: 1 } },
    { query: { communityId: 'a' }, order: { publishedAt: -1 } },
    { query: { status: 'open', publishedAt: at(3) }, order: { publishedAt: -1 } },
    { query: { _id: { $in: ['d1', 'd2'] }, status: 'open' }, order: { publishedAt: -1 } },
    { query: {}, order: { publishedAt: -1 } },
  ]) {
    expect(store.orderedCandidates('w', q.query, q.order, 5)).toBeUndefined()
  }
  store.close()
})

test('kinds on record are kept in the database by writes: a restart reads them, no scan; a file without them is scanned once', () => {
  const dir = tmpDir()
  let store = new Store(dir)
  store.createCollection('w')
  for (const d of DEFS) store.ensureIndex('w', d)
  const q = { query: { status: 'open' }, order: { publishedAt: -1 }, skip: 0, limit: 1 }
  store.write([{ coll: 'w', id: 'a', doc: { _id: 'a', status: 'open', publishedAt: new Date(BASE) } }])
  expect(run(store, 'w', q, true)).toEqual({ ids: ['a'], ordered: true })
  store.write([{ coll: 'w', id: 'b', doc: { _id: 'b', status: 'open', publishedAt: BASE + 5 } }])
  expect(run(store, 'w', q, true)).toEqual({ ids: ['a'], ordered: false })
  store.close()
  // Behind the store's back, the number goes: the kinds come from the database, not from a scan, so they still
  // hold it (kinds only grow) and the plan stays the reference path.
  store = new Store(dir)
  store.db.prepare("DELETE FROM docs WHERE id = 'b'").run()
  store.db.prepare("DELETE FROM index_entries WHERE id = 'b'").run()
  store.close()
  store = new Store(dir)
  expect(run(store, 'w', q, true)).toEqual({ ids: ['a'], ordered: false })
  // A file from before the kinds table (none on record): scanned once on first use, then ordered again.
  store.db.prepare('DELETE FROM value_kinds').run()
  store.close()
  store = new Store(dir)
  expect(run(store, 'w', q, true)).toEqual({ ids: ['a'], ordered: true })
  expect(store.db.prepare("SELECT kinds FROM value_kinds WHERE coll = 'w' AND field = 'publishedAt'").get()).toEqual({ kinds: '["date"]' })
  store.close()
})

describe('through the real wx-server-sdk', () => {
  let emu: Emulator
  let db: any
  let _: any
  const N = 3000
  const now = new Date(BASE + N * 1000)

  beforeAll(async () => {
    emu = await startTestEmulator()
    db = sdkFor(emu.url + '/tcb', emu.credentials).database()
    _ = db.command
    const store = emu.core.store
    if (!store.hasCollection('wishes')) store.createCollection('wishes')
    const r = rng(7)
    store.write(
      Array.from({ length: N }, (_x, i) => {
        const id = `w${String(i).padStart(5, '0')}`
        const doc: Doc = { _id: id, communityId: r.pick(COMMUNITIES), status: r.pick(['open', 'claimed', 'fulfilled', 'pending_review']), title: `wish ${i}` }
        if (doc.status !== 'pending_review') doc.publishedAt = new Date(BASE + r.int(N) * 1000)
        return { coll: 'wishes', id, doc }
      }),
    )
  })
  afterAll(() => emu.close())

  const wall = (where: Doc, dir: 'asc' | 'desc', skip: number, limit: number) =>
    db.collection('wishes').where(where).orderBy('publishedAt', dir).orderBy('_id', dir).skip(skip).limit(limit).field({ title: true, publishedAt: true }).get()

  test('the walls answer as the reference path does, and the ordered plan reads few documents', async () => {
    const store = emu.core.store
    const district = { status: _.in(['open', 'claimed', 'fulfilled']), publishedAt: _.lte(now) }
    const community = { communityId: 'b', status: _.in(['open', 'claimed']), publishedAt: _.lte(now) }
    const matching = (await db.collection('wishes').where(district).count()).total
    expect(matching).toBeGreaterThan(2000)
    for (const where of [district, community]) {
      for (const dir of ['desc', 'asc'] as const) {
        for (const [skip, limit] of [
          [0, 21],
          [21, 21],
          [60, 21],
          [250, 21],
          [1000, 21],
        ]) {
          const before = store.stats.docsLoaded
          const plans = store.stats.orderedPlans
          const got = (await wall(where, dir, skip, limit)).data
          const loaded = store.stats.docsLoaded - before
          expect(store.stats.orderedPlans).toBe(plans + 1)
          expect(loaded).toBeLessThan(skip + limit + 2 * 64 + 50)
          store.useOrderedPlans = false
          const want = (await wall(where, dir, skip, limit)).data
          store.useOrderedPlans = true
          expect(got).toEqual(want)
          if (skip < 400) expect(got).toHaveLength(limit)
        }
      }
    }
  })

  test('the first page of the district wall loads a small fraction of the matching documents', async () => {
    const store = emu.core.store
    const where = { status: _.in(['open', 'claimed', 'fulfilled']), publishedAt: _.lte(now) }
    const matching = (await db.collection('wishes').where(where).count()).total
    const before = store.stats.docsLoaded
    const page = (await wall(where, 'desc', 0, 21)).data
    const loaded = store.stats.docsLoaded - before
    expect(page).toHaveLength(21)
    expect(loaded).toBeLessThanOrEqual(2 * 64)
    expect(loaded * 10).toBeLessThan(matching)
    store.useOrderedPlans = false
    const b2 = store.stats.docsLoaded
    await wall(where, 'desc', 0, 21)
    store.useOrderedPlans = true
    expect(store.stats.docsLoaded - b2).toBeGreaterThanOrEqual(matching)
  })

  test('the per-call query report keeps coll:index for an ordered plan', async () => {
    const seen: string[] = []
    const orig = emu.core.noteQuery.bind(emu.core)
    emu.core.noteQuery = (s: any, coll: string, index?: string) => {
      seen.push(`${coll}:${index || 'SCAN'}`)
      orig(s, coll, index)
    }
    await wall({ status: _.in(['open', 'claimed']), publishedAt: _.lte(now) }, 'desc', 0, 21)
    await wall({ communityId: 'a', status: 'open', publishedAt: _.lte(now) }, 'desc', 0, 21)
    emu.core.noteQuery = orig
    expect(seen).toEqual(['wishes:district', 'wishes:wall'])
  })

  test('a multikey prefix is deduplicated and a sorted read inside a transaction takes the reference path', async () => {
    const store = emu.core.store
    await db.collection('users').add({ data: { _id: 'u-multi', communityId: 'a', staffCommunityIds: ['a', 'b'] } })
    // users.staff is a single-key index: no sort key after it, so no ordered plan; the result still holds each user once.
    const got = (
      await db
        .collection('users')
        .where({ staffCommunityIds: _.in(['a', 'b']) })
        .orderBy('_id', 'asc')
        .get()
    ).data
    expect(got.map((u: Doc) => u._id)).toEqual(['u-multi'])
    const plans = store.stats.orderedPlans
    const res = await db.runTransaction(async (t: any) => t.collection('wishes').where({ status: 'open' }).orderBy('publishedAt', 'desc').limit(3).get())
    expect(res.data).toHaveLength(3)
    expect(store.stats.orderedPlans).toBe(plans)
  })
})
