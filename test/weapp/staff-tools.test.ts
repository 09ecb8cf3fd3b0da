// Layer 3: the staff tools in the real weapp build: the month export downloads the file and opens it with
// wx.openDocument; the check-in code page draws a QR code (qrcode-generator on the canvas) that decodes to the
// code beneath it; a poster code's scene opens the wish it names.
import fs from 'fs'
import { calls, env, renderPage, settle, waitFor } from './harness'
import { decodeFillRects, decodeQrPng } from '../support/qr'
import { withEmulator } from './emulator'

withEmulator()

test('导出 on the wish statistics page calls downloadFile, then openDocument with the xlsx and its menu', async () => {
  const page = renderPage('packages/staff/pages/wish-stats/index', { persona: 'demo-staff' })
  await settle(page)
  expect(page.text()).toContain('导出表格')
  await page.tap({ text: '导出' })
  await waitFor(() => calls('openDocument').length === 1)
  const order = env.calls.map((c) => c.api).filter((api) => api === 'downloadFile' || api === 'openDocument')
  expect(order).toEqual(['downloadFile', 'openDocument'])

  const exported = env.cloudCalls.find((c) => c.name === 'export')!
  expect(exported.data).toMatchObject({ action: 'wishMonth', input: { communityId: 'junmen', month: expect.stringMatching(/^\d{4}-\d{2}$/) } })
  expect(exported.result.ok).toBe(true)
  const [download] = calls('downloadFile')
  expect(download.url).toBe(exported.result.data.url)
  expect(download.filePath).toMatch(/心愿月报-军门社区\.xlsx$/)
  const [open] = calls('openDocument')
  expect(open).toMatchObject({ filePath: download.filePath, fileType: 'xlsx', showMenu: true })

  // What WeChat opens is the exported file itself, an xlsx (a zip: its contents are checked in layer 1).
  const opened = fs.readFileSync(open.filePath)
  expect(opened.subarray(0, 2).toString()).toBe('PK')
  expect(opened.equals(Buffer.from(await (await fetch(download.url)).arrayBuffer()))).toBe(true)
  await settle(page)
  expect(page.text()).toContain('已导出')
  expect(env.errors).toEqual([])
})

test('the check-in code page draws a QR code of the current code and shows its 6 digits beneath', async () => {
  const page = renderPage('packages/staff/pages/checkin-code/index', { persona: 'demo-staff' })
  await waitFor(() => /\d{6}/.test(page.text()))
  await settle(page)
  const digits = /(\d{6})/.exec(page.text())![1]
  expect(page.text()).toMatch(/\d+ 秒后更新/)
  await waitFor(() => !!env.canvases['checkin-qr']?.length)
  expect(decodeFillRects(env.canvases['checkin-qr'] ?? [], 240)).toBe(`hemei-checkin:junmen:${digits}`)
  // Two communities: a chip for each.
  expect(page.text()).toContain('军门社区')
  expect(page.text()).toContain('庆城社区')
  expect(env.errors).toEqual([])
})

test('opened from a poster code, the wish detail page reads options.scene (URL-encoded) and shows that wish', async () => {
  const page = renderPage('packages/wish/pages/detail/index', { persona: 'demo-resident', query: { scene: encodeURIComponent('wish-demo-lock') } })
  await waitFor(() => page.text().includes('帮忙修理门锁'))
  await settle(page)
  expect(env.cloudCalls.find((c) => c.name === 'wish' && c.data.action === 'detail')?.data.input).toEqual({ wishId: 'wish-demo-lock' })
  expect(env.errors).toEqual([])
})

test('staff tap 小程序码海报 on a published wish: the stored code is shown full screen and opens that wish', async () => {
  const page = renderPage('packages/wish/pages/detail/index', { persona: 'demo-staff', query: { id: 'wish-demo-lock' } })
  await waitFor(() => page.text().includes('小程序码海报'))
  await page.tap({ text: '小程序码海报' })
  await waitFor(() => calls('previewImage').length === 1)
  const [preview] = calls('previewImage')
  expect(preview.urls).toHaveLength(1)
  const png = Buffer.from(await (await fetch(preview.urls[0])).arrayBuffer())
  expect(new URL(decodeQrPng(png)).hash).toBe('#/packages/wish/pages/detail/index?scene=wish-demo-lock')
  expect(env.errors).toEqual([])
})

test('a resident sees no poster button (viewer.can has no shareCode)', async () => {
  const page = renderPage('packages/wish/pages/detail/index', { persona: 'demo-volunteer', query: { id: 'wish-demo-lock' } })
  await waitFor(() => page.text().includes('帮忙修理门锁'))
  await settle(page)
  expect(page.text()).not.toContain('小程序码海报')
})
