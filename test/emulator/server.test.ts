/** Seeding, the dev endpoints, static serving, CORS and function-to-function calls. */
import fs from 'fs'
import path from 'path'
import { startEmulator, Emulator } from '../../cloud/emulator'
import { tmpDir, sdkFor, FIXTURE_FUNCTIONS } from './helpers'
import { PRIVACY_VERSION } from '../../src/contracts/user'

jest.setTimeout(60_000)

const dataDir = tmpDir()
const staticDir = tmpDir('hemei-static-')
let emu: Emulator
let db: any

beforeAll(async () => {
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>和美</title>')
  fs.mkdirSync(path.join(staticDir, 'js'))
  fs.writeFileSync(path.join(staticDir, 'js', 'app.js'), 'console.log(1)')
  fs.writeFileSync(path.join(staticDir, 'app.css'), 'body{}')
  emu = await startEmulator({ port: 0, dataDir, staticDir, functionsDir: FIXTURE_FUNCTIONS, quiet: true })
  db = sdkFor(emu.url + '/tcb', emu.credentials).database()
})
afterAll(() => emu.close())

test('first start seeds the Gulou communities with grids', async () => {
  const { data } = await db.collection('communities').orderBy('order', 'asc').get()
  expect(data.map((c: any) => c.name)).toEqual(['军门社区', '庆城社区', '锦江社区', '汤门社区', '国光社区', '思儿亭社区', '北江社区', '芍园社区'])
  for (const c of data) {
    expect(c.grids.length).toBeGreaterThanOrEqual(3)
    expect(c.grids.length).toBeLessThanOrEqual(6)
    expect(c.grids[0]).toEqual({ id: `${c._id}-g1`, name: '第一网格' })
    expect(typeof c.street).toBe('string')
  }
})

test('demo users match the personas and the UserDoc shape', async () => {
  const { personas } = await (await fetch(emu.url + '/api/dev/personas')).json()
  expect(personas.map((p: any) => p.openid)).toEqual(['demo-resident', 'demo-volunteer', 'demo-volunteer-2', 'demo-applicant', 'demo-staff', 'demo-staff-tangmen', 'demo-admin'])
  const users = (await db.collection('users').limit(100).get()).data
  const byId = Object.fromEntries(users.map((u: any) => [u._id, u]))
  for (const p of personas) {
    const u = byId[p.openid]
    expect(u).toMatchObject({ privacyVersion: PRIVACY_VERSION, staffCommunityIds: expect.any(Array), volunteerStatus: expect.any(String) })
    expect(u.createdAt).toBeInstanceOf(Date)
    expect(u.privacyAgreedAt).toBeInstanceOf(Date)
  }
  expect(byId['demo-resident']).toMatchObject({ nickname: '林阿姨', communityId: 'junmen', volunteerStatus: 'none' })
  expect(byId['demo-volunteer']).toMatchObject({ communityId: 'junmen', volunteerStatus: 'approved' })
  expect(byId['demo-volunteer-2']).toMatchObject({ nickname: '黄志强', communityId: 'junmen', volunteerStatus: 'approved' })
  expect(byId['demo-applicant']).toMatchObject({ communityId: 'qingcheng', volunteerStatus: 'pending' })
  expect(byId['demo-staff'].staffCommunityIds.sort()).toEqual(['junmen', 'qingcheng'])
  expect(byId['demo-staff-tangmen'].staffCommunityIds).toEqual(['tangmen'])
  const apps = (await db.collection('volunteer_applications').where({ openid: 'demo-applicant' }).get()).data
  expect(apps).toEqual([expect.objectContaining({ status: 'pending', communityId: 'qingcheng' })])
})

test('a restart does not seed again, and keeps changes', async () => {
  await db
    .collection('users')
    .doc('demo-resident')
    .update({ data: { nickname: '林阿姨改' } })
  await emu.close()
  emu = await startEmulator({ port: 0, dataDir, staticDir, functionsDir: FIXTURE_FUNCTIONS, quiet: true })
  db = sdkFor(emu.url + '/tcb', emu.credentials).database()
  expect((await db.collection('users').doc('demo-resident').get()).data.nickname).toBe('林阿姨改')
  expect((await db.collection('communities').count()).total).toBe(8)
})

test('seedBulkUsers adds residents that indexed queries find', async () => {
  emu.seedBulkUsers(10_000)
  expect((await db.collection('users').count()).total).toBe(10_007)
  const seen: (string | undefined)[] = []
  const orig = emu.core.noteQuery.bind(emu.core)
  emu.core.noteQuery = (s, coll, index) => {
    seen.push(index)
    orig(s, coll, index)
  }
  const page = await db.collection('users').where({ communityId: 'tangmen' }).orderBy('createdAt', 'desc').limit(20).get()
  emu.core.noteQuery = orig
  expect(page.data).toHaveLength(20)
  expect(seen).toEqual(['community'])
})

test('static h5: files with content types, SPA fallback, 404 for missing assets', async () => {
  const root = await fetch(emu.url + '/')
  expect(root.headers.get('content-type')).toBe('text/html; charset=utf-8')
  expect(await root.text()).toContain('和美')
  expect((await fetch(emu.url + '/js/app.js')).headers.get('content-type')).toBe('text/javascript; charset=utf-8')
  expect((await fetch(emu.url + '/app.css')).headers.get('content-type')).toBe('text/css; charset=utf-8')
  const spa = await fetch(emu.url + '/pages/me/index')
  expect(spa.status).toBe(200)
  expect(await spa.text()).toContain('和美')
  expect((await fetch(emu.url + '/js/missing.js')).status).toBe(404)
  const escape = await fetch(emu.url + '/..%2F..%2Fetc%2Fpasswd')
  expect(await escape.text()).not.toContain('root:')
})

test('CORS is granted to loopback origins only', async () => {
  const pre = (origin: string) => fetch(emu.url + '/api/fn/whoami', { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } })
  expect((await pre('http://localhost:10086')).headers.get('access-control-allow-origin')).toBe('http://localhost:10086')
  expect((await pre('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull()
})

test('cloud.callFunction reaches the runner (functions.invokeFunction)', async () => {
  const cloud = sdkFor(emu.url + '/tcb', emu.credentials)
  const r = await cloud.callFunction({ name: 'whoami', data: { action: 'who', delayMs: 1 } })
  expect(r.result).toMatchObject({ ok: true, data: { openid: '' } })
  await expect(cloud.callFunction({ name: 'nope', data: {} })).rejects.toBeTruthy()
})
