// Layer 3: check-in in the real weapp build (issue 10, part B). The scan path: staff open 签到码, the harness
// reads the QR code the page drew and answers wx.scanCode with it; the location path: wx.getLocation answered
// near the place and far from it. Slots with signed-up shifts are staged in the store (test/support/stageDocs.ts).
import { calls, callAs, env, renderPage, settle, waitFor } from './harness'
import { withEmulator } from './emulator'
import { decodeFillRects } from '../support/qr'
import { stageDocs } from '../support/stageDocs'
import { signedUpShift, STAGED_PLACE, stagedSlot } from '../support/volunteerSlot'

const emulator = withEmulator()
const ROUTE = 'packages/volunteer/pages/checkin/index'
const R = 6_371_008.8

async function slotFor(openid: string, name: string): Promise<string> {
  const id = `slot-weapp-${Math.random().toString(36).slice(2, 10)}`
  await stageDocs(emulator().control, [{ coll: 'vol_slots', doc: stagedSlot(id, [signedUpShift(openid, name)]) }])
  return id
}

afterEach(() => {
  env.scanResult = null
  env.location = null
  env.privacyPending = false
})

test('scan: staff show 签到码, the volunteer scans the QR code the page drew and is checked in', async () => {
  const slotId = await slotFor('demo-volunteer', '陈志远')
  const staff = renderPage('packages/volunteer-staff/pages/slot-code/index', { persona: 'demo-staff', query: { slotId } })
  await waitFor(() => /\d{6}/.test(staff.text()))
  await settle(staff)
  const digits = /(\d{6})/.exec(staff.text())![1]
  await waitFor(() => !!env.canvases['slot-code-qr']?.length)
  const scanned = decodeFillRects(env.canvases['slot-code-qr'], 240)
  expect(scanned).toBe(`hemei-vol:${slotId}:in:${digits}`)
  expect(env.errors).toEqual([])

  env.scanResult = scanned!
  const page = renderPage(ROUTE, { persona: 'demo-volunteer', query: { slotId } })
  await waitFor(() => page.text().includes('扫码签到'))
  await page.tap({ text: '扫码签到' })
  await waitFor(() => page.text().includes('已签到'))
  expect(calls('scanCode')[0]).toMatchObject({ onlyFromCamera: true, scanType: ['qrCode'] })
  const sent = env.cloudCalls.find((c) => c.data.action === 'checkIn')!
  expect(sent.data.input).toEqual({ slotId, method: 'code', code: digits })
  expect(sent.result).toMatchObject({ ok: true, data: { status: 'checked_in', pair: { inBy: 'code' } } })
  await settle(page)
  expect(page.text()).toMatch(/签到 \d\d:\d\d 扫码\/签到码 · 未签退/)
  expect(calls('showToast').some((t) => t.title === '签到成功')).toBe(true)
  expect(env.errors).toEqual([])
})

test('scan: a 签退码 scanned to check in is refused on the phone, before any call', async () => {
  const slotId = await slotFor('demo-volunteer', '陈志远')
  const out = await callAs('demo-staff', 'volunteer', { action: 'slotCode', input: { slotId, purpose: 'out' } })
  env.scanResult = out.data.qr
  const page = renderPage(ROUTE, { persona: 'demo-volunteer', query: { slotId } })
  await waitFor(() => page.text().includes('扫码签到'))
  await page.tap({ text: '扫码签到' })
  await waitFor(() => calls('showModal').length === 1)
  expect(calls('showModal')[0].content).toBe('这是签退码，请使用签到码')
  expect(env.cloudCalls.filter((c) => c.data.action === 'checkIn')).toEqual([])
})

test('location: far from the place is refused with the distance; near it checks in', async () => {
  const slotId = await slotFor('demo-volunteer-2', '黄志强')
  const north = (m: number) => ({ latitude: STAGED_PLACE.lat + (m / R) * (180 / Math.PI), longitude: STAGED_PLACE.lng })
  env.location = { ...north(350), accuracy: 20 }
  const page = renderPage(ROUTE, { persona: 'demo-volunteer-2', query: { slotId } })
  await waitFor(() => page.text().includes('定位签到'))
  await page.tap({ text: '定位签到' })
  await waitFor(() => calls('showModal').length === 1)
  expect(calls('showModal')[0].content).toBe('距离服务地点 350 米，请到现场后签到')
  expect(calls('getLocation')[0]).toMatchObject({ type: 'gcj02' })
  await settle(page)
  expect(page.text()).toContain('已报名')

  env.location = { ...north(40), accuracy: 25 }
  await page.tap({ text: '定位签到' })
  await waitFor(() => page.text().includes('已签到'))
  const sent = env.cloudCalls.filter((c) => c.data.action === 'checkIn').at(-1)!
  expect(sent.data.input).toMatchObject({ slotId, method: 'location', accuracy: 25 })
  await settle(page)
  expect(page.text()).toMatch(/签到 \d\d:\d\d 定位（距离 40 米） · 未签退/)
  expect(page.text()).toContain('定位签退')
  expect(env.errors).toEqual([])
})

test('location waits for the privacy consent: the sheet asks, 同意并继续 lets the check-in go on', async () => {
  const slotId = await slotFor('demo-volunteer', '陈志远')
  env.privacyPending = true
  env.location = { latitude: STAGED_PLACE.lat, longitude: STAGED_PLACE.lng, accuracy: 10 }
  const page = renderPage(ROUTE, { persona: 'demo-volunteer', query: { slotId } })
  await waitFor(() => page.text().includes('定位签到'))
  await page.tap({ text: '定位签到' })
  await waitFor(() => page.text().includes('隐私保护提示'))
  expect(env.cloudCalls.filter((c) => c.data.action === 'checkIn')).toEqual([])
  await page.trigger({ text: '同意并继续' }, 'agreeprivacyauthorization', {})
  await waitFor(() => page.text().includes('已签到'))
  expect(env.cloudCalls.filter((c) => c.data.action === 'checkIn').at(-1)!.result).toMatchObject({ ok: true, data: { pair: { inBy: 'location', inDistanceM: 0 } } })
  expect(env.errors).toEqual([])
})
