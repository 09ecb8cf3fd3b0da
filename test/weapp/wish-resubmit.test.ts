// Layer 3: a rejected wish in the real weapp build, against the real emulator: the wisher sees why in her wishes,
// opens it, edits it (the form starts from the wish, private contact included) and resubmits it for review;
// she can also cancel an open wish.
import { callAs, calls, env, followNavigation, renderPage, settle, waitFor, type PageHandle } from './harness'
import { withEmulator } from './emulator'

withEmulator()

afterEach(() => {
  env.modalAnswer = { confirm: true, cancel: false }
})

const MINE = 'packages/wish/pages/mine/index'
/** The card whose title is exactly `title`. */
const card = (page: PageHandle, title: string) => page.all('.hm-card').find((c) => c.querySelector('.hm-h2')?.textContent?.trim() === title)
const action = (name: string) => env.cloudCalls.filter((c) => c.name === 'wish' && c.data?.action === name)

test('the wisher sees the rejection reason, edits the wish from the detail page and resubmits it', async () => {
  const posted = await callAs('demo-resident', 'wish', {
    action: 'post',
    input: {
      title: '帮忙',
      description: '需要帮忙。',
      category: '其他',
      nameStyle: 'surname',
      surname: '林',
      honorific: '阿姨',
      contactPhone: '13905910011',
      address: '军门社区 白水井路 12 号 3 单元 201',
    },
    requestId: 'weapp-resubmit-post-1',
  })
  expect(posted).toMatchObject({ ok: true })
  const wishId = posted.data.id
  const reason = '请写清楚需要帮什么忙'
  expect(await callAs('demo-staff', 'wish', { action: 'review', input: { wishId, decision: 'reject', reason }, requestId: 'weapp-resubmit-reject-1' })).toMatchObject({ ok: true })

  const mine = renderPage(MINE, { persona: 'demo-resident' })
  await settle(mine)
  const rejected = card(mine, '帮忙')!
  expect(rejected.querySelector('.hm-badge')?.textContent).toBe('未通过')
  expect(rejected.textContent).toContain(`原因：${reason}`)

  await mine.tap(rejected.querySelector('.hm-h2')!)
  const detail = followNavigation()
  let text = await settle(detail)
  expect(text).toContain(`未通过原因：${reason}`)
  await detail.tap({ text: '修改后重新提交' })
  expect(calls('navigateTo').at(-1)).toEqual({ url: `/packages/wish/pages/post/index?id=${wishId}` })
  const form = followNavigation()
  text = await settle(form)
  expect(text).toContain('修改心愿')
  expect(text).toContain(`上次未通过原因：${reason}`)
  expect(text).toContain('心愿墙上显示为：林阿姨')

  const [title] = form.all('wx-input')
  await form.trigger(title, 'input', { value: '帮忙换厨房水龙头', cursor: 8, keyCode: 0 })
  await form.trigger('wx-textarea', 'input', { value: '厨房水龙头一直滴水，关不紧，想请人帮忙换一个新的，水龙头我已经买好了。', cursor: 5, keyCode: 0 })
  await form.tap({ text: '重新提交' })
  await waitFor(() => calls('showToast').some((t) => t.title === '已提交审核'))
  const [resubmit] = action('resubmit')
  // everything the form started from goes back, the private contact included
  expect(resubmit.data.input).toEqual({
    wishId,
    title: '帮忙换厨房水龙头',
    description: '厨房水龙头一直滴水，关不紧，想请人帮忙换一个新的，水龙头我已经买好了。',
    category: '其他',
    nameStyle: 'surname',
    surname: '林',
    honorific: '阿姨',
    contactPhone: '13905910011',
    address: '军门社区 白水井路 12 号 3 单元 201',
  })
  expect(resubmit.result).toMatchObject({ ok: true, data: { status: 'pending_review' } })

  const again = renderPage(MINE, { persona: 'demo-resident' })
  await settle(again)
  expect(card(again, '帮忙换厨房水龙头')?.querySelector('.hm-badge')?.textContent).toBe('待审核')
  expect(card(again, '帮忙换厨房水龙头')?.textContent).not.toContain('原因')
  expect(env.errors).toEqual([])
})

test('the wisher cancels her open wish after confirming; it leaves the wall', async () => {
  const page = renderPage('packages/wish/pages/detail/index', { persona: 'demo-resident', query: { id: 'wish-demo-lock' } })
  await settle(page)
  env.modalAnswer = { confirm: false, cancel: true }
  await page.tap({ text: '取消心愿' })
  await waitFor(() => calls('showModal').length === 1)
  expect(calls('showModal')[0]).toMatchObject({ title: '取消心愿' })
  await settle(page)
  expect(action('cancel')).toEqual([])

  env.modalAnswer = { confirm: true, cancel: false }
  await page.tap({ text: '取消心愿' })
  await waitFor(() => calls('showToast').some((t) => t.title === '已取消'))
  expect(action('cancel')[0].data.input).toEqual({ wishId: 'wish-demo-lock' })
  expect(action('cancel')[0].result).toMatchObject({ ok: true, data: { status: 'cancelled' } })
  await waitFor(() => page.texts('.hm-row .hm-badge')[0] === '已取消')
  expect(page.all('wx-button').map((b) => b.textContent!.trim())).not.toContain('取消心愿')

  const wall = renderPage('packages/wish/pages/wall/index', { persona: 'demo-volunteer' })
  await settle(wall)
  expect(card(wall, '帮忙修理门锁')).toBeUndefined()
  expect(env.errors).toEqual([])
})
