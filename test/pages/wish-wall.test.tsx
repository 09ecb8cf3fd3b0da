import WallPage from '@/packages/wish/pages/wall'
import { setTransport } from '@/services/cloud'
import { act, hanging, offline, renderPage, screen, stubNavigation, tap, tapIn, useFakeWish, waitFor } from './helpers'

function resident() {
  const f = useFakeWish('r1')
  f.wish.addUser({ openid: 'r1', communityId: 'junmen' })
  return f
}

describe('wish wall', () => {
  let nav: ReturnType<typeof stubNavigation>
  beforeEach(() => {
    nav = stubNavigation()
  })

  it('shows published wishes of my community, newest first, as cards', async () => {
    const { wish } = resident()
    wish.addWish({ id: 'a', title: '修门锁', category: '家电维修', surname: '林', honorific: '阿姨', publishedAt: '2026-11-20T00:00:00.000Z' })
    wish.addWish({ id: 'b', title: '想要一个书包', category: '学习用品', nameStyle: 'anonymous', status: 'claimed', publishedAt: '2026-11-25T00:00:00.000Z' })
    wish.addWish({ id: 'c', title: '别的社区的心愿', communityId: 'qingcheng' })
    wish.addWish({ id: 'd', title: '还在审核的心愿', status: 'pending_review' })
    renderPage(<WallPage />)
    expect(await screen.findByText('修门锁')).toBeTruthy()
    const cards = screen.getAllByTestId('wish-card')
    expect(cards).toHaveLength(2)
    expect(cards[0].textContent).toContain('想要一个书包')
    expect(cards[0].textContent).toContain('已认领')
    expect(cards[0].textContent).toContain('匿名居民 · 军门社区')
    expect(cards[1].textContent).toContain('林阿姨 · 军门社区')
    expect(cards[1].textContent).toContain('待认领')
    expect(cards[1].textContent).toContain('家电维修')
    expect(cards[1].textContent).toMatch(/前/) // how long ago (dayjs zh-cn)
    expect(screen.queryByText('别的社区的心愿')).toBeNull()
    expect(screen.queryByText('还在审核的心愿')).toBeNull()
    // No contact on list cards.
    expect(document.body.textContent).not.toContain('13900001111')
    expect(wish.eventsFor('wall')[0].input).toEqual({ scope: 'community', page: 1, pageSize: 20 })
  })

  it('switches to the whole district and back', async () => {
    const { wish } = resident()
    wish.addWish({ id: 'a', title: '本社区心愿' })
    wish.addWish({ id: 'c', title: '庆城的心愿', communityId: 'qingcheng' })
    renderPage(<WallPage />)
    await screen.findByText('本社区心愿')
    await tapIn('范围', '全区')
    expect(await screen.findByText('庆城的心愿')).toBeTruthy()
    expect(screen.getByText(/庆城社区/)).toBeTruthy()
    await tapIn('范围', '本社区')
    await waitFor(() => expect(screen.queryByText('庆城的心愿')).toBeNull())
    expect(wish.eventsFor('wall').map((e) => (e.input as { scope: string }).scope)).toEqual(['community', 'district', 'community'])
  })

  it('filters by category and by status', async () => {
    const { wish } = resident()
    wish.addWish({ id: 'a', title: '修电视', category: '家电维修' })
    wish.addWish({ id: 'b', title: '陪老人聊天', category: '陪伴探访' })
    wish.addWish({ id: 'c', title: '已完成的陪伴', category: '陪伴探访', status: 'closed', thanks: '谢谢小王' })
    renderPage(<WallPage />)
    await screen.findByText('修电视')
    await tapIn('类别', '陪伴探访')
    await waitFor(() => expect(screen.queryByText('修电视')).toBeNull())
    expect(screen.getByText('陪老人聊天')).toBeTruthy()
    expect(wish.eventsFor('wall').at(-1)!.input).toMatchObject({ category: '陪伴探访' })

    await tapIn('状态', '已完成')
    await waitFor(() => expect(screen.queryByText('陪老人聊天')).toBeNull())
    expect(screen.getByText('已完成的陪伴')).toBeTruthy()
    expect(screen.getByText('感谢：谢谢小王')).toBeTruthy()
    expect(wish.eventsFor('wall').at(-1)!.input).toEqual({ scope: 'community', category: '陪伴探访', status: 'fulfilled', page: 1, pageSize: 20 })

    await tapIn('类别', '全部类别')
    await tapIn('状态', '待认领')
    expect(await screen.findByText('修电视')).toBeTruthy()
    expect(wish.eventsFor('wall').at(-1)!.input).toEqual({ scope: 'community', status: 'open', page: 1, pageSize: 20 })
  })

  it('loads 20 at a time: the button, then reaching the bottom; pull-to-refresh restarts', async () => {
    const { wish } = resident()
    for (let i = 1; i <= 45; i++) wish.addWish({ id: `w${i}`, title: `心愿第${i}个`, publishedAt: new Date(Date.UTC(2026, 10, 1, 0, i)).toISOString() })
    renderPage(<WallPage />)
    await screen.findByText('心愿第45个')
    expect(screen.getAllByTestId('wish-card')).toHaveLength(20)
    await tap('加载更多')
    await waitFor(() => expect(screen.getAllByTestId('wish-card')).toHaveLength(40))
    await act(async () => globalThis.firePageEvent('onReachBottom'))
    await waitFor(() => expect(screen.getAllByTestId('wish-card')).toHaveLength(45))
    expect(screen.getByText('没有更多了')).toBeTruthy()
    expect(wish.eventsFor('wall').map((e) => (e.input as { page: number }).page)).toEqual([1, 2, 3])

    await act(async () => globalThis.firePageEvent('onPullDownRefresh'))
    await waitFor(() => expect(nav.stopPullDownRefresh).toHaveBeenCalled())
    expect((wish.eventsFor('wall').at(-1)!.input as { page: number }).page).toBe(1)
    await waitFor(() => expect(screen.getAllByTestId('wish-card')).toHaveLength(20))
  })

  it('shows a loading state while the wall loads', async () => {
    resident()
    setTransport(hanging)
    renderPage(<WallPage />)
    expect(await screen.findByText('正在加载…')).toBeTruthy()
  })

  it('a failed load-more keeps the cards and says why; the next try works', async () => {
    const { wish } = resident()
    for (let i = 1; i <= 25; i++) wish.addWish({ id: `w${i}`, title: `心愿第${i}个` })
    renderPage(<WallPage />)
    await screen.findByText('心愿第25个')
    wish.networkFailures.push('wall', 'wall') // the client retries once
    await tap('加载更多')
    expect(await screen.findByText('网络不太顺畅，请检查网络后重试')).toBeTruthy()
    expect(screen.getAllByTestId('wish-card')).toHaveLength(20)
    await tap('加载更多')
    await waitFor(() => expect(screen.getAllByTestId('wish-card')).toHaveLength(25))
  })

  it('shows an empty state', async () => {
    resident()
    renderPage(<WallPage />)
    expect(await screen.findByText('还没有心愿，来发布第一个吧')).toBeTruthy()
  })

  it('shows the error in Chinese and retries', async () => {
    const { wish } = resident()
    wish.addWish({ id: 'a', title: '修门锁' })
    const good = wish.transportWith()
    setTransport(offline)
    renderPage(<WallPage />)
    expect(await screen.findByText('网络不太顺畅，请检查网络后重试')).toBeTruthy()
    setTransport(good)
    await tap('重试')
    expect(await screen.findByText('修门锁')).toBeTruthy()
  })

  it('a visitor who has not signed up is offered 去注册 and 看全区, not a retry that cannot help', async () => {
    const { wish } = useFakeWish('new')
    renderPage(<WallPage />)
    expect(await screen.findByText('请先完成注册（同意隐私指引并选择社区）')).toBeTruthy()
    expect(screen.getByText('去注册')).toBeTruthy()
    expect(screen.queryByText('重试')).toBeNull()
    await tap('看全区')
    await waitFor(() => expect(wish.calls.filter((c) => c.event.action === 'wall').map((c) => (c.event.input as { scope?: string }).scope)).toEqual(['community', 'district']))
  })

  it('opens a wish, and the post form', async () => {
    const { wish } = resident()
    wish.addWish({ id: 'w 1', title: '修门锁' })
    renderPage(<WallPage />)
    await tap('修门锁')
    expect(nav.navigateTo).toHaveBeenCalledWith({ url: '/packages/wish/pages/detail/index?id=w%201' })
    await tap('发布心愿')
    expect(nav.navigateTo).toHaveBeenCalledWith({ url: '/packages/wish/pages/post/index' })
  })
})
