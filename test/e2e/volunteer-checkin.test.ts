// Check-in in a real browser (issue 10 story step 3, part B): staff open 签到码 on one phone, the volunteer types
// the 6 digits on another to check in, then the 签退码 to check out; the roster shows it. Screenshots of 签到码 and the
// roster, at normal and large font. The slot is staged in the store (part A's publishing and sign-up come with the merge).
import type { Page } from 'playwright-core'
import { choosePersona, current, fill } from './app'
import { appMounted, see, story, tap, useStack } from './harness'
import { requireChineseFontForScreenshots, shot } from './screenshots'
import { decodeQrPng } from '../support/qr'
import { signedUpShift, stagedSlot } from '../support/volunteerSlot'

beforeAll(requireChineseFontForScreenshots)
const stack = useStack()

/** Opens a page of the app by its hash route in the running app (the persona stays). */
async function go(page: Page, route: string): Promise<void> {
  await page.goto(`${stack.url}#${route}`)
  await appMounted(page)
}

/** The 6 digits 签到码 shows now, once they are there and the QR code above them is drawn; and the text that QR code carries. */
async function digits(page: Page): Promise<{ code: string; qr: string }> {
  const el = current(page).locator('[data-testid="slot-code-digits"]')
  await el.waitFor({ state: 'visible' })
  const code = ((await el.textContent()) || '').trim()
  const canvas = current(page).locator('canvas').first()
  // Drawn on the next tick after the code arrives: wait for the dark modules.
  await canvas.evaluate(
    (c: HTMLCanvasElement) =>
      new Promise<void>((resolve) => {
        const drawn = () => {
          const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data
          for (let i = 0; i < d.length; i += 4) if (d[i + 3] === 255 && d[i] < 128) return true // an opaque dark module
          return false
        }
        const poll = () => (drawn() ? resolve() : setTimeout(poll, 50))
        poll()
      }),
  )
  const png = await canvas.evaluate((c: HTMLCanvasElement) => c.toDataURL('image/png'))
  return { code, qr: decodeQrPng(Buffer.from(png.split(',')[1], 'base64')) }
}

/** Turns 大字模式 on for a persona (their saved profile), as the 我的 switch does. */
async function largeFont(openid: string): Promise<void> {
  const res = await fetch(`${stack.url}api/fn/user`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-hemei-openid': openid },
    body: JSON.stringify({ action: 'updateProfile', input: { largeFont: true }, requestId: `e2e-large-${openid}` }),
  })
  expect((await res.json()).ok).toBe(true)
}

test('staff show 签到码, the volunteer types the digits to check in and out, the roster shows it', async () => {
  const slotId = 'slot-e2e-checkin'
  stack.emulator.core.store.write([
    { coll: 'vol_slots', id: slotId, doc: { ...stagedSlot(slotId, [signedUpShift('demo-volunteer', '陈志远'), signedUpShift('demo-volunteer-2', '黄志强')]), title: '社区环境清洁' } },
  ])
  const codeRoute = `/packages/volunteer-staff/pages/slot-code/index?slotId=${slotId}`
  const rosterRoute = `/packages/volunteer-staff/pages/roster/index?slotId=${slotId}`
  const checkinRoute = `/packages/volunteer/pages/checkin/index?slotId=${slotId}`

  const staff = await stack.newPage()
  const volunteer = await stack.newPhone()
  await story(staff, 'volunteer-checkin', async () => {
    await go(staff, '/pages/me/index')
    await choosePersona(staff, '郑社工（军门、庆城社工）')
    await go(staff, codeRoute)
    await see(current(staff), '社区环境清洁')
    const shown = await digits(staff)
    const inCode = shown.code
    expect(inCode).toMatch(/^\d{6}$/)
    expect(shown.qr).toBe(`hemei-vol:${slotId}:in:${inCode}`)
    await shot(staff, 'volunteer-slot-code')

    await go(volunteer, '/pages/me/index')
    await choosePersona(volunteer, '陈志远（志愿者）')
    await go(volunteer, checkinRoute)
    await see(current(volunteer), '已报名')
    await fill(current(volunteer), '6位数字', inCode)
    await tap(current(volunteer), '提交签到码')
    await see(current(volunteer), '已签到')

    await tap(current(staff), '签退码')
    await see(current(staff), /签退”扫码签退/)
    const out = await digits(staff)
    expect(out.qr).toBe(`hemei-vol:${slotId}:out:${out.code}`)
    const outCode = out.code
    await fill(current(volunteer), '6位数字', outCode)
    await tap(current(volunteer), '提交签退码')
    await see(current(volunteer), '已签退')
    await see(current(volunteer), /^签到 \d\d:\d\d 扫码\/签到码 · 签退 \d\d:\d\d 扫码\/签到码$/)

    await go(staff, rosterRoute)
    await see(current(staff), '电话：13800138001')
    await see(current(staff), '已报名 2/10 人，在岗 0 人')
    await shot(staff, 'volunteer-roster')

    // Large font: the same two pages.
    await largeFont('demo-staff')
    await staff.reload()
    await appMounted(staff)
    await see(current(staff), '电话：13800138001')
    await current(staff).locator('.hm-large').first().waitFor()
    await shot(staff, 'volunteer-roster-large')
    await go(staff, codeRoute)
    await digits(staff)
    await shot(staff, 'volunteer-slot-code-large')
  })
})
