import SignUpPage from '@/packages/user/pages/signup'
import { meStore } from '@/stores/me'
import { PRIVACY_VERSION } from '@/contracts'
import { pick, renderPage, screen, stubModal, stubNavigation, tap, typeInto, setupBackend, waitFor } from './helpers'
import { newOpenid, signUp } from './stage'

const backend = setupBackend()

describe('sign-up page', () => {
  let nav: ReturnType<typeof stubNavigation>
  beforeEach(() => {
    nav = stubNavigation()
  })

  it('lists communities, validates, then signs up and shares the new profile', async () => {
    const openid = newOpenid()
    backend.as(openid)
    const { container } = renderPage(<SignUpPage />)
    await screen.findByText('请选择社区')

    // nothing filled in: client-side errors from the contract's schema, nothing sent
    await tap('同意并注册')
    expect(await screen.findByText('请先阅读并同意隐私保护指引')).toBeTruthy()
    expect(screen.getByText('请选择您所在的社区')).toBeTruthy()
    expect(screen.getByText('请填写昵称')).toBeTruthy()
    expect(backend.eventsFor('signUp')).toHaveLength(0)

    await tap(/我已阅读并同意隐私保护指引/)
    await pick(container, 0, 0) // 军门社区
    await waitFor(() => expect(container.querySelector('[data-testid=community-picker]')!.textContent).toContain('军门社区'))
    await pick(container, 1, 2) // 第二网格 (0 = 暂不选择)
    await waitFor(() => expect(container.querySelector('[data-testid=grid-picker]')!.textContent).toContain('第二网格'))
    await typeInto('昵称', '  林阿姨 ')
    await tap('同意并注册')

    await waitFor(() => expect(backend.eventsFor('signUp')).toHaveLength(1))
    const ev = backend.eventsFor('signUp')[0]
    expect(ev.input).toEqual({ privacyAgreed: true, privacyVersion: PRIVACY_VERSION, communityId: 'junmen', gridId: 'junmen-g2', nickname: '林阿姨' })
    expect(ev.requestId).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
    await waitFor(() => expect(nav.switchTab).toHaveBeenCalledWith({ url: '/pages/home/index' }))
    expect(meStore.get().data).toMatchObject({ signedUp: true, communityName: '军门社区', gridName: '第二网格', nickname: '林阿姨' })
    expect(await backend.call(openid, 'user', 'me', {})).toMatchObject({ signedUp: true, communityId: 'junmen', gridId: 'junmen-g2' })
  })

  it('lets the grid be left out', async () => {
    backend.as(newOpenid())
    const { container } = renderPage(<SignUpPage />)
    await screen.findByText('请选择社区')
    await tap(/我已阅读并同意/)
    await pick(container, 0, 1) // 庆城社区; the grid stays 暂不选择
    await waitFor(() => expect(container.querySelector('[data-testid=community-picker]')!.textContent).toContain('庆城社区'))
    await typeInto('昵称', '老张')
    await tap('同意并注册')
    await waitFor(() => expect(backend.eventsFor('signUp')).toHaveLength(1))
    expect(backend.eventsFor('signUp')[0].input).toMatchObject({ communityId: 'qingcheng', nickname: '老张' })
    expect((backend.eventsFor('signUp')[0].input as { gridId?: string }).gridId).toBeUndefined()
    await waitFor(() => expect(nav.switchTab).toHaveBeenCalled())
  })

  it('shows the server refusal in Chinese (signed up from another device meanwhile)', async () => {
    const openid = newOpenid()
    backend.as(openid)
    const modal = stubModal()
    const { container } = renderPage(<SignUpPage />)
    await screen.findByText('请选择社区')
    await signUp(backend, { openid })
    await tap(/我已阅读并同意/)
    await pick(container, 0, 0)
    await typeInto('昵称', '林阿姨')
    await tap('同意并注册')
    await waitFor(() => expect(modal).toHaveBeenCalled())
    expect(modal.mock.calls[0][0]).toMatchObject({ content: '您已经注册过了' })
    expect(nav.switchTab).not.toHaveBeenCalled()
  })

  it('shows loading, then an error with retry for the community list', async () => {
    backend.as(newOpenid())
    backend.hang()
    const first = renderPage(<SignUpPage />)
    expect(await screen.findByText('正在加载…')).toBeTruthy()
    first.unmount()

    backend.online()
    backend.offline()
    renderPage(<SignUpPage />)
    expect(await screen.findByText('网络不太顺畅，请检查网络后重试')).toBeTruthy()
    backend.online()
    await tap('重试')
    expect(await screen.findByText('请选择社区')).toBeTruthy()
  })

  it('opens the privacy guide', async () => {
    backend.as(newOpenid())
    renderPage(<SignUpPage />)
    await tap('查看《和美社区隐私保护指引》')
    expect(nav.navigateTo).toHaveBeenCalledWith({ url: '/packages/user/pages/privacy/index' })
  })
})
