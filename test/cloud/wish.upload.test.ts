// The emulator's h5 upload route (POST /api/upload) into the storage stand-in, and wish photos through getTempFileURL.
import { startHarness, type Harness } from './helpers'
import { resident, staffOf, wishInput } from './wishFixtures'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h?.close()
})

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 7)])
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100, 1)])
let n = 0
const name = (ext = 'jpg') => `wishes/test-${process.pid}-${++n}.${ext}`

function upload(cloudPath: string, body: Buffer, headers: Record<string, string> = { 'content-type': 'image/jpeg', 'x-hemei-openid': 'demo-resident' }) {
  return fetch(`${h.emu.url}/api/upload?cloudPath=${encodeURIComponent(cloudPath)}`, { method: 'POST', headers, body })
}

it('stores an image and answers its fileID; the file is served back', async () => {
  const path = name()
  const res = await upload(path, JPEG)
  expect(res.status).toBe(200)
  const { fileID } = await res.json()
  expect(fileID).toBe(`cloud://hemei-local.hemei-local/${path}`)
  const back = await fetch(`${h.emu.url}/files/${path}`)
  expect(Buffer.from(await back.arrayBuffer()).equals(JPEG)).toBe(true)
  const png = await upload(name('png'), PNG, { 'content-type': 'image/png', 'x-hemei-openid': 'demo-resident' })
  expect(png.status).toBe(200)
  // A PNG labelled image/jpeg (as browsers sometimes send it) is still an image.
  expect((await upload(name(), PNG)).status).toBe(200)
})

it("a wish's photos reach the detail as temporary URLs (unknown files are left out)", async () => {
  const { fileID } = await (await upload(name(), JPEG)).json()
  const wisher = await resident(h)
  const missing = 'cloud://hemei-local.hemei-local/wishes/never-uploaded.jpg'
  const { id } = await h.wishOk(wisher, 'post', wishInput({ photos: [fileID, missing] }))
  await h.wishOk(staffOf('军门社区'), 'review', { wishId: id, decision: 'approve' })
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
  ['a path outside wishes/', 'users/x.jpg', JPEG, undefined, 400, 'INVALID_INPUT'],
  ['a path with ..', 'wishes/../../etc.jpg', JPEG, undefined, 400, 'INVALID_INPUT'],
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

it('never overwrites an existing file (409)', async () => {
  const path = name()
  expect((await upload(path, JPEG)).status).toBe(200)
  const again = await upload(path, PNG, { 'content-type': 'image/png', 'x-hemei-openid': 'demo-staff' })
  expect(again.status).toBe(409)
  const back = await fetch(`${h.emu.url}/files/${path}`)
  expect(Buffer.from(await back.arrayBuffer()).equals(JPEG)).toBe(true)
})

it('answers CORS preflights from loopback origins only', async () => {
  const ok = await fetch(`${h.emu.url}/api/upload`, { method: 'OPTIONS', headers: { origin: 'http://127.0.0.1:10086' } })
  expect(ok.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:10086')
  const other = await fetch(`${h.emu.url}/api/upload`, { method: 'OPTIONS', headers: { origin: 'https://evil.example' } })
  expect(other.headers.get('access-control-allow-origin')).toBeNull()
})
