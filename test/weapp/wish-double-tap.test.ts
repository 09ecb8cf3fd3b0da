// Layer 3: a double tap on a submit button in the real weapp build, against the real emulator.
// Elderly users often double-tap, and in WeChat two taps can arrive before setData renders the button disabled.
// Each tap makes a new logical call with a new requestId, so only the page can make two taps one action: its
// guard is useAction's synchronous ref, not the re-rendered `disabled`. So these taps are dispatched straight
// to the page (page.trigger, not page.tap: the harness's tap skips a disabled button), both in the same tick.
import fs from 'fs'
import path from 'path'
import { DIST, calls, env, holdCloud, renderPage, settle, taroNode, waitFor, type PageHandle } from './harness'
import { withEmulator } from './emulator'

withEmulator()

const button = (page: PageHandle, label: string) => page.all('wx-button').find((b) => (b.textContent || '').trim() === label)!
/** Two taps on the same button in the same tick: both reach the page before it can re-render anything. */
async function doubleTap(page: PageHandle, el: Element) {
  await Promise.all([page.trigger(el, 'tap', { x: 0, y: 0 }), page.trigger(el, 'tap', { x: 0, y: 0 })])
}
/** The short name Taro's base.wxml gives a button's `disabled` (e.g. p2). */
const disabledKey = (_page: PageHandle) => /<button\b[^>]*?\sdisabled="\{\{i\.(\w+)\}\}"/.exec(fs.readFileSync(path.join(DIST, 'base.wxml'), 'utf8'))![1]
const action = (name: string) => env.cloudCalls.filter((c) => c.name === 'wish' && c.data?.action === name)

test('two same-tick taps on 提交心愿 post one wish', async () => {
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

test('two same-tick taps on 确认认领 make one claim, and the claimant is not told it was taken', async () => {
  const page = renderPage('packages/wish/pages/detail/index', { persona: 'demo-volunteer', query: { id: 'wish-demo-tutor' } })
  await settle(page)
  await page.tap({ text: '认领' })
  await waitFor(() => page.texts('.hm-h2').includes('认领这个心愿'))
  await doubleTap(page, button(page, '确认认领'))
  await waitFor(() => calls('showToast').some((t) => t.title === '认领成功'))
  await waitFor(() => page.texts('.hm-row .hm-badge')[0] === '已认领')
  await settle(page)
  await waitFor(() => action('claim').every((c) => c.result) && env.inflight === 0)
  expect(action('claim')).toHaveLength(1)
  expect(action('claim').filter((c) => c.result?.code === 'WISH_NOT_OPEN')).toEqual([])
  expect(calls('showModal').map((m) => m.title)).not.toContain('已被认领')
  expect(page.texts('.hm-h2')).not.toContain('已被认领')
})

test('while a claim is on its way, 确认认领 is disabled and a tap on it sends nothing', async () => {
  const page = renderPage('packages/wish/pages/detail/index', { persona: 'demo-volunteer', query: { id: 'wish-demo-lock' } })
  await settle(page)
  await page.tap({ text: '认领' })
  await waitFor(() => page.texts('.hm-h2').includes('认领这个心愿'))
  const slow = holdCloud((name, data) => name === 'wish' && data.action === 'claim')
  try {
    await page.tap(button(page, '确认认领'))
    await waitFor(() => slow.held() === 1)
    // the page re-rendered the button disabled (and loading)
    await waitFor(() => taroNode(page, button(page, '确认认领'))?.[disabledKey(page)] === true)
    await page.tap(button(page, '确认认领'))
    expect(action('claim')).toHaveLength(1)
  } finally {
    slow.release()
  }
  await waitFor(() => calls('showToast').some((t) => t.title === '认领成功'))
  await settle(page)
  expect(action('claim')).toHaveLength(1)
  expect(calls('showModal')).toEqual([])
  expect(env.errors).toEqual([])
})
