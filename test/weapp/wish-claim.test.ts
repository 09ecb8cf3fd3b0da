// Layer 3: claiming a wish in the real weapp build, against the real seeded emulator: the volunteer picks a
// promised date, the claim reaches the cloud with a requestId, the contact shows only then; the wish then reads
// as claimed for everyone else, and a claim that lost the race is told 已被认领.
import { callAs, calls, emulatorGet, env, followNavigation, renderPage, settle, waitFor, type PageHandle } from './harness'
import { withEmulator } from './emulator'
import { inDays } from '../clock'

withEmulator()

afterEach(() => {
  env.modalAnswer = { confirm: true, cancel: false }
})

const DETAIL = 'packages/wish/pages/detail/index'
const CLAIMS = 'packages/wish/pages/claims/index'

/** As the page shows a day: 2026年12月3日. */
const shown = (day: string) => day.replace(/^(\d{4})-(\d{2})-(\d{2})$/, (_, y, m, d) => `${Number(y)}年${Number(m)}月${Number(d)}日`)

const buttons = (page: PageHandle) => page.all('wx-button').map((b) => (b.textContent || '').trim())
const claimCalls = () => env.cloudCalls.filter((c) => c.name === 'wish' && c.data?.action === 'claim')

test('demo-volunteer claims an open wish: promised date, confirm, the claim reaches the cloud, then the contact shows', async () => {
  const page = renderPage(DETAIL, { persona: 'demo-volunteer', query: { id: 'wish-demo-lock' } })
  let text = await settle(page)
  expect(text).toContain('帮忙修理门锁')
  expect(page.texts('.hm-title')).toEqual(['帮忙修理门锁'])
  expect(text).toContain('待认领')
  // before the claim: no contact, in the page or in the answer
  expect(text).not.toContain('联系方式')
  expect(text).not.toMatch(/13905910011|白水井路/)
  const detail = env.cloudCalls.find((c) => c.data?.action === 'detail')
  expect(detail?.result).toMatchObject({ ok: true, data: { status: 'open', viewer: { canClaim: true } } })
  expect(detail?.result.data.contact).toBeUndefined()
  expect(buttons(page)).toContain('认领')

  // 认领 opens the form with a suggested date within the wisher's needed-by date
  await page.tap({ text: '认领' })
  await waitFor(() => page.texts('.hm-h2').includes('认领这个心愿'))
  expect(page.texts('.hm-picker')[0]).toMatch(new RegExp(`^${shown(inDays(7))}`))
  expect(page.text()).toContain(`心愿人希望在 ${shown(inDays(14))} 前完成`)
  expect(claimCalls()).toEqual([])

  // choose another date in the picker
  const promised = inDays(5)
  expect(page.all('wx-picker')).toHaveLength(1)
  await page.trigger('wx-picker', 'change', { value: promised })
  await waitFor(() => page.texts('.hm-picker')[0]?.startsWith(shown(promised)))

  await page.tap({ text: '确认认领' })
  await waitFor(() => calls('showToast').some((t) => t.title === '认领成功'))
  const [claim] = claimCalls()
  expect(claimCalls()).toHaveLength(1)
  expect(claim.data).toMatchObject({ action: 'claim', input: { wishId: 'wish-demo-lock', promisedBy: promised } })
  expect(claim.data.input.unitName).toBeUndefined()
  expect(claim.data.requestId).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
  expect(claim.result).toMatchObject({ ok: true, data: { status: 'claimed', promisedBy: promised } })

  // the page reloads: claimed, with the claim and now the wisher's phone and address
  await waitFor(() => page.texts('.hm-row .hm-badge').includes('已认领'))
  text = await settle(page)
  expect(text).toContain('联系方式')
  expect(text).toContain('电话：13905910011')
  expect(text).toContain('地址：军门社区 白水井路 12 号 3 单元 201')
  expect(text).toContain('认领人：陈志远')
  expect(text).toContain(`承诺完成日期：${shown(promised)}`)
  expect(text).toContain('志愿者 认领心愿')
  expect(page.texts('.hm-h2')).not.toContain('认领这个心愿')
  // the claimant's actions now
  expect(buttons(page)).toEqual(expect.arrayContaining(['完成心愿', '放弃认领']))
  expect(buttons(page)).not.toContain('认领')
  const reloaded = env.cloudCalls.filter((c) => c.data?.action === 'detail').at(-1)
  expect(reloaded?.result.data.contact).toEqual({ phone: '13905910011', address: '军门社区 白水井路 12 号 3 单元 201' })

  // the wisher was notified (the emulator's subscription-message stand-in logged it)
  const { messages } = await emulatorGet('/api/dev/messages')
  expect(JSON.stringify(messages)).toContain('demo-resident')
  expect(JSON.stringify(messages)).toContain('wish-demo-lock')
  expect(env.errors).toEqual([])

  // and it is among the volunteer's claims
  const mine = renderPage(CLAIMS, { persona: 'demo-volunteer' })
  expect(await settle(mine)).toContain('帮忙修理门锁')
})

test('after the claim, others see the wish as claimed: no 认领 for staff, and the wall says 已认领', async () => {
  // runs after the claim above (one emulator per file): make sure it is claimed whatever ran before
  const before = await callAs('demo-volunteer', 'wish', { action: 'detail', input: { wishId: 'wish-demo-lock' } })
  expect(before).toMatchObject({ ok: true, data: { status: 'claimed' } })

  // demo-staff could claim an open wish for a unit, but not this one any more
  const page = renderPage(DETAIL, { persona: 'demo-staff', query: { id: 'wish-demo-lock' } })
  const text = await settle(page)
  expect(text).toContain('已认领')
  expect(text).toContain('认领人：陈志远')
  expect(buttons(page)).not.toContain('认领')
  expect(env.cloudCalls.find((c) => c.data?.action === 'detail')?.result.data.viewer).toMatchObject({ canClaim: false, isStaff: true })

  const wall = renderPage('packages/wish/pages/wall/index', { persona: 'demo-resident' })
  await settle(wall)
  const lock = wall.all('.hm-card').find((c) => c.textContent!.includes('帮忙修理门锁'))
  expect(lock?.querySelector('.hm-badge')?.textContent).toBe('已认领')
  expect(env.errors).toEqual([])
})

test('a claim that lost the race: staff opened the claim form, a volunteer claimed first; the page says 已被认领', async () => {
  const page = renderPage(DETAIL, { persona: 'demo-staff', query: { id: 'wish-demo-tutor' } })
  await settle(page)
  expect(page.text()).toContain('想找人辅导数学')
  expect(page.text()).toContain('待认领')
  await page.tap({ text: '认领' })
  await waitFor(() => page.texts('.hm-h2').includes('认领这个心愿'))
  // staff claim on behalf of a unit
  expect(page.texts('.hm-label')).toContain('认领单位')
  await page.trigger('wx-input', 'input', { value: '鼓楼供电共建小组', cursor: 8, keyCode: 0 })

  // meanwhile, on another phone, the volunteer claims it
  const other = await callAs('demo-volunteer', 'wish', { action: 'claim', input: { wishId: 'wish-demo-tutor', promisedBy: inDays(3) }, requestId: 'weapp-race-volunteer-1' })
  expect(other).toMatchObject({ ok: true, data: { status: 'claimed' } })

  await page.tap({ text: '确认认领' })
  await waitFor(() => calls('showModal').some((m) => m.title === '已被认领'))
  const [claim] = claimCalls()
  expect(claim.data.input).toMatchObject({ wishId: 'wish-demo-tutor', unitName: '鼓楼供电共建小组' })
  expect(claim.result).toMatchObject({ ok: false, code: 'WISH_NOT_OPEN', message: '这个心愿已被认领' })
  expect(calls('showModal').find((m) => m.title === '已被认领')).toMatchObject({ content: '这个心愿已被认领' })
  expect(calls('showToast').some((t) => t.title === '认领成功')).toBe(false)

  // the page reloads and says so; the form is gone, and so is 认领
  await waitFor(() => page.text().includes('这个心愿刚刚被其他人认领了'))
  const text = await settle(page)
  expect(text).toContain('认领人：陈志远')
  expect(page.texts('.hm-h2')).toContain('已被认领')
  expect(page.texts('.hm-h2')).not.toContain('认领这个心愿')
  expect(page.texts('.hm-row .hm-badge')).toContain('已认领')
  expect(buttons(page)).not.toContain('认领')
  expect(env.errors).toEqual([])
})

test('a promised date after the needed-by date is refused on the page, and nothing is sent', async () => {
  // wish-demo-lock is claimed by now; use a fresh open wish: staff approve 何阿姨's pending one first
  const approved = await callAs('demo-staff', 'wish', { action: 'review', input: { wishId: 'wish-demo-fan', decision: 'approve' }, requestId: 'weapp-approve-fan-1' })
  expect(approved).toMatchObject({ ok: true })
  const page = renderPage(DETAIL, { persona: 'demo-volunteer', query: { id: 'wish-demo-fan' } })
  await settle(page)
  await page.tap({ text: '认领' })
  await waitFor(() => page.texts('.hm-h2').includes('认领这个心愿'))
  // needed by +10 days; the picker's end is that day, but a stale value could still come through
  await page.trigger('wx-picker', 'change', { value: inDays(12) })
  await waitFor(() => page.texts('.hm-picker')[0]?.startsWith(shown(inDays(12))))
  await page.tap({ text: '确认认领' })
  await waitFor(() => page.texts('.hm-error').some((e) => e.startsWith('承诺日期不能晚于')))
  expect(claimCalls()).toEqual([])
  // 先不认领 closes the form
  await page.tap({ text: '先不认领' })
  await waitFor(() => !page.texts('.hm-h2').includes('认领这个心愿'))
  expect(buttons(page)).toContain('认领')
  expect(env.errors).toEqual([])
})

test('claiming from the wall: the card opens the detail, and back on the wall the card says 已认领', async () => {
  // wish-demo-fan was approved in the test above and is still open
  const wall = renderPage('packages/wish/pages/wall/index', { persona: 'demo-volunteer' })
  await settle(wall)
  await wall.tap({ text: '全区' })
  const card = () => wall.all('.hm-card').find((c) => c.textContent!.includes('电风扇不转了'))
  await waitFor(() => card()?.querySelector('.hm-badge')?.textContent === '待认领')
  await settle(wall)
  const wallCallsBefore = env.cloudCalls.filter((c) => c.data?.action === 'wall').length

  await wall.tap(card()!.querySelector('.hm-h2')!)
  expect(calls('navigateTo').at(-1)).toEqual({ url: '/packages/wish/pages/detail/index?id=wish-demo-fan' })
  const detail = followNavigation()
  await settle(detail)
  await detail.tap({ text: '认领' })
  await waitFor(() => detail.texts('.hm-h2').includes('认领这个心愿'))
  await detail.tap({ text: '确认认领' })
  await waitFor(() => calls('showToast').some((t) => t.title === '认领成功'))
  await waitFor(() => detail.texts('.hm-row .hm-badge').includes('已认领'))
  expect(await settle(detail)).toContain('电话：13905910033')

  // back, as WeChat does on navigateBack: the detail unloads, the wall shows again and reloads
  detail.close()
  wall.instance.onShow()
  await waitFor(() => env.cloudCalls.filter((c) => c.data?.action === 'wall').length > wallCallsBefore)
  await waitFor(() => card()?.querySelector('.hm-badge')?.textContent === '已认领')
  // still the whole district, as the user left it
  expect(env.cloudCalls.filter((c) => c.data?.action === 'wall').at(-1)!.data.input).toMatchObject({ scope: 'district' })
  expect(env.errors).toEqual([])
})
