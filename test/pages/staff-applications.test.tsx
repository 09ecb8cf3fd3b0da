import { act } from '@testing-library/react'
import ApplicationsPage from '@/packages/staff/pages/applications'
import { countIs, gone, renderPage, screen, stubModal, stubNavigation, tap, setupBackend, waitFor } from './helpers'
import { applicant } from './stage'

const backend = setupBackend()

/** The seeded pending application: 王晓梅 of 庆城社区 (demo-applicant). */
const SEEDED = 'app-demo-applicant'

describe('staff application queue', () => {
  let nav: ReturnType<typeof stubNavigation>
  beforeEach(() => {
    nav = stubNavigation()
    backend.as('demo-staff') // 郑社工, staff of 军门 and 庆城
  })

  it('lists pending applications with name, phone, skills, community and date', async () => {
    const { openid } = await applicant(backend, '王小明')
    await backend.call('demo-staff', 'user', 'reviewApplication', { applicationId: (await backend.call(openid, 'user', 'me', {})).application!.id, decision: 'approve' })
    await applicant(backend, '李红')
    renderPage(<ApplicationsPage />)
    expect(await screen.findByText('王晓梅')).toBeTruthy()
    expect(screen.getByText('李红')).toBeTruthy()
    expect(screen.queryByText('王小明')).toBeNull() // approved, not pending
    expect(screen.getByText('手机：13900139002')).toBeTruthy() // staff in scope see the phone
    expect(screen.getByText('课业辅导')).toBeTruthy()
    expect(screen.getByText('庆城社区')).toBeTruthy()
    for (const el of screen.getAllByText(/^申请日期：/)) expect(el.textContent).toMatch(/^申请日期：\d{4}年\d{1,2}月\d{1,2}日$/)
    expect(backend.eventsFor('listApplications')[0].input).toEqual({ status: 'pending', page: 1, pageSize: 20 })
  })

  it('approves only after confirmation', async () => {
    const modal = stubModal({ confirm: false }, { confirm: true })
    renderPage(<ApplicationsPage />)
    await screen.findByText('王晓梅')
    await tap('通过')
    expect(modal).toHaveBeenCalledTimes(1)
    expect(modal.mock.calls[0][0]).toMatchObject({ content: '确定通过 王晓梅 的志愿者申请吗？' })
    expect(backend.eventsFor('reviewApplication')).toHaveLength(0)

    await tap('通过')
    await waitFor(() => expect(backend.eventsFor('reviewApplication')).toHaveLength(1))
    expect(backend.eventsFor('reviewApplication')[0].input).toEqual({ applicationId: SEEDED, decision: 'approve' })
    await gone('王晓梅')
    expect(screen.getByText('暂无待审核的申请')).toBeTruthy()
    expect((await backend.call('demo-applicant', 'user', 'me', {})).volunteerStatus).toBe('approved')
  })

  it('rejects with a required reason (h5: prompt)', async () => {
    const modal = stubModal()
    const prompt = jest.spyOn(window, 'prompt').mockReturnValueOnce('   ').mockReturnValueOnce('电话无法接通')
    renderPage(<ApplicationsPage />)
    await screen.findByText('王晓梅')

    await tap('不通过') // empty reason: refused locally
    await waitFor(() => expect(modal).toHaveBeenCalledWith(expect.objectContaining({ content: '请填写不通过的原因' })))
    expect(backend.eventsFor('reviewApplication')).toHaveLength(0)

    await tap('不通过')
    await waitFor(() => expect(backend.eventsFor('reviewApplication')).toHaveLength(1))
    expect(prompt).toHaveBeenCalledTimes(2)
    expect(backend.eventsFor('reviewApplication')[0].input).toEqual({ applicationId: SEEDED, decision: 'reject', reason: '电话无法接通' })
    await waitFor(async () => expect((await backend.call('demo-applicant', 'user', 'me', {})).application).toMatchObject({ status: 'rejected', reason: '电话无法接通' }))
  })

  it('rejects with a reason from showModal editable:true on weapp', async () => {
    const prev = process.env.TARO_ENV
    process.env.TARO_ENV = 'weapp'
    try {
      const modal = stubModal({ confirm: true, content: '  不在本社区居住 ' })
      renderPage(<ApplicationsPage />)
      await screen.findByText('王晓梅')
      await tap('不通过')
      await waitFor(() => expect(backend.eventsFor('reviewApplication')).toHaveLength(1))
      expect(modal.mock.calls[0][0]).toMatchObject({ editable: true })
      expect(backend.eventsFor('reviewApplication')[0].input).toMatchObject({ decision: 'reject', reason: '不在本社区居住' })
    } finally {
      process.env.TARO_ENV = prev
    }
  })

  it('shows a refusal (out of scope since the admin took 庆城 away) in Chinese and keeps the card', async () => {
    const modal = stubModal({ confirm: true }, { confirm: true })
    renderPage(<ApplicationsPage />)
    await screen.findByText('王晓梅')
    await backend.call('demo-admin', 'user', 'revokeStaff', { openid: 'demo-staff', communityIds: ['qingcheng'] })
    await tap('通过')
    await waitFor(() => expect(modal).toHaveBeenCalledTimes(2))
    expect(modal.mock.calls[1][0]).toMatchObject({ content: '您只能管理自己负责的社区' })
    expect(screen.getByText('王晓梅')).toBeTruthy()
  })

  it('switches status tabs', async () => {
    const { application } = await applicant(backend, '被拒的人')
    await backend.call('demo-staff', 'user', 'reviewApplication', { applicationId: application.id, decision: 'reject', reason: '信息不全' })
    renderPage(<ApplicationsPage />)
    await screen.findByText('王晓梅')
    await tap('未通过')
    expect(await screen.findByText('被拒的人')).toBeTruthy()
    expect(screen.getByText('原因：信息不全')).toBeTruthy()
    expect(screen.queryByText('王晓梅')).toBeNull()
    expect(backend.eventsFor('listApplications').map((e) => (e.input as { status: string }).status)).toEqual(['pending', 'rejected'])
  })

  it('loads more pages (button and reach-bottom) and pull-to-refresh restarts at page 1', async () => {
    for (let i = 1; i <= 44; i++) await applicant(backend, `申请人${i}`) // 45 pending with 王晓梅
    const { container } = renderPage(<ApplicationsPage />)
    await countIs(container, '[data-testid=application]', 20)
    await tap('加载更多')
    await countIs(container, '[data-testid=application]', 40)
    await act(async () => globalThis.firePageEvent('onReachBottom'))
    await countIs(container, '[data-testid=application]', 45)
    expect(screen.getByText('没有更多了')).toBeTruthy()
    expect(new Set(Array.from(container.querySelectorAll('[data-testid=application]'), (el) => el.textContent)).size).toBe(45)
    expect(backend.eventsFor('listApplications').map((e) => (e.input as { page: number }).page)).toEqual([1, 2, 3])

    await act(async () => globalThis.firePageEvent('onPullDownRefresh'))
    await waitFor(() => expect(nav.stopPullDownRefresh).toHaveBeenCalled())
    expect(container.querySelectorAll('[data-testid=application]').length).toBe(20)
    expect((backend.eventsFor('listApplications').pop()!.input as { page: number }).page).toBe(1)
  })

  it('shows loading, empty and error states (a resident is refused)', async () => {
    backend.hang()
    const first = renderPage(<ApplicationsPage />)
    expect(await screen.findByText('正在加载…')).toBeTruthy()
    first.unmount()
    backend.online()

    backend.as('demo-staff-tangmen') // nobody applied in 汤门
    const second = renderPage(<ApplicationsPage />)
    expect(await screen.findByText('暂无待审核的申请')).toBeTruthy()
    second.unmount()

    backend.as('demo-resident')
    const third = renderPage(<ApplicationsPage />)
    expect(await screen.findByText('您没有进行此操作的权限')).toBeTruthy()
    third.unmount()

    backend.as('demo-staff')
    backend.offline()
    renderPage(<ApplicationsPage />)
    expect(await screen.findByText('网络不太顺畅，请检查网络后重试')).toBeTruthy()
    backend.online()
    await tap('重试')
    expect(await screen.findByText('王晓梅')).toBeTruthy()
  })
})
