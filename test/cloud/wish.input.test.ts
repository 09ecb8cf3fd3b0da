// wish function: bad input per action is refused with INVALID_INPUT (field paths, Chinese messages), and nothing is written.
import { MAX_NEEDED_BY_DAYS, WISH_MESSAGES } from '../../src/contracts'
import { rid, startHarness, type Harness } from './helpers'
import { day, openWish, resident, stored, wishInput } from './wishFixtures'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h?.close()
})

describe('post', () => {
  it.each([
    ['empty title', { title: '   ' }, 'title'],
    ['title over 30', { title: '修'.repeat(31) }, 'title'],
    ['description over 500', { description: '修'.repeat(501) }, 'description'],
    ['no description', { description: undefined }, 'description'],
    ['unknown category', { category: '理财' }, 'category'],
    ['bad needed-by format', { neededBy: '12/31' }, 'neededBy'],
    ['needed-by not a date', { neededBy: '2026-02-30' }, 'neededBy'],
    ['needed-by in the past', { neededBy: day(-1) }, 'neededBy'],
    [`needed-by over ${MAX_NEEDED_BY_DAYS} days ahead`, { neededBy: day(MAX_NEEDED_BY_DAYS + 1) }, 'neededBy'],
    ['surname style without surname', { surname: undefined }, 'surname'],
    ['surname style without honorific', { honorific: undefined }, 'honorific'],
    ['surname over 2', { surname: '欧阳修' }, 'surname'],
    ['unknown honorific', { honorific: '先生' }, 'honorific'],
    ['bad phone', { contactPhone: '12345' }, 'contactPhone'],
    ['short address', { address: '1' }, 'address'],
    ['four photos', { photos: [1, 2, 3, 4].map((i) => `cloud://hemei-local.hemei-local/wishes/${'0'.repeat(32)}/${i}.jpg`) }, 'photos'],
    ['photo not in cloud storage', { photos: ['http://evil.example/x.jpg'] }, 'photos.0'],
    ['unknown name style', { nameStyle: 'nickname' }, 'nameStyle'],
  ])('refuses %s', async (_n, over, path) => {
    const wisher = await resident(h)
    const res = await h.wish(wisher, 'post', wishInput(over))
    expect(res).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    if (!res.ok) {
      expect(res.issues?.map((i) => i.path)).toContain(path)
      expect(res.message).toMatch(/[\u4e00-\u9fa5]/)
    }
    expect(await h.count('wishes', { wisherOpenid: wisher })).toBe(0)
  })

  it(`takes a needed-by date exactly ${MAX_NEEDED_BY_DAYS} days ahead, and says the latest day when refusing one after it`, async () => {
    const wisher = await resident(h)
    const late = await h.wish(wisher, 'post', wishInput({ neededBy: day(MAX_NEEDED_BY_DAYS + 1) }))
    expect(late).toMatchObject({ ok: false, code: 'INVALID_INPUT', issues: [{ path: 'neededBy', message: `${WISH_MESSAGES.neededByTooFar}（最晚 ${day(MAX_NEEDED_BY_DAYS)}）` }] })
    expect(await h.wish(wisher, 'post', wishInput({ neededBy: day(MAX_NEEDED_BY_DAYS) }))).toMatchObject({ ok: true })
  })

  it('refuses a mutation without a valid requestId', async () => {
    const wisher = await resident(h)
    const res = await h.emu.invoke('wish', { action: 'post', input: wishInput() }, wisher)
    expect(res).toMatchObject({ ok: false, code: 'INVALID_INPUT', issues: [{ path: 'requestId' }] })
    expect(await h.emu.invoke('wish', { action: 'post', input: wishInput(), requestId: 'short' }, wisher)).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(await h.count('wishes', { wisherOpenid: wisher })).toBe(0)
  })

  it('answers an unknown action with NOT_FOUND and a non-object input with INVALID_INPUT', async () => {
    expect(await h.wish('demo-resident', 'deleteWish', {})).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await h.emu.invoke('wish', { action: 'wall', input: 'x' }, 'demo-resident')).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  })
})

describe('the other actions', () => {
  let wishId: string
  let before: any
  beforeAll(async () => {
    wishId = (await openWish(h)).id
    before = await stored(h, wishId)
  })
  afterEach(async () => {
    // Nothing about the wish changed.
    expect(await stored(h, wishId)).toEqual(before)
  })

  it.each([
    ['resubmit', 'demo-resident', { title: '' }, 'wishId'],
    ['cancel', 'demo-resident', { wishId: '', reason: 'x' }, 'wishId'],
    ['cancel', 'demo-resident', { reason: '原'.repeat(201) }, 'reason'],
    ['detail', 'demo-resident', { wishId: 'x'.repeat(65) }, 'wishId'],
    ['wall', 'demo-resident', { pageSize: 21 }, 'pageSize'],
    ['wall', 'demo-resident', { page: 0 }, 'page'],
    ['wall', 'demo-resident', { scope: 'city' }, 'scope'],
    ['wall', 'demo-resident', { status: 'closed' }, 'status'],
    ['wall', 'demo-resident', { category: '理财' }, 'category'],
    ['listMine', 'demo-resident', { pageSize: 50 }, 'pageSize'],
    ['listMyClaims', 'demo-volunteer', { page: -1 }, 'page'],
    ['claim', 'demo-volunteer', { promisedBy: '明天' }, 'promisedBy'],
    ['claim', 'demo-volunteer', { promisedBy: undefined }, 'promisedBy'],
    ['claim', 'demo-staff', { promisedBy: day(1), unitName: '某' }, 'unitName'],
    ['withdraw', 'demo-volunteer', { reason: ' ' }, 'reason'],
    ['fulfil', 'demo-volunteer', { note: '' }, 'note'],
    ['fulfil', 'demo-volunteer', { note: '好', photo: 'file:///tmp/x.jpg' }, 'photo'],
    ['confirm', 'demo-resident', { thanks: '谢'.repeat(201) }, 'thanks'],
    ['report', 'demo-resident', { reason: '' }, 'reason'],
    ['queue', 'demo-staff', { kind: 'all' }, 'kind'],
    ['review', 'demo-staff', { decision: 'maybe' }, 'decision'],
    ['hide', 'demo-staff', { reason: undefined }, 'reason'],
    ['release', 'demo-staff', { reason: '' }, 'reason'],
    ['stats', 'demo-staff', { communityId: '' }, 'communityId'],
  ])('%s refuses bad input (%#)', async (action, who, over, path) => {
    const input: Record<string, unknown> = { wishId, ...over }
    if (action === 'resubmit') delete input.wishId
    const res = await h.wish(who, action, input)
    expect(res).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    if (!res.ok) expect(res.issues?.map((i) => i.path)).toContain(path)
  })

  it('a requestId reused by the same caller for another wish action does not replay the first answer', async () => {
    const r = rid()
    await h.wishOk('demo-volunteer', 'report', { wishId, reason: '不实' }, r)
    before = await stored(h, wishId)
    expect(await h.wish('demo-volunteer', 'claim', { wishId, promisedBy: day(-3) }, r)).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  })
})
