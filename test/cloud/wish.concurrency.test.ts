// wish function: concurrency invariants — one claim wins, one review wins, retries racing their original.
import { rid, startHarness, type Harness } from './helpers'
import { MAX_OPEN_WISHES } from '../../src/contracts'
import { testNow } from '../clock'
import { day, fulfilledWish, openWish, pendingWish, resident, stored, volunteer, wishInput } from './wishFixtures'

let h: Harness
beforeAll(async () => {
  h = await startHarness({ poolSize: 8 })
})
afterAll(async () => {
  await h?.close()
})

it('20 volunteers claiming one wish at once: exactly one wins, 19 get WISH_NOT_OPEN (已被认领)', async () => {
  const w = await openWish(h)
  const volunteers = await Promise.all(Array.from({ length: 20 }, (_, i) => volunteer(h, '军门社区', `志愿者${i}`)))
  const results = await Promise.all(volunteers.map((v) => h.wish(v, 'claim', { wishId: w.id, promisedBy: day(3) })))
  const winners = results.map((r, i) => (r.ok ? volunteers[i] : null)).filter(Boolean)
  expect(winners).toHaveLength(1)
  const losers = results.filter((r) => !r.ok)
  expect(losers).toHaveLength(19)
  for (const r of losers) expect(r).toMatchObject({ ok: false, code: 'WISH_NOT_OPEN', message: '这个心愿已被认领' })
  const doc = await stored(h, w.id)
  expect(doc.claim.openid).toBe(winners[0])
  expect(doc.history.filter((e: any) => e.action === 'claim')).toHaveLength(1)
  const { messages } = await (await fetch(`${h.emu.url}/api/dev/messages`)).json()
  expect(messages.filter((m: any) => m.page.endsWith(w.id))).toHaveLength(1)
  // The winner's claim shows in their list; nobody else's.
  expect((await h.wishOk(winners[0]!, 'listMyClaims', {})).items.map((c: any) => c.id)).toEqual([w.id])
  expect(
    (
      await h.wishOk(
        volunteers.find((v) => v !== winners[0])!,
        'listMyClaims',
        {},
      )
    ).items,
  ).toEqual([])
})

it('a claim and its own retry racing: both answer success, one claim is recorded', async () => {
  const w = await openWish(h)
  const v = await volunteer(h)
  const requestId = rid()
  const results = await Promise.all([1, 2, 3].map(() => h.wish(v, 'claim', { wishId: w.id, promisedBy: day(2) }, requestId)))
  for (const r of results) expect(r).toEqual({ ok: true, data: { id: w.id, status: 'claimed', promisedBy: day(2) } })
  expect((await stored(h, w.id)).history.filter((e: any) => e.action === 'claim')).toHaveLength(1)
})

it('two staff reviewing at once: one decision wins, the other gets INVALID_STATE', async () => {
  const w = await pendingWish(h)
  const results = await Promise.all([
    h.wish('demo-staff', 'review', { wishId: w.id, decision: 'approve' }),
    h.wish('demo-admin', 'review', { wishId: w.id, decision: 'reject', reason: '信息不全' }),
  ])
  expect(results.filter((r) => r.ok)).toHaveLength(1)
  expect(results.find((r) => !r.ok)).toMatchObject({ code: 'INVALID_STATE' })
  expect((await stored(h, w.id)).history.filter((e: any) => e.action === 'review')).toHaveLength(1)
})

it('withdraw racing a staff hide: one state change wins, the history stays consistent', async () => {
  const w = await openWish(h)
  const v = await volunteer(h)
  await h.wishOk(v, 'claim', { wishId: w.id, promisedBy: day(2) })
  const results = await Promise.all([h.wish(v, 'withdraw', { wishId: w.id, reason: '有事' }), h.wish('demo-staff', 'hide', { wishId: w.id, reason: '不实' })])
  const doc = await stored(h, w.id)
  const last = doc.history[doc.history.length - 1]
  expect(doc.status).toBe(last.to)
  for (let i = 1; i < doc.history.length; i++) expect(doc.history[i].from).toBe(doc.history[i - 1].to)
  expect(results.some((r) => r.ok)).toBe(true)
})

it("concurrent reports by different users all count; the same user's concurrent reports count once", async () => {
  const w = await openWish(h)
  const reporters = await Promise.all([1, 2, 3, 4].map(() => volunteer(h)))
  await Promise.all(reporters.map((r) => h.wishOk(r, 'report', { wishId: w.id, reason: '不实' })))
  const same = await Promise.all([1, 2, 3].map(() => h.wish('demo-resident', 'report', { wishId: w.id, reason: '不实' })))
  expect(same.filter((r) => r.ok)).toHaveLength(1)
  for (const r of same.filter((x) => !x.ok)) expect(r).toMatchObject({ code: 'ALREADY_REPORTED' })
  expect((await stored(h, w.id)).reportCount).toBe(5)
})

describe(`the ${MAX_OPEN_WISHES}-open-wishes limit holds under concurrency`, () => {
  for (const n of [5, 20, 50]) {
    it(`${n} concurrent distinct posts by one resident leave exactly ${MAX_OPEN_WISHES}; the others get TOO_MANY_OPEN_WISHES`, async () => {
      const wisher = await resident(h)
      const results = await Promise.all(Array.from({ length: n }, () => h.wish(wisher, 'post', wishInput())))
      expect(results.filter((r) => r.ok)).toHaveLength(MAX_OPEN_WISHES)
      for (const r of results.filter((x) => !x.ok)) expect(r).toMatchObject({ ok: false, code: 'TOO_MANY_OPEN_WISHES' })
      expect(await h.count('wishes', { wisherOpenid: wisher })).toBe(MAX_OPEN_WISHES)
    })
  }

  it('a wish leaving the unfinished set (cancelled, closed, hidden) frees exactly one place, also under concurrency', async () => {
    const wisher = await resident(h)
    const ids = (await Promise.all(Array.from({ length: 10 }, () => h.wish(wisher, 'post', wishInput())))).filter((r) => r.ok).map((r) => r.data.id)
    expect(ids).toHaveLength(MAX_OPEN_WISHES)
    await h.wishOk(wisher, 'cancel', { wishId: ids[0] })
    const again = await Promise.all(Array.from({ length: 10 }, () => h.wish(wisher, 'post', wishInput())))
    expect(again.filter((r) => r.ok)).toHaveLength(1)
    expect(await h.count('wishes', { wisherOpenid: wisher, status: 'pending_review' })).toBe(MAX_OPEN_WISHES)
  })

  it('a confirmed wish gives its place back', async () => {
    const w = await fulfilledWish(h)
    await h.wishOk(w.wisher, 'post', wishInput())
    await h.wishOk(w.wisher, 'post', wishInput())
    expect(await h.wish(w.wisher, 'post', wishInput())).toMatchObject({ ok: false, code: 'TOO_MANY_OPEN_WISHES' })
    await h.wishOk(w.wisher, 'confirm', { wishId: w.id })
    expect(await h.wish(w.wisher, 'post', wishInput())).toMatchObject({ ok: true })
  })
})

describe('a slot whose give-back was lost', () => {
  it('is taken back by a later post once its wish has left the unfinished set; a post in flight keeps its slot', async () => {
    const wisher = await resident(h)
    const ids: string[] = []
    for (let i = 0; i < MAX_OPEN_WISHES; i++) ids.push((await h.wishOk(wisher, 'post', wishInput())).id)
    // The wish finished but its slot was not given back (e.g. the instance died between the two writes).
    await h.update('wishes', { _id: ids[0] }, { status: 'cancelled' })
    // Just taken: it could be a post in flight, so it is left alone.
    expect(await h.wish(wisher, 'post', wishInput())).toMatchObject({ ok: false, code: 'TOO_MANY_OPEN_WISHES' })
    await h.update('wish_slots', { wishId: ids[0] }, { at: new Date(testNow() - 10 * 60_000) })
    expect(await h.wish(wisher, 'post', wishInput())).toMatchObject({ ok: true })
    expect(await h.wish(wisher, 'post', wishInput())).toMatchObject({ ok: false, code: 'TOO_MANY_OPEN_WISHES' })
    expect(await h.count('wish_slots', { openid: wisher })).toBe(MAX_OPEN_WISHES)
  })
})
