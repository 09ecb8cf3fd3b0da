// wish.shareCode: staff get a stored poster code for a published wish; the PNG decodes to the detail page and the wish id.
import fs from 'fs'
import path from 'path'
import { decodeQrPng } from '../support/qr'
import { startHarness, type Harness } from './helpers'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h?.close()
})

async function pngAt(url: string): Promise<Buffer> {
  const res = await fetch(url)
  expect(res.status).toBe(200)
  return Buffer.from(await res.arrayBuffer())
}

it('staff in scope get a code that opens the wish detail page with the wish id as the scene', async () => {
  const code = await h.wishOk('demo-staff', 'shareCode', { wishId: 'wish-demo-lock' })
  expect(code).toMatchObject({ page: 'packages/wish/pages/detail/index', scene: 'wish-demo-lock' })
  expect(code.fileID).toMatch(/^cloud:\/\/[^/]+\/codes\/wishes\/[0-9a-f]{24}\.png$/)
  const link = new URL(decodeQrPng(await pngAt(code.url)))
  expect(link.hash).toBe('#/packages/wish/pages/detail/index?scene=wish-demo-lock')
  // The same code lands on the same file; the admin may make it too.
  const again = await h.wishOk('demo-admin', 'shareCode', { wishId: 'wish-demo-lock' })
  expect(again.fileID).toBe(code.fileID)
})

it('a code already stored is not made again on that instance: eight calls on a pool of four make it at most four times', async () => {
  // wxacode.getUnlimited goes out as the TCB action wx.openApi.
  const made = () => h.emu.actionCounts['wx.openApi'] ?? 0
  const before = made()
  const codes = []
  for (let i = 0; i < 8; i++) codes.push(await h.wishOk('demo-staff', 'shareCode', { wishId: 'wish-demo-tutor' }))
  expect(new Set(codes.map((c) => c.fileID)).size).toBe(1)
  expect(new URL(decodeQrPng(await pngAt(codes[7].url))).hash).toBe('#/packages/wish/pages/detail/index?scene=wish-demo-tutor')
  expect(made() - before).toBeGreaterThan(0)
  expect(made() - before).toBeLessThanOrEqual(4)
})

it('a posted wish (a 32-character id) fits the scene', async () => {
  const [wish] = await h.find('wishes', { communityId: h.communityId('庆城社区'), status: 'open', _id: 'wish-demo-tutor' })
  expect(wish).toBeTruthy()
  const long = 'f'.repeat(32)
  await h.insert('wishes', { ...wish, _id: long })
  const code = await h.wishOk('demo-staff', 'shareCode', { wishId: long })
  expect(new URL(decodeQrPng(await pngAt(code.url))).hash).toBe(`#/packages/wish/pages/detail/index?scene=${long}`)
})

it('refuses a resident, a volunteer, staff of another community, and an unpublished wish', async () => {
  expect(await h.wish('demo-resident', 'shareCode', { wishId: 'wish-demo-lock' })).toMatchObject({ ok: false, code: 'ROLE_REQUIRED' })
  expect(await h.wish('demo-volunteer', 'shareCode', { wishId: 'wish-demo-lock' })).toMatchObject({ ok: false, code: 'ROLE_REQUIRED' })
  expect(await h.wish('demo-staff-tangmen', 'shareCode', { wishId: 'wish-demo-lock' })).toMatchObject({ ok: false, code: 'SCOPE_DENIED' })
  expect(await h.wish('demo-staff', 'shareCode', { wishId: 'wish-demo-fan' })).toMatchObject({ ok: false, code: 'INVALID_STATE' })
  expect(await h.wish('demo-staff', 'shareCode', { wishId: 'no-such-wish' })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
})

it("the wish function's config.json grants wxacode.getUnlimited (derived from the call by the build)", () => {
  const config = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../dist/cloudfunctions/wish/config.json'), 'utf8'))
  expect(config.permissions.openapi).toContain('wxacode.getUnlimited')
})
