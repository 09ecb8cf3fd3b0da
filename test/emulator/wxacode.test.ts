/** The wxacode.getUnlimited stand-in through the real SDK: a PNG QR code of the h5 link, and WeChat's refusals. */
import { startTestEmulator, sdkFor } from './helpers'
import type { Emulator } from '../../cloud/emulator'
import { decodeQrPng, pngWidth } from '../support/qr'

jest.setTimeout(60_000)

let emu: Emulator
let cloud: any

beforeAll(async () => {
  emu = await startTestEmulator()
  cloud = sdkFor(emu.url + '/tcb', emu.credentials)
})
afterAll(() => emu.close())

test('answers a PNG, as the SDK returns a buffer answer, whose code opens the page with the scene on h5', async () => {
  const scene = "a=1&b=x-y_z.~!*'()"
  const res = await cloud.openapi.wxacode.getUnlimited({ scene, page: 'packages/wish/pages/detail/index', width: 300 })
  expect(res).toMatchObject({ errCode: 0, contentType: 'image/png' })
  expect(Buffer.isBuffer(res.buffer)).toBe(true)
  expect(res.buffer.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true)
  expect(pngWidth(res.buffer)).toBe(300)
  const link = new URL(decodeQrPng(res.buffer))
  expect(link.origin).toBe(new URL(emu.url).origin)
  const [path, query] = link.hash.slice(1).split('?')
  expect(path).toBe('/packages/wish/pages/detail/index')
  expect(new URLSearchParams(query).get('scene')).toBe(scene)
})

test("without a page the code opens the home page; the width stays within WeChat's 280–1280 px", async () => {
  const res = await cloud.openapi.wxacode.getUnlimited({ scene: 'x', width: 100 })
  expect(pngWidth(res.buffer)).toBe(280)
  expect(decodeQrPng(res.buffer)).toBe(`${emu.url.replace(/\/$/, '')}/#/pages/home/index?scene=x`)
})

test("refuses a scene over 32 characters or outside WeChat's charset (40169), and a page with / or a query (41030)", async () => {
  await expect(cloud.openapi.wxacode.getUnlimited({ scene: 'a'.repeat(33), page: 'pages/home/index' })).rejects.toMatchObject({ errCode: 40169 })
  await expect(cloud.openapi.wxacode.getUnlimited({ scene: '心愿', page: 'pages/home/index' })).rejects.toMatchObject({ errCode: 40169 })
  await expect(cloud.openapi.wxacode.getUnlimited({ scene: 'a%20b', page: 'pages/home/index' })).rejects.toMatchObject({ errCode: 40169 })
  await expect(cloud.openapi.wxacode.getUnlimited({ scene: 'a', page: '/pages/home/index' })).rejects.toMatchObject({ errCode: 41030 })
  await expect(cloud.openapi.wxacode.getUnlimited({ scene: 'a', page: 'pages/home/index?id=1' })).rejects.toMatchObject({ errCode: 41030 })
  const ok = await cloud.openapi.wxacode.getUnlimited({ scene: 'a'.repeat(32), page: 'pages/home/index' })
  expect(ok.contentType).toBe('image/png')
})
