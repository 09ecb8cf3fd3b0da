// Layer 3: the other wish actions through the pages of the real weapp build, against the real seeded emulator:
// a claimant withdraws (and loses sight of the contact), a user reports a wish and staff hide it from the
// reported queue, staff release an overdue claim. Reasons are asked in WeChat's editable modal.
import { calls, env, renderPage, settle, waitFor, type PageHandle } from './harness'
import { withEmulator } from './emulator'

withEmulator()

afterEach(() => {
  env.modalAnswer = { confirm: true, cancel: false }
})

const WALL = 'packages/wish/pages/wall/index'
const DETAIL = 'packages/wish/pages/detail/index'
const QUEUE = 'packages/staff/pages/wishes/index'

const buttons = (page: PageHandle) => page.all('wx-button').map((b) => (b.textContent || '').trim())
const badge = (page: PageHandle) => page.texts('.hm-row .hm-badge')[0]
const action = (name: string) => env.cloudCalls.filter((c) => c.name === 'wish' && c.data?.action === name)
const card = (page: PageHandle, title: string) => page.all('.hm-card').find((c) => c.textContent!.includes(title))
const button = (el: Element, label: string) => Array.from(el.querySelectorAll('wx-button')).find((b) => b.textContent!.trim() === label)!

test('the claimant withdraws with a reason: the wish is open again, and the contact is no longer shown', async () => {
  const page = renderPage(DETAIL, { persona: 'demo-volunteer', query: { id: 'wish-demo-schoolbag' } })
  expect(await settle(page)).toContain('电话：13905910022')

  // an empty reason is not accepted, and nothing is sent
  env.modalAnswer = { confirm: true, cancel: false, content: '' }
  await page.tap({ text: '放弃认领' })
  await waitFor(() => calls('showModal').some((m) => m.content === '请填写原因'))
  expect(calls('showModal')[0]).toMatchObject({ title: '放弃认领', editable: true })
  // cancelling the reason sends nothing either
  env.modalAnswer = { confirm: false, cancel: true }
  await page.tap({ text: '放弃认领' })
  await waitFor(() => calls('showModal').length === 3)
  expect(action('withdraw')).toEqual([])

  env.modalAnswer = { confirm: true, cancel: false, content: '临时要出差一个月' }
  await page.tap({ text: '放弃认领' })
  await waitFor(() => calls('showToast').some((t) => t.title === '已放弃认领'))
  // the reason, then the confirmation
  expect(
    calls('showModal')
      .slice(3)
      .map((m) => m.title),
  ).toEqual(['放弃认领', '放弃认领'])
  expect(calls('showModal')[4]).toMatchObject({ content: expect.stringContaining('心愿会回到心愿墙') })
  expect(action('withdraw')).toHaveLength(1)
  expect(action('withdraw')[0].data.input).toEqual({ wishId: 'wish-demo-schoolbag', reason: '临时要出差一个月' })
  expect(action('withdraw')[0].data.requestId).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
  expect(action('withdraw')[0].result).toMatchObject({ ok: true, data: { status: 'open' } })

  await waitFor(() => badge(page) === '待认领')
  const text = await settle(page)
  expect(text).not.toContain('联系方式')
  expect(text).not.toMatch(/13905910022|津泰路/)
  expect(text).toContain('志愿者 放弃认领')
  expect(buttons(page)).toContain('认领')
  expect(buttons(page)).not.toContain('放弃认领')
  expect(action('detail').at(-1)!.result.data.contact).toBeUndefined()
  expect(env.errors).toEqual([])

  // and the wall says so
  const wall = renderPage(WALL, { persona: 'demo-resident' })
  await settle(wall)
  expect(card(wall, '给孙子买书包')?.querySelector('.hm-badge')?.textContent).toBe('待认领')
})

test('a resident reports a wish once (then viewer.can has no report: the button is gone); staff hide it from the reported queue', async () => {
  const page = renderPage(DETAIL, { persona: 'demo-applicant', query: { id: 'wish-demo-tutor' } })
  await settle(page)
  env.modalAnswer = { confirm: true, cancel: false, content: '内容像是广告' }
  await page.tap({ text: '举报' })
  await waitFor(() => calls('showToast').some((t) => t.title === '已举报'))
  expect(action('report')[0].data.input).toEqual({ wishId: 'wish-demo-tutor', reason: '内容像是广告' })
  expect(action('report')[0].result).toMatchObject({ ok: true })
  await settle(page)

  // the detail reloaded: the server no longer allows a report by her, so there is no button to tap
  await waitFor(() => !page.all('wx-button').some((b) => (b.textContent || '').trim() === '举报'))
  expect(action('report')).toHaveLength(1)
  expect(env.errors).toEqual([])

  // staff: the 被举报 tab
  const queue = renderPage(QUEUE, { persona: 'demo-staff' })
  await settle(queue)
  await queue.tap({ text: '被举报' })
  await waitFor(() => card(queue, '想找人辅导数学'))
  await settle(queue)
  const reported = card(queue, '想找人辅导数学')!
  expect(reported.textContent).toContain('被举报 1 次')
  expect(action('queue').at(-1)!.data.input).toMatchObject({ kind: 'reported' })

  env.modalAnswer = { confirm: true, cancel: false, content: '经核实为广告' }
  await queue.tap(button(reported, '隐藏'))
  await waitFor(() => calls('showToast').some((t) => t.title === '已隐藏'))
  expect(action('hide')[0].data.input).toEqual({ wishId: 'wish-demo-tutor', reason: '经核实为广告' })
  expect(action('hide')[0].result).toMatchObject({ ok: true, data: { status: 'hidden' } })
  await waitFor(() => queue.text().includes('暂无被举报的心愿'))

  // gone from the wall
  const wall = renderPage(WALL, { persona: 'demo-applicant' })
  await settle(wall)
  expect(card(wall, '想找人辅导数学')).toBeUndefined()
  expect(card(wall, '代取慢性病药')).toBeDefined()
  expect(env.errors).toEqual([])
})

test('staff release an overdue claim from the 认领逾期 tab; the wish is open on the wall again', async () => {
  const queue = renderPage(QUEUE, { persona: 'demo-staff' })
  await settle(queue)
  await queue.tap({ text: '认领逾期' })
  await waitFor(() => card(queue, '代取慢性病药'))
  await settle(queue)
  const overdue = card(queue, '代取慢性病药')!
  expect(overdue.textContent).toContain('已逾期')
  // not overdue: not listed
  expect(card(queue, '给孙子买书包')).toBeUndefined()

  env.modalAnswer = { confirm: true, cancel: false, content: '志愿者联系不上' }
  await queue.tap(button(overdue, '释放认领'))
  await waitFor(() => calls('showToast').some((t) => t.title === '已释放'))
  expect(calls('showModal').map((m) => m.title)).toEqual(['释放「代取慢性病药」的认领', '释放认领'])
  expect(action('release')[0].data.input).toEqual({ wishId: 'wish-demo-medicine', reason: '志愿者联系不上' })
  expect(action('release')[0].result).toMatchObject({ ok: true, data: { status: 'open' } })
  await waitFor(() => queue.text().includes('暂无逾期的认领'))

  const wall = renderPage(WALL, { persona: 'demo-applicant' })
  await settle(wall)
  expect(card(wall, '代取慢性病药')?.querySelector('.hm-badge')?.textContent).toBe('待认领')
  expect(env.errors).toEqual([])
})
