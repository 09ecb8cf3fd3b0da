import WorkbenchPage from '@/packages/staff/pages/workbench'
import WishQueuePage from '@/packages/staff/pages/wishes'
import WishStatsPage from '@/packages/staff/pages/wish-stats'
import Home from '@/pages/home'
import MePage from '@/pages/me'
import { ERROR_MESSAGES, type Workbench } from '@/contracts'
import { act, renderPage, screen, setRouterParams, stubNavigation, tap, setupBackend, waitFor } from './helpers'
import { postWish } from './stage'

const backend = setupBackend()

// 郑社工 (demo-staff) looks after 军门 and 庆城: the seed has one wish waiting for review (电风扇不转了), one overdue
// claim (代取慢性病药) and 王晓梅's volunteer application.

describe('staff workbench', () => {
  let nav: ReturnType<typeof stubNavigation>
  beforeEach(() => {
    nav = stubNavigation()
    backend.as('demo-staff')
  })

  it("draws one tile per queue the server sends, with the server's title and count", async () => {
    await postWish(backend, { title: '修门锁' })
    const w: Workbench = await backend.call('demo-staff', 'user', 'workbench', {})
    expect(w.queues.find((q) => q.key === 'wishPending')?.count).toBe(2)
    renderPage(<WorkbenchPage />)
    expect(await screen.findByText('您负责的 2 个社区')).toBeTruthy()
    for (const q of w.queues) expect(screen.getByTestId(`queue-${q.key}`).textContent).toBe(`${q.count}${q.title}去处理 ›`)
    expect(screen.getAllByRole('link')).toHaveLength(w.queues.length)
    expect(backend.eventsFor('workbench')[0].input).toEqual({})
  })

  it('a tap opens the queue at its own tab; the wish queue page starts on that tab', async () => {
    renderPage(<WorkbenchPage />)
    await tap('被举报心愿')
    expect(nav.navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/pages/wishes/index?kind=reported' })
    await tap('志愿者申请')
    expect(nav.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/staff/pages/applications/index' })
    setRouterParams({ kind: 'overdue' })
    renderPage(<WishQueuePage />)
    expect(await screen.findByText('代取慢性病药')).toBeTruthy()
    expect(backend.eventsFor('queue')[0].input).toMatchObject({ kind: 'overdue' })
  })

  it('says when nothing waits, and reloads on pull-down', async () => {
    backend.as('demo-staff-tangmen')
    renderPage(<WorkbenchPage />)
    expect(await screen.findByText('您负责的 1 个社区目前没有待处理的事项')).toBeTruthy()
    expect(screen.getByTestId('queue-wishPending').textContent).toContain('0')
    const before = backend.eventsFor('workbench').length
    await act(async () => globalThis.firePageEvent('onPullDownRefresh'))
    await waitFor(() => expect(nav.stopPullDownRefresh).toHaveBeenCalled())
    expect(backend.eventsFor('workbench').length).toBe(before + 1)
  })

  it('shows the loading state, then the network error with a retry', async () => {
    backend.hang()
    const { unmount } = renderPage(<WorkbenchPage />)
    expect(await screen.findByText('正在加载…')).toBeTruthy()
    unmount()
    backend.online()
    backend.offline()
    renderPage(<WorkbenchPage />)
    expect(await screen.findByText('网络不太顺畅，请检查网络后重试')).toBeTruthy()
    backend.online()
    await tap('重试')
    expect(await screen.findByText('待审核心愿')).toBeTruthy()
  })

  it('refuses a resident who reaches the page', async () => {
    backend.as('demo-resident')
    renderPage(<WorkbenchPage />)
    expect(await screen.findByText(ERROR_MESSAGES.ROLE_REQUIRED)).toBeTruthy()
  })
})

describe('the ways in: 首页 tile and 我的 entry, for staff and the admin only', () => {
  it.each(['demo-staff', 'demo-admin'])('%s sees both, and they open the workbench', async (openid) => {
    const nav = stubNavigation()
    backend.as(openid)
    const home = renderPage(<Home />)
    await tap('工作台')
    expect(nav.navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/pages/workbench/index' })
    home.unmount()
    renderPage(<MePage />)
    await tap('工作台')
    expect(nav.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/staff/pages/workbench/index' })
  })

  it.each(['demo-resident', 'demo-volunteer'])('%s sees neither', async (openid) => {
    stubNavigation()
    backend.as(openid)
    const home = renderPage(<Home />)
    expect(await screen.findByText('微心愿墙')).toBeTruthy()
    expect(screen.queryByText('工作台')).toBeNull()
    home.unmount()
    renderPage(<MePage />)
    expect(await screen.findByText('大字模式')).toBeTruthy()
    expect(screen.queryByText('工作台')).toBeNull()
  })
})

describe('wish stats footnote', () => {
  it("names the medians' sample: the wishes fulfilled in the last 90 days", async () => {
    stubNavigation()
    backend.as('demo-staff')
    const s = await backend.call('demo-staff', 'wish', 'stats', {})
    expect(s.medianSample).toEqual({ windowDays: 90, size: expect.any(Number), capped: false })
    renderPage(<WishStatsPage />)
    expect((await screen.findByTestId('stat-sample')).textContent).toBe(`中位数按近90天完成的 ${s.medianSample.size} 个心愿计算`)
  })
})
