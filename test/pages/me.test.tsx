import { act, fireEvent } from '@testing-library/react'
import Taro from '@tarojs/taro'
import MePage from '@/pages/me'
import { renderPage, screen, stubModal, stubNavigation, tap, setupBackend, waitFor } from './helpers'

const backend = setupBackend()

describe('me page', () => {
  let nav: ReturnType<typeof stubNavigation>
  beforeEach(() => {
    nav = stubNavigation()
  })

  it('shows profile, roles as badges and the apply button for a resident', async () => {
    backend.as('demo-resident')
    renderPage(<MePage />)
    expect(await screen.findByText('林阿姨')).toBeTruthy()
    expect(screen.getByText('社区：军门社区')).toBeTruthy()
    expect(screen.getByText('网格：第一网格')).toBeTruthy()
    expect(screen.getByText('居民').className).toContain('hm-badge')
    expect(screen.queryByText('志愿者申请审核')).toBeNull()
    await tap('申请成为志愿者')
    expect(nav.navigateTo).toHaveBeenCalledWith({ url: '/packages/user/pages/apply/index' })
  })

  it('shows staff the link to the application queue, and volunteers their status', async () => {
    // The district admin makes a volunteer a staff member of 军门 too.
    await backend.call('demo-admin', 'user', 'grantStaff', { openid: 'demo-volunteer', communityIds: ['junmen'] })
    backend.as('demo-volunteer')
    renderPage(<MePage />)
    expect(await screen.findByText('社工/网格员')).toBeTruthy()
    expect(screen.getByText('已成为志愿者')).toBeTruthy()
    await tap('志愿者申请审核')
    expect(nav.navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/pages/applications/index' })
  })

  it('shows a rejected application with its reason and offers to apply again', async () => {
    await backend.call('demo-staff', 'user', 'reviewApplication', { applicationId: 'app-demo-applicant', decision: 'reject', reason: '手机号无法接通' })
    backend.as('demo-applicant')
    renderPage(<MePage />)
    expect(await screen.findByText('未通过')).toBeTruthy()
    expect(screen.getByText('原因：手机号无法接通')).toBeTruthy()
    expect(screen.getByText('重新申请')).toBeTruthy()
  })

  it('withdraws a pending application only after confirmation', async () => {
    backend.as('demo-applicant')
    const modal = stubModal({ confirm: false }, { confirm: true })
    renderPage(<MePage />)
    expect(await screen.findByText('审核中')).toBeTruthy()

    await tap('撤回申请') // cancelled
    expect(modal).toHaveBeenCalledTimes(1)
    expect(backend.eventsFor('withdrawApplication')).toHaveLength(0)

    await tap('撤回申请') // confirmed
    await waitFor(() => expect(backend.eventsFor('withdrawApplication')).toHaveLength(1))
    expect(backend.eventsFor('withdrawApplication')[0].input).toEqual({ applicationId: 'app-demo-applicant' })
    expect(await screen.findByText('申请成为志愿者')).toBeTruthy()
    expect((await backend.call('demo-applicant', 'user', 'me', {})).volunteerStatus).toBe('none')
  })

  it('shows the refusal message when withdrawing fails (approved meanwhile)', async () => {
    backend.as('demo-applicant')
    const modal = stubModal({ confirm: true }, { confirm: true })
    renderPage(<MePage />)
    await screen.findByText('审核中')
    await backend.call('demo-staff', 'user', 'reviewApplication', { applicationId: 'app-demo-applicant', decision: 'approve' })
    await tap('撤回申请')
    await waitFor(() => expect(modal).toHaveBeenCalledTimes(2))
    expect(modal.mock.calls[1][0]).toMatchObject({ content: '只有审核中的申请可以撤回' })
  })

  it('the large-font switch enlarges the page, is kept locally and saved to the profile', async () => {
    backend.as('demo-volunteer')
    const { container } = renderPage(<MePage />)
    await screen.findByText('陈志远')
    const root = container.querySelector('.hm-page')!
    expect(root.classList.contains('hm-large')).toBe(false)
    const input = await waitFor(() => {
      const el = container.querySelector('taro-switch-core input') as HTMLInputElement | null
      if (!el) throw new Error('switch not rendered yet')
      return el
    })
    await act(async () => {
      fireEvent.click(input)
    })
    await waitFor(() => expect(container.querySelector('.hm-page')!.classList.contains('hm-large')).toBe(true))
    expect(Taro.getStorageSync('hemei.largeFont')).toBe('1')
    await waitFor(() => expect(backend.eventsFor('updateProfile')).toHaveLength(1))
    expect(backend.eventsFor('updateProfile')[0].input).toEqual({ largeFont: true })
    await waitFor(async () => expect((await backend.call('demo-volunteer', 'user', 'me', {})).largeFont).toBe(true))
  })

  it('asks a new user to sign up', async () => {
    backend.as('dev-new-me')
    renderPage(<MePage />)
    expect(await screen.findByText('您还没有注册')).toBeTruthy()
    await tap('立即注册')
    expect(nav.navigateTo).toHaveBeenCalledWith({ url: '/packages/user/pages/signup/index' })
  })

  it('shows loading, then an error with retry', async () => {
    backend.as('demo-resident')
    backend.hang()
    const { unmount } = renderPage(<MePage />)
    expect(await screen.findByText('正在加载…')).toBeTruthy()
    unmount()

    backend.online()
    backend.as('demo-resident')
    backend.offline()
    renderPage(<MePage />)
    expect(await screen.findByText('网络不太顺畅，请检查网络后重试')).toBeTruthy()
    backend.online()
    await tap('重试')
    expect(await screen.findByText('林阿姨')).toBeTruthy()
  })
})
