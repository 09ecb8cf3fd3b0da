// Layer 3: the staff wish queue (packages/staff/pages/wishes) in the real weapp build, against the real seeded
// emulator: the pending wish of their community is listed, approving it (after confirming) publishes it on the wall.
import { calls, env, renderPage, settle, waitFor, type PageHandle } from './harness'
import { withEmulator } from './emulator'

withEmulator()

afterEach(() => {
  env.modalAnswer = { confirm: true, cancel: false }
})

const QUEUE = 'packages/staff/pages/wishes/index'
const WALL = 'packages/wish/pages/wall/index'
const DETAIL = 'packages/wish/pages/detail/index'

/** The wish cards of a list, as [title, status badge]. */
const cards = (page: PageHandle): [string, string][] =>
  page.all('.hm-card').map((c) => [c.querySelector('.hm-h2')?.textContent?.trim() || '', c.querySelector('.hm-row .hm-badge')?.textContent?.trim() || ''])
const reviewCalls = () => env.cloudCalls.filter((c) => c.name === 'wish' && c.data?.action === 'review')

test('staff of another community has nothing to review; the 庆城 wish is not theirs', async () => {
  const page = renderPage(QUEUE, { persona: 'demo-staff-tangmen' })
  const text = await settle(page)
  expect(text).toContain('暂无待审核的心愿')
  expect(text).not.toContain('电风扇不转了')
  expect(env.errors).toEqual([])
})

test('a resident opening the staff queue is refused by the cloud, and sees why', async () => {
  const page = renderPage(QUEUE, { persona: 'demo-resident' })
  const text = await settle(page)
  expect(text).not.toContain('电风扇不转了')
  expect(env.cloudCalls.find((c) => c.data?.action === 'queue')?.result).toMatchObject({ ok: false, code: 'ROLE_REQUIRED' })
  expect(text).toContain('您没有进行此操作的权限')
})

test('demo-staff lists the pending seeded wish; a reject without a reason is stopped on the page', async () => {
  const page = renderPage(QUEUE, { persona: 'demo-staff' })
  await settle(page)
  expect(cards(page)).toEqual([['电风扇不转了', '待审核']])
  expect(page.text()).toContain('何阿姨 · 庆城社区')
  const queue = env.cloudCalls.find((c) => c.data?.action === 'queue')
  expect(queue?.data.input).toMatchObject({ kind: 'pending' })
  // no private contact in the queue either
  expect(page.text()).not.toMatch(/13905910033|庆城路 21 号/)

  // 不通过 asks for a reason in an editable modal; confirming it empty sends nothing
  env.modalAnswer = { confirm: true, cancel: false, content: '  ' }
  await page.tap({ text: '不通过' })
  await waitFor(() => calls('showModal').some((m) => m.content === '请填写不通过的原因'))
  expect(calls('showModal')[0]).toMatchObject({ editable: true, title: '不通过「电风扇不转了」' })
  expect(reviewCalls()).toEqual([])
  expect(cards(page)).toEqual([['电风扇不转了', '待审核']])
  expect(env.errors).toEqual([])
})

test('demo-staff approves the pending wish after confirming; it is published on the wall and can be claimed', async () => {
  // before: not on the wall of its community
  const wallBefore = renderPage(WALL, { persona: 'demo-applicant' })
  await settle(wallBefore)
  expect(cards(wallBefore).map(([t]) => t)).toEqual(['想找人辅导数学', '代取慢性病药'])

  const page = renderPage(QUEUE, { persona: 'demo-staff' })
  await settle(page)
  expect(cards(page)).toEqual([['电风扇不转了', '待审核']])

  // cancelling the confirmation changes nothing
  env.modalAnswer = { confirm: false, cancel: true }
  await page.tap({ text: '通过' })
  await waitFor(() => calls('showModal').length === 1)
  expect(calls('showModal')[0]).toMatchObject({ title: '通过审核', content: expect.stringContaining('电风扇不转了') })
  expect(await settle(page)).toContain('电风扇不转了')
  expect(reviewCalls()).toEqual([])

  // 确定 approves it
  env.modalAnswer = { confirm: true, cancel: false }
  await page.tap({ text: '通过' })
  await waitFor(() => calls('showToast').some((t) => t.title === '已通过'))
  expect(calls('showModal')).toHaveLength(2)
  const [review] = reviewCalls()
  expect(reviewCalls()).toHaveLength(1)
  expect(review.data.input).toEqual({ wishId: 'wish-demo-fan', decision: 'approve' })
  expect(review.data.requestId).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
  expect(review.result).toMatchObject({ ok: true, data: { status: 'open' } })
  // it leaves the queue
  await waitFor(() => page.text().includes('暂无待审核的心愿'))
  expect(cards(page)).toEqual([])
  expect(env.errors).toEqual([])

  // after: on the wall of 庆城, newest published first, open
  const wall = renderPage(WALL, { persona: 'demo-applicant' })
  await settle(wall)
  expect(cards(wall)).toEqual([
    ['电风扇不转了', '待认领'],
    ['想找人辅导数学', '待认领'],
    ['代取慢性病药', '已认领'],
  ])
  // and in the whole district for a resident of 军门
  const district = renderPage(WALL, { persona: 'demo-resident' })
  await settle(district)
  await district.tap({ text: '全区' })
  await waitFor(() => cards(district).some(([t]) => t === '电风扇不转了'))

  // a volunteer can now claim it; its timeline says the review passed
  const detail = renderPage(DETAIL, { persona: 'demo-volunteer', query: { id: 'wish-demo-fan' } })
  const text = await settle(detail)
  expect(text).toContain('待认领')
  expect(text).toContain('社区工作人员 审核通过')
  expect(detail.all('wx-button').map((b) => b.textContent!.trim())).toContain('认领')
  expect(env.errors).toEqual([])
})

test('staff claim the approved wish on behalf of a unit they name; the wish shows the unit as claimant', async () => {
  const page = renderPage(DETAIL, { persona: 'demo-staff', query: { id: 'wish-demo-fan' } })
  await settle(page)
  expect(page.texts('.hm-row .hm-badge')).toContain('待认领')
  await page.tap({ text: '认领' })
  await waitFor(() => page.texts('.hm-h2').includes('认领这个心愿'))
  expect(page.texts('.hm-label')).toContain('认领单位')
  await page.trigger('wx-input', 'input', { value: '庆城物业爱心小组', cursor: 8, keyCode: 0 })
  await page.tap({ text: '确认认领' })
  await waitFor(() => calls('showToast').some((t) => t.title === '认领成功'))
  const claim = env.cloudCalls.find((c) => c.data?.action === 'claim')
  expect(claim?.data.input).toMatchObject({ wishId: 'wish-demo-fan', unitName: '庆城物业爱心小组' })
  expect(claim?.data.requestId).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
  expect(claim?.result).toMatchObject({ ok: true, data: { status: 'claimed' } })
  await waitFor(() => page.texts('.hm-row .hm-badge').includes('已认领'))
  const text = await settle(page)
  expect(text).toContain('认领人：庆城物业爱心小组')
  expect(text).toContain('爱心单位 认领心愿')
  expect(env.errors).toEqual([])
})

// Was a bug (fixed in cac08a5): the unit field said 可不填 for staff, and a claim without a unit from staff who are
// not volunteers was refused by the cloud with NOT_VOLUNTEER. Now the page asks for the unit before sending.
test('staff who are not volunteers are asked to name the unit before a claim is sent', async () => {
  const page = renderPage(DETAIL, { persona: 'demo-staff', query: { id: 'wish-demo-lock' } })
  await settle(page)
  await page.tap({ text: '认领' })
  await waitFor(() => page.texts('.hm-h2').includes('认领这个心愿'))
  expect(page.texts('.hm-label')).toContain('认领单位')
  expect(page.text()).not.toContain('可不填')
  await page.tap({ text: '确认认领' })
  await waitFor(() => page.texts('.hm-error').includes('请填写认领的单位名称'))
  await settle(page)
  expect(env.cloudCalls.filter((c) => c.data?.action === 'claim')).toEqual([])
  expect(calls('showModal')).toEqual([])
  expect(page.texts('.hm-row .hm-badge')).toContain('待认领')
  expect(env.errors).toEqual([])
})
