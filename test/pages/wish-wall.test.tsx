import WallPage from '@/packages/wish/pages/wall'
import { act, countIs, gone, renderPage, screen, stubNavigation, tap, tapIn, setupBackend, waitFor } from './helpers'
import { manyOpenWishes, openWish, postWish, signUp } from './stage'

const backend = setupBackend()

// The demo seed's wall of 军门社区 (docs/INTERFACES.md): 帮忙修理门锁 (open, 林阿姨), 给孙子买书包 (claimed),
// 楼道灯换灯泡 (fulfilled), 陪老人聊天 (closed with thanks); 庆城社区 has 想找人辅导数学 (open) and more.

describe('wish wall', () => {
  let nav: ReturnType<typeof stubNavigation>
  beforeEach(() => {
    nav = stubNavigation()
    backend.as('demo-resident')
  })

  it('shows published wishes of my community, newest first, as cards', async () => {
    await openWish(backend, { title: '想要一个书包', category: '学习用品', nameStyle: 'anonymous', surname: undefined, honorific: undefined })
    await postWish(backend, { title: '还在审核的心愿' })
    renderPage(<WallPage />)
    expect(await screen.findByText('想要一个书包')).toBeTruthy()
    const cards = screen.getAllByTestId('wish-card')
    expect(cards.length).toBe(5)
    const card = (title: string) => cards.find((c) => c.textContent!.includes(title))!.textContent
    expect(cards[0].textContent).toContain('想要一个书包')
    expect(cards[0].textContent).toContain('匿名居民 · 军门社区')
    expect(cards[0].textContent).toContain('待认领')
    expect(card('帮忙修理门锁')).toContain('林阿姨 · 军门社区')
    expect(card('帮忙修理门锁')).toContain('家电维修')
    expect(card('帮忙修理门锁')).toMatch(/前/) // how long ago (dayjs zh-cn)
    expect(card('给孙子买书包')).toContain('已认领')
    expect(screen.queryByText('想找人辅导数学')).toBeNull() // 庆城社区
    expect(screen.queryByText('还在审核的心愿')).toBeNull()
    // No contact on list cards.
    expect(document.body.textContent).not.toContain('13905910011')
    expect(backend.eventsFor('wall')[0].input).toEqual({ scope: 'community', page: 1, pageSize: 20 })
  })

  it('switches to the whole district and back', async () => {
    renderPage(<WallPage />)
    await screen.findByText('帮忙修理门锁')
    await tapIn('范围', '全区')
    expect(await screen.findByText('想找人辅导数学')).toBeTruthy()
    expect(screen.getAllByText(/庆城社区/).length).toBeGreaterThan(0)
    await tapIn('范围', '本社区')
    await gone('想找人辅导数学')
    expect(await screen.findByText('帮忙修理门锁')).toBeTruthy()
    expect(backend.eventsFor('wall').map((e) => (e.input as { scope: string }).scope)).toEqual(['community', 'district', 'community'])
  })

  it('filters by category and by status', async () => {
    await openWish(backend, { title: '陪老人下棋', category: '陪伴探访' })
    renderPage(<WallPage />)
    await screen.findByText('帮忙修理门锁')
    await tapIn('类别', '陪伴探访')
    await gone('帮忙修理门锁')
    expect(await screen.findByText('陪老人下棋')).toBeTruthy()
    expect(screen.getByText('陪老人聊天')).toBeTruthy()
    expect(backend.eventsFor('wall').at(-1)!.input).toMatchObject({ category: '陪伴探访' })

    await tapIn('状态', '已完成')
    await gone('陪老人下棋')
    expect(await screen.findByText('陪老人聊天')).toBeTruthy()
    expect(screen.getByText('感谢：谢谢小陈，我妈这几天一直念叨你，说下次还要一起听戏！')).toBeTruthy()
    expect(backend.eventsFor('wall').at(-1)!.input).toEqual({ scope: 'community', category: '陪伴探访', status: 'fulfilled', page: 1, pageSize: 20 })

    await tapIn('类别', '全部类别')
    await tapIn('状态', '待认领')
    expect(await screen.findByText('帮忙修理门锁')).toBeTruthy()
    await gone('陪老人聊天')
    expect(backend.eventsFor('wall').at(-1)!.input).toEqual({ scope: 'community', status: 'open', page: 1, pageSize: 20 })
  })

  it('loads 20 at a time: the button, then reaching the bottom; pull-to-refresh restarts', async () => {
    await manyOpenWishes(backend, 41, (i) => `心愿第${i}个`) // 45 with the seed's 4
    const { container } = renderPage(<WallPage />)
    await countIs(container, '[data-testid=wish-card]', 20)
    await tap('加载更多')
    await countIs(container, '[data-testid=wish-card]', 40)
    await act(async () => globalThis.firePageEvent('onReachBottom'))
    await countIs(container, '[data-testid=wish-card]', 45)
    expect(screen.getByText('没有更多了')).toBeTruthy()
    expect(screen.getByText('陪老人聊天')).toBeTruthy() // the oldest comes last
    expect(new Set(screen.getAllByTestId('wish-card').map((c) => c.textContent)).size).toBe(45)
    expect(backend.eventsFor('wall').map((e) => (e.input as { page: number }).page)).toEqual([1, 2, 3])

    await act(async () => globalThis.firePageEvent('onPullDownRefresh'))
    await waitFor(() => expect(nav.stopPullDownRefresh).toHaveBeenCalled())
    expect((backend.eventsFor('wall').at(-1)!.input as { page: number }).page).toBe(1)
    await countIs(container, '[data-testid=wish-card]', 20)
  })

  it('shows a loading state while the wall loads', async () => {
    backend.hang()
    renderPage(<WallPage />)
    expect(await screen.findByText('正在加载…')).toBeTruthy()
  })

  it('a failed load-more keeps the cards and says why; the next try works', async () => {
    await manyOpenWishes(backend, 21, (i) => `心愿第${i}个`) // 25 with the seed's 4
    const { container } = renderPage(<WallPage />)
    await countIs(container, '[data-testid=wish-card]', 20)
    backend.failNext('wall', 2) // the client retries once
    await tap('加载更多')
    expect(await screen.findByText('网络不太顺畅，请检查网络后重试')).toBeTruthy()
    expect(container.querySelectorAll('[data-testid=wish-card]').length).toBe(20)
    await tap('加载更多')
    await countIs(container, '[data-testid=wish-card]', 25)
  })

  it('shows an empty state', async () => {
    backend.as(await signUp(backend, { communityId: 'jinjiang' })) // nobody in 锦江社区 has posted yet
    renderPage(<WallPage />)
    expect(await screen.findByText('还没有心愿，来发布第一个吧')).toBeTruthy()
  })

  it('shows the error in Chinese and retries', async () => {
    backend.offline()
    renderPage(<WallPage />)
    expect(await screen.findByText('网络不太顺畅，请检查网络后重试')).toBeTruthy()
    backend.online()
    await tap('重试')
    expect(await screen.findByText('帮忙修理门锁')).toBeTruthy()
  })

  it('a visitor who has not signed up is offered 去注册 and 看全区, not a retry that cannot help', async () => {
    backend.as('dev-new-wall')
    renderPage(<WallPage />)
    expect(await screen.findByText('请先注册并选择社区，或切换到“全区”查看')).toBeTruthy()
    expect(screen.getByText('去注册')).toBeTruthy()
    expect(screen.queryByText('重试')).toBeNull()
    await tap('看全区')
    expect(await screen.findByText('帮忙修理门锁')).toBeTruthy() // the district wall, as a visitor may see it
    expect(backend.eventsFor('wall').map((e) => (e.input as { scope?: string }).scope)).toEqual(['community', 'district'])
  })

  it('opens a wish, and the post form', async () => {
    renderPage(<WallPage />)
    await tap('帮忙修理门锁')
    expect(nav.navigateTo).toHaveBeenCalledWith({ url: '/packages/wish/pages/detail/index?id=wish-demo-lock' })
    await tap('发布心愿')
    expect(nav.navigateTo).toHaveBeenCalledWith({ url: '/packages/wish/pages/post/index' })
  })
})
