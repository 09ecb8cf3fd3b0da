/** Transactions: single-document work only, rollback, and real write conflicts that runTransaction retries. */
import { startTestEmulator, sdkFor, tcbPost } from './helpers'
import type { Emulator } from '../../cloud/emulator'

jest.setTimeout(60_000)

let emu: Emulator
let db: any
let _: any

beforeAll(async () => {
  emu = await startTestEmulator()
  db = sdkFor(emu.url + '/tcb', emu.credentials).database()
  _ = db.command
  await db.createCollection('acc')
  await db.collection('acc').add({ data: { _id: 'A', bal: 100 } })
  await db.collection('acc').add({ data: { _id: 'B', bal: 0 } })
  await db.collection('acc').add({ data: { _id: 'C', n: 0 } })
})

afterAll(() => emu.close())

const bal = async (id: string) => (await db.collection('acc').doc(id).get()).data

test('doc operations inside a transaction commit atomically; reads see own writes', async () => {
  const result = await db.runTransaction(async (t: any) => {
    const a = (await t.collection('acc').doc('A').get()).data
    await t
      .collection('acc')
      .doc('A')
      .update({ data: { bal: _.inc(-30) } })
    await t
      .collection('acc')
      .doc('B')
      .update({ data: { bal: _.inc(30) } })
    await t.collection('acc').add({ data: { _id: 'log1', amount: 30 } })
    const again = (await t.collection('acc').doc('A').get()).data
    // Outside the transaction nothing is visible yet.
    expect((await bal('A')).bal).toBe(100)
    await expect(db.collection('acc').doc('log1').get()).rejects.toBeTruthy()
    return { before: a.bal, inside: again.bal }
  })
  expect(result).toEqual({ before: 100, inside: 70 })
  expect((await bal('A')).bal).toBe(70)
  expect((await bal('B')).bal).toBe(30)
  expect((await bal('log1')).amount).toBe(30)
})

test('set and remove inside a transaction', async () => {
  await db.runTransaction(async (t: any) => {
    await t
      .collection('acc')
      .doc('tmp')
      .set({ data: { x: 1 } })
    await t.collection('acc').doc('log1').remove()
  })
  expect((await bal('tmp')).x).toBe(1)
  await expect(db.collection('acc').doc('log1').get()).rejects.toBeTruthy()
})

test('rollback discards the writes and rejects with the given value', async () => {
  await expect(
    db.runTransaction(async (t: any) => {
      await t
        .collection('acc')
        .doc('A')
        .update({ data: { bal: 0 } })
      await t.rollback('nope')
    }),
  ).rejects.toBe('nope')
  expect((await bal('A')).bal).toBe(70)
})

test('a throwing callback aborts the transaction', async () => {
  await expect(
    db.runTransaction(async (t: any) => {
      await t
        .collection('acc')
        .doc('A')
        .update({ data: { bal: 1 } })
      throw new Error('boom')
    }),
  ).rejects.toThrow('boom')
  expect((await bal('A')).bal).toBe(70)
})

test('a where() write inside a transaction is refused (single-document operations only)', async () => {
  // The SDK does not send the transactionId with where().update(); the emulator refuses WHERE writes
  // from a caller (TCB session) that has a transaction open.
  await expect(
    db.runTransaction(async (t: any) => {
      await t
        .collection('acc')
        .where({ bal: _.gte(0) })
        .update({ data: { flag: true } })
    }),
  ).rejects.toMatchObject({ errMsg: expect.stringContaining('not allowed in a transaction') })
  await expect(
    db.runTransaction(async (t: any) => {
      await t
        .collection('acc')
        .where({ bal: _.gte(0) })
        .remove()
    }),
  ).rejects.toBeTruthy()
  expect((await bal('A')).flag).toBeUndefined()
  // ...and when the raw request carries a transactionId.
  const tx = await (await tcbPost(emu.url + '/tcb/raw', emu.credentials, { action: 'database.startTransaction' })).json()
  expect(typeof tx.transactionId).toBe('string')
  const res = await tcbPost(emu.url + '/tcb/raw2', emu.credentials, {
    action: 'database.modifyDocument',
    collectionName: 'acc',
    queryType: 'WHERE',
    query: '{}',
    data: '{"$set":{"x":1}}',
    multi: true,
    transactionId: tx.transactionId,
  })
  expect(await res.json()).toMatchObject({ code: 'DATABASE_REQUEST_FAILED' })
  // Unknown ids on abort answer {}.
  const ab = await tcbPost(emu.url + '/tcb', emu.credentials, { action: 'database.abortTransaction', transactionId: 'no-such-tx' })
  expect(await ab.json()).not.toHaveProperty('code')
})

test('two concurrent runTransaction increments on one document: both succeed, at least one retried after a conflict', async () => {
  const started = emu.txStats.started
  const conflicts = emu.txStats.conflicts
  // Both read the same snapshot before either commits, then write: the second commit must conflict.
  let arrived = 0
  const barrier = () =>
    new Promise<void>((resolve) => {
      arrived++
      const check = () => (arrived >= 2 ? resolve() : setTimeout(check, 5))
      check()
    })
  const increment = (first: { done: boolean }) =>
    db.runTransaction(async (t: any) => {
      const doc = (await t.collection('acc').doc('C').get()).data
      if (!first.done) {
        first.done = true
        await barrier()
      }
      await t
        .collection('acc')
        .doc('C')
        .update({ data: { n: doc.n + 1 } })
      return doc.n + 1
    })
  const results = await Promise.all([increment({ done: false }), increment({ done: false })])
  expect((await bal('C')).n).toBe(2)
  expect(results.sort()).toEqual([1, 2])
  expect(emu.txStats.conflicts - conflicts).toBeGreaterThanOrEqual(1)
  expect(emu.txStats.started - started).toBeGreaterThanOrEqual(3)
})

test('abandoned transactions time out', async () => {
  const emu2 = await startTestEmulator({ txTimeoutMs: 200 })
  try {
    const post = (body: object) => tcbPost(emu2.url + '/tcb', emu2.credentials, body).then((r) => r.json())
    const { transactionId } = await post({ action: 'database.startTransaction' })
    await new Promise((r) => setTimeout(r, 400))
    expect(emu2.txStats.timedOut).toBe(1)
    expect(await post({ action: 'database.commitTransaction', transactionId })).toMatchObject({ code: expect.any(String) })
  } finally {
    await emu2.close()
  }
})
