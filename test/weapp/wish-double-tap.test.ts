// Layer 3: a quick double tap on a submit button in the real weapp build, against the real emulator.
// Elderly users often double-tap. Each tap makes a new logical call with a new requestId, so only the page
// can make two taps one action: its guard is `busy` state (the button is disabled after React re-renders and
// Taro's setData lands), which a second tap 30 ms later beats.
//
// BUG (src/packages/wish/pages/post/index.tsx onSubmit; src/packages/wish/pages/detail/index.tsx ClaimForm
// onSubmit / run): no synchronous guard. A double tap on 提交心愿 posts TWO wishes (two requestIds, two
// 已提交审核 toasts, two redirects); a double tap on 确认认领 sends two claims, the second is refused with
// WISH_NOT_OPEN and the winner is told 已被认领 / 这个心愿刚刚被其他人认领了 about their own claim.
// Expected: one action per double tap (e.g. a ref set at the top of the handler, cleared when it settles).
// `test.failing` passes while the bug is there; when fixed, these fail: drop `.failing`.
import { calls, env, renderPage, settle, waitFor, type PageHandle } from './harness'
import { withEmulator } from './emulator'

withEmulator()

const button = (page: PageHandle, label: string) => page.all('wx-button').find((b) => (b.textContent || '').trim() === label)!
/** Two taps on the same button, a quick double tap apart (this gap models the finger; it waits for nothing). */
async function doubleTap(page: PageHandle, el: Element) {
  await page.tap(el)
  await new Promise((r) => setTimeout(r, 30))
  await page.tap(el)
}
const action = (name: string) => env.cloudCalls.filter((c) => c.name === 'wish' && c.data?.action === name)

test.failing('a double tap on 提交心愿 posts one wish', async () => {
  const post = renderPage('packages/wish/pages/post/index', { persona: 'demo-resident' })
  await settle(post)
  const [title, surname, phone, address] = post.all('wx-input')
  await post.trigger(title, 'input', { value: '帮忙修理晾衣架', cursor: 7, keyCode: 0 })
  await post.trigger('wx-textarea', 'input', { value: '阳台的升降晾衣架摇不动了，想请人帮忙看看。', cursor: 5, keyCode: 0 })
  await post.tap({ text: '家电维修' })
  await post.trigger(surname, 'input', { value: '林', cursor: 1, keyCode: 0 })
  await post.trigger(phone, 'input', { value: '13905910011', cursor: 11, keyCode: 0 })
  await post.trigger(address, 'input', { value: '军门社区 白水井路 12 号 3 单元 201', cursor: 5, keyCode: 0 })
  await doubleTap(post, button(post, '提交心愿'))
  await waitFor(() => calls('showToast').some((t) => t.title === '已提交审核'))
  await waitFor(() => action('post').every((c) => c.result) && env.inflight === 0)
  expect(action('post')).toHaveLength(1)
  expect(calls('redirectTo')).toHaveLength(1)
})

test.failing('a double tap on 确认认领 makes one claim, and the claimant is not told it was taken', async () => {
  const page = renderPage('packages/wish/pages/detail/index', { persona: 'demo-volunteer', query: { id: 'wish-demo-tutor' } })
  await settle(page)
  await page.tap({ text: '认领' })
  await waitFor(() => page.texts('.hm-h2').includes('认领这个心愿'))
  await doubleTap(page, button(page, '确认认领'))
  await waitFor(() => calls('showToast').some((t) => t.title === '认领成功'))
  await waitFor(() => page.texts('.hm-row .hm-badge')[0] === '已认领')
  await settle(page)
  expect(action('claim').filter((c) => c.result?.code === 'WISH_NOT_OPEN')).toEqual([])
  expect(calls('showModal').map((m) => m.title)).not.toContain('已被认领')
  expect(page.texts('.hm-h2')).not.toContain('已被认领')
})
