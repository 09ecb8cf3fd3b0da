// Issue 8 §4: wish photos go through WeChat's image check (security.mediaCheckAsync v2); the answer arrives later as
// the `wxa_media_check` message push. The emulator's stand-in judges a file named *risky* risky, never answers one
// named *pending*, and passes the rest (cloud/emulator/standins/mediaCheck.ts).
import fs from 'fs'
import { uploadFolderOf } from '../../cloud/lib/ownerHash'
import { pushSignature } from '../../cloud/lib/pushSignature'
import { deliverMessagePush } from '../../cloud/emulator/standins/mediaCheck'
import { startHarness, type Harness } from './helpers'
import { claimedWish, JPEG, resident, staffOf, stored, wishInput } from './wishFixtures'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h?.close()
})

let n = 0

/** Uploads a photo named `<kind>-…` as `openid`; resolves its fileID. */
async function photo(openid: string, kind: 'clean' | 'risky' | 'pending'): Promise<string> {
  const cloudPath = `${uploadFolderOf(openid)}/${kind}-${process.pid}-${++n}.jpg`
  const res = await fetch(`${h.emu.url}/api/upload?cloudPath=${encodeURIComponent(cloudPath)}`, {
    method: 'POST',
    headers: { 'content-type': 'image/jpeg', 'x-hemei-openid': openid },
    body: JPEG,
  })
  return (await res.json()).fileID
}

/** Polls the stored wish until `done` holds (the push arrives a moment after the post). */
async function until(id: string, done: (doc: any) => boolean): Promise<any> {
  for (let i = 0; i < 100; i++) {
    const doc = await stored(h, id)
    if (done(doc)) return doc
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(`wish ${id} never reached the expected photo state: ${JSON.stringify((await stored(h, id)).photoChecks)}`)
}

/** A published wish by a new resident with these photos; resolves its id and wisher. */
async function wishWith(kinds: ('clean' | 'risky' | 'pending')[]): Promise<{ id: string; wisher: string; photos: string[] }> {
  const wisher = await resident(h)
  const photos = await Promise.all(kinds.map((k) => photo(wisher, k)))
  const { id } = await h.wishOk(wisher, 'post', wishInput({ photos }))
  await h.wishOk(staffOf('军门社区'), 'review', { wishId: id, decision: 'approve' })
  return { id, wisher, photos }
}

/** A push as WeChat's platform sends it for `traceId` (signed with the emulator's token unless `signature`). */
function push(traceId: string, suggest: 'pass' | 'risky' | 'review', signature?: string) {
  const event = { MsgType: 'event', Event: 'wxa_media_check', trace_id: traceId, version: 2, errcode: 0, errmsg: 'ok', result: { suggest, label: suggest === 'pass' ? 100 : 20002 } }
  return deliverMessagePush(h.emu.core, event, signature)
}

it('stores a trace id per photo, checking, with the wish; a clean photo ends visible to everyone', async () => {
  const wisher = await resident(h)
  const file = await photo(wisher, 'clean')
  const { id } = await h.wishOk(wisher, 'post', wishInput({ photos: [file] }))
  const first = await stored(h, id)
  expect(first.photoChecks).toEqual([expect.objectContaining({ fileId: file, traceId: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/) })])
  const doc = await until(id, (d) => d.photoChecks[0].state !== 'checking')
  expect(doc.photoChecks[0]).toMatchObject({ state: 'pass', label: 100, checkedAt: expect.any(Date) })
  await h.wishOk(staffOf('军门社区'), 'review', { wishId: id, decision: 'approve' })
  const seen = await h.wishOk('demo-volunteer', 'detail', { wishId: id })
  expect(seen.photos).toHaveLength(1)
  expect(seen).toMatchObject({ photoStates: ['pass'], photosPending: 0 })
  expect(seen.photosHidden).toBeUndefined()
})

it('a risky photo ends hidden from everyone; the wisher and staff see why', async () => {
  const w = await wishWith(['clean', 'risky'])
  await until(w.id, (d) => d.photoChecks.every((c: any) => c.state !== 'checking'))
  expect((await stored(h, w.id)).photoChecks.map((c: any) => c.state)).toEqual(['pass', 'risky'])
  const other = await h.wishOk('demo-volunteer', 'detail', { wishId: w.id })
  expect(other.photos).toHaveLength(1)
  expect(other.photosHidden).toBeUndefined()
  expect(JSON.stringify(other)).not.toContain('risky-')
  const own = await h.wishOk(w.wisher, 'detail', { wishId: w.id })
  expect(own.photos).toHaveLength(1)
  expect(own.photosHidden).toEqual(['这张照片未通过内容安全审核（色情），已隐藏'])
  expect(own.draft.photoIds).toEqual([w.photos[0]])
  expect((await h.wishOk(staffOf('军门社区'), 'detail', { wishId: w.id })).photosHidden).toHaveLength(1)
})

describe('a photo still under check', () => {
  it('shows as 审核中 (a count, no URL) to others, and itself to its owner and staff', async () => {
    const w = await wishWith(['pending'])
    const other = await h.wishOk('demo-volunteer', 'detail', { wishId: w.id })
    expect(other).toMatchObject({ photos: [], photoStates: [], photosPending: 1 })
    for (const who of [w.wisher, staffOf('军门社区')]) {
      expect(await h.wishOk(who, 'detail', { wishId: w.id })).toMatchObject({ photos: [expect.stringMatching(/^http/)], photoStates: ['checking'], photosPending: 0 })
    }
  })

  it('a push with a wrong signature, an unknown trace id or from a client changes nothing; the real push settles it', async () => {
    const w = await wishWith(['pending'])
    const before = await stored(h, w.id)
    const traceId = before.photoChecks[0].traceId
    expect(before.photoChecks[0].state).toBe('checking')

    // A wrong signature: refused.
    expect(await push(traceId, 'pass', 'f'.repeat(40))).toMatchObject({ ok: false, code: 'ROLE_REQUIRED' })
    // An unknown trace id, correctly signed: answered, nothing changes.
    expect(await push('00000000-00000000-00000000', 'pass')).toBe('success')
    // A client sending the event through callFunction, even with a valid signature: refused.
    const ts = String(Math.floor(Date.now() / 1000))
    const forged = {
      MsgType: 'event',
      Event: 'wxa_media_check',
      trace_id: traceId,
      result: { suggest: 'pass', label: 100 },
      timestamp: ts,
      nonce: 'n1',
      signature: pushSignature(h.emu.core.pushToken, ts, 'n1'),
    }
    expect(await h.emu.invoke('wish', forged, w.wisher)).toMatchObject({ ok: false, code: 'ROLE_REQUIRED', message: '审核结果只能由微信平台推送' })
    const res = await fetch(`${h.emu.url}/api/fn/wish`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hemei-openid': w.wisher }, body: JSON.stringify(forged) })
    expect(await res.json()).toMatchObject({ ok: false, code: 'ROLE_REQUIRED' })
    expect(await stored(h, w.id)).toEqual(before)

    // The platform's push for that trace id settles it, once: a later contrary push changes nothing.
    expect(await push(traceId, 'risky')).toBe('success')
    expect((await stored(h, w.id)).photoChecks[0]).toMatchObject({ traceId, state: 'risky', label: 20002 })
    // The push finds its wish on the photoChecks index, in two database requests (the read and the update).
    const settled = h.emu.calls.filter((c) => c.fn === 'wish' && c.action === '').pop()!
    expect(settled).toMatchObject({ queries: ['wishes:photoChecks', 'wishes:_id'], dbRequests: 2 })
    await push(traceId, 'pass')
    expect((await stored(h, w.id)).photoChecks[0].state).toBe('risky')
    expect((await h.wishOk('demo-volunteer', 'detail', { wishId: w.id })).photosPending).toBe(0)
  })
})

it("the claimant's fulfilment photo is checked too: pending for others, hidden with the reason when risky", async () => {
  for (const kind of ['pending', 'risky'] as const) {
    const w = await claimedWish(h)
    const file = await photo(w.claimant, kind)
    await h.wishOk(w.claimant, 'fulfil', { wishId: w.id, note: '已经帮忙换好锁芯。', photo: file })
    if (kind === 'risky') await until(w.id, (d) => d.photoChecks.some((c: any) => c.fileId === file && c.state === 'risky'))
    const wisherView = (await h.wishOk(w.wisher, 'detail', { wishId: w.id })).fulfilment
    expect(wisherView.photo).toBeUndefined()
    expect(wisherView.photoHidden).toBeUndefined()
    const own = (await h.wishOk(w.claimant, 'detail', { wishId: w.id })).fulfilment
    if (kind === 'pending') {
      expect(wisherView.photoPending).toBe(true)
      expect(own).toMatchObject({ photo: expect.stringMatching(/^http/), photoState: 'checking' })
    } else {
      expect(wisherView.photoPending).toBeUndefined()
      expect(own).toMatchObject({ photoHidden: '这张照片未通过内容安全审核（色情），已隐藏' })
      expect(own.photo).toBeUndefined()
    }
  }
})

it('a review suggestion keeps the photo from others (审核中), like a check still running', async () => {
  const w = await wishWith(['pending'])
  const traceId = (await stored(h, w.id)).photoChecks[0].traceId
  expect(await push(traceId, 'review')).toBe('success')
  expect((await stored(h, w.id)).photoChecks[0]).toMatchObject({ state: 'review' })
  expect(await h.wishOk('demo-volunteer', 'detail', { wishId: w.id })).toMatchObject({ photos: [], photosPending: 1 })
  expect(await h.wishOk(w.wisher, 'detail', { wishId: w.id })).toMatchObject({ photoStates: ['review'], photosPending: 0 })
})

it('a resubmit keeps the checks of kept photos and checks the new ones', async () => {
  const wisher = await resident(h)
  const kept = await photo(wisher, 'clean')
  const { id } = await h.wishOk(wisher, 'post', wishInput({ photos: [kept] }))
  const settled = await until(id, (d) => d.photoChecks[0].state === 'pass')
  await h.wishOk(staffOf('军门社区'), 'review', { wishId: id, decision: 'reject', reason: '请换一张照片' })
  const added = await photo(wisher, 'risky')
  await h.wishOk(wisher, 'resubmit', { wishId: id, ...wishInput({ photos: [kept, added] }) })
  const doc = await until(id, (d) => d.photoChecks.length === 2 && d.photoChecks[1].state !== 'checking')
  expect(doc.photoChecks[0]).toEqual(settled.photoChecks[0])
  expect(doc.photoChecks[1]).toMatchObject({ fileId: added, state: 'risky' })
})

it('the wish function declares the mediaCheckAsync permission in its config.json (the stand-in answers a trace id only to v2 calls with openid and scene)', async () => {
  const config = JSON.parse(fs.readFileSync('dist/cloudfunctions/wish/config.json', 'utf8'))
  expect(config.permissions.openapi).toContain('security.mediaCheckAsync')
})
