// Layer 3: the wall's pages in the real weapp build, against the real emulator with more wishes than one page:
// 20 a page, newest first, 加载更多 and reaching the bottom load the next page, pull-to-refresh reloads.
// The extra wishes are posted through the cloud by six new residents of 军门 (3 each, the open-wish limit) and
// approved by demo-staff: 18 + the 4 seeded published = 22 on the 军门 wall.
import { callAs, calls, env, renderPage, settle, waitFor, type PageHandle } from './harness'
import { PRIVACY_VERSION } from '../../src/contracts/user'
import { withEmulator } from './emulator'

withEmulator()

const WALL = 'packages/wish/pages/wall/index'
const SEEDED = ['帮忙修理门锁', '给孙子买书包', '楼道灯换灯泡', '陪老人聊天']
const titles = (page: PageHandle) => page.all('.hm-card').map((c) => c.querySelector('.hm-h2')?.textContent?.trim() || '')
const wallCalls = () => env.cloudCalls.filter((c) => c.name === 'wish' && c.data?.action === 'wall')
let posted: string[] = []

beforeAll(async () => {
  const ok = (r: any, what: string) => {
    if (!r?.ok) throw new Error(`${what}: ${JSON.stringify(r)}`)
    return r.data
  }
  posted = []
  for (let u = 1; u <= 6; u++) {
    const openid = `dev-new-paging-${u}`
    ok(
      await callAs(openid, 'user', {
        action: 'signUp',
        input: { privacyAgreed: true, privacyVersion: PRIVACY_VERSION, communityId: 'junmen', nickname: `邻居${u}` },
        requestId: `paging-signup-${u}`,
      }),
      'signUp',
    )
    for (let k = 1; k <= 3; k++) {
      const n = (u - 1) * 3 + k
      const title = `第${n}个小心愿`
      const wish = ok(
        await callAs(openid, 'wish', {
          action: 'post',
          input: { title, description: `需要邻居帮忙搬一下东西，第${n}次。`, category: '生活帮扶', nameStyle: 'anonymous', contactPhone: '13905910099', address: `军门社区 ${n} 号` },
          requestId: `paging-post-${n}`,
        }),
        'post',
      )
      ok(await callAs('demo-staff', 'wish', { action: 'review', input: { wishId: wish.id, decision: 'approve' }, requestId: `paging-review-${n}` }), 'review')
      posted.push(title)
      // publishedAt orders the wall: let the clock move on, so no two approvals share a millisecond
      const at = Date.now()
      while (Date.now() <= at + 1) await new Promise((r) => setImmediate(r))
    }
  }
}, 60_000) // 42 cloud calls: room for a loaded machine

test('the wall shows 20 wishes, newest first; 加载更多 shows the other 2, then 没有更多了', async () => {
  const page = renderPage(WALL, { persona: 'demo-resident' })
  await settle(page)
  // the newest 20: the 18 just approved (last approved first), then the two newest seeded
  const newestFirst = [...posted].reverse()
  expect(titles(page)).toEqual([...newestFirst, ...SEEDED.slice(0, 2)])
  expect(wallCalls()[0].data.input).toMatchObject({ page: 1, pageSize: 20 })
  expect(wallCalls()[0].result.data.hasMore).toBe(true)
  expect(page.text()).not.toContain('没有更多了')

  await page.tap({ text: '加载更多' })
  await waitFor(() => titles(page).length === 22)
  await settle(page)
  expect(titles(page)).toEqual([...newestFirst, ...SEEDED])
  expect(wallCalls().at(-1)!.data.input).toMatchObject({ page: 2, pageSize: 20 })
  expect(page.text()).toContain('没有更多了')
  expect(page.text()).not.toContain('加载更多')
  expect(page.nodeCount()).toBeLessThan(1000)
  expect(Math.max(...page.setDataSizes)).toBeLessThanOrEqual(256 * 1024)
  expect(env.errors).toEqual([])
})

test('reaching the bottom loads the next page; pull-to-refresh reloads the first and stops the spinner', async () => {
  const page = renderPage(WALL, { persona: 'demo-resident' })
  await settle(page)
  expect(titles(page)).toHaveLength(20)
  page.instance.onReachBottom()
  await waitFor(() => titles(page).length === 22)
  await settle(page)
  expect(wallCalls().map((c) => c.data.input.page)).toEqual([1, 2])
  // at the end, reaching the bottom again asks for nothing more
  page.instance.onReachBottom()
  await settle(page)
  expect(wallCalls()).toHaveLength(2)

  page.instance.onPullDownRefresh()
  await waitFor(() => calls('stopPullDownRefresh').length === 1)
  await settle(page)
  expect(wallCalls().at(-1)!.data.input).toMatchObject({ page: 1 })
  expect(titles(page)).toHaveLength(20)
  expect(page.text()).toContain('加载更多')
  expect(env.errors).toEqual([])
})

test('the district wall and a filter page the same way', async () => {
  const page = renderPage(WALL, { persona: 'demo-resident' })
  await settle(page)
  await page.tap({ text: '生活帮扶' })
  // 18 new + 楼道灯换灯泡 = 19 生活帮扶 wishes in 军门: one page, no more
  await waitFor(() => titles(page).length === 19 && !titles(page).includes('帮忙修理门锁'))
  await settle(page)
  expect(page.text()).toContain('没有更多了')
  await page.tap({ text: '全区' })
  // + 代取慢性病药 in 庆城 = 20: exactly one full page, and none after it
  await waitFor(() => titles(page).includes('代取慢性病药'))
  await settle(page)
  expect(titles(page)).toHaveLength(20)
  expect(wallCalls().at(-1)!.result.data.hasMore).toBe(false)
  expect(page.text()).toContain('没有更多了')
  expect(env.errors).toEqual([])
})
