/** The store below the wire: index entries (multikey), the planner, SQLite's use of the index, snapshots. */
import { Store } from '../../cloud/emulator/store/store'
import { entriesFor, planQuery, valuesAt } from '../../cloud/emulator/store/indexes'
import { TxManager } from '../../cloud/emulator/store/transactions'
import { tmpDir } from './helpers'

const defs = [
  { name: 'queue', keys: { communityId: 1, status: 1, createdAt: -1 } as Record<string, 1 | -1> },
  { name: 'staff', keys: { staffCommunityIds: 1 } as Record<string, 1 | -1> },
]

test('valuesAt descends through arrays (multikey) and reports missing values', () => {
  expect(valuesAt({ a: [{ b: 1 }, { b: [2, 3] }] }, ['a', 'b'])).toEqual([1, 2, 3])
  expect(valuesAt({ a: 1 }, ['x'])).toEqual([undefined])
  expect(valuesAt({ t: [] }, ['t'])).toEqual([undefined])
})

test('entriesFor makes one row per array element, padded to four keys', () => {
  expect(entriesFor({ staffCommunityIds: ['a', 'b'] }, defs[1])).toEqual([
    ['a', null, null, null],
    ['b', null, null, null],
  ])
  const at = new Date(1000)
  expect(entriesFor({ communityId: 'c', status: 'pending', createdAt: at }, defs[0])).toEqual([['c', 'pending', 1000, null]])
})

test('the planner uses the longest equality prefix plus one range, and nothing for non-indexable queries', () => {
  expect(planQuery({ communityId: 'c', status: 'pending', createdAt: { $lt: new Date(5) } }, defs)).toMatchObject({ index: 'queue', keysUsed: 3 })
  expect(planQuery({ communityId: { $in: ['a', 'b'] } }, defs)).toMatchObject({ index: 'queue', keysUsed: 1 })
  expect(planQuery({ status: 'pending' }, defs)).toBeUndefined()
  expect(planQuery({ communityId: /c/ }, defs)).toBeUndefined()
  expect(planQuery({ $or: [{ communityId: 'c' }] }, defs)).toBeUndefined()
  expect(planQuery({ $and: [{ communityId: 'c' }, { status: 'x' }] }, defs)).toMatchObject({ keysUsed: 2 })
})

test('SQLite answers an indexed query from the index (EXPLAIN QUERY PLAN)', () => {
  const store = new Store(tmpDir())
  store.createCollection('apps')
  store.ensureIndex('apps', defs[0])
  const plan = planQuery({ communityId: 'c', status: 'pending' }, defs)!
  const sql = `SELECT e.id FROM index_entries e WHERE e.coll = ? AND e.ix = ? AND ${plan.where}`
  const rows = store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all('apps', plan.index, ...plan.params) as { detail: string }[]
  expect(rows.map((r) => r.detail).join(' ')).toMatch(/USING (COVERING )?INDEX index_entries_keys/)
  store.close()
})

test('indexes declared after data exists are backfilled; candidates are a superset that mingo narrows', () => {
  const store = new Store(tmpDir())
  store.createCollection('users')
  store.write([
    { coll: 'users', id: 'a', doc: { _id: 'a', staffCommunityIds: ['x', 'y'] } },
    { coll: 'users', id: 'b', doc: { _id: 'b', staffCommunityIds: [] } },
    { coll: 'users', id: 'c', doc: { _id: 'c', staffCommunityIds: 'x' } },
  ])
  store.ensureIndex('users', defs[1])
  const c = store.candidates('users', { staffCommunityIds: 'x' })
  expect(c.index).toBe('staff')
  expect(c.docs.map((d) => d._id).sort()).toEqual(['a', 'c'])
  store.write([{ coll: 'users', id: 'a', doc: { _id: 'a', staffCommunityIds: ['y'] } }])
  expect(store.candidates('users', { staffCommunityIds: 'x' }).docs.map((d) => d._id)).toEqual(['c'])
  store.close()
})

test('a transaction reads its snapshot, not later commits; the write-set check catches the conflict', () => {
  const store = new Store(tmpDir())
  store.createCollection('k')
  store.write([{ coll: 'k', id: '1', doc: { _id: '1', n: 0 } }])
  const txm = new TxManager(store)
  const t1 = txm.start('s1')
  const tx = txm.get(t1)!
  store.write([{ coll: 'k', id: '1', doc: { _id: '1', n: 5 } }])
  expect(txm.read(tx, 'k', '1')).toEqual({ _id: '1', n: 0 })
  txm.stage(tx, 'k', '1', { _id: '1', n: 1 })
  expect(txm.read(tx, 'k', '1')).toEqual({ _id: '1', n: 1 })
  expect(txm.commit(t1)).toBe('conflict')
  expect(store.getById('k', '1')!.doc.n).toBe(5)
  expect(txm.commit(t1)).toBe('unknown')
  const t2 = txm.start('s1')
  txm.stage(txm.get(t2)!, 'k', '1', { _id: '1', n: 6 })
  expect(txm.commit(t2)).toBe('committed')
  expect(store.getById('k', '1')!.doc.n).toBe(6)
  txm.closeAll()
  store.close()
})

test('ensureCollections follows the declared list: new indexes built, removed ones dropped', () => {
  const { ensureCollections } = require('../../cloud/emulator/seed')
  const store = new Store(tmpDir())
  ensureCollections(store, [
    {
      name: 'x',
      indexes: [
        { name: 'a', keys: { a: 1 } },
        { name: 'b', keys: { b: 1 } },
      ],
    },
  ])
  expect(store.indexesOf('x').map((d) => d.name)).toEqual(['a', 'b'])
  ensureCollections(store, [{ name: 'x', indexes: [{ name: 'b', keys: { b: 1, c: 1 } }] }])
  expect(store.indexesOf('x')).toEqual([{ name: 'b', keys: { b: 1, c: 1 } }])
  expect(store.db.prepare("SELECT COUNT(*) AS n FROM index_defs WHERE coll = 'x'").get()).toEqual({ n: 1 })
  store.close()
})
