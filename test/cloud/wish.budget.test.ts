// The cloud budgets (docs/ARCHITECTURE.md) for the wish function, as the emulator counts them: database requests per action (≤ 4; a claim ≤ 2),
// every query on a declared index (no SCAN), the wall = ONE query and no count, a page of 20 ≤ 32 KB.
// One worker, warmed, so the figures are deterministic (a cold instance adds 1 for the communities cache).
import { rid, startHarness, type Harness } from './helpers'
import { KB32, callsOf, checkBudgets } from './budget'
import { day, resident, volunteer, wishInput } from './wishFixtures'
import { bulkWishes } from '../../cloud/emulator/seed/wishes'
import { testNow } from '../clock'

let h: Harness
beforeAll(async () => {
  h = await startHarness({ poolSize: 1 })
})
afterAll(async () => {
  await h?.close()
})

/** Tighter ceilings: a claim is the user read + one conditional update. */
const CEILING: Record<string, number> = { claim: 2, requestRelease: 2, wall: 2, listMine: 2, listMyClaims: 2, queue: 2, detail: 2 }

it('keeps every wish action within its database-request budget, on indexes', async () => {
  const wisher = await resident(h, '军门社区')
  const v = await volunteer(h, '军门社区')
  await h.wishOk('demo-resident', 'wall', {}) // warm: the communities cache
  const start = h.emu.calls.length

  const a = (await h.wishOk(wisher, 'post', wishInput())).id
  const b = (await h.wishOk(wisher, 'post', wishInput())).id
  await h.wishOk('demo-staff', 'queue', { kind: 'pending' })
  await h.wishOk('demo-staff', 'review', { wishId: a, decision: 'approve' })
  await h.wishOk('demo-staff', 'review', { wishId: b, decision: 'reject', reason: '请补充' })
  await h.wishOk(wisher, 'resubmit', { wishId: b, ...wishInput() })
  await h.wishOk(wisher, 'cancel', { wishId: b })
  await h.wishOk(wisher, 'wall', {})
  await h.wishOk(wisher, 'wall', { scope: 'district', category: '家电维修', status: 'open' })
  await h.wishOk(v, 'detail', { wishId: a })
  await h.wishOk(v, 'claim', { wishId: a, promisedBy: day(0) })
  await h.wishOk(v, 'listMyClaims', {})
  await h.wishOk(v, 'withdraw', { wishId: a, reason: '有事' })
  await h.wishOk(v, 'claim', { wishId: a, promisedBy: day(0) })
  await h.wishOk(wisher, 'requestRelease', { wishId: a, reason: '联系不上' })
  await h.wishOk('demo-staff', 'queue', { kind: 'release' })
  await h.update('wishes', { _id: a }, { 'claim.promisedBy': day(-1) })
  await h.wishOk('demo-staff', 'queue', { kind: 'overdue' })
  await h.wishOk('demo-staff', 'release', { wishId: a, reason: '超期' })
  await h.wishOk(v, 'claim', { wishId: a, promisedBy: day(1) })
  await h.wishOk(v, 'fulfil', { wishId: a, note: '完成了' })
  await h.wishOk(wisher, 'confirm', { wishId: a, thanks: '谢谢！' })
  await h.wishOk('demo-volunteer', 'report', { wishId: a, reason: '不实' })
  await h.wishOk('demo-staff', 'queue', { kind: 'reported' })
  await h.wishOk('demo-staff', 'hide', { wishId: a, reason: '不实' })
  await h.wishOk(wisher, 'listMine', {})
  await h.countNow() // the scheduler's counters, as after any minute
  await h.wishOk('demo-staff', 'stats', {})
  await h.wishOk('demo-admin', 'stats', {})
  await h.wishOk('demo-admin', 'queue', { kind: 'pending' })

  const calls = callsOf(h, 'wish', start)
  const seen = [...new Set(calls.map((c) => c.action))].sort()
  expect(seen).toEqual([
    'cancel',
    'claim',
    'confirm',
    'detail',
    'fulfil',
    'hide',
    'listMine',
    'listMyClaims',
    'post',
    'queue',
    'release',
    'report',
    'requestRelease',
    'resubmit',
    'review',
    'stats',
    'wall',
    'withdraw',
  ])
  const table = checkBudgets(calls, CEILING)
  console.log('wish db requests per action (max):', JSON.stringify(table))
})

it('the wall is one query on its index and never counts; the community wall adds only the user read', async () => {
  const start = h.emu.calls.length
  const actionsBefore = { ...h.emu.actionCounts }
  await h.wishOk('demo-resident', 'wall', {})
  await h.wishOk('demo-resident', 'wall', { status: 'fulfilled', category: '陪伴探访', page: 1 })
  await h.wishOk('dev-new-nobody01', 'wall', { scope: 'district' })
  await h.wishOk('demo-resident', 'wall', { scope: 'district', status: 'claimed', page: 2 })
  const [community, filtered, district, district2] = callsOf(h, 'wish', start)
  expect(community).toMatchObject({ dbRequests: 2, queries: ['users:_id', 'wishes:wall'] })
  expect(filtered).toMatchObject({ dbRequests: 2, queries: ['users:_id', 'wishes:wall'] })
  expect(district).toMatchObject({ dbRequests: 1, queries: ['wishes:district'] })
  expect(district2).toMatchObject({ dbRequests: 1, queries: ['wishes:district'] })
  expect(h.emu.actionCounts['database.calculateDocument'] ?? 0).toBe(actionsBefore['database.calculateDocument'] ?? 0)
})

it('a refused claim costs one more read (3), never more', async () => {
  const start = h.emu.calls.length
  expect(await h.wish('demo-volunteer', 'claim', { wishId: 'wish-demo-schoolbag', promisedBy: day(1) })).toMatchObject({ ok: false, code: 'WISH_NOT_OPEN' })
  expect(await h.wish('demo-resident', 'claim', { wishId: 'wish-demo-lock', promisedBy: day(1) })).toMatchObject({ ok: false, code: 'NOT_VOLUNTEER' })
  const [lost, refused] = callsOf(h, 'wish', start)
  expect(lost.dbRequests).toBe(3)
  expect(refused.dbRequests).toBe(1)
})

it('a post costs 4 database requests and its retry fewer', async () => {
  const wisher = await resident(h)
  const requestId = rid()
  const start = h.emu.calls.length
  await h.wishOk(wisher, 'post', wishInput(), requestId)
  await h.wishOk(wisher, 'post', wishInput(), requestId)
  const [first, retry] = callsOf(h, 'wish', start)
  // user, the unfinished wishes, the slot (slots.ts), the insert; the retry finds its wish among the unfinished ones.
  expect(first.dbRequests).toBe(4)
  expect(retry.dbRequests).toBeLessThanOrEqual(3)
})

it('a wall page of 20 with the longest titles, names and thank-yous stays ≤ 32 KB, with no contact in it', async () => {
  const now = testNow()
  const docs = bulkWishes(25, ['guoguang'], now).map((d, i) => ({
    ...d,
    _id: `maxwish-${i}`,
    status: 'closed' as const,
    title: '帮'.repeat(30),
    displayName: '欧阳阿姨',
    thanks: '谢'.repeat(200),
    description: '长'.repeat(500),
    contact: { phone: '13700000000', address: '址'.repeat(100) },
    publishedAt: new Date(now - i * 60_000),
    claim: { openid: 'bulk-00010', claimantName: '单'.repeat(40), unitName: '单'.repeat(40), promisedBy: day(1), claimedAt: new Date(now) },
  }))
  for (const d of docs) await h.insert('wishes', d)
  const viewer = await resident(h, '国光社区')
  const start = h.emu.calls.length
  const page = await h.wish(viewer, 'wall', { pageSize: 20 })
  const [call] = callsOf(h, 'wish', start)
  expect(page).toMatchObject({ ok: true, data: { hasMore: true } })
  expect((page as any).data.items).toHaveLength(20)
  expect(call.responseBytes).toBeLessThanOrEqual(KB32)
  expect(JSON.stringify(page)).not.toContain('13700000000')
  expect(JSON.stringify(page)).not.toContain('址址')
  expect(JSON.stringify(page)).not.toContain('长长')
  console.log(`wall page of 20 (max content): ${call.responseBytes} bytes`)
})

it('with 10,000 bulk wishes: the wall, queues and lists stay on their indexes, one query each, pages ≤ 32 KB', async () => {
  h.emu.seedBulkUsers(10_000)
  h.emu.seedBulkWishes(10_000)
  expect(await h.count('wishes', { _id: 'bulkwish-10000' })).toBe(1)
  await h.countNow() // the counters of the seeded wishes (the daily reconcile)
  const start = h.emu.calls.length
  const bulkResident = 'bulk-00001'
  const bulkVolunteer = 'bulk-00010'
  const pages = await Promise.all([
    h.wishOk(bulkResident, 'wall', {}),
    h.wishOk(bulkResident, 'wall', { status: 'open', page: 3 }),
    h.wishOk(bulkResident, 'wall', { scope: 'district' }),
    h.wishOk(bulkResident, 'wall', { scope: 'district', status: 'fulfilled', category: '学习用品' }),
    h.wishOk(bulkResident, 'listMine', {}),
    h.wishOk(bulkVolunteer, 'listMyClaims', {}),
    h.wishOk('demo-admin', 'queue', { kind: 'pending' }),
    h.wishOk('demo-staff', 'queue', { kind: 'overdue' }),
    h.wishOk('demo-staff', 'queue', { kind: 'reported' }),
    h.wishOk('demo-staff', 'stats', {}),
  ])
  for (const p of pages.slice(0, 4)) expect(p.items).toHaveLength(20)
  checkBudgets(callsOf(h, 'wish', start), (c) => (c.action === 'stats' ? 3 : 2))
  const stats = pages[9]
  expect(stats.byStatus.open).toBeGreaterThan(100)
  expect(stats.medianDaysToClaim).not.toBeNull()
})

it('pages through 10,000 wishes without repeating or dropping a card (ties in publishedAt broken by _id)', async () => {
  const seen = new Set<string>()
  let page = 1
  let total = 0
  for (;;) {
    const p = await h.wishOk('bulk-00002', 'wall', { page, pageSize: 20, category: '其他', status: 'open' })
    for (const c of p.items) {
      expect(seen.has(c.id)).toBe(false)
      seen.add(c.id)
    }
    total += p.items.length
    if (!p.hasMore) break
    page += 1
  }
  const community = (await h.find('users', { _id: 'bulk-00002' }))[0].communityId
  expect(total).toBe(await h.count('wishes', { communityId: community, category: '其他', status: 'open' }))
  expect(total).toBeGreaterThan(20)
})
