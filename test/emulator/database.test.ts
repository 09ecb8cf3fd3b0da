/** Database fidelity: the real wx-server-sdk against the emulator — queries, updates, errors, limits. */
import { startTestEmulator, sdkFor, tcbPost } from './helpers'
import type { Emulator } from '../../cloud/emulator'
import { testNow } from '../clock'

jest.setTimeout(60_000)

let emu: Emulator
let db: any
let _: any

beforeAll(async () => {
  emu = await startTestEmulator()
  const cloud = sdkFor(emu.url + '/tcb', emu.credentials)
  db = cloud.database()
  _ = db.command
  await db.createCollection('items')
  await db.collection('items').add({
    data: {
      _id: 'a',
      n: 1,
      tags: ['x', 'y'],
      obj: { c: 2, d: 'deep' },
      name: 'Apple',
      scores: [1, 5, 9],
      kind: 'fruit',
      rows: [
        { a: 1, b: 'x' },
        { a: 5, b: 'y' },
      ],
    },
  })
  await db.collection('items').add({ data: { _id: 'b', n: 2, tags: ['y'], obj: { c: 3 }, name: 'banana', scores: [2, 4], kind: 'fruit', rows: [{ a: 5, b: 'x' }] } })
  await db.collection('items').add({ data: { _id: 'c', n: 3, tags: [], name: 'Carrot', scores: [7], kind: 'veg', opt: null } })
  await db.collection('items').add({ data: { _id: 'd', n: 10, tags: ['x'], obj: { c: 2 }, name: 'date', scores: [], kind: 'fruit' } })
})

afterAll(() => emu.close())

const ids = async (q: any) => (await q.get()).data.map((d: any) => d._id).sort()

describe('query operators', () => {
  const items = () => db.collection('items')
  test.each([
    ['eq', () => ({ n: _.eq(2) }), ['b']],
    ['ne', () => ({ n: _.neq(2) }), ['a', 'c', 'd']],
    ['gt', () => ({ n: _.gt(2) }), ['c', 'd']],
    ['gte', () => ({ n: _.gte(2) }), ['b', 'c', 'd']],
    ['lt', () => ({ n: _.lt(2) }), ['a']],
    ['lte', () => ({ n: _.lte(2) }), ['a', 'b']],
    ['in', () => ({ n: _.in([1, 3]) }), ['a', 'c']],
    ['nin', () => ({ n: _.nin([1, 3]) }), ['b', 'd']],
    ['exists true', () => ({ obj: _.exists(true) }), ['a', 'b', 'd']],
    ['exists false', () => ({ obj: _.exists(false) }), ['c']],
    ['size', () => ({ tags: _.size(2) }), ['a']],
    ['all', () => ({ tags: _.all(['x', 'y']) }), ['a']],
    // NOTE: the SDK serialises elemMatch(<command>) on scalar arrays into garbage, so only the object form is usable.
    ['elemMatch', () => ({ rows: _.elemMatch({ a: _.gt(4), b: 'y' }) }), ['a']],
    ['mod', () => ({ n: _.mod([2, 0]) }), ['b', 'd']],
    ['not', () => ({ n: _.not(_.gt(2)) }), ['a', 'b']],
    ['and', () => _.and([{ n: _.gt(1) }, { kind: 'fruit' }]), ['b', 'd']],
    ['or', () => _.or([{ n: 1 }, { kind: 'veg' }]), ['a', 'c']],
    ['field-level or', () => ({ n: _.lt(2).or(_.gt(5)) }), ['a', 'd']],
    ['nested object (flattened to dot path)', () => ({ obj: { c: 2 } }), ['a', 'd']],
    ['dot path string', () => ({ 'obj.d': 'deep' }), ['a']],
    ['array contains scalar', () => ({ tags: 'x' }), ['a', 'd']],
    ['db.RegExp', () => ({ name: db.RegExp({ regexp: '^[ab]', options: 'i' }) }), ['a', 'b']],
    ['JS RegExp', () => ({ name: /^c/i }), ['c']],
  ])('%s', async (_name, where, expected) => {
    expect(await ids(items().where((where as () => object)()))).toEqual(expected)
  })

  test('orderBy, skip, limit, field', async () => {
    const r = await db.collection('items').orderBy('kind', 'desc').orderBy('n', 'asc').skip(1).limit(2).field({ name: true, n: true }).get()
    expect(r.data).toEqual([
      { _id: 'a', name: 'Apple', n: 1 },
      { _id: 'b', name: 'banana', n: 2 },
    ])
  })

  test('count', async () => {
    expect((await db.collection('items').where({ kind: 'fruit' }).count()).total).toBe(3)
    expect((await db.collection('items').count()).total).toBe(4)
  })

  test('doc().get() of a missing document throws (errCode -1) unless throwOnNotFound is false', async () => {
    await expect(db.collection('items').doc('zzz').get()).rejects.toMatchObject({ errCode: -1 })
  })
})

describe('serverDate', () => {
  test('in add, in update and in a query', async () => {
    const before = testNow()
    await db.collection('items').add({ data: { _id: 'sd', at: db.serverDate(), later: db.serverDate({ offset: 60_000 }) } })
    const { data } = await db.collection('items').doc('sd').get()
    expect(data.at).toBeInstanceOf(Date)
    expect(data.at.getTime()).toBeGreaterThanOrEqual(before - 5)
    expect(data.later.getTime() - data.at.getTime()).toBeGreaterThanOrEqual(59_990)
    await db
      .collection('items')
      .doc('sd')
      .update({ data: { at2: db.serverDate({ offset: -1000 }) } })
    const { data: d2 } = await db.collection('items').doc('sd').get()
    expect(d2.at2).toBeInstanceOf(Date)
    expect(await ids(db.collection('items').where({ later: _.gt(db.serverDate()) }))).toEqual(['sd'])
    expect(await ids(db.collection('items').where({ at: _.gt(db.serverDate()) }))).toEqual([])
    await db.collection('items').doc('sd').remove()
  })
})

describe('update operators', () => {
  const coll = () => db.collection('items')
  const fresh = async (doc: object) => {
    await coll().doc('u').remove()
    await coll().add({ data: { _id: 'u', ...doc } })
  }
  const update = async (data: object) => {
    const r = await coll().doc('u').update({ data })
    const { data: doc } = await coll().doc('u').get()
    return { updated: r.stats.updated, doc }
  }

  test('inc, mul, min, max', async () => {
    await fresh({ a: 1, b: 2, c: 5, d: 5 })
    const { doc, updated } = await update({ a: _.inc(2), b: _.mul(3), c: _.min(3), d: _.max(9) })
    expect(updated).toBe(1)
    expect(doc).toMatchObject({ a: 3, b: 6, c: 3, d: 9 })
  })

  test('remove, rename, nested $set', async () => {
    await fresh({ a: 1, b: 2, o: { x: 1, y: 2 } })
    const { doc } = await update({ a: _.remove(), b: _.rename('bb'), o: { y: 3 } })
    expect(doc).toEqual({ _id: 'u', bb: 2, o: { x: 1, y: 3 } })
  })

  test('_.set replaces a whole object', async () => {
    await fresh({ o: { x: 1, y: 2 } })
    expect((await update({ o: _.set({ z: 1 }) })).doc.o).toEqual({ z: 1 })
  })

  test('push with each/position/slice/sort, unshift', async () => {
    await fresh({ t: [5, 1] })
    expect((await update({ t: _.push(3) })).doc.t).toEqual([5, 1, 3])
    expect((await update({ t: _.push({ each: [9, 0], position: 1 }) })).doc.t).toEqual([5, 9, 0, 1, 3])
    expect((await update({ t: _.push({ each: [7], sort: 1, slice: 3 }) })).doc.t).toEqual([0, 1, 3])
    expect((await update({ t: _.unshift([-1, -2]) })).doc.t).toEqual([-1, -2, 0, 1, 3])
  })

  test('pop, shift, pull, pullAll', async () => {
    await fresh({ t: [1, 2, 3, 4, 2, 5] })
    expect((await update({ t: _.pop() })).doc.t).toEqual([1, 2, 3, 4, 2])
    expect((await update({ t: _.shift() })).doc.t).toEqual([2, 3, 4, 2])
    expect((await update({ t: _.pull(2) })).doc.t).toEqual([3, 4])
    await fresh({ t: [1, 2, 3, 4, 2, 5] })
    expect((await update({ t: _.pull(_.gt(3)) })).doc.t).toEqual([1, 2, 3, 2])
    expect((await update({ t: _.pullAll([1, 2]) })).doc.t).toEqual([3])
  })

  test('addToSet, including the {each:[…]} quirk', async () => {
    await fresh({ t: ['a'] })
    expect((await update({ t: _.addToSet('a') })).doc.t).toEqual(['a'])
    expect((await update({ t: _.addToSet('b') })).doc.t).toEqual(['a', 'b'])
    expect((await update({ t: _.addToSet({ each: ['b', 'c', 'd'] }) })).doc.t).toEqual(['a', 'b', 'c', 'd'])
  })

  test('an update that changes nothing reports updated 0', async () => {
    await fresh({ a: 1 })
    expect((await update({ a: 1 })).updated).toBe(0)
  })

  test('where().update() counts modified documents', async () => {
    await coll().add({ data: { _id: 'w1', grp: 'w', v: 1 } })
    await coll().add({ data: { _id: 'w2', grp: 'w', v: 2 } })
    await coll().add({ data: { _id: 'w3', grp: 'w', v: 2 } })
    const r = await coll()
      .where({ grp: 'w' })
      .update({ data: { v: 2 } })
    expect(r.stats.updated).toBe(1)
    const r2 = await coll().where({ grp: 'w', v: 2 }).remove()
    expect(r2.stats.removed).toBe(3)
  })
})

describe('set, remove, aggregate', () => {
  test('set() upserts: stats.created is 1 only when created; replaces otherwise', async () => {
    const c = db.collection('items')
    const r1 = await c.doc('s1').set({ data: { a: 1, b: 2 } })
    expect(r1.stats).toMatchObject({ created: 1 })
    expect(r1._id).toBe('s1')
    const r2 = await c.doc('s1').set({ data: { a: 5 } })
    expect(r2.stats).toMatchObject({ updated: 1, created: 0 })
    expect((await c.doc('s1').get()).data).toEqual({ _id: 's1', a: 5 })
    const r3 = await c.doc('s1').remove()
    expect(r3.stats.removed).toBe(1)
    expect((await c.doc('s1').remove()).stats.removed).toBe(0)
  })

  test('aggregate: match, group, sort, project, skip, limit, count', async () => {
    const $ = db.command.aggregate
    const r = await db
      .collection('items')
      .aggregate()
      .match({ kind: _.exists(true) })
      .group({ _id: '$kind', total: $.sum('$n'), count: $.sum(1) })
      .sort({ total: -1 })
      .project({ _id: 0, kind: '$_id', total: 1, count: 1 })
      .end()
    expect(r.list).toEqual([
      { kind: 'fruit', total: 13, count: 3 },
      { kind: 'veg', total: 3, count: 1 },
    ])
    const r2 = await db.collection('items').aggregate().match({ kind: 'fruit' }).sort({ n: 1 }).skip(1).limit(1).end()
    expect(r2.list.map((d: any) => d._id)).toEqual(['b'])
    const r3 = await db.collection('items').aggregate().match({ kind: 'fruit' }).count('c').end()
    expect(r3.list).toEqual([{ c: 3 }])
  })
})

describe('errors CloudBase raises', () => {
  test('duplicate _id on insert', async () => {
    await expect(db.collection('items').add({ data: { _id: 'a' } })).rejects.toMatchObject({ errCode: -502001, errMsg: expect.stringContaining('duplicate key') })
  })
  test('write to a missing collection', async () => {
    await expect(db.collection('nope').add({ data: { x: 1 } })).rejects.toMatchObject({ errCode: -502005 })
    await expect(
      db
        .collection('nope')
        .doc('x')
        .update({ data: { x: 1 } }),
    ).rejects.toMatchObject({ errCode: -502005 })
  })
  test("field names starting with '$' are refused", async () => {
    await expect(db.collection('items').add({ data: { ok: 1, nested: { $bad: 1 } } })).rejects.toMatchObject({ errCode: -502001 })
  })
  test('unknown update operator is refused', async () => {
    const res = await tcbPost(emu.url + '/tcb', emu.credentials, {
      action: 'database.modifyDocument',
      collectionName: 'items',
      queryType: 'DOC',
      query: '{"_id":"a"}',
      data: '{"$bogus":{"n":1}}',
      merge: true,
    })
    expect(await res.json()).toMatchObject({ code: 'DATABASE_INVALID_OPERRATOR' })
  })
})

describe('get() limit', () => {
  beforeAll(async () => {
    await db.createCollection('many')
    const c = db.collection('many')
    await Promise.all(Array.from({ length: 150 }, (_v, i) => c.add({ data: { i } })))
  })
  test('default 100 of 150', async () => {
    expect((await db.collection('many').get()).data).toHaveLength(100)
  })
  test('limit(1000) returns all 150', async () => {
    expect((await db.collection('many').limit(1000).get()).data).toHaveLength(150)
  })
  test('the server clamps a raw request above 1000 and defaults a missing limit to 100', async () => {
    const post = (body: object) => tcbPost(emu.url + '/tcb', emu.credentials, { collectionName: 'many', queryType: 'WHERE', ...body }).then((r) => r.json())
    expect((await post({ action: 'database.getDocument' })).data.list).toHaveLength(100)
    expect((await post({ action: 'database.getDocument', limit: 5000 })).data.list).toHaveLength(150)
  })
})

describe('indexes', () => {
  test('queries on declared indexes use them, including array membership (multikey)', async () => {
    const users = db.collection('users')
    await users.add({ data: { _id: 'x1', communityId: 'junmen', staffCommunityIds: ['junmen', 'qingcheng'] } })
    await users.add({ data: { _id: 'x2', communityId: 'qingcheng', staffCommunityIds: [] } })
    const seen: string[] = []
    const orig = emu.core.noteQuery.bind(emu.core)
    emu.core.noteQuery = (s, coll, index) => {
      seen.push(`${coll}:${index || 'SCAN'}`)
      orig(s, coll, index)
    }
    expect(await ids(users.where({ communityId: 'qingcheng' }))).toEqual(['x2'])
    expect(await ids(users.where({ staffCommunityIds: 'qingcheng' }))).toEqual(['x1'])
    expect(await ids(users.where({ communityId: _.in(['junmen', 'qingcheng']) }))).toEqual(['x1', 'x2'])
    expect(await ids(users.where({ nickname: 'nobody' }))).toEqual([])
    emu.core.noteQuery = orig
    expect(seen).toEqual(['users:community', 'users:staff', 'users:community', 'users:SCAN'])
  })

  test('an unfiltered list sorted on the leading key of an index reports that index', async () => {
    const seen: (string | undefined)[] = []
    const orig = emu.core.noteQuery.bind(emu.core)
    emu.core.noteQuery = (s, coll, index) => {
      seen.push(index)
      orig(s, coll, index)
    }
    await db.collection('communities').orderBy('order', 'asc').limit(1000).get()
    await db.collection('communities').orderBy('name', 'asc').get()
    emu.core.noteQuery = orig
    expect(seen).toEqual(['sort:order', undefined])
  })
})
