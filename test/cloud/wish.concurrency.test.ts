// wish function: concurrency invariants — one claim wins, one review wins, retries racing their original.
import { rid, startHarness, type Harness } from './helpers'
import { day, openWish, pendingWish, stored, volunteer } from './wishFixtures'

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
