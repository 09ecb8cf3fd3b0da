import WishQueuePage from '@/packages/staff/pages/wishes'
import WishStatsPage from '@/packages/staff/pages/wish-stats'
import { setTransport } from '@/services/cloud'
import { act, renderPage, screen, stubModal, stubNavigation, tap, waitFor } from './helpers'
import { offline, useFakeWish } from './fakeHelpers'

function staff() {
  const f = useFakeWish('s1')
  f.wish.addUser({ openid: 's1', roles: ['resident', 'staff'], staffCommunityIds: ['junmen', 'qingcheng'] })
  return f
}

const claimPast = { openid: 'v1', claimantName: '王志愿', promisedBy: '2026-11-01', claimedAt: '2026-10-20T00:00:00.000Z' }

describe('staff wish queue', () => {
  let nav: ReturnType<typeof stubNavigation>
  beforeEach(() => {
    nav = stubNavigation()
  })

  it('lists wishes waiting for review in my communities only', async () => {
    const { wish } = staff()
    wish.addWish({ id: 'p1', title: '修门锁', status: 'pending_review' })
    wish.addWish({ id: 'p2', title: '庆城的心愿', status: 'pending_review', communityId: 'qingcheng' })
    wish.addWish({ id: 'p3', title: '汤门的心愿', status: 'pending_review', communityId: 'tangmen' })
    wish.addWish({ id: 'o1', title: '已发布的', status: 'open' })
    renderPage(<WishQueuePage />)
    expect(await screen.findByText('修门锁')).toBeTruthy()
    expect(screen.getByText('庆城的心愿')).toBeTruthy()
    expect(screen.queryByText('汤门的心愿')).toBeNull()
    expect(screen.queryByText('已发布的')).toBeNull()
    expect(wish.eventsFor('queue')[0].input).toEqual({ kind: 'pending', page: 1, pageSize: 20 })
  })

  it('approves only after confirmation', async () => {
    const { wish } = staff()
    wish.addWish({ id: 'p1', title: '修门锁', status: 'pending_review' })
    const modal = stubModal({ confirm: false }, { confirm: true })
    renderPage(<WishQueuePage />)
    await screen.findByText('修门锁')
    await tap('通过')
    expect(modal.mock.calls[0][0]).toMatchObject({ title: '通过审核' })
    expect(wish.eventsFor('review')).toHaveLength(0)
    await tap('通过')
    await waitFor(() => expect(wish.eventsFor('review')).toHaveLength(1))
    expect(wish.eventsFor('review')[0].input).toEqual({ wishId: 'p1', decision: 'approve' })
    expect(wish.wishes[0].status).toBe('open')
    await waitFor(() => expect(screen.queryByText('修门锁')).toBeNull())
    expect(screen.getByText('暂无待审核的心愿')).toBeTruthy()
  })

  it('rejects only with a reason (h5: prompt)', async () => {
    const { wish } = staff()
    wish.addWish({ id: 'p1', title: '修门锁', status: 'pending_review' })
    const modal = stubModal()
    const prompt = jest.spyOn(window, 'prompt').mockReturnValueOnce('  ').mockReturnValueOnce(null).mockReturnValueOnce('请写清楚地址')
    renderPage(<WishQueuePage />)
    await screen.findByText('修门锁')
    await tap('不通过') // empty: refused locally
    await waitFor(() => expect(modal).toHaveBeenCalledWith(expect.objectContaining({ content: '请填写不通过的原因' })))
    await tap('不通过') // cancelled
    expect(wish.eventsFor('review')).toHaveLength(0)
    await tap('不通过')
    await waitFor(() => expect(wish.eventsFor('review')).toHaveLength(1))
    expect(prompt).toHaveBeenCalledTimes(3)
    expect(wish.eventsFor('review')[0].input).toEqual({ wishId: 'p1', decision: 'reject', reason: '请写清楚地址' })
    expect(wish.wishes[0]).toMatchObject({ status: 'rejected', reason: '请写清楚地址' })
  })

  it('rejects with a reason from showModal editable:true on weapp', async () => {
    const prev = process.env.TARO_ENV
    process.env.TARO_ENV = 'weapp'
    try {
      const { wish } = staff()
      wish.addWish({ id: 'p1', title: '修门锁', status: 'pending_review' })
      const modal = stubModal({ confirm: true, content: ' 内容不清楚 ' })
      renderPage(<WishQueuePage />)
      await screen.findByText('修门锁')
      await tap('不通过')
      await waitFor(() => expect(wish.eventsFor('review')).toHaveLength(1))
      expect(modal.mock.calls[0][0]).toMatchObject({ editable: true })
      expect(wish.eventsFor('review')[0].input).toMatchObject({ decision: 'reject', reason: '内容不清楚' })
    } finally {
      process.env.TARO_ENV = prev
    }
  })

  it('reported tab: hides with a reason after confirmation', async () => {
    const { wish } = staff()
    wish.addWish({ id: 'r1', title: '可疑的心愿', reports: ['a', 'b'] })
    const modal = stubModal({ confirm: false }, { confirm: true })
    jest.spyOn(window, 'prompt').mockReturnValue('广告内容')
    renderPage(<WishQueuePage />)
    await tap('被举报')
    expect(await screen.findByText('被举报 2 次')).toBeTruthy()
    await tap('隐藏')
    await waitFor(() => expect(modal).toHaveBeenCalledTimes(1))
    expect(wish.eventsFor('hide')).toHaveLength(0)
    await tap('隐藏')
    await waitFor(() => expect(wish.eventsFor('hide')).toHaveLength(1))
    expect(wish.eventsFor('hide')[0].input).toEqual({ wishId: 'r1', reason: '广告内容' })
    expect(wish.wishes[0].status).toBe('hidden')
    expect(wish.eventsFor('queue').map((e) => (e.input as { kind: string }).kind)).toEqual(['pending', 'reported'])
  })

  it('overdue tab: flags and releases with a reason after confirmation', async () => {
    const { wish } = staff()
    wish.addWish({ id: 'c1', title: '逾期的心愿', status: 'claimed', claim: claimPast })
    stubModal({ confirm: true })
    jest.spyOn(window, 'prompt').mockReturnValue('志愿者联系不上')
    renderPage(<WishQueuePage />)
    await tap('认领逾期')
    expect(await screen.findByText('逾期的心愿')).toBeTruthy()
    expect(screen.getByText('已逾期')).toBeTruthy()
    await tap('释放认领')
    await waitFor(() => expect(wish.eventsFor('release')).toHaveLength(1))
    expect(wish.eventsFor('release')[0].input).toEqual({ wishId: 'c1', reason: '志愿者联系不上' })
    expect(wish.wishes[0].status).toBe('open')
    await waitFor(() => expect(screen.getByText('暂无逾期的认领')).toBeTruthy())
  })

  it('shows a refusal in Chinese and keeps the card', async () => {
    const { wish } = staff()
    wish.addWish({ id: 'p1', title: '修门锁', status: 'pending_review' })
    wish.refusals.set('review', 'SCOPE_DENIED')
    const modal = stubModal({ confirm: true }, { confirm: true })
    renderPage(<WishQueuePage />)
    await tap('通过')
    await waitFor(() => expect(modal).toHaveBeenCalledTimes(2))
    expect(modal.mock.calls[1][0]).toMatchObject({ content: '您只能管理自己负责的社区' })
    expect(screen.getByText('修门锁')).toBeTruthy()
  })

  it('opens the detail, loads more, and refreshes', async () => {
    const { wish } = staff()
    for (let i = 1; i <= 25; i++) wish.addWish({ id: `p${i}`, title: `待审${i}`, status: 'pending_review' })
    renderPage(<WishQueuePage />)
    await screen.findByText('待审1')
    expect(screen.getAllByTestId('queue-wish')).toHaveLength(20)
    await act(async () => globalThis.firePageEvent('onReachBottom'))
    await waitFor(() => expect(screen.getAllByTestId('queue-wish')).toHaveLength(25))
    await act(async () => {
      screen.getAllByText('查看详情')[0].click()
    })
    expect(nav.navigateTo).toHaveBeenCalledWith({ url: '/packages/wish/pages/detail/index?id=p1' })
    await act(async () => globalThis.firePageEvent('onPullDownRefresh'))
    await waitFor(() => expect(nav.stopPullDownRefresh).toHaveBeenCalled())
  })

  it('shows the error and retries; non-staff see the refusal', async () => {
    const { wish } = staff()
    wish.addWish({ id: 'p1', title: '修门锁', status: 'pending_review' })
    const good = wish.transportWith()
    setTransport(offline)
    renderPage(<WishQueuePage />)
    expect(await screen.findByText('网络不太顺畅，请检查网络后重试')).toBeTruthy()
    setTransport(good)
    await tap('重试')
    expect(await screen.findByText('修门锁')).toBeTruthy()
  })

  it('a resident is refused', async () => {
    const f = useFakeWish('r1')
    f.wish.addUser({ openid: 'r1' })
    renderPage(<WishQueuePage />)
    expect(await screen.findByText('您没有进行此操作的权限')).toBeTruthy()
  })
})

describe('staff wish statistics', () => {
  beforeEach(() => stubNavigation())

  it('shows counts by status, fulfilled in 7/30 days, and medians', async () => {
    const { wish } = staff()
    wish.addWish({ id: 'a', status: 'open' })
    wish.addWish({ id: 'b', status: 'open' })
    wish.addWish({ id: 'c', status: 'pending_review' })
    wish.addWish({ id: 'd', status: 'closed', communityId: 'tangmen' })
    renderPage(<WishStatsPage />)
    expect(await screen.findByText('统计范围：您负责的 2 个社区')).toBeTruthy()
    expect(screen.getByTestId('stat-open').textContent).toBe('待认领2')
    expect(screen.getByTestId('stat-pending_review').textContent).toBe('待审核1')
    expect(screen.getByTestId('stat-closed').textContent).toBe('已圆满0')
    expect(screen.getByText('近7天完成').nextSibling?.textContent).toBe('2')
    expect(screen.getByText('近30天完成').nextSibling?.textContent).toBe('5')
    expect(screen.getByText('1.5 天')).toBeTruthy()
    expect(screen.getByText('暂无数据')).toBeTruthy()
    expect(wish.eventsFor('stats')[0].input).toEqual({})
  })

  it('shows the error and retries', async () => {
    const { wish } = staff()
    const good = wish.transportWith()
    setTransport(offline)
    renderPage(<WishStatsPage />)
    expect(await screen.findByText('网络不太顺畅，请检查网络后重试')).toBeTruthy()
    setTransport(good)
    await tap('重试')
    expect(await screen.findByText('近7天完成')).toBeTruthy()
  })
})
