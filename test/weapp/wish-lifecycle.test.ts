// Layer 3: a wish's whole life in the real weapp build, every step through the pages, against the real emulator:
// a resident posts it, staff approve it, a volunteer claims it (and only then sees the phone), fulfils it,
// the resident confirms with a thank-you, and the wall shows it closed with the thanks.
import { calls, env, followNavigation, renderPage, settle, waitFor, type PageHandle } from './harness'
import { withEmulator } from './emulator'

withEmulator()

afterEach(() => {
  env.modalAnswer = { confirm: true, cancel: false }
})

const WALL = 'packages/wish/pages/wall/index'
const DETAIL = 'packages/wish/pages/detail/index'
const TITLE = '想请人教用智能手机'
const PHONE = '13905910055'
const ADDRESS = '军门社区 白水井路 16 号 402'
const THANKS = '谢谢小陈，现在我会视频通话了！'

const buttons = (page: PageHandle) => page.all('wx-button').map((b) => (b.textContent || '').trim())
const badge = (page: PageHandle) => page.texts('.hm-row .hm-badge')[0]
const action = (name: string) => env.cloudCalls.filter((c) => c.name === 'wish' && c.data?.action === name)
let wishId = ''

test('1. demo-resident posts a wish from the wall; it waits for review in her wishes', async () => {
  const wall = renderPage(WALL, { persona: 'demo-resident' })
  await settle(wall)
  await wall.tap({ text: '发布心愿' })
  expect(calls('navigateTo')).toEqual([{ url: '/packages/wish/pages/post/index' }])
  const post = followNavigation()
  await settle(post)

  const [title, surname, phone, address] = post.all('wx-input')
  await post.trigger(title, 'input', { value: TITLE, cursor: TITLE.length, keyCode: 0 })
  await post.trigger('wx-textarea', 'input', { value: '孩子们都在外地，想学会用手机和他们视频通话、看照片。希望有耐心的志愿者教教我。', cursor: 10, keyCode: 0 })
  await post.tap({ text: '陪伴探访' })
  await post.trigger(surname, 'input', { value: '林', cursor: 1, keyCode: 0 })
  await post.trigger(phone, 'input', { value: PHONE, cursor: 11, keyCode: 0 })
  await post.trigger(address, 'input', { value: ADDRESS, cursor: ADDRESS.length, keyCode: 0 })
  await waitFor(() => post.text().includes('心愿墙上显示为：林阿姨'))
  expect(post.text()).toContain(`${TITLE.length}/30`)

  await post.tap({ text: '提交心愿' })
  await waitFor(() => calls('showToast').some((t) => t.title === '已提交审核'))
  const [sent] = action('post')
  expect(sent.data.input).toEqual({
    title: TITLE,
    description: expect.stringContaining('视频通话'),
    category: '陪伴探访',
    nameStyle: 'surname',
    surname: '林',
    honorific: '阿姨',
    contactPhone: PHONE,
    address: ADDRESS,
  })
  expect(sent.data.requestId).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
  expect(sent.result).toMatchObject({ ok: true, data: { status: 'pending_review' } })
  wishId = sent.result.data.id

  await waitFor(() => calls('redirectTo').length === 1)
  const mine = followNavigation()
  expect(mine.route).toBe('packages/wish/pages/mine/index')
  await settle(mine)
  const card = mine.all('.hm-card').find((c) => c.textContent!.includes(TITLE))
  expect(card?.querySelector('.hm-badge')?.textContent).toBe('待审核')
  expect(env.errors).toEqual([])
})

test('2. demo-staff approves it in the queue', async () => {
  expect(wishId).toBeTruthy()
  const queue = renderPage('packages/staff/pages/wishes/index', { persona: 'demo-staff' })
  await settle(queue)
  const card = queue.all('.hm-card').find((c) => c.textContent!.includes(TITLE))!
  expect(card).toBeTruthy()
  const approve = Array.from(card.querySelectorAll('wx-button')).find((b) => b.textContent!.trim() === '通过')!
  await queue.tap(approve)
  await waitFor(() => calls('showToast').some((t) => t.title === '已通过'))
  expect(action('review')[0].data.input).toEqual({ wishId, decision: 'approve' })
  expect(action('review')[0].result).toMatchObject({ ok: true })
  expect(env.errors).toEqual([])
})

test('3. demo-volunteer finds it on the wall, claims it, and only then sees the phone and address', async () => {
  const wall = renderPage(WALL, { persona: 'demo-volunteer' })
  await settle(wall)
  const card = wall.all('.hm-card').find((c) => c.textContent!.includes(TITLE))!
  expect(card.querySelector('.hm-badge')?.textContent).toBe('待认领')
  await wall.tap(card.querySelector('.hm-h2')!)
  const detail = followNavigation()
  let text = await settle(detail)
  expect(text).not.toContain(PHONE)
  expect(text).not.toContain('白水井路 16 号')
  await detail.tap({ text: '认领' })
  await waitFor(() => detail.texts('.hm-h2').includes('认领这个心愿'))
  await detail.tap({ text: '确认认领' })
  await waitFor(() => calls('showToast').some((t) => t.title === '认领成功'))
  expect(action('claim')[0].data.input).toMatchObject({ wishId })
  await waitFor(() => badge(detail) === '已认领')
  text = await settle(detail)
  expect(text).toContain(`电话：${PHONE}`)
  expect(text).toContain(`地址：${ADDRESS}`)
  expect(env.errors).toEqual([])
})

test('4. the volunteer fulfils it with a note', async () => {
  const detail = renderPage(DETAIL, { persona: 'demo-volunteer', query: { id: wishId } })
  await settle(detail)
  await detail.tap({ text: '完成心愿' })
  await waitFor(() => detail.texts('.hm-h2').includes('完成心愿'))
  // an empty note is stopped on the page
  await detail.tap({ text: '提交完成' })
  await waitFor(() => detail.texts('.hm-error').includes('请填写完成说明'))
  expect(action('fulfil')).toEqual([])
  await detail.trigger('wx-textarea', 'input', { value: '教了林阿姨用微信视频通话和看相册，她已经能自己打给孩子了。', cursor: 10, keyCode: 0 })
  await detail.tap({ text: '提交完成' })
  await waitFor(() => calls('showToast').some((t) => t.title === '已提交完成'))
  expect(action('fulfil')[0].data.input).toEqual({ wishId, note: '教了林阿姨用微信视频通话和看相册，她已经能自己打给孩子了。' })
  expect(action('fulfil')[0].result).toMatchObject({ ok: true, data: { status: 'fulfilled' } })
  await waitFor(() => badge(detail) === '已完成')
  const text = await settle(detail)
  expect(text).toContain('等待心愿人确认')
  expect(buttons(detail)).not.toContain('完成心愿')
  expect(env.errors).toEqual([])
})

test('5. demo-resident confirms with a thank-you; the wall shows it closed with the thanks', async () => {
  const detail = renderPage(DETAIL, { persona: 'demo-resident', query: { id: wishId } })
  await settle(detail)
  expect(badge(detail)).toBe('已完成')
  expect(detail.text()).toContain('教了林阿姨用微信视频通话')
  await detail.tap({ text: '确认完成' })
  await waitFor(() => detail.texts('.hm-h2').includes('确认心愿已完成'))
  await detail.trigger('wx-textarea', 'input', { value: THANKS, cursor: THANKS.length, keyCode: 0 })
  // the form's own 确认完成 (the last button of that name)
  const confirmButtons = detail.all('wx-button').filter((b) => b.textContent!.trim() === '确认完成')
  await detail.tap(confirmButtons[confirmButtons.length - 1])
  await waitFor(() => calls('showToast').some((t) => t.title === '已确认完成'))
  expect(action('confirm')[0].data.input).toEqual({ wishId, thanks: THANKS })
  expect(action('confirm')[0].result).toMatchObject({ ok: true, data: { status: 'closed' } })
  await waitFor(() => badge(detail) === '已圆满')
  const text = await settle(detail)
  expect(text).toContain('感谢的话')
  expect(text).toContain(`“${THANKS}”`)
  expect(text).toContain('心愿人 确认完成')

  const wall = renderPage(WALL, { persona: 'demo-applicant' })
  await settle(wall)
  await wall.tap({ text: '全区' })
  await waitFor(() => wall.all('.hm-card').some((c) => c.textContent!.includes(TITLE)))
  await settle(wall)
  const card = wall.all('.hm-card').find((c) => c.textContent!.includes(TITLE))!
  expect(card.querySelector('.hm-badge')?.textContent).toBe('已圆满')
  expect(card.textContent).toContain(`感谢：${THANKS}`)
  expect(card.textContent).not.toContain(PHONE)
  expect(env.errors).toEqual([])
})
