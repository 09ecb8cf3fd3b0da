import Home from '@/pages/home'
import { renderPage, screen, stubNavigation, tap, setupBackend, waitFor } from './helpers'
import { act } from '@testing-library/react'

const backend = setupBackend()

describe('home page', () => {
  beforeEach(() => stubNavigation())

  it('shows the community and the four service tiles for a signed-up user', async () => {
    backend.as('demo-resident')
    renderPage(<Home />)
    expect(await screen.findByText('军门社区')).toBeTruthy()
    for (const t of ['微心愿墙', '四点钟学校', '长者活动', '志愿服务']) expect(screen.getByText(t)).toBeTruthy()
    expect(screen.getAllByText('进入 ›')).toHaveLength(4)
    expect(screen.queryByText('即将开放')).toBeNull()
    expect(screen.queryByText('立即注册')).toBeNull()
  })

  it('the four tiles open their domains', async () => {
    const nav = stubNavigation()
    backend.as('demo-resident')
    renderPage(<Home />)
    await tap('微心愿墙')
    expect(nav.navigateTo).toHaveBeenCalledWith({ url: '/packages/wish/pages/wall/index' })
    await tap('志愿服务')
    expect(nav.navigateTo).toHaveBeenCalledWith({ url: '/packages/volunteer/pages/slots/index' })
    await tap('四点钟学校')
    expect(nav.navigateTo).toHaveBeenCalledWith({ url: '/packages/school/pages/sessions/index' })
    await tap('长者活动')
    expect(nav.navigateTo).toHaveBeenCalledWith({ url: '/packages/elder/pages/week/index' })
    expect(nav.navigateTo).toHaveBeenCalledTimes(4)
    expect(nav.showToast).not.toHaveBeenCalled()
  })

  it('asks a new user to sign up, and the button opens sign-up', async () => {
    const nav = stubNavigation()
    backend.as('dev-new-home')
    renderPage(<Home />)
    expect(await screen.findByText('欢迎来到和美社区')).toBeTruthy()
    await tap('立即注册')
    expect(nav.navigateTo).toHaveBeenCalledWith({ url: '/packages/user/pages/signup/index' })
  })

  it('shows a loading state while the profile loads', async () => {
    backend.as('demo-resident')
    backend.hang()
    renderPage(<Home />)
    expect(await screen.findByText('正在加载…')).toBeTruthy()
  })

  it('shows the network error in Chinese and retries', async () => {
    backend.as('demo-resident')
    backend.offline()
    renderPage(<Home />)
    expect(await screen.findByText('网络不太顺畅，请检查网络后重试')).toBeTruthy()
    backend.online()
    await tap('重试')
    expect(await screen.findByText('军门社区')).toBeTruthy()
  })

  it('pull-to-refresh reloads the profile and stops the spinner', async () => {
    const nav = stubNavigation()
    backend.as('demo-resident')
    renderPage(<Home />)
    await screen.findByText('军门社区')
    const before = backend.eventsFor('me').length
    await act(async () => globalThis.firePageEvent('onPullDownRefresh'))
    await waitFor(() => expect(nav.stopPullDownRefresh).toHaveBeenCalled())
    expect(backend.eventsFor('me').length).toBe(before + 1)
  })
})
