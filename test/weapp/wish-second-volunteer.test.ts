// Layer 3: two volunteers, one wish, in the real weapp build against the real seeded emulator: demo-volunteer-2
// (黄志强) is about to claim when demo-volunteer (陈志远) claims first on his phone. The page says 已被认领, and the
// loser never sees the wisher's phone or address.
import { callAs, calls, env, renderPage, settle, waitFor, type PageHandle } from './harness'
import { withEmulator } from './emulator'
import { inDays } from '../clock'

withEmulator()

const DETAIL = 'packages/wish/pages/detail/index'
const buttons = (page: PageHandle) => page.all('wx-button').map((b) => (b.textContent || '').trim())

test('the second volunteer’s claim loses the race: 已被认领, and no contact for him', async () => {
  const page = renderPage(DETAIL, { persona: 'demo-volunteer-2', query: { id: 'wish-demo-lock' } })
  await settle(page)
  expect(page.texts('.hm-row .hm-badge')[0]).toBe('待认领')
  await page.tap({ text: '认领' })
  await waitFor(() => page.texts('.hm-h2').includes('认领这个心愿'))

  // 陈志远 claims it first, on his phone
  const first = await callAs('demo-volunteer', 'wish', { action: 'claim', input: { wishId: 'wish-demo-lock', promisedBy: inDays(4) }, requestId: 'weapp-second-first-1' })
  expect(first).toMatchObject({ ok: true, data: { status: 'claimed' } })

  await page.tap({ text: '确认认领' })
  await waitFor(() => calls('showModal').some((m) => m.title === '已被认领'))
  const claim = env.cloudCalls.find((c) => c.data?.action === 'claim')!
  expect(claim.data.requestId).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
  expect(claim.result).toMatchObject({ ok: false, code: 'WISH_NOT_OPEN', message: '这个心愿已被认领' })
  expect(calls('showToast').some((t) => t.title === '认领成功')).toBe(false)

  await waitFor(() => page.texts('.hm-row .hm-badge')[0] === '已认领')
  const text = await settle(page)
  expect(page.texts('.hm-h2')).toContain('已被认领')
  expect(text).toContain('这个心愿刚刚被其他人认领了')
  expect(text).toContain('认领人：陈志远')
  expect(text).not.toContain('联系方式')
  expect(text).not.toMatch(/13905910011|白水井路/)
  expect(env.cloudCalls.filter((c) => c.data?.action === 'detail').at(-1)!.result.data.contact).toBeUndefined()
  expect(buttons(page)).not.toContain('认领')
  expect(buttons(page)).not.toContain('完成心愿')
  expect(env.errors).toEqual([])
})

test('opened later, the claimed wish reads 已认领 for the second volunteer, with no 认领 and no contact', async () => {
  const page = renderPage(DETAIL, { persona: 'demo-volunteer-2', query: { id: 'wish-demo-lock' } })
  const text = await settle(page)
  expect(page.texts('.hm-row .hm-badge')[0]).toBe('已认领')
  expect(text).toContain('认领人：陈志远')
  expect(text).not.toContain('联系方式')
  expect(buttons(page)).not.toContain('认领')
  expect(env.cloudCalls.find((c) => c.data?.action === 'detail')!.result.data.viewer).toMatchObject({ canClaim: false, isClaimant: false })

  // the first volunteer, on his phone, sees the contact
  const winner = renderPage(DETAIL, { persona: 'demo-volunteer', query: { id: 'wish-demo-lock' } })
  expect(await settle(winner)).toContain('电话：13905910011')
  expect(env.errors).toEqual([])
})
