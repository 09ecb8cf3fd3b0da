import Taro from '@tarojs/taro'
import PersonaPage from '@/packages/user/pages/persona'
import { loadMe, meStore } from '@/stores/me'
import { PERSONA_KEY } from '@/services/persona'
import { renderPage, screen, stubNavigation, tap, setupBackend, waitFor } from './helpers'
import { newOpenid, signUp } from './stage'

const backend = setupBackend()

describe('persona picker (h5 local only)', () => {
  let nav: ReturnType<typeof stubNavigation>
  beforeEach(() => {
    nav = stubNavigation()
  })

  it('lists the emulator personas and switches identity', async () => {
    backend.as('demo-resident')
    renderPage(<PersonaPage />)
    expect(await screen.findByText('林阿姨（居民）')).toBeTruthy()
    expect(screen.getByText('当前')).toBeTruthy()
    await tap('郑社工（军门、庆城社工）')
    await waitFor(() => expect(Taro.getStorageSync(PERSONA_KEY)).toBe('demo-staff'))
    await waitFor(() => expect(meStore.get().data?.nickname).toBe('郑社工'))
    expect(nav.switchTab).toHaveBeenCalledWith({ url: '/pages/me/index' })
  })

  it('新用户 makes a brand-new dev-new-* identity', async () => {
    backend.as('demo-resident')
    renderPage(<PersonaPage />)
    await tap('新用户')
    await waitFor(() => expect(Taro.getStorageSync(PERSONA_KEY)).toMatch(/^dev-new-[a-z0-9]+$/))
    await waitFor(() => expect(nav.switchTab).toHaveBeenCalledWith({ url: '/pages/me/index' }))
    await waitFor(() => expect(meStore.get().data?.signedUp).toBe(false))
  })

  it('offers identities used before, by nickname and openid', async () => {
    const openid = await signUp(backend, { nickname: '小周' })
    // A new user signs up: the shared profile load remembers the identity with its nickname.
    backend.as(openid)
    await loadMe()
    backend.as('demo-resident')
    renderPage(<PersonaPage />)
    expect(await screen.findByText('最近使用')).toBeTruthy()
    expect(screen.getByText('小周')).toBeTruthy()
    expect(screen.getByText(openid)).toBeTruthy()
    await tap('小周')
    await waitFor(() => expect(Taro.getStorageSync(PERSONA_KEY)).toBe(openid))
    await waitFor(() => expect(nav.switchTab).toHaveBeenCalledWith({ url: '/pages/me/index' }))
  })

  it('shows an error with retry when the emulator cannot be reached', async () => {
    backend.as(newOpenid())
    jest.spyOn(Taro, 'request').mockRejectedValue(new Error('request:fail'))
    renderPage(<PersonaPage />)
    expect(await screen.findByText('网络不太顺畅，请检查网络后重试')).toBeTruthy()
    expect(screen.getByText('重试')).toBeTruthy()
  })

  it('shows the empty state when an emulator has no personas', async () => {
    backend.as(newOpenid())
    // The seeded emulator always has personas; only an emulator started without the seed answers this.
    jest.spyOn(Taro, 'request').mockResolvedValue({ statusCode: 200, header: {}, errMsg: 'ok', data: { personas: [] } } as never)
    renderPage(<PersonaPage />)
    expect(await screen.findByText('模拟器没有演示身份')).toBeTruthy()
  })
})
