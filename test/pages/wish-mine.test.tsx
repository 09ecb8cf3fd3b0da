import MePage from '@/pages/me'
import ClaimsPage from '@/packages/wish/pages/claims'
import MinePage from '@/packages/wish/pages/mine'
import { act, renderPage, screen, stubNavigation, tap, setupBackend, waitFor } from './helpers'
import { postWish, rejectedWish, signUp } from './stage'

const backend = setupBackend()

describe("'me' links to the wish pages", () => {
  it('a resident gets 我的心愿, but neither 我的认领 (she cannot claim) nor the staff links', async () => {
    const nav = stubNavigation()
    backend.as('demo-resident')
    renderPage(<MePage />)
    await tap('我的心愿')
    expect(nav.navigateTo).toHaveBeenCalledWith({ url: '/packages/wish/pages/mine/index' })
    expect(screen.queryByText('我的认领')).toBeNull()
    expect(screen.queryByText('心愿审核')).toBeNull()
    expect(screen.queryByText('心愿统计')).toBeNull()
  })

  it('a volunteer also gets 我的认领', async () => {
    const nav = stubNavigation()
    backend.as('demo-volunteer')
    renderPage(<MePage />)
    await tap('我的认领')
    expect(nav.navigateTo).toHaveBeenCalledWith({ url: '/packages/wish/pages/claims/index' })
  })

  it('staff also get 心愿审核 and 心愿统计', async () => {
    const nav = stubNavigation()
    backend.as('demo-staff')
    renderPage(<MePage />)
    await tap('心愿审核')
    expect(nav.navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/pages/wishes/index' })
    await tap('心愿统计')
    expect(nav.navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/pages/wish-stats/index' })
  })

  it('a new user gets no wish links', async () => {
    stubNavigation()
    backend.as('dev-new-mine')
    renderPage(<MePage />)
    await screen.findByText('您还没有注册')
    expect(screen.queryByText('我的心愿')).toBeNull()
  })
})

describe('my wishes', () => {
  it('lists my wishes with status and the rejection reason; tap opens one', async () => {
    const nav = stubNavigation()
    backend.as('demo-resident') // the seed gives her 帮忙修理门锁 (open) and 陪老人聊天 (closed)
    await postWish(backend, { title: '修门锁' })
    const rejected = await rejectedWish(backend, '请写清楚年级', { title: '要书包', category: '学习用品' })
    renderPage(<MinePage />)
    expect(await screen.findByText('修门锁')).toBeTruthy()
    expect(screen.getByText('帮忙修理门锁')).toBeTruthy()
    expect(screen.getByText('待审核')).toBeTruthy()
    expect(screen.getByText('未通过')).toBeTruthy()
    expect(screen.getByText('原因：请写清楚年级')).toBeTruthy()
    expect(screen.queryByText('给孙子买书包')).toBeNull() // someone else's
    await tap('要书包')
    expect(nav.navigateTo).toHaveBeenCalledWith({ url: `/packages/wish/pages/detail/index?id=${rejected}` })
    await tap('发布心愿')
    expect(nav.navigateTo).toHaveBeenCalledWith({ url: '/packages/wish/pages/post/index' })
  })

  it('empty, and error with retry', async () => {
    stubNavigation()
    backend.as(await signUp(backend))
    backend.offline()
    renderPage(<MinePage />)
    expect(await screen.findByText('网络不太顺畅，请检查网络后重试')).toBeTruthy()
    backend.online()
    await tap('重试')
    expect(await screen.findByText('您还没有发布过心愿')).toBeTruthy()
  })

  it('reloads when shown again and on pull-down', async () => {
    const nav = stubNavigation()
    const resident = await signUp(backend)
    backend.as(resident)
    renderPage(<MinePage />)
    await screen.findByText('您还没有发布过心愿')
    await act(async () => globalThis.firePageEvent('componentDidShow')) // the first show
    await postWish(backend, { title: '新心愿' }, resident) // e.g. on the post page
    await act(async () => globalThis.firePageEvent('componentDidShow'))
    expect(await screen.findByText('新心愿')).toBeTruthy()
    await act(async () => globalThis.firePageEvent('onPullDownRefresh'))
    await waitFor(() => expect(nav.stopPullDownRefresh).toHaveBeenCalled())
  })
})

describe('my claims', () => {
  it('lists my claims and flags overdue ones', async () => {
    stubNavigation()
    backend.as('demo-volunteer') // the seed: 给孙子买书包 (due in a week), 代取慢性病药 (overdue), 陪老人聊天 (closed)
    renderPage(<ClaimsPage />)
    expect(await screen.findByText('给孙子买书包')).toBeTruthy()
    const cards = screen.getAllByTestId('wish-card')
    expect(cards.length).toBe(3)
    expect(cards.find((c) => c.textContent!.includes('代取慢性病药'))!.textContent).toContain('已逾期')
    expect(cards.find((c) => c.textContent!.includes('给孙子买书包'))!.textContent).not.toContain('已逾期')
    expect(screen.queryByText('楼道灯换灯泡')).toBeNull() // claimed by a unit through 郑社工
  })

  it('empty state', async () => {
    stubNavigation()
    backend.as('demo-volunteer-2')
    renderPage(<ClaimsPage />)
    expect(await screen.findByText('您还没有认领过心愿')).toBeTruthy()
  })
})
