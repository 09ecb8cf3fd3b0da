// Layer 3: the staff workbench in the real weapp build, against the real emulator: tiles with the cloud's counts,
// a tap opens the queue at its tab; 首页 shows staff the way in.
import { calls, env, followNavigation, renderPage, settle, waitForText } from './harness'
import { withEmulator } from './emulator'

withEmulator()

test("renders one tile per queue with the cloud's count, and a tap opens that queue at its tab", async () => {
  const page = renderPage('packages/staff/pages/workbench/index', { persona: 'demo-staff' })
  await waitForText(page, '志愿者申请')
  const call = env.cloudCalls.find((c) => c.name === 'user' && c.data?.action === 'workbench')
  expect(call?.result).toMatchObject({ ok: true })
  const queues = call!.result.data.queues as { title: string; count: number }[]
  expect(page.texts('.hm-tile-name')).toEqual(queues.map((q) => q.title))
  expect(page.texts('.hm-tile-count')).toEqual(queues.map((q) => String(q.count)))
  await page.tap({ text: '逾期的认领' })
  expect(calls('navigateTo')).toEqual([{ url: '/packages/staff/pages/wishes/index?kind=overdue' }])
  const queue = followNavigation()
  expect(queue.route).toBe('packages/staff/pages/wishes/index')
  expect(await settle(queue)).toContain('代取慢性病药')
  expect(env.cloudCalls.find((c) => c.data?.action === 'queue')?.data?.input).toMatchObject({ kind: 'overdue' })
  expect(env.errors).toEqual([])
})

test('a resident opening the workbench is refused by the cloud, and sees why', async () => {
  const page = renderPage('packages/staff/pages/workbench/index', { persona: 'demo-resident' })
  expect(await settle(page)).toContain('您没有进行此操作的权限')
  expect(page.texts('.hm-tile-count')).toEqual([])
})

test('首页 shows staff the workbench tile, and it opens the workbench', async () => {
  const page = renderPage('pages/home/index', { persona: 'demo-staff' })
  await waitForText(page, '工作台')
  await page.tap({ text: '工作台' })
  expect(calls('navigateTo')).toEqual([{ url: '/packages/staff/pages/workbench/index' }])
  expect(env.errors).toEqual([])
})
