import { act, fireEvent } from '@testing-library/react'
import Taro from '@tarojs/taro'
import MePage from '@/pages/me'
import { setTransport } from '@/services/cloud'
import { hanging, offline, renderPage, screen, stubModal, stubNavigation, tap, useFake, waitFor } from './helpers'

describe('me page', () => {
  let nav: ReturnType<typeof stubNavigation>
  beforeEach(() => {
    nav = stubNavigation()
  })

  it('shows profile, roles as badges and the apply button for a resident', async () => {
    const fake = useFake('u1')
    fake.addUser({ openid: 'u1', nickname: '林阿姨', communityId: 'junmen', gridId: 'junmen-2' })
    renderPage(<MePage />)
    expect(await screen.findByText('林阿姨')).toBeTruthy()
    expect(screen.getByText('社区：军门社区')).toBeTruthy()
    expect(screen.getByText('网格：第二网格')).toBeTruthy()
    expect(screen.getByText('居民').className).toContain('hm-badge')
    expect(screen.queryByText('志愿者申请审核')).toBeNull()
    await tap('申请成为志愿者')
    expect(nav.navigateTo).toHaveBeenCalledWith({ url: '/packages/user/pages/apply/index' })
  })

  it('shows staff the link to the application queue, and volunteers their status', async () => {
    const fake = useFake('s1')
    fake.addUser({ openid: 's1', nickname: '陈社工', roles: ['resident', 'volunteer', 'staff'], staffCommunityIds: ['junmen'] })
    renderPage(<MePage />)
    expect(await screen.findByText('社工/网格员')).toBeTruthy()
    expect(screen.getByText('已成为志愿者')).toBeTruthy()
    await tap('志愿者申请审核')
    expect(nav.navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/pages/applications/index' })
  })

  it('shows a rejected application with its reason and offers to apply again', async () => {
    const fake = useFake('u1')
    fake.addUser({ openid: 'u1' })
    fake.addApplication({ id: 'a1', openid: 'u1', status: 'rejected', reason: '手机号无法接通' })
    renderPage(<MePage />)
    expect(await screen.findByText('未通过')).toBeTruthy()
    expect(screen.getByText('原因：手机号无法接通')).toBeTruthy()
    expect(screen.getByText('重新申请')).toBeTruthy()
  })

  it('withdraws a pending application only after confirmation', async () => {
    const fake = useFake('u1')
    fake.addUser({ openid: 'u1' })
    fake.addApplication({ id: 'a1', openid: 'u1', status: 'pending' })
    const modal = stubModal({ confirm: false }, { confirm: true })
    renderPage(<MePage />)
    expect(await screen.findByText('审核中')).toBeTruthy()

    await tap('撤回申请') // cancelled
    expect(modal).toHaveBeenCalledTimes(1)
    expect(fake.eventsFor('withdrawApplication')).toHaveLength(0)

    await tap('撤回申请') // confirmed
    await waitFor(() => expect(fake.eventsFor('withdrawApplication')).toHaveLength(1))
    expect(fake.eventsFor('withdrawApplication')[0].input).toEqual({ applicationId: 'a1' })
    expect(await screen.findByText('申请成为志愿者')).toBeTruthy()
    expect(fake.apps[0].status).toBe('withdrawn')
  })

  it('shows the refusal message when withdrawing fails', async () => {
    const fake = useFake('u1')
    fake.addUser({ openid: 'u1' })
    fake.addApplication({ id: 'a1', openid: 'u1', status: 'pending' })
    fake.refusals.set('withdrawApplication', 'INVALID_STATE')
    const modal = stubModal({ confirm: true }, { confirm: true })
    renderPage(<MePage />)
    await tap('撤回申请')
    await waitFor(() => expect(modal).toHaveBeenCalledTimes(2))
    expect(modal.mock.calls[1][0]).toMatchObject({ content: '当前状态下不能进行此操作' })
  })

  it('the large-font switch enlarges the page, is kept locally and saved to the profile', async () => {
    const fake = useFake('u1')
    fake.addUser({ openid: 'u1' })
    const { container } = renderPage(<MePage />)
    await screen.findByText('林阿姨')
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
    await waitFor(() => expect(fake.eventsFor('updateProfile')).toHaveLength(1))
    expect(fake.eventsFor('updateProfile')[0].input).toEqual({ largeFont: true })
    expect(fake.users.get('u1')!.largeFont).toBe(true)
  })

  it('asks a new user to sign up', async () => {
    useFake('new')
    renderPage(<MePage />)
    expect(await screen.findByText('您还没有注册')).toBeTruthy()
    await tap('立即注册')
    expect(nav.navigateTo).toHaveBeenCalledWith({ url: '/packages/user/pages/signup/index' })
  })

  it('shows loading, then an error with retry', async () => {
    useFake('u1')
    setTransport(hanging)
    const { unmount } = renderPage(<MePage />)
    expect(await screen.findByText('正在加载…')).toBeTruthy()
    unmount()

    const fake = useFake('u1')
    fake.addUser({ openid: 'u1' })
    setTransport(offline)
    renderPage(<MePage />)
    expect(await screen.findByText('网络不太顺畅，请检查网络后重试')).toBeTruthy()
    setTransport(fake.transport)
    await tap('重试')
    expect(await screen.findByText('林阿姨')).toBeTruthy()
  })
})
