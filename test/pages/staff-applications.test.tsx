import { act } from '@testing-library/react'
import ApplicationsPage from '@/packages/staff/pages/applications'
import { setTransport } from '@/services/cloud'
import { hanging, offline, renderPage, screen, stubModal, stubNavigation, tap, useFake, waitFor } from './helpers'
import type { FakeUserFunction } from './fakeUser'

function staff(): FakeUserFunction {
  const fake = useFake('s1')
  fake.addUser({ openid: 's1', nickname: '陈社工', roles: ['resident', 'staff'], staffCommunityIds: ['junmen', 'qingcheng'] })
  return fake
}

describe('staff application queue', () => {
  let nav: ReturnType<typeof stubNavigation>
  beforeEach(() => {
    nav = stubNavigation()
  })

  it('lists pending applications with name, phone as returned, skills, community and date', async () => {
    const fake = staff()
    fake.addApplication({ id: 'a1', openid: 'p1', realName: '王小明', phone: '138****5678', skills: ['陪伴聊天', '跑腿代办'], createdAt: '2026-11-20T02:00:00.000Z' })
    fake.addApplication({ id: 'a2', openid: 'p2', realName: '李红', communityId: 'qingcheng', communityName: '庆城社区' })
    fake.addApplication({ id: 'a3', openid: 'p3', realName: '已通过的人', status: 'approved' })
    renderPage(<ApplicationsPage />)
    expect(await screen.findByText('王小明')).toBeTruthy()
    expect(screen.getByText('手机：138****5678')).toBeTruthy()
    expect(screen.getByText('跑腿代办')).toBeTruthy()
    expect(screen.getByText('庆城社区')).toBeTruthy()
    expect(screen.getAllByText('申请日期：2026年11月20日').length).toBeGreaterThan(0)
    expect(screen.queryByText('已通过的人')).toBeNull()
    expect(fake.eventsFor('listApplications')[0].input).toEqual({ status: 'pending', page: 1, pageSize: 20 })
  })

  it('approves only after confirmation', async () => {
    const fake = staff()
    fake.addApplication({ id: 'a1', openid: 'p1', realName: '王小明' })
    const modal = stubModal({ confirm: false }, { confirm: true })
    renderPage(<ApplicationsPage />)
    await screen.findByText('王小明')
    await tap('通过')
    expect(modal).toHaveBeenCalledTimes(1)
    expect(modal.mock.calls[0][0]).toMatchObject({ content: '确定通过 王小明 的志愿者申请吗？' })
    expect(fake.eventsFor('reviewApplication')).toHaveLength(0)

    await tap('通过')
    await waitFor(() => expect(fake.eventsFor('reviewApplication')).toHaveLength(1))
    expect(fake.eventsFor('reviewApplication')[0].input).toEqual({ applicationId: 'a1', decision: 'approve' })
    expect(fake.apps[0].status).toBe('approved')
    await waitFor(() => expect(screen.queryByText('王小明')).toBeNull())
    expect(screen.getByText('暂无待审核的申请')).toBeTruthy()
  })

  it('rejects with a required reason (h5: prompt)', async () => {
    const fake = staff()
    fake.addApplication({ id: 'a1', openid: 'p1', realName: '王小明' })
    const modal = stubModal()
    const prompt = jest.spyOn(window, 'prompt').mockReturnValueOnce('   ').mockReturnValueOnce('电话无法接通')
    renderPage(<ApplicationsPage />)
    await screen.findByText('王小明')

    await tap('不通过') // empty reason: refused locally
    await waitFor(() => expect(modal).toHaveBeenCalledWith(expect.objectContaining({ content: '请填写不通过的原因' })))
    expect(fake.eventsFor('reviewApplication')).toHaveLength(0)

    await tap('不通过')
    await waitFor(() => expect(fake.eventsFor('reviewApplication')).toHaveLength(1))
    expect(prompt).toHaveBeenCalledTimes(2)
    expect(fake.eventsFor('reviewApplication')[0].input).toEqual({ applicationId: 'a1', decision: 'reject', reason: '电话无法接通' })
    expect(fake.apps[0]).toMatchObject({ status: 'rejected', reason: '电话无法接通' })
  })

  it('rejects with a reason from showModal editable:true on weapp', async () => {
    const prev = process.env.TARO_ENV
    process.env.TARO_ENV = 'weapp'
    try {
      const fake = staff()
      fake.addApplication({ id: 'a1', openid: 'p1', realName: '王小明' })
      const modal = stubModal({ confirm: true, content: '  不在本社区居住 ' })
      renderPage(<ApplicationsPage />)
      await screen.findByText('王小明')
      await tap('不通过')
      await waitFor(() => expect(fake.eventsFor('reviewApplication')).toHaveLength(1))
      expect(modal.mock.calls[0][0]).toMatchObject({ editable: true })
      expect(fake.eventsFor('reviewApplication')[0].input).toMatchObject({ decision: 'reject', reason: '不在本社区居住' })
    } finally {
      process.env.TARO_ENV = prev
    }
  })

  it('shows a refusal (e.g. out of scope) in Chinese and keeps the card', async () => {
    const fake = staff()
    fake.addApplication({ id: 'a1', openid: 'p1', realName: '王小明' })
    fake.refusals.set('reviewApplication', 'SCOPE_DENIED')
    const modal = stubModal({ confirm: true }, { confirm: true })
    renderPage(<ApplicationsPage />)
    await screen.findByText('王小明')
    await tap('通过')
    await waitFor(() => expect(modal).toHaveBeenCalledTimes(2))
    expect(modal.mock.calls[1][0]).toMatchObject({ content: '您只能管理自己负责的社区' })
    expect(screen.getByText('王小明')).toBeTruthy()
  })

  it('switches status tabs', async () => {
    const fake = staff()
    fake.addApplication({ id: 'a1', openid: 'p1', realName: '待审的人' })
    fake.addApplication({ id: 'a2', openid: 'p2', realName: '被拒的人', status: 'rejected', reason: '信息不全' })
    renderPage(<ApplicationsPage />)
    await screen.findByText('待审的人')
    await tap('未通过')
    expect(await screen.findByText('被拒的人')).toBeTruthy()
    expect(screen.getByText('原因：信息不全')).toBeTruthy()
    expect(screen.queryByText('待审的人')).toBeNull()
    expect(fake.eventsFor('listApplications').map((e) => (e.input as { status: string }).status)).toEqual(['pending', 'rejected'])
  })

  it('loads more pages (button and reach-bottom) and pull-to-refresh restarts at page 1', async () => {
    const fake = staff()
    for (let i = 1; i <= 45; i++) fake.addApplication({ id: `a${i}`, openid: `p${i}`, realName: `申请人${i}` })
    const { container } = renderPage(<ApplicationsPage />)
    await screen.findByText('申请人1')
    expect(container.querySelectorAll('[data-testid=application]')).toHaveLength(20)
    await tap('加载更多')
    await waitFor(() => expect(container.querySelectorAll('[data-testid=application]')).toHaveLength(40))
    await act(async () => globalThis.firePageEvent('onReachBottom'))
    await waitFor(() => expect(container.querySelectorAll('[data-testid=application]')).toHaveLength(45))
    expect(screen.getByText('没有更多了')).toBeTruthy()
    expect(fake.eventsFor('listApplications').map((e) => (e.input as { page: number }).page)).toEqual([1, 2, 3])

    await act(async () => globalThis.firePageEvent('onPullDownRefresh'))
    await waitFor(() => expect(nav.stopPullDownRefresh).toHaveBeenCalled())
    expect(container.querySelectorAll('[data-testid=application]')).toHaveLength(20)
    expect((fake.eventsFor('listApplications').pop()!.input as { page: number }).page).toBe(1)
  })

  it('shows loading, empty and error states (a resident is refused)', async () => {
    staff()
    setTransport(hanging)
    const first = renderPage(<ApplicationsPage />)
    expect(await screen.findByText('正在加载…')).toBeTruthy()
    first.unmount()

    staff()
    const second = renderPage(<ApplicationsPage />)
    expect(await screen.findByText('暂无待审核的申请')).toBeTruthy()
    second.unmount()

    const resident = useFake('r1')
    resident.addUser({ openid: 'r1' })
    const third = renderPage(<ApplicationsPage />)
    expect(await screen.findByText('您没有进行此操作的权限')).toBeTruthy()
    third.unmount()

    const fake = staff()
    fake.addApplication({ id: 'a1', openid: 'p1', realName: '王小明' })
    setTransport(offline)
    renderPage(<ApplicationsPage />)
    expect(await screen.findByText('网络不太顺畅，请检查网络后重试')).toBeTruthy()
    setTransport(fake.transport)
    await tap('重试')
    expect(await screen.findByText('王小明')).toBeTruthy()
  })
})
