import WishQueuePage from '@/packages/staff/pages/wishes'
import WishStatsPage from '@/packages/staff/pages/wish-stats'
import { act, countIs, gone, renderPage, screen, stubModal, stubNavigation, tap, setupBackend, waitFor } from './helpers'
import { claimedWish, manyOpenWishes, postWish, signUp } from './stage'

const backend = setupBackend()

// 郑社工 (demo-staff) looks after 军门 and 庆城. The demo seed has 电风扇不转了 (庆城) waiting for review and
// 代取慢性病药 (庆城) claimed by 陈志远 and overdue.

describe('staff wish queue', () => {
  let nav: ReturnType<typeof stubNavigation>
  beforeEach(() => {
    nav = stubNavigation()
    backend.as('demo-staff')
  })

  it('lists wishes waiting for review in my communities only', async () => {
    await postWish(backend, { title: '修门锁' })
    await postWish(backend, { title: '汤门的心愿' }, await signUp(backend, { communityId: 'tangmen' }))
    renderPage(<WishQueuePage />)
    expect(await screen.findByText('修门锁')).toBeTruthy()
    expect(screen.getByText('电风扇不转了')).toBeTruthy()
    expect(screen.queryByText('汤门的心愿')).toBeNull()
    expect(screen.queryByText('帮忙修理门锁')).toBeNull() // published already
    expect(backend.eventsFor('queue')[0].input).toEqual({ kind: 'pending', page: 1, pageSize: 20 })
  })

  it('approves only after confirmation', async () => {
    const modal = stubModal({ confirm: false }, { confirm: true })
    renderPage(<WishQueuePage />)
    await screen.findByText('电风扇不转了')
    await tap('通过')
    expect(modal.mock.calls[0][0]).toMatchObject({ title: '通过审核' })
    expect(backend.eventsFor('review')).toHaveLength(0)
    await tap('通过')
    await waitFor(() => expect(backend.eventsFor('review')).toHaveLength(1))
    expect(backend.eventsFor('review')[0].input).toEqual({ wishId: 'wish-demo-fan', decision: 'approve' })
    await gone('电风扇不转了')
    expect(await screen.findByText('暂无待审核的心愿')).toBeTruthy()
    expect((await backend.call('demo-staff', 'wish', 'detail', { wishId: 'wish-demo-fan' })).status).toBe('open')
  })

  it('rejects only with a reason (h5: prompt)', async () => {
    const modal = stubModal()
    const prompt = jest.spyOn(window, 'prompt').mockReturnValueOnce('  ').mockReturnValueOnce(null).mockReturnValueOnce('请写清楚地址')
    renderPage(<WishQueuePage />)
    await screen.findByText('电风扇不转了')
    await tap('不通过') // empty: refused locally
    await waitFor(() => expect(modal).toHaveBeenCalledWith(expect.objectContaining({ content: '请填写不通过的原因' })))
    await tap('不通过') // cancelled
    expect(backend.eventsFor('review')).toHaveLength(0)
    await tap('不通过')
    await waitFor(() => expect(backend.eventsFor('review')).toHaveLength(1))
    expect(prompt).toHaveBeenCalledTimes(3)
    expect(backend.eventsFor('review')[0].input).toEqual({ wishId: 'wish-demo-fan', decision: 'reject', reason: '请写清楚地址' })
    await backend.settled()
    expect(await backend.call('demo-staff', 'wish', 'detail', { wishId: 'wish-demo-fan' })).toMatchObject({ status: 'rejected', reason: '请写清楚地址' })
  })

  it('rejects with a reason from showModal editable:true on weapp', async () => {
    const prev = process.env.TARO_ENV
    process.env.TARO_ENV = 'weapp'
    try {
      const modal = stubModal({ confirm: true, content: ' 内容不清楚 ' })
      renderPage(<WishQueuePage />)
      await screen.findByText('电风扇不转了')
      await tap('不通过')
      await waitFor(() => expect(backend.eventsFor('review')).toHaveLength(1))
      expect(modal.mock.calls[0][0]).toMatchObject({ editable: true })
      expect(backend.eventsFor('review')[0].input).toMatchObject({ decision: 'reject', reason: '内容不清楚' })
      await backend.settled()
    } finally {
      process.env.TARO_ENV = prev
    }
  })

  it('reported tab: hides with a reason after confirmation', async () => {
    for (const who of ['demo-volunteer', 'demo-volunteer-2']) await backend.call(who, 'wish', 'report', { wishId: 'wish-demo-lock', reason: '像是广告' })
    const modal = stubModal({ confirm: false }, { confirm: true })
    jest.spyOn(window, 'prompt').mockReturnValue('广告内容')
    renderPage(<WishQueuePage />)
    await tap('被举报')
    expect(await screen.findByText('被举报 2 次')).toBeTruthy()
    expect(screen.getByText('帮忙修理门锁')).toBeTruthy()
    await tap('隐藏')
    await waitFor(() => expect(modal).toHaveBeenCalledTimes(1))
    expect(backend.eventsFor('hide')).toHaveLength(0)
    await tap('隐藏')
    await waitFor(() => expect(backend.eventsFor('hide')).toHaveLength(1))
    expect(backend.eventsFor('hide')[0].input).toEqual({ wishId: 'wish-demo-lock', reason: '广告内容' })
    await backend.settled()
    expect((await backend.call('demo-staff', 'wish', 'detail', { wishId: 'wish-demo-lock' })).status).toBe('hidden')
    expect(
      backend
        .eventsFor('queue')
        .map((e) => (e.input as { kind: string }).kind)
        .slice(0, 2),
    ).toEqual(['pending', 'reported'])
  })

  it('overdue tab: flags and releases with a reason after confirmation', async () => {
    stubModal({ confirm: true })
    jest.spyOn(window, 'prompt').mockReturnValue('志愿者联系不上')
    renderPage(<WishQueuePage />)
    await tap('认领逾期')
    expect(await screen.findByText('代取慢性病药')).toBeTruthy()
    expect(screen.getByText('已逾期')).toBeTruthy()
    await tap('释放认领')
    await waitFor(() => expect(backend.eventsFor('release')).toHaveLength(1))
    expect(backend.eventsFor('release')[0].input).toEqual({ wishId: 'wish-demo-medicine', reason: '志愿者联系不上' })
    expect(await screen.findByText('暂无逾期的认领')).toBeTruthy()
    expect((await backend.call('demo-staff', 'wish', 'detail', { wishId: 'wish-demo-medicine' })).status).toBe('open')
  })

  it('release tab: the claims wishers asked to release, with their reason; staff release them', async () => {
    const id = await claimedWish(backend, { fields: { title: '请人帮忙换灯泡' } })
    await backend.call('demo-resident', 'wish', 'requestRelease', { wishId: id, reason: '认领人一直联系不上' })
    stubModal({ confirm: true })
    jest.spyOn(window, 'prompt').mockReturnValue('核实后释放')
    renderPage(<WishQueuePage />)
    await tap('申请释放')
    expect(await screen.findByText('请人帮忙换灯泡')).toBeTruthy()
    expect(screen.getByText('原因：认领人一直联系不上')).toBeTruthy()
    await tap('释放认领')
    await waitFor(() => expect(backend.eventsFor('release')).toHaveLength(1))
    expect(backend.eventsFor('release')[0].input).toEqual({ wishId: id, reason: '核实后释放' })
    expect(await screen.findByText('暂无释放认领的申请')).toBeTruthy()
  })

  it('shows a refusal (the admin took 庆城 away meanwhile) in Chinese and keeps the card', async () => {
    const modal = stubModal({ confirm: true }, { confirm: true })
    renderPage(<WishQueuePage />)
    await screen.findByText('电风扇不转了')
    await backend.call('demo-admin', 'user', 'revokeStaff', { openid: 'demo-staff', communityIds: ['qingcheng'] })
    await tap('通过')
    await waitFor(() => expect(modal).toHaveBeenCalledTimes(2))
    expect(modal.mock.calls[1][0]).toMatchObject({ content: '您只能管理自己负责的社区' })
    expect(screen.getByText('电风扇不转了')).toBeTruthy()
  })

  it('opens the detail, loads more, and refreshes', async () => {
    const ids: string[] = []
    for (let i = 1; i <= 8; i++) {
      const wisher = await signUp(backend)
      for (let j = 1; j <= 3; j++) ids.push(await postWish(backend, { title: `待审${i}-${j}` }, wisher))
    } // 25 waiting with 电风扇不转了
    const { container } = renderPage(<WishQueuePage />)
    await countIs(container, '[data-testid=queue-wish]', 20)
    await act(async () => globalThis.firePageEvent('onReachBottom'))
    await countIs(container, '[data-testid=queue-wish]', 25)
    await act(async () => {
      screen.getAllByText('查看详情')[0].click()
    })
    const url = (nav.navigateTo.mock.calls[0][0] as { url: string }).url
    expect(url).toMatch(/^\/packages\/wish\/pages\/detail\/index\?id=/)
    expect([...ids, 'wish-demo-fan']).toContain(decodeURIComponent(url.split('=')[1]))
    await act(async () => globalThis.firePageEvent('onPullDownRefresh'))
    await waitFor(() => expect(nav.stopPullDownRefresh).toHaveBeenCalled())
  })

  it('shows the error and retries', async () => {
    backend.offline()
    renderPage(<WishQueuePage />)
    expect(await screen.findByText('网络不太顺畅，请检查网络后重试')).toBeTruthy()
    backend.online()
    await tap('重试')
    expect(await screen.findByText('电风扇不转了')).toBeTruthy()
  })

  it('a resident is refused', async () => {
    backend.as('demo-resident')
    renderPage(<WishQueuePage />)
    expect(await screen.findByText('您没有进行此操作的权限')).toBeTruthy()
  })
})

describe('staff wish statistics', () => {
  beforeEach(() => {
    stubNavigation()
    backend.as('demo-staff')
  })

  it('shows counts by status, fulfilled in 7/30 days, and medians, as the function computes them', async () => {
    await manyOpenWishes(backend, 2, (i) => `新心愿${i}`)
    const s = await backend.call('demo-staff', 'wish', 'stats', {})
    expect(s.byStatus).toMatchObject({ open: 4, pending_review: 1, claimed: 2, fulfilled: 1, closed: 1 }) // the seed and the two above
    const days = (v: number | null) => (v === null ? '暂无数据' : `${Math.round(v * 10) / 10} 天`)
    renderPage(<WishStatsPage />)
    expect(await screen.findByText('统计范围：您负责的 2 个社区')).toBeTruthy()
    expect(screen.getByTestId('stat-open').textContent).toBe('待认领4')
    expect(screen.getByTestId('stat-pending_review').textContent).toBe('待审核1')
    expect(screen.getByTestId('stat-closed').textContent).toBe('已圆满1')
    expect(screen.getByText('近7天完成').nextSibling?.textContent).toBe(String(s.fulfilledLast7Days))
    expect(screen.getByText('近30天完成').nextSibling?.textContent).toBe(String(s.fulfilledLast30Days))
    expect(screen.getByText('发布到认领（中位数）').nextSibling?.textContent).toBe(days(s.medianDaysToClaim))
    expect(screen.getByText('发布到完成（中位数）').nextSibling?.textContent).toBe(days(s.medianDaysToFulfil))
    expect(backend.eventsFor('stats')[0].input).toEqual({})
  })

  it('shows the error and retries', async () => {
    backend.offline()
    renderPage(<WishStatsPage />)
    expect(await screen.findByText('网络不太顺畅，请检查网络后重试')).toBeTruthy()
    backend.online()
    await tap('重试')
    expect(await screen.findByText('近7天完成')).toBeTruthy()
  })
})
