import MePage from '@/pages/me'
import ClaimsPage from '@/packages/wish/pages/claims'
import MinePage from '@/packages/wish/pages/mine'
import { setTransport } from '@/services/cloud'
import { act, offline, renderPage, screen, stubNavigation, tap, useFake, useFakeWish, waitFor } from './helpers'

describe("'me' links to the wish pages", () => {
  it('a resident gets 我的心愿, but neither 我的认领 (she cannot claim) nor the staff links', async () => {
    const nav = stubNavigation()
    const fake = useFake('u1')
    fake.addUser({ openid: 'u1' })
    renderPage(<MePage />)
    await tap('我的心愿')
    expect(nav.navigateTo).toHaveBeenCalledWith({ url: '/packages/wish/pages/mine/index' })
    expect(screen.queryByText('我的认领')).toBeNull()
    expect(screen.queryByText('心愿审核')).toBeNull()
    expect(screen.queryByText('心愿统计')).toBeNull()
  })

  it('a volunteer also gets 我的认领', async () => {
    const nav = stubNavigation()
    const fake = useFake('v1')
    fake.addUser({ openid: 'v1', roles: ['resident', 'volunteer'] })
    renderPage(<MePage />)
    await tap('我的认领')
    expect(nav.navigateTo).toHaveBeenCalledWith({ url: '/packages/wish/pages/claims/index' })
  })

  it('staff also get 心愿审核 and 心愿统计', async () => {
    const nav = stubNavigation()
    const fake = useFake('s1')
    fake.addUser({ openid: 's1', roles: ['resident', 'staff'], staffCommunityIds: ['junmen'] })
    renderPage(<MePage />)
    await tap('心愿审核')
    expect(nav.navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/pages/wishes/index' })
    await tap('心愿统计')
    expect(nav.navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/pages/wish-stats/index' })
  })

  it('a new user gets no wish links', async () => {
    stubNavigation()
    useFake('new')
    renderPage(<MePage />)
    await screen.findByText('您还没有注册')
    expect(screen.queryByText('我的心愿')).toBeNull()
  })
})

describe('my wishes', () => {
  it('lists my wishes with status and the rejection reason; tap opens one', async () => {
    const nav = stubNavigation()
    const { wish } = useFakeWish('r1')
    wish.addUser({ openid: 'r1' })
    wish.addWish({ id: 'a', openid: 'r1', title: '修门锁', status: 'pending_review' })
    wish.addWish({ id: 'b', openid: 'r1', title: '要书包', status: 'rejected', reason: '请写清楚年级' })
    wish.addWish({ id: 'c', openid: 'someone', title: '别人的心愿' })
    renderPage(<MinePage />)
    expect(await screen.findByText('修门锁')).toBeTruthy()
    expect(screen.getByText('待审核')).toBeTruthy()
    expect(screen.getByText('未通过')).toBeTruthy()
    expect(screen.getByText('原因：请写清楚年级')).toBeTruthy()
    expect(screen.queryByText('别人的心愿')).toBeNull()
    await tap('要书包')
    expect(nav.navigateTo).toHaveBeenCalledWith({ url: '/packages/wish/pages/detail/index?id=b' })
    await tap('发布心愿')
    expect(nav.navigateTo).toHaveBeenCalledWith({ url: '/packages/wish/pages/post/index' })
  })

  it('empty, and error with retry', async () => {
    stubNavigation()
    const { wish } = useFakeWish('r1')
    wish.addUser({ openid: 'r1' })
    const good = wish.transportWith()
    setTransport(offline)
    renderPage(<MinePage />)
    expect(await screen.findByText('网络不太顺畅，请检查网络后重试')).toBeTruthy()
    setTransport(good)
    await tap('重试')
    expect(await screen.findByText('您还没有发布过心愿')).toBeTruthy()
  })

  it('reloads when shown again and on pull-down', async () => {
    const nav = stubNavigation()
    const { wish } = useFakeWish('r1')
    wish.addUser({ openid: 'r1' })
    renderPage(<MinePage />)
    await screen.findByText('您还没有发布过心愿')
    await act(async () => globalThis.firePageEvent('componentDidShow')) // the first show
    wish.addWish({ id: 'a', openid: 'r1', title: '新心愿', status: 'pending_review' })
    await act(async () => globalThis.firePageEvent('componentDidShow'))
    expect(await screen.findByText('新心愿')).toBeTruthy()
    await act(async () => globalThis.firePageEvent('onPullDownRefresh'))
    await waitFor(() => expect(nav.stopPullDownRefresh).toHaveBeenCalled())
  })
})

describe('my claims', () => {
  it('lists my claims and flags overdue ones', async () => {
    stubNavigation()
    const { wish } = useFakeWish('v1')
    wish.addUser({ openid: 'v1', roles: ['resident', 'volunteer'] })
    wish.addWish({ id: 'a', title: '按时的', status: 'claimed', claim: { openid: 'v1', claimantName: '王', promisedBy: '2099-01-01', claimedAt: '2026-11-20T00:00:00.000Z' } })
    wish.addWish({ id: 'b', title: '逾期的', status: 'claimed', claim: { openid: 'v1', claimantName: '王', promisedBy: '2026-11-01', claimedAt: '2026-10-20T00:00:00.000Z' } })
    wish.addWish({ id: 'c', title: '别人认领的', status: 'claimed', claim: { openid: 'v2', claimantName: '李', promisedBy: '2099-01-01', claimedAt: '2026-11-20T00:00:00.000Z' } })
    renderPage(<ClaimsPage />)
    expect(await screen.findByText('按时的')).toBeTruthy()
    const cards = screen.getAllByTestId('wish-card')
    expect(cards).toHaveLength(2)
    const overdue = cards.find((c) => c.textContent!.includes('逾期的'))!
    expect(overdue.textContent).toContain('已逾期')
    expect(cards.find((c) => c.textContent!.includes('按时的'))!.textContent).not.toContain('已逾期')
  })

  it('empty state', async () => {
    stubNavigation()
    const { wish } = useFakeWish('v1')
    wish.addUser({ openid: 'v1', roles: ['resident', 'volunteer'] })
    renderPage(<ClaimsPage />)
    expect(await screen.findByText('您还没有认领过心愿')).toBeTruthy()
  })
})
