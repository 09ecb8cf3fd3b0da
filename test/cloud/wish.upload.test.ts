// The emulator's h5 upload route (POST /api/upload) into the storage stand-in, and wish photos through getTempFileURL.
// Issue 7 item 10: a photo lands in, and is accepted only from, the uploader's own folder wishes/<owner hash>/.
import { uploadFolderOf } from '../../cloud/lib/ownerHash'
import { startHarness, type Harness } from './helpers'
import { claimedWish, JPEG, resident, staffOf, stored, wishInput } from './wishFixtures'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h?.close()
})

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100, 1)])
let n = 0
const name = (ext = 'jpg') => `wishes/test-${process.pid}-${++n}.${ext}`
const PREFIX = 'cloud://hemei-local.hemei-local/'
/** Where a file asked for as `asked` lands when `openid` uploads it: the caller's folder, the asked file name. */
const landed = (asked: string, openid = 'demo-resident') => `${uploadFolderOf(openid)}/${asked.split('/').pop()}`

function upload(cloudPath: string, body: Buffer, headers: Record<string, string> = { 'content-type': 'image/jpeg', 'x-hemei-openid': 'demo-resident' }) {
  return fetch(`${h.emu.url}/api/upload?cloudPath=${encodeURIComponent(cloudPath)}`, { method: 'POST', headers, body })
}

it('stores an image and answers its fileID; the file is served back', async () => {
  const path = name()
  const res = await upload(path, JPEG)
  expect(res.status).toBe(200)
  const { fileID } = await res.json()
  expect(fileID).toBe(`${PREFIX}${landed(path)}`)
  const back = await fetch(`${h.emu.url}/files/${landed(path)}`)
  expect(Buffer.from(await back.arrayBuffer()).equals(JPEG)).toBe(true)
  const png = await upload(name('png'), PNG, { 'content-type': 'image/png', 'x-hemei-openid': 'demo-resident' })
  expect(png.status).toBe(200)
  // A PNG labelled image/jpeg (as browsers sometimes send it) is still an image.
  expect((await upload(name(), PNG)).status).toBe(200)
})

it("lands in the caller's own folder, whatever folder is asked", async () => {
  const staffFolder = uploadFolderOf('demo-staff')
  for (const asked of ['users/elsewhere.jpg', `${staffFolder}/theirs-${process.pid}.jpg`, `plain-${process.pid}.jpg`]) {
    const res = await upload(asked, JPEG)
    expect(res.status).toBe(200)
    const { fileID } = await res.json()
    expect(fileID).toBe(`${PREFIX}${uploadFolderOf('demo-resident')}/${asked.split('/').pop()}`)
  }
  // Nothing was written in the folder the resident asked for but does not own.
  expect((await fetch(`${h.emu.url}/files/${staffFolder}/theirs-${process.pid}.jpg`)).status).toBe(404)
  expect(uploadFolderOf('demo-resident')).toMatch(/^wishes\/[0-9a-f]{32}$/)
  expect(uploadFolderOf('demo-resident')).not.toBe(staffFolder)
})

it("a wish's photos reach the detail as temporary URLs (unknown files are left out)", async () => {
  const wisher = await resident(h)
  const { fileID } = await (await upload(name(), JPEG, { 'content-type': 'image/jpeg', 'x-hemei-openid': wisher })).json()
  const missing = `${PREFIX}${uploadFolderOf(wisher)}/never-uploaded.jpg`
  const { id } = await h.wishOk(wisher, 'post', wishInput({ photos: [fileID, missing] }))
  await h.wishOk(staffOf('军门社区'), 'review', { wishId: id, decision: 'approve' })
  // Others see a photo once its image check has passed (wish.photoCheck.test.ts).
  for (let i = 0; i < 100 && (await stored(h, id)).photoChecks[0].state === 'checking'; i++) await new Promise((r) => setTimeout(r, 50))
  const detail = await h.wishOk('demo-volunteer', 'detail', { wishId: id })
  expect(detail.photos).toHaveLength(1)
  const img = await fetch(detail.photos[0])
  expect(img.status).toBe(200)
  expect(Buffer.from(await img.arrayBuffer()).equals(JPEG)).toBe(true)
  // The wisher gets the fileIDs of the shown photos, in order, to keep them on a resubmit.
  const own = await h.wishOk(wisher, 'detail', { wishId: id })
  expect(own.draft.photoIds).toEqual([fileID])
  expect((await h.wishOk('demo-volunteer', 'detail', { wishId: id })).draft).toBeUndefined()
  // Cards never carry photos.
  expect(JSON.stringify(await h.wish('demo-volunteer', 'wall', {}))).not.toContain(fileID)
})

it.each([
  ['no identity', name(), JPEG, { 'content-type': 'image/jpeg' }, 401, 'UNAUTHENTICATED'],
  ['a path with ..', 'wishes/../../etc.jpg', JPEG, undefined, 400, 'INVALID_INPUT'],
  ['a path with an encoded dot', 'wishes/%2e%2e/x.jpg', JPEG, undefined, 400, 'INVALID_INPUT'],
  ['a path with a backslash', 'wishes\\x.jpg', JPEG, undefined, 400, 'INVALID_INPUT'],
  ['a path with an empty segment', 'wishes//x.jpg', JPEG, undefined, 400, 'INVALID_INPUT'],
  ['a bare folder', 'wishes/', JPEG, undefined, 400, 'INVALID_INPUT'],
  ['a non-image extension', 'wishes/x.exe', JPEG, undefined, 400, 'INVALID_INPUT'],
  ['a non-image content type', name(), JPEG, { 'content-type': 'application/pdf', 'x-hemei-openid': 'demo-resident' }, 415, 'INVALID_INPUT'],
  ['bytes that are not the declared image', name(), Buffer.from('hello, not an image'), undefined, 400, 'INVALID_INPUT'],
  ['an empty body', name(), Buffer.alloc(0), undefined, 400, 'INVALID_INPUT'],
  ['more than 2 MB', name(), Buffer.concat([JPEG, Buffer.alloc(2 * 1024 * 1024)]), undefined, 413, 'INVALID_INPUT'],
])('refuses %s', async (_n, path, body, headers, status, code) => {
  const res = await upload(path as string, body as Buffer, headers as Record<string, string> | undefined)
  expect(res.status).toBe(status)
  expect(await res.json()).toMatchObject({ ok: false, code, message: expect.any(String) })
})

it('never overwrites an existing file (409); another user with the same name writes in their own folder', async () => {
  const path = name()
  expect((await upload(path, JPEG)).status).toBe(200)
  const again = await upload(path, PNG, { 'content-type': 'image/png', 'x-hemei-openid': 'demo-resident' })
  expect(again.status).toBe(409)
  // Another user asking for the same path writes in their own folder, never over the first file.
  const other = await upload(path, PNG, { 'content-type': 'image/png', 'x-hemei-openid': 'demo-staff' })
  expect(other.status).toBe(200)
  expect((await other.json()).fileID).toBe(`${PREFIX}${landed(path, 'demo-staff')}`)
  const back = await fetch(`${h.emu.url}/files/${landed(path)}`)
  expect(Buffer.from(await back.arrayBuffer()).equals(JPEG)).toBe(true)
})

describe("fileIDs are accepted only from the caller's own folder in this environment", () => {
  /** A's photo, uploaded by A. */
  async function photoOf(openid: string): Promise<string> {
    return (await (await upload(name(), JPEG, { 'content-type': 'image/jpeg', 'x-hemei-openid': openid })).json()).fileID
  }

  it("user B posting A's fileID is refused with FILE_NOT_OWNED, and nothing is written", async () => {
    const a = await resident(h)
    const b = await resident(h)
    const theirs = await photoOf(a)
    const mine = await photoOf(b)
    const before = await h.count('wishes', { wisherOpenid: b })
    const res = await h.wish(b, 'post', wishInput({ photos: [mine, theirs] }))
    expect(res).toMatchObject({ ok: false, code: 'FILE_NOT_OWNED', message: '只能使用您自己上传的照片，请重新上传', issues: [{ path: 'photos.1' }] })
    expect(await h.count('wishes', { wisherOpenid: b })).toBe(before)
    expect(await h.count('wish_slots', { openid: b })).toBe(0)
    // B's own photo alone is fine.
    expect(await h.wishOk(b, 'post', wishInput({ photos: [mine] }))).toMatchObject({ status: 'pending_review' })
  })

  it("a resubmit and a fulfilment take the caller's own photos only", async () => {
    const w = await claimedWish(h)
    const wishersPhoto = await photoOf(w.wisher)
    const res = await h.wish(w.claimant, 'fulfil', { wishId: w.id, note: '已经帮忙换好锁芯。', photo: wishersPhoto })
    expect(res).toMatchObject({ ok: false, code: 'FILE_NOT_OWNED', issues: [{ path: 'photo' }] })
    expect((await h.find('wishes', { _id: w.id }))[0]).toMatchObject({ status: 'claimed' })
    const own = await photoOf(w.claimant)
    expect(await h.wishOk(w.claimant, 'fulfil', { wishId: w.id, note: '已经帮忙换好锁芯。', photo: own })).toMatchObject({ status: 'fulfilled' })

    const wisher = await resident(h)
    const { id } = await h.wishOk(wisher, 'post', wishInput())
    await h.wishOk(staffOf('军门社区'), 'review', { wishId: id, decision: 'reject', reason: '请补充照片' })
    const other = await photoOf('demo-resident')
    expect(await h.wish(wisher, 'resubmit', { wishId: id, ...wishInput({ photos: [other] }) })).toMatchObject({ ok: false, code: 'FILE_NOT_OWNED' })
    expect((await h.find('wishes', { _id: id }))[0]).toMatchObject({ status: 'rejected', photos: [] })
  })

  it("another environment, or a folder that is not the caller's, is refused", async () => {
    const wisher = await resident(h)
    const folder = uploadFolderOf(wisher)
    for (const fileId of [`cloud://other-env.other-env-1250000000/${folder}/x.jpg`, `${PREFIX}${uploadFolderOf('demo-staff')}/x.jpg`]) {
      expect(await h.wish(wisher, 'post', wishInput({ photos: [fileId] }))).toMatchObject({ ok: false, code: 'FILE_NOT_OWNED' })
    }
    expect(await h.count('wishes', { wisherOpenid: wisher })).toBe(0)
  })

  it.each([
    ['a traversal to the database file', `${PREFIX}../hemei.sqlite`],
    ['a traversal inside the own folder', `${PREFIX}{folder}/../../hemei.sqlite`],
    ['an encoded dot (%2e%2e)', `${PREFIX}{folder}/%2e%2e/x.jpg`],
    ['an upper-case encoded dot (%2E)', `${PREFIX}{folder}/%2E%2E%2Fx.jpg`],
    ['a backslash', `${PREFIX}{folder}\\..\\x.jpg`],
    ['an empty segment', `${PREFIX}{folder}//x.jpg`],
    ['a trailing slash', `${PREFIX}{folder}/x.jpg/`],
    ['not a cloud fileID', `https://evil.example/{folder}/x.jpg`],
    ['no owner folder', `${PREFIX}wishes/x.jpg`],
    ['a folder outside wishes/', `${PREFIX}users/{folder}/x.jpg`],
  ])('refuses %s at the boundary, storing nothing', async (_n, template) => {
    const wisher = await resident(h)
    const fileId = template.replace('{folder}', uploadFolderOf(wisher))
    const res = await h.wish(wisher, 'post', wishInput({ photos: [fileId] }))
    expect(res).toMatchObject({ ok: false, code: 'INVALID_INPUT', issues: [{ path: 'photos.0', message: '图片上传失败，请重新选择' }] })
    expect(await h.count('wishes', { wisherOpenid: wisher })).toBe(0)
  })
})

it('answers CORS preflights from loopback origins only', async () => {
  const ok = await fetch(`${h.emu.url}/api/upload`, { method: 'OPTIONS', headers: { origin: 'http://127.0.0.1:10086' } })
  expect(ok.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:10086')
  const other = await fetch(`${h.emu.url}/api/upload`, { method: 'OPTIONS', headers: { origin: 'https://evil.example' } })
  expect(other.headers.get('access-control-allow-origin')).toBeNull()
})
