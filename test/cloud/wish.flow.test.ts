// wish function: every state transition, its history entry, retries with the same requestId, and the lists.
import { uploadFolderOf } from '../../cloud/lib/ownerHash'
import { MAX_OPEN_WISHES } from '../../src/contracts'
import { rid, startHarness, type Harness } from './helpers'
import { claimedWish, day, fulfilledWish, openWish, pendingWish, resident, stored, volunteer, wishInput } from './wishFixtures'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h?.close()
})

const lastEntry = (doc: any) => doc.history[doc.history.length - 1]

describe('post', () => {
  it("creates a pending_review wish in the wisher's community with the display name and a history entry", async () => {
    const wisher = await resident(h, '庆城社区')
    const input: Record<string, any> = wishInput({ photos: [`cloud://hemei-local.hemei-local/${uploadFolderOf(wisher)}/a.jpg`] })
    const out = await h.wishOk(wisher, 'post', input)
    expect(out).toEqual({ id: expect.any(String), status: 'pending_review' })
    const doc = await stored(h, out.id)
    expect(doc).toMatchObject({
      wisherOpenid: wisher,
      communityId: h.communityId('庆城社区'),
      title: input.title,
      displayName: '林阿姨',
      contact: { phone: input.contactPhone, address: input.address },
      photos: input.photos,
      status: 'pending_review',
      reportCount: 0,
    })
    expect(doc.history).toEqual([expect.objectContaining({ by: wisher, role: 'wisher', action: 'post', to: 'pending_review', requestId: expect.any(String) })])
  })

  it('shows anonymous wishers as 匿名居民', async () => {
    const wisher = await resident(h)
    const { id } = await h.wishOk(wisher, 'post', wishInput({ nameStyle: 'anonymous', surname: undefined, honorific: undefined }))
    expect((await stored(h, id)).displayName).toBe('匿名居民')
  })

  it('is idempotent: a post retried with the same requestId creates one wish and answers the same', async () => {
    const wisher = await resident(h)
    const requestId = rid()
    const input = wishInput()
    const first = await h.wish(wisher, 'post', input, requestId)
    const retries = await Promise.all([1, 2, 3].map(() => h.wish(wisher, 'post', input, requestId)))
    expect(first.ok).toBe(true)
    for (const r of retries) expect(r).toEqual(first)
    expect(await h.count('wishes', { wisherOpenid: wisher })).toBe(1)
  })

  it(`allows at most ${MAX_OPEN_WISHES} unfinished wishes (TOO_MANY_OPEN_WISHES); a cancelled one frees a place`, async () => {
    const wisher = await resident(h)
    const ids: string[] = []
    for (let i = 0; i < MAX_OPEN_WISHES; i++) ids.push((await h.wishOk(wisher, 'post', wishInput())).id)
    const res = await h.wish(wisher, 'post', wishInput())
    expect(res).toMatchObject({ ok: false, code: 'TOO_MANY_OPEN_WISHES', message: expect.stringContaining('3个') })
    expect(await h.count('wishes', { wisherOpenid: wisher })).toBe(MAX_OPEN_WISHES)
    // A retry of a post that made the third still answers with that wish, not the limit.
    await h.wishOk(wisher, 'cancel', { wishId: ids[0] })
    const requestId = rid()
    const third = await h.wishOk(wisher, 'post', wishInput(), requestId)
    expect(await h.wish(wisher, 'post', wishInput(), requestId)).toEqual({ ok: true, data: third })
    expect(await h.count('wishes', { wisherOpenid: wisher })).toBe(MAX_OPEN_WISHES + 1)
  })

  it('refuses risky text (CONTENT_RISKY) and writes nothing', async () => {
    const wisher = await resident(h)
    for (const over of [{ title: '出售枪支' }, { description: '加微信领红包，刷单返现' }]) {
      const res = await h.wish(wisher, 'post', wishInput(over))
      expect(res).toMatchObject({ ok: false, code: 'CONTENT_RISKY', message: expect.stringContaining('不适宜') })
    }
    expect(await h.count('wishes', { wisherOpenid: wisher })).toBe(0)
  })
})

describe('review → publish / reject → resubmit', () => {
  it('approve publishes: open with publishedAt, on the community and district walls', async () => {
    const w = await pendingWish(h)
    const out = await h.wishOk('demo-staff', 'review', { wishId: w.id, decision: 'approve' })
    expect(out).toEqual({ id: w.id, status: 'open' })
    const doc = await stored(h, w.id)
    expect(doc.publishedAt).toBeInstanceOf(Date)
    expect(lastEntry(doc)).toMatchObject({ by: 'demo-staff', role: 'staff', action: 'review', from: 'pending_review', to: 'open' })
    const wall = await h.wishOk(w.wisher, 'wall', {})
    expect(wall.items[0]).toMatchObject({ id: w.id, status: 'open', communityName: '军门社区', publishedAt: expect.any(String), overdue: false })
    const district = await h.wishOk(w.wisher, 'wall', { scope: 'district', status: 'open' })
    expect(district.items.map((c: any) => c.id)).toContain(w.id)
  })

  it('reject needs a reason, which the wisher sees; the wisher edits and resubmits', async () => {
    const w = await pendingWish(h)
    const noReason = await h.wish('demo-staff', 'review', { wishId: w.id, decision: 'reject' })
    expect(noReason).toMatchObject({ ok: false, code: 'INVALID_INPUT', issues: [{ path: 'reason' }] })
    expect((await stored(h, w.id)).status).toBe('pending_review')
    await h.wishOk('demo-staff', 'review', { wishId: w.id, decision: 'reject', reason: '请写清楚需要什么帮助' })
    const mine = await h.wishOk(w.wisher, 'listMine', {})
    expect(mine.items.find((c: any) => c.id === w.id)).toMatchObject({ status: 'rejected', reason: '请写清楚需要什么帮助' })
    const detail = await h.wishOk(w.wisher, 'detail', { wishId: w.id })
    expect(detail.timeline[detail.timeline.length - 1]).toMatchObject({ action: 'review', from: 'pending_review', to: 'rejected', by: 'staff', reason: '请写清楚需要什么帮助' })
    expect(detail.draft).toEqual({ nameStyle: 'surname', surname: '林', honorific: '阿姨', photoIds: [] })

    const edited = wishInput({ title: '修门锁（锁芯卡住）', nameStyle: 'anonymous', surname: undefined, honorific: undefined, neededBy: undefined })
    expect(await h.wishOk(w.wisher, 'resubmit', { wishId: w.id, ...edited })).toEqual({ id: w.id, status: 'pending_review' })
    const doc = await stored(h, w.id)
    expect(doc).toMatchObject({ title: '修门锁（锁芯卡住）', displayName: '匿名居民', status: 'pending_review', contact: { phone: edited.contactPhone } })
    expect(doc.surname).toBeUndefined()
    expect(doc.neededBy).toBeUndefined()
    expect(doc.reviewReason).toBeUndefined()
    expect(lastEntry(doc)).toMatchObject({ action: 'resubmit', from: 'rejected', to: 'pending_review', role: 'wisher' })
  })

  it('resubmit is content-checked, only for rejected wishes, only by the wisher', async () => {
    const w = await pendingWish(h)
    expect(await h.wish(w.wisher, 'resubmit', { wishId: w.id, ...wishInput() })).toMatchObject({ ok: false, code: 'INVALID_STATE' })
    await h.wishOk('demo-staff', 'review', { wishId: w.id, decision: 'reject', reason: '信息不全' })
    expect(await h.wish(w.wisher, 'resubmit', { wishId: w.id, ...wishInput({ description: '代开发票' }) })).toMatchObject({ ok: false, code: 'CONTENT_RISKY' })
    expect(await h.wish('demo-resident', 'resubmit', { wishId: w.id, ...wishInput() })).toMatchObject({ ok: false, code: 'ROLE_REQUIRED' })
    expect((await stored(h, w.id)).status).toBe('rejected')
  })
})

describe('cancel', () => {
  it.each(['pending', 'rejected', 'open'])('cancels a %s wish; it is kept, not deleted', async (state) => {
    const w = state === 'open' ? await openWish(h) : await pendingWish(h)
    if (state === 'rejected') await h.wishOk('demo-staff', 'review', { wishId: w.id, decision: 'reject', reason: '不符合要求' })
    expect(await h.wishOk(w.wisher, 'cancel', { wishId: w.id, reason: '问题已经解决了' })).toEqual({ id: w.id, status: 'cancelled' })
    const doc = await stored(h, w.id)
    expect(doc).toMatchObject({ status: 'cancelled', cancelledAt: expect.any(Date) })
    expect(lastEntry(doc)).toMatchObject({ action: 'cancel', to: 'cancelled', reason: '问题已经解决了', role: 'wisher' })
  })

  it("refuses a claimed wish (INVALID_STATE) and someone else's wish (ROLE_REQUIRED)", async () => {
    const w = await claimedWish(h)
    expect(await h.wish(w.wisher, 'cancel', { wishId: w.id })).toMatchObject({ ok: false, code: 'INVALID_STATE', message: expect.stringContaining('已被认领') })
    const o = await openWish(h)
    expect(await h.wish('demo-resident', 'cancel', { wishId: o.id })).toMatchObject({ ok: false, code: 'ROLE_REQUIRED' })
    expect((await stored(h, o.id)).status).toBe('open')
  })
})

describe('claim → fulfil → confirm', () => {
  it('runs the whole story and records every step in the history and the public timeline', async () => {
    const w = await openWish(h)
    const v = await volunteer(h, '军门社区', '陈志愿')
    const claim = await h.wishOk(v, 'claim', { wishId: w.id, promisedBy: day(2) })
    expect(claim).toEqual({ id: w.id, status: 'claimed', promisedBy: day(2) })
    let doc = await stored(h, w.id)
    expect(doc.claim).toMatchObject({ openid: v, claimantName: '陈志愿', promisedBy: day(2) })
    expect(lastEntry(doc)).toMatchObject({ by: v, role: 'volunteer', action: 'claim', from: 'open', to: 'claimed' })

    const photo = `cloud://hemei-local.hemei-local/${uploadFolderOf(v)}/done.jpg`
    expect(await h.wishOk(v, 'fulfil', { wishId: w.id, note: '周六上午去换好了锁芯', photo })).toEqual({ id: w.id, status: 'fulfilled' })
    doc = await stored(h, w.id)
    expect(doc.fulfilment).toMatchObject({ note: '周六上午去换好了锁芯', photo })

    expect(await h.wishOk(w.wisher, 'confirm', { wishId: w.id, thanks: '谢谢小陈，锁好用多了！' })).toEqual({ id: w.id, status: 'closed' })
    doc = await stored(h, w.id)
    expect(doc).toMatchObject({ status: 'closed', thanks: '谢谢小陈，锁好用多了！', closedAt: expect.any(Date) })
    expect(doc.history.map((e: any) => `${e.action}:${e.from ?? ''}>${e.to}:${e.role}`)).toEqual([
      'post:>pending_review:wisher',
      'review:pending_review>open:staff',
      'claim:open>claimed:volunteer',
      'fulfil:claimed>fulfilled:volunteer',
      'confirm:fulfilled>closed:wisher',
    ])
    for (const e of doc.history) expect(e).toMatchObject({ at: expect.any(Date), by: expect.any(String), requestId: expect.any(String) })

    // The wall shows it under 'fulfilled' (fulfilled + closed), with the thanks; the public timeline has no openids.
    const wall = await h.wishOk('demo-volunteer', 'wall', { status: 'fulfilled' })
    expect(wall.items.find((c: any) => c.id === w.id)).toMatchObject({ status: 'closed', thanks: '谢谢小陈，锁好用多了！' })
    const detail = await h.wish('demo-volunteer', 'detail', { wishId: w.id })
    expect(detail).toMatchObject({ ok: true, data: { status: 'closed', thanks: '谢谢小陈，锁好用多了！', claim: { claimantName: '陈志愿' }, fulfilment: { note: '周六上午去换好了锁芯' } } })
    const text = JSON.stringify(detail)
    for (const openid of [v, w.wisher, 'demo-staff']) expect(text).not.toContain(openid)
    expect((detail as any).data.timeline.map((e: any) => e.by)).toEqual(['wisher', 'staff', 'volunteer', 'volunteer', 'wisher'])
  })

  it('notifies the wisher of the claim (subscription message stand-in)', async () => {
    const w = await openWish(h)
    const v = await volunteer(h)
    await h.wishOk(v, 'claim', { wishId: w.id, promisedBy: day(1) })
    const { messages } = await (await fetch(`${h.emu.url}/api/dev/messages`)).json()
    const msg = messages.find((m: any) => m.touser === w.wisher)
    expect(msg).toMatchObject({ api: 'subscribeMessage.send', templateId: 'local-tpl-wish-claimed', page: `packages/wish/pages/detail/index?id=${w.id}` })
    expect(msg.data.thing1.value).toBe('帮忙修理门锁')
  })

  it('lets staff claim for a unit, naming it; the unit is the claimant', async () => {
    const w = await openWish(h)
    await h.wishOk('demo-staff', 'claim', { wishId: w.id, promisedBy: day(5), unitName: '鼓楼供电共建小组' })
    const doc = await stored(h, w.id)
    expect(doc.claim).toMatchObject({ openid: 'demo-staff', claimantName: '鼓楼供电共建小组', unitName: '鼓楼供电共建小组' })
    expect(lastEntry(doc).role).toBe('unit')
    const detail = await h.wishOk(w.wisher, 'detail', { wishId: w.id })
    expect(detail.claim).toMatchObject({ claimantName: '鼓楼供电共建小组', unitName: '鼓楼供电共建小组', promisedBy: day(5) })
  })

  it("lets scoped staff confirm on the wisher's behalf", async () => {
    const w = await fulfilledWish(h, '庆城社区')
    expect(await h.wishOk('demo-staff', 'confirm', { wishId: w.id })).toEqual({ id: w.id, status: 'closed' })
    expect(lastEntry(await stored(h, w.id))).toMatchObject({ by: 'demo-staff', role: 'staff', action: 'confirm' })
  })

  it('refuses a thank-you that is risky (CONTENT_RISKY), keeping the wish fulfilled', async () => {
    const w = await fulfilledWish(h)
    expect(await h.wish(w.wisher, 'confirm', { wishId: w.id, thanks: '傻逼' })).toMatchObject({ ok: false, code: 'CONTENT_RISKY' })
    expect((await stored(h, w.id)).status).toBe('fulfilled')
  })

  it('refuses the wrong states: fulfil before claim, confirm before fulfil, confirm twice', async () => {
    const w = await claimedWish(h)
    expect(await h.wish(w.wisher, 'confirm', { wishId: w.id })).toMatchObject({ ok: false, code: 'INVALID_STATE' })
    await h.wishOk(w.claimant, 'fulfil', { wishId: w.id, note: '完成' })
    expect(await h.wish(w.claimant, 'fulfil', { wishId: w.id, note: '完成' })).toMatchObject({ ok: false, code: 'INVALID_STATE' })
    expect(await h.wish(w.claimant, 'withdraw', { wishId: w.id, reason: '有事' })).toMatchObject({ ok: false, code: 'INVALID_STATE' })
    await h.wishOk(w.wisher, 'confirm', { wishId: w.id })
    expect(await h.wish(w.wisher, 'confirm', { wishId: w.id })).toMatchObject({ ok: false, code: 'INVALID_STATE' })
    const o = await openWish(h)
    const v = await volunteer(h)
    expect(await h.wish(v, 'fulfil', { wishId: o.id, note: '完成' })).toMatchObject({ ok: false, code: 'ROLE_REQUIRED' })
  })

  it('state changes are idempotent: the same requestId twice answers the same, one history entry', async () => {
    const w = await openWish(h)
    const v = await volunteer(h)
    const claimRid = rid()
    const first = await h.wish(v, 'claim', { wishId: w.id, promisedBy: day(2) }, claimRid)
    expect(await h.wish(v, 'claim', { wishId: w.id, promisedBy: day(2) }, claimRid)).toEqual(first)
    const fulfilRid = rid()
    const f1 = await h.wish(v, 'fulfil', { wishId: w.id, note: '完成' }, fulfilRid)
    expect(await h.wish(v, 'fulfil', { wishId: w.id, note: '完成' }, fulfilRid)).toEqual(f1)
    const confirmRid = rid()
    const c1 = await h.wish(w.wisher, 'confirm', { wishId: w.id }, confirmRid)
    expect(await h.wish(w.wisher, 'confirm', { wishId: w.id }, confirmRid)).toEqual(c1)
    const doc = await stored(h, w.id)
    expect(doc.history.map((e: any) => e.action)).toEqual(['post', 'review', 'claim', 'fulfil', 'confirm'])
    // Only one message for the one claim.
    const { messages } = await (await fetch(`${h.emu.url}/api/dev/messages`)).json()
    expect(messages.filter((m: any) => m.page.endsWith(w.id))).toHaveLength(1)
  })
})

describe('withdraw and release', () => {
  it('the claimant withdraws with a reason: open again, the claim gone, another volunteer may claim', async () => {
    const w = await claimedWish(h)
    expect(await h.wishOk(w.claimant, 'withdraw', { wishId: w.id, reason: '临时出差' })).toEqual({ id: w.id, status: 'open' })
    const doc = await stored(h, w.id)
    expect(doc.claim).toBeUndefined()
    expect(lastEntry(doc)).toMatchObject({ action: 'withdraw', from: 'claimed', to: 'open', reason: '临时出差', role: 'volunteer' })
    expect((await h.wishOk(w.claimant, 'listMyClaims', {})).items.map((c: any) => c.id)).not.toContain(w.id)
    const other = await volunteer(h)
    expect(await h.wishOk(other, 'claim', { wishId: w.id, promisedBy: day(1) })).toMatchObject({ status: 'claimed' })
  })

  it('only the claimant withdraws (ROLE_REQUIRED)', async () => {
    const w = await claimedWish(h)
    const other = await volunteer(h)
    expect(await h.wish(other, 'withdraw', { wishId: w.id, reason: '想换人' })).toMatchObject({ ok: false, code: 'ROLE_REQUIRED' })
    expect(await h.wish(w.wisher, 'withdraw', { wishId: w.id, reason: '想换人' })).toMatchObject({ ok: false, code: 'ROLE_REQUIRED' })
    expect((await stored(h, w.id)).status).toBe('claimed')
  })

  it('staff release any claim with a reason, not only overdue ones', async () => {
    const w = await claimedWish(h, '庆城社区')
    expect((await h.wishOk('demo-staff', 'detail', { wishId: w.id })).viewer.can).toContain('release')
    expect(await h.wish('demo-staff', 'release', { wishId: w.id, reason: '' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(await h.wishOk('demo-staff', 'release', { wishId: w.id, reason: '认领人联系不上' })).toEqual({ id: w.id, status: 'open' })
    expect(lastEntry(await stored(h, w.id))).toMatchObject({ action: 'release', from: 'claimed', to: 'open', reason: '认领人联系不上', role: 'staff' })
    expect(await h.wish('demo-staff', 'release', { wishId: w.id, reason: '再释放' })).toMatchObject({ ok: false, code: 'INVALID_STATE' })
  })

  it('staff release overdue claims, with a reason; the queue flags them', async () => {
    const w = await claimedWish(h, '庆城社区')
    await h.update('wishes', { _id: w.id }, { 'claim.promisedBy': day(-1) })
    const queue = await h.wishOk('demo-staff', 'queue', { kind: 'overdue', communityId: h.communityId('庆城社区') })
    expect(queue.items.find((c: any) => c.id === w.id)).toMatchObject({ status: 'claimed', overdue: true })
    expect((await h.wishOk(w.claimant, 'listMyClaims', {})).items.find((c: any) => c.id === w.id)).toMatchObject({ overdue: true })
    expect(await h.wishOk('demo-staff', 'release', { wishId: w.id, reason: '超期未完成' })).toEqual({ id: w.id, status: 'open' })
    const doc = await stored(h, w.id)
    expect(doc.claim).toBeUndefined()
    expect(lastEntry(doc)).toMatchObject({ action: 'release', from: 'claimed', to: 'open', reason: '超期未完成', role: 'staff', by: 'demo-staff' })
  })
})

describe('requestRelease: the wisher asks staff to release a claim', () => {
  it("puts the claim in staff's release queue with the reason; staff release it; only the wisher, once, on a claimed wish", async () => {
    const w = await claimedWish(h, '庆城社区')
    expect((await h.wishOk(w.wisher, 'detail', { wishId: w.id })).viewer.can).toContain('requestRelease')
    expect((await h.wishOk(w.claimant, 'detail', { wishId: w.id })).viewer.can).not.toContain('requestRelease')
    expect(await h.wish(w.claimant, 'requestRelease', { wishId: w.id, reason: '我自己' })).toMatchObject({ ok: false, code: 'ROLE_REQUIRED' })
    expect(await h.wish('demo-staff', 'requestRelease', { wishId: w.id, reason: '代申请' })).toMatchObject({ ok: false, code: 'ROLE_REQUIRED' })
    expect(await h.wish(w.wisher, 'requestRelease', { wishId: w.id, reason: ' ' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    const requestId = rid()
    expect(await h.wishOk(w.wisher, 'requestRelease', { wishId: w.id, reason: '认领人一直联系不上' }, requestId)).toEqual({ id: w.id, status: 'claimed' })
    expect(await h.wishOk(w.wisher, 'requestRelease', { wishId: w.id, reason: '认领人一直联系不上' }, requestId)).toEqual({ id: w.id, status: 'claimed' })
    expect(await h.wish(w.wisher, 'requestRelease', { wishId: w.id, reason: '再申请' })).toMatchObject({ ok: false, code: 'INVALID_STATE' })
    const mine = await h.wishOk(w.wisher, 'detail', { wishId: w.id })
    expect(mine.releaseRequest).toMatchObject({ reason: '认领人一直联系不上' })
    expect(mine.viewer.can).not.toContain('requestRelease')
    expect((await h.wishOk(w.claimant, 'detail', { wishId: w.id })).releaseRequest).toBeUndefined()
    const queue = await h.wishOk('demo-staff', 'queue', { kind: 'release', communityId: h.communityId('庆城社区') })
    expect(queue.items.find((c: any) => c.id === w.id)).toMatchObject({ status: 'claimed', reason: '认领人一直联系不上' })
    expect(await h.wish('demo-staff-tangmen', 'queue', { kind: 'release', communityId: h.communityId('庆城社区') })).toMatchObject({ ok: false, code: 'SCOPE_DENIED' })
    expect(await h.wishOk('demo-staff', 'release', { wishId: w.id, reason: '核实后释放' })).toEqual({ id: w.id, status: 'open' })
    expect((await stored(h, w.id)).releaseRequest).toBeUndefined()
    const after = await h.wishOk('demo-staff', 'queue', { kind: 'release', communityId: h.communityId('庆城社区') })
    expect(after.items.find((c: any) => c.id === w.id)).toBeUndefined()
    expect(await h.wish(w.wisher, 'requestRelease', { wishId: w.id, reason: '已经开放' })).toMatchObject({ ok: false, code: 'INVALID_STATE' })
  })
})

describe('report and hide', () => {
  it('any signed-up user reports once (ALREADY_REPORTED); staff see it in the queue and hide it', async () => {
    const w = await openWish(h)
    expect(await h.wishOk('demo-volunteer', 'report', { wishId: w.id, reason: '信息不实' })).toEqual({ id: w.id, reported: true })
    expect(await h.wish('demo-volunteer', 'report', { wishId: w.id, reason: '再举报' })).toMatchObject({ ok: false, code: 'ALREADY_REPORTED' })
    const reporter = await resident(h, '汤门社区')
    await h.wishOk(reporter, 'report', { wishId: w.id, reason: '广告' })
    const doc = await stored(h, w.id)
    expect(doc).toMatchObject({ reportCount: 2, reporters: ['demo-volunteer', reporter] })
    const queue = await h.wishOk('demo-staff', 'queue', { kind: 'reported' })
    expect(queue.items.find((c: any) => c.id === w.id)).toMatchObject({ reportCount: 2 })

    expect(await h.wishOk('demo-staff', 'hide', { wishId: w.id, reason: '内容不实' })).toEqual({ id: w.id, status: 'hidden' })
    expect(lastEntry(await stored(h, w.id))).toMatchObject({ action: 'hide', from: 'open', to: 'hidden', reason: '内容不实' })
    expect((await h.wishOk(w.wisher, 'listMine', {})).items.find((c: any) => c.id === w.id)).toMatchObject({ status: 'hidden', reason: '内容不实' })
    expect((await h.wishOk('demo-resident', 'wall', {})).items.map((c: any) => c.id)).not.toContain(w.id)
    expect(await h.wish('demo-resident', 'detail', { wishId: w.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await h.wish('demo-staff', 'hide', { wishId: w.id, reason: '再隐藏' })).toMatchObject({ ok: false, code: 'INVALID_STATE' })
  })

  it('a retried report answers the same; unpublished wishes cannot be reported (NOT_FOUND)', async () => {
    const w = await openWish(h)
    const r = rid()
    const first = await h.wish('demo-resident', 'report', { wishId: w.id, reason: '重复发布' }, r)
    expect(await h.wish('demo-resident', 'report', { wishId: w.id, reason: '重复发布' }, r)).toEqual(first)
    expect((await stored(h, w.id)).reportCount).toBe(1)
    const p = await pendingWish(h)
    expect(await h.wish('demo-resident', 'report', { wishId: p.id, reason: '不实' })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await h.wish('demo-resident', 'report', { wishId: 'no-such-wish', reason: '不实' })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  })
})

describe('lists', () => {
  it('listMine: every own wish, newest first; listMyClaims: the claims held', async () => {
    const wisher = await resident(h)
    const a = (await h.wishOk(wisher, 'post', wishInput({ title: '第一个' }))).id
    const b = (await h.wishOk(wisher, 'post', wishInput({ title: '第二个' }))).id
    const mine = await h.wishOk(wisher, 'listMine', {})
    expect(mine.items.map((c: any) => c.id)).toEqual([b, a])
    const v = await volunteer(h)
    await h.wishOk('demo-staff', 'review', { wishId: a, decision: 'approve' })
    await h.wishOk(v, 'claim', { wishId: a, promisedBy: day(0) })
    expect(await h.wishOk(v, 'listMyClaims', {})).toMatchObject({ items: [{ id: a, status: 'claimed', overdue: false }], hasMore: false })
  })

  it('wall: newest first, category and status filters, pages of ≤ 20 with hasMore', async () => {
    for (let i = 0; i < 3; i++) await openWish(h, '锦江社区', { category: '陪伴探访' })
    const v = await resident(h, '锦江社区')
    const all = await h.wishOk(v, 'wall', { category: '陪伴探访' })
    expect(all.items.length).toBeGreaterThanOrEqual(3)
    for (const c of all.items) expect(c).toMatchObject({ category: '陪伴探访', communityName: '锦江社区' })
    const times = all.items.map((c: any) => c.publishedAt)
    expect([...times].sort().reverse()).toEqual(times)
    const p1 = await h.wishOk(v, 'wall', { pageSize: 2 })
    expect(p1).toMatchObject({ page: 1, pageSize: 2, hasMore: true })
    const p2 = await h.wishOk(v, 'wall', { pageSize: 2, page: 2 })
    expect(p2.items[0].id).not.toBe(p1.items[0].id)
    expect(p1.total).toBeUndefined()
    expect((await h.wishOk(v, 'wall', { status: 'claimed' })).items.every((c: any) => c.status === 'claimed')).toBe(true)
  })

  it('the district wall is open to callers who have not signed up; the community wall is not (NOT_SIGNED_UP)', async () => {
    const stranger = 'dev-new-stranger01'
    const district = await h.wishOk(stranger, 'wall', { scope: 'district' })
    expect(district.items.length).toBeGreaterThan(0)
    expect(await h.wish(stranger, 'wall', {})).toMatchObject({ ok: false, code: 'NOT_SIGNED_UP' })
    expect(await h.wish(stranger, 'detail', { wishId: 'wish-demo-lock' })).toMatchObject({ ok: false, code: 'NOT_SIGNED_UP' })
  })

  it('the seeded wall: 军门 and 庆城 wishes in several states, a thank-you', async () => {
    const junmen = await h.wishOk('demo-resident', 'wall', {})
    const titles = junmen.items.map((c: any) => c.title)
    expect(titles).toEqual(expect.arrayContaining(['帮忙修理门锁', '给孙子买书包', '陪老人聊天']))
    expect(junmen.items.find((c: any) => c.title === '陪老人聊天')).toMatchObject({ status: 'closed', thanks: expect.any(String) })
    const queue = await h.wishOk('demo-staff', 'queue', { kind: 'pending', communityId: h.communityId('庆城社区') })
    expect(queue.items.map((c: any) => c.title)).toContain('电风扇不转了')
  })
})

describe('stats', () => {
  it("counts by status, recent fulfilments and medians for the staff member's communities", async () => {
    const w = await fulfilledWish(h, '北江社区')
    await h.wishOk('demo-admin', 'confirm', { wishId: w.id })
    await pendingWish(h, '北江社区')
    const s = await h.wishOk('demo-admin', 'stats', { communityId: h.communityId('北江社区') })
    expect(s).toMatchObject({ communityIds: [h.communityId('北江社区')], fulfilledLast7Days: 1, fulfilledLast30Days: 1 })
    expect(s.byStatus).toMatchObject({ closed: 1, pending_review: 1, open: 0 })
    expect(s.medianDaysToClaim).toBeGreaterThanOrEqual(0)
    expect(s.medianDaysToFulfil).toBeGreaterThanOrEqual(0)
    const demo = await h.wishOk('demo-staff', 'stats', {})
    expect(demo.communityIds).toEqual([h.communityId('军门社区'), h.communityId('庆城社区')])
    expect(demo.byStatus.closed).toBeGreaterThanOrEqual(1)
    expect(demo.medianDaysToClaim).not.toBeNull()
    const empty = await h.wishOk('demo-admin', 'stats', { communityId: h.communityId('芍园社区') })
    expect(empty).toMatchObject({ fulfilledLast7Days: 0, medianDaysToClaim: null, medianDaysToFulfil: null })
  })
})
