import SignUpPage from '@/packages/user/pages/signup'
import { meStore } from '@/stores/me'
import { setTransport } from '@/services/cloud'
import { PRIVACY_VERSION } from '@/contracts'
import { hanging, offline, pick, renderPage, screen, stubModal, stubNavigation, tap, typeInto, useFake, waitFor } from './helpers'

describe('sign-up page', () => {
  let nav: ReturnType<typeof stubNavigation>
  beforeEach(() => {
    nav = stubNavigation()
  })

  it('lists communities, validates, then signs up and shares the new profile', async () => {
    const fake = useFake('new-1')
    const { container } = renderPage(<SignUpPage />)
    await screen.findByText('请选择社区')

    // nothing filled in: client-side errors from the contract's schema, nothing sent
    await tap('同意并注册')
    expect(await screen.findByText('请先阅读并同意隐私保护指引')).toBeTruthy()
    expect(screen.getByText('请选择您所在的社区')).toBeTruthy()
    expect(screen.getByText('请填写昵称')).toBeTruthy()
    expect(fake.eventsFor('signUp')).toHaveLength(0)

    await tap(/我已阅读并同意隐私保护指引/)
    await pick(container, 0, 0) // 军门社区
    await waitFor(() => expect(container.querySelector('[data-testid=community-picker]')!.textContent).toContain('军门社区'))
    await pick(container, 1, 2) // 第二网格 (0 = 暂不选择)
    await waitFor(() => expect(container.querySelector('[data-testid=grid-picker]')!.textContent).toContain('第二网格'))
    await typeInto('昵称', '  林阿姨 ')
    await tap('同意并注册')

    await waitFor(() => expect(fake.eventsFor('signUp')).toHaveLength(1))
    const ev = fake.eventsFor('signUp')[0]
    expect(ev.input).toEqual({ privacyAgreed: true, privacyVersion: PRIVACY_VERSION, communityId: 'junmen', gridId: 'junmen-2', nickname: '林阿姨' })
    expect(ev.requestId).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
    await waitFor(() => expect(nav.switchTab).toHaveBeenCalledWith({ url: '/pages/home/index' }))
    expect(meStore.get().data).toMatchObject({ signedUp: true, communityName: '军门社区', gridName: '第二网格', nickname: '林阿姨' })
  })

  it('lets the grid be left out', async () => {
    const fake = useFake('new-2')
    const { container } = renderPage(<SignUpPage />)
    await screen.findByText('请选择社区')
    await tap(/我已阅读并同意/)
    await pick(container, 0, 1) // 庆城社区 has no grids: no grid picker
    expect(container.querySelectorAll('taro-picker-core')).toHaveLength(1)
    await typeInto('昵称', '老张')
    await tap('同意并注册')
    await waitFor(() => expect(fake.eventsFor('signUp')).toHaveLength(1))
    expect(fake.eventsFor('signUp')[0].input).toMatchObject({ communityId: 'qingcheng', nickname: '老张' })
    expect((fake.eventsFor('signUp')[0].input as { gridId?: string }).gridId).toBeUndefined()
  })

  it('shows the server refusal in Chinese', async () => {
    const fake = useFake('new-3')
    fake.refusals.set('signUp', 'ALREADY_SIGNED_UP')
    const modal = stubModal()
    const { container } = renderPage(<SignUpPage />)
    await screen.findByText('请选择社区')
    await tap(/我已阅读并同意/)
    await pick(container, 0, 0)
    await typeInto('昵称', '林阿姨')
    await tap('同意并注册')
    await waitFor(() => expect(modal).toHaveBeenCalled())
    expect(modal.mock.calls[0][0]).toMatchObject({ content: '您已经注册过了' })
    expect(nav.switchTab).not.toHaveBeenCalled()
  })

  it('shows loading, error with retry, and empty states for the community list', async () => {
    useFake('new-4')
    setTransport(hanging)
    const first = renderPage(<SignUpPage />)
    expect(await screen.findByText('正在加载…')).toBeTruthy()
    first.unmount()

    const fake = useFake('new-4')
    setTransport(offline)
    const second = renderPage(<SignUpPage />)
    expect(await screen.findByText('网络不太顺畅，请检查网络后重试')).toBeTruthy()
    setTransport(fake.transport)
    await tap('重试')
    expect(await screen.findByText('请选择社区')).toBeTruthy()
    second.unmount()

    useFake('new-4')
    setTransport(async (_fn, ev) => (ev.action === 'listCommunities' ? { ok: true, data: { communities: [] } } : fake.transport('user', ev)))
    renderPage(<SignUpPage />)
    expect(await screen.findByText('暂时没有可选择的社区，请稍后再试')).toBeTruthy()
  })

  it('opens the privacy guide', async () => {
    useFake('new-5')
    renderPage(<SignUpPage />)
    await tap('查看《和美社区隐私保护指引》')
    expect(nav.navigateTo).toHaveBeenCalledWith({ url: '/packages/user/pages/privacy/index' })
  })
})
