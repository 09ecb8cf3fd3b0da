// Layer 3: the wish wall (微心愿墙) of the real weapp build, against the real seeded emulator:
// the community's published wishes with their status badges, the district switch, the filters, and what a
// resident who is not a volunteer may do on a detail page.
import { calls, env, followNavigation, holdCloud, renderPage, settle, taroNode, waitFor, type PageHandle } from './harness'
import { withEmulator } from './emulator'
import { chinaToday, inDays } from '../clock'

withEmulator()

const WALL = 'packages/wish/pages/wall/index'
const DETAIL = 'packages/wish/pages/detail/index'

/** The cards on the wall, in order, as [title, status badge]. */
function cards(page: PageHandle): [string, string][] {
  return page.all('.hm-card').map((card) => {
    const title = card.querySelector('.hm-h2')?.textContent?.trim() || ''
    const badge = card.querySelector('.hm-row .hm-badge')?.textContent?.trim() || ''
    return [title, badge]
  })
}

/** The wall calls made so far, with their input. */
const wallCalls = () => env.cloudCalls.filter((c) => c.name === 'wish' && c.data?.action === 'wall')

/** Wait until the last wall call answered and the cards are those of its answer. */
async function wallShows(page: PageHandle, titles: string[]) {
  await waitFor(() => {
    const shown = cards(page).map(([t]) => t)
    if (JSON.stringify(shown) === JSON.stringify(titles)) return true
    throw new Error(`wall shows ${JSON.stringify(shown)}, expected ${JSON.stringify(titles)}`)
  })
  await settle(page)
}

test('demo-resident sees the published wishes of 军门社区, newest first, with their status badges', async () => {
  const page = renderPage(WALL, { persona: 'demo-resident' })
  const text = await settle(page)
  // the seeded published wishes of junmen; the pending 庆城 wish and other communities' wishes are not there
  expect(cards(page)).toEqual([
    ['帮忙修理门锁', '待认领'],
    ['给孙子买书包', '已认领'],
    ['楼道灯换灯泡', '已完成'],
    ['陪老人聊天', '已圆满'],
  ])
  expect(text).not.toContain('电风扇不转了')
  expect(text).not.toContain('想找人辅导数学')
  // a card: category, display name, community, how long ago
  const lock = page.all('.hm-card')[0]
  expect(lock.textContent).toContain('家电维修')
  expect(lock.textContent).toMatch(/林阿姨 · 军门社区 · \d+ 天前/)
  // the anonymous wish and the thanks of the closed one
  expect(text).toContain('匿名居民 · 军门社区')
  expect(text).toContain('感谢：谢谢小陈')
  // never a phone or address on the wall
  expect(text).not.toMatch(/1390591\d{4}|白水井路|津泰路/)
  expect(wallCalls()).toHaveLength(1)
  expect(wallCalls()[0].data.input).toMatchObject({ scope: 'community' })
  expect(wallCalls()[0].result).toMatchObject({ ok: true })
  expect(env.errors).toEqual([])
})

test('the district switch shows the wishes of the other communities too', async () => {
  const page = renderPage(WALL, { persona: 'demo-resident' })
  await settle(page)
  await page.tap({ text: '全区' })
  await wallShows(page, ['帮忙修理门锁', '给孙子买书包', '想找人辅导数学', '楼道灯换灯泡', '代取慢性病药', '陪老人聊天'])
  expect(wallCalls().at(-1)!.data.input).toMatchObject({ scope: 'district' })
  const tutor = page.all('.hm-card').find((c) => c.textContent!.includes('想找人辅导数学'))!
  expect(tutor.textContent).toContain('庆城社区')
  expect(tutor.textContent).toContain('待认领')
  // still not the wish waiting for review
  expect(page.text()).not.toContain('电风扇不转了')
  // back to my community
  await page.tap({ text: '本社区' })
  await wallShows(page, ['帮忙修理门锁', '给孙子买书包', '楼道灯换灯泡', '陪老人聊天'])
  expect(env.errors).toEqual([])
})

test('a category filter narrows the list, and a status filter too', async () => {
  const page = renderPage(WALL, { persona: 'demo-resident' })
  await settle(page)
  await page.tap({ text: '家电维修' })
  await wallShows(page, ['帮忙修理门锁'])
  expect(wallCalls().at(-1)!.data.input).toMatchObject({ scope: 'community', category: '家电维修' })

  // the same category in the whole district (the 庆城 家电维修 wish is still pending review)
  await page.tap({ text: '全区' })
  await wallShows(page, ['帮忙修理门锁'])
  await page.tap({ text: '学习用品' })
  await wallShows(page, ['给孙子买书包', '想找人辅导数学'])
  expect(wallCalls().at(-1)!.data.input).toMatchObject({ scope: 'district', category: '学习用品' })

  // and a status on top: only the open one
  await page.tap({ text: '待认领' })
  await wallShows(page, ['想找人辅导数学'])
  expect(wallCalls().at(-1)!.data.input).toMatchObject({ scope: 'district', category: '学习用品', status: 'open' })

  // a combination with nothing in it says so
  await page.tap({ text: '陪伴探访' })
  await waitFor(() => page.text().includes('没有符合条件的心愿'))
  expect(cards(page)).toEqual([])

  // all categories again
  await page.tap({ text: '全部类别' })
  await wallShows(page, ['帮忙修理门锁', '想找人辅导数学'])
  expect(env.errors).toEqual([])
})

test('tapping a card opens its detail page', async () => {
  const page = renderPage(WALL, { persona: 'demo-resident' })
  await settle(page)
  await page.tap({ text: '给孙子买书包' })
  expect(calls('navigateTo')).toEqual([{ url: `/${DETAIL}?id=wish-demo-schoolbag` }])
  const detail = followNavigation()
  const text = await settle(detail)
  expect(text).toContain('孙子九月升三年级')
  expect(text).toContain('认领人：陈志远')
  expect(env.errors).toEqual([])
})

test('a resident who is not a volunteer sees an open wish of another community, with no contact and no 认领', async () => {
  const page = renderPage(DETAIL, { persona: 'demo-resident', query: { id: 'wish-demo-tutor' } })
  const text = await settle(page)
  expect(text).toContain('想找人辅导数学')
  expect(text).toContain('待认领')
  expect(text).toContain('刘同学 · 庆城社区')
  expect(text).not.toContain('认领这个心愿')
  expect(page.all('wx-button').map((b) => b.textContent!.trim())).not.toContain('认领')
  // the private contact stays private
  expect(text).not.toContain('联系方式')
  expect(text).not.toMatch(/13905910044|东街 5 号/)
  const detail = env.cloudCalls.find((c) => c.data?.action === 'detail')
  expect(detail?.result).toMatchObject({ ok: true, data: { viewer: { canClaim: false, isWisher: false } } })
  expect(detail?.result.data.contact).toBeUndefined()
  // what a resident may do: report it
  expect(text).toContain('举报')
  expect(env.errors).toEqual([])
})

test('a resident with a pending volunteer application cannot claim either; the cloud refuses with NOT_VOLUNTEER', async () => {
  const page = renderPage(DETAIL, { persona: 'demo-applicant', query: { id: 'wish-demo-tutor' } })
  const text = await settle(page)
  expect(text).toContain('想找人辅导数学')
  expect(page.all('wx-button').map((b) => b.textContent!.trim())).not.toContain('认领')
  // were the page to send the claim anyway, the cloud says why in Chinese
  const wx = (global as any).wx
  const res = await wx.cloud.callFunction({ name: 'wish', data: { action: 'claim', input: { wishId: 'wish-demo-tutor', promisedBy: inDays(3) }, requestId: 'weapp-test-not-volunteer' } })
  expect(res.result).toMatchObject({ ok: false, code: 'NOT_VOLUNTEER', message: expect.stringMatching(/[\u4e00-\u9fa5]/) })
  expect(env.errors).toEqual([])
})

test('the wisher sees her own open wish with its contact, and no 认领 but 取消心愿', async () => {
  const page = renderPage(DETAIL, { persona: 'demo-resident', query: { id: 'wish-demo-lock' } })
  const text = await settle(page)
  expect(text).toContain('帮忙修理门锁')
  expect(text).toContain('电话：13905910011')
  expect(text).toContain('取消心愿')
  expect(page.all('wx-button').map((b) => b.textContent!.trim())).not.toContain('认领')
  expect(env.errors).toEqual([])
})

test('someone not signed up is told to sign up for the community wall, and can still browse the whole district', async () => {
  const page = renderPage(WALL, { persona: `dev-new-${Date.now().toString(36)}` })
  const text = await settle(page)
  expect(wallCalls()[0].result).toMatchObject({ ok: false, code: 'NOT_SIGNED_UP' })
  expect(text).toContain('请先注册并选择社区')
  expect(text).toContain('去注册')
  expect(cards(page)).toEqual([])
  await page.tap({ text: '全区' })
  await wallShows(page, ['帮忙修理门锁', '给孙子买书包', '想找人辅导数学', '楼道灯换灯泡', '代取慢性病药', '陪老人聊天'])
  expect(wallCalls().at(-1)!.result).toMatchObject({ ok: true })
  // the private contact never reaches the wall
  expect(JSON.stringify(wallCalls().at(-1)!.result)).not.toMatch(/1390591\d{4}|contact|address/)
})

test('a slow answer for an earlier filter does not overwrite the list of the filter chosen after it', async () => {
  const page = renderPage(WALL, { persona: 'demo-resident' })
  await settle(page)
  // the 家电维修 answer is slow to come back
  const slow = holdCloud((name, data) => name === 'wish' && data.action === 'wall' && data.input?.category === '家电维修')
  try {
    await page.tap({ text: '家电维修' })
    await waitFor(() => slow.held() === 1)
    await page.tap({ text: '陪伴探访' })
    await waitFor(() => JSON.stringify(cards(page)) === JSON.stringify([['陪老人聊天', '已圆满']]))
  } finally {
    slow.release()
  }
  // the late 家电维修 answer arrives, and is ignored
  await waitFor(() => wallCalls().every((c) => c.result))
  await settle(page)
  expect(
    wallCalls()
      .find((c) => c.data.input.category === '家电维修')
      ?.result.data.items.map((w: any) => w.title),
  ).toEqual(['帮忙修理门锁'])
  expect(cards(page)).toEqual([['陪老人聊天', '已圆满']])
  expect(page.all('.hm-chip-on').map((c) => c.textContent!.trim())).toEqual(['陪伴探访', '全部'])
  expect(env.errors).toEqual([])
})

test('the claim form’s date picker runs from today to the wisher’s needed-by date', async () => {
  const page = renderPage(DETAIL, { persona: 'demo-volunteer', query: { id: 'wish-demo-tutor' } })
  await settle(page)
  await page.tap({ text: '认领' })
  await waitFor(() => page.texts('.hm-h2').includes('认领这个心愿'))
  const neededBy = env.cloudCalls.find((c) => c.data?.action === 'detail')!.result.data.neededBy
  expect(neededBy).toBe(inDays(30))
  const [picker] = page.all('wx-picker')
  const props = Object.values(taroNode(page, picker) || {})
  expect(props).toEqual(expect.arrayContaining(['date', chinaToday(), neededBy]))
  // nothing was claimed by opening the form
  expect(env.cloudCalls.some((c) => c.data?.action === 'claim')).toBe(false)
  expect(env.errors).toEqual([])
})

test('large font: opened from home, the wish pages follow demo-resident’s profile setting', async () => {
  env.storage.delete('hemei.largeFont') // no choice made on this phone: the profile decides
  const home = renderPage('pages/home/index', { persona: 'demo-resident' })
  await settle(home)
  for (const route of [WALL, `${DETAIL}?id=wish-demo-lock`, 'packages/wish/pages/mine/index']) {
    const page = renderPage(route, { persona: 'demo-resident', mode: 'navigate' })
    await settle(page)
    expect(page.root.dom.querySelector('.hm-page')?.classList.contains('hm-large')).toBe(true)
  }
  const normal = renderPage(WALL, { persona: 'demo-volunteer' })
  await settle(normal)
  expect(normal.root.dom.querySelector('.hm-page')?.classList.contains('hm-large')).toBe(false)
})

// A cold start straight into a wish page (the claim notification opens packages/wish/pages/detail/index?id=…) with
// no choice stored on the phone follows the profile's large font (demo-resident): Page loads the profile itself.
test('large font: a cold start into the wish detail (the claim notification’s page) follows the profile', async () => {
  env.storage.delete('hemei.largeFont')
  const page = renderPage(`${DETAIL}?id=wish-demo-lock`, { persona: 'demo-resident' })
  await settle(page)
  expect(page.text()).toContain('帮忙修理门锁')
  await waitFor(() => page.root.dom.querySelector('.hm-page')?.classList.contains('hm-large'), { timeout: 3000 })
})
