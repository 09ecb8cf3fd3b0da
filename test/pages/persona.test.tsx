import Taro from '@tarojs/taro'
import PersonaPage from '@/packages/user/pages/persona'
import { loadMe, meStore } from '@/stores/me'
import { PERSONA_KEY } from '@/services/persona'
import { renderPage, screen, stubNavigation, tap, useFake, waitFor } from './helpers'

const PERSONAS = [
  { openid: 'demo-resident', label: '林阿姨', role: 'resident', communityName: '军门社区' },
  { openid: 'demo-staff', label: '陈社工', role: 'staff', communityName: '军门社区' },
]

function stubPersonas(answer: Partial<Taro.request.SuccessCallbackResult> | Error) {
  return jest.spyOn(Taro, 'request').mockImplementation((async (opts: Taro.request.Option) => {
    if (answer instanceof Error) throw answer
    expect(opts.url).toBe('/api/dev/personas')
    return { statusCode: 200, header: {}, errMsg: 'ok', ...answer }
  }) as never)
}

describe('persona picker (h5 local only)', () => {
  let nav: ReturnType<typeof stubNavigation>
  beforeEach(() => {
    nav = stubNavigation()
  })

  it('lists the emulator personas and switches identity', async () => {
    const fake = useFake('demo-staff')
    fake.addUser({ openid: 'demo-staff', nickname: '陈社工', roles: ['resident', 'staff'], staffCommunityIds: ['junmen'] })
    Taro.setStorageSync(PERSONA_KEY, 'demo-resident')
    stubPersonas({ data: { personas: PERSONAS } })
    renderPage(<PersonaPage />)
    expect(await screen.findByText('林阿姨')).toBeTruthy()
    expect(screen.getByText('当前')).toBeTruthy()
    await tap('陈社工')
    await waitFor(() => expect(Taro.getStorageSync(PERSONA_KEY)).toBe('demo-staff'))
    await waitFor(() => expect(meStore.get().data?.nickname).toBe('陈社工'))
    expect(nav.switchTab).toHaveBeenCalledWith({ url: '/pages/me/index' })
  })

  it('新用户 makes a brand-new dev-new-* identity', async () => {
    useFake('x')
    stubPersonas({ data: { personas: PERSONAS } })
    renderPage(<PersonaPage />)
    await tap('新用户')
    await waitFor(() => expect(Taro.getStorageSync(PERSONA_KEY)).toMatch(/^dev-new-[a-z0-9]+$/))
  })

  it('offers identities used before, by nickname and openid', async () => {
    const fake = useFake('dev-new-abc123')
    fake.addUser({ openid: 'dev-new-abc123', nickname: '小周' })
    stubPersonas({ data: { personas: PERSONAS } })
    // A new user signs up: the shared profile load remembers the identity with its nickname.
    Taro.setStorageSync(PERSONA_KEY, 'dev-new-abc123')
    await loadMe()
    Taro.setStorageSync(PERSONA_KEY, 'demo-resident')
    renderPage(<PersonaPage />)
    expect(await screen.findByText('最近使用')).toBeTruthy()
    expect(screen.getByText('小周')).toBeTruthy()
    expect(screen.getByText('dev-new-abc123')).toBeTruthy()
    await tap('小周')
    await waitFor(() => expect(Taro.getStorageSync(PERSONA_KEY)).toBe('dev-new-abc123'))
  })

  it('shows an error with retry when the emulator cannot be reached', async () => {
    useFake('x')
    stubPersonas(new Error('request:fail'))
    renderPage(<PersonaPage />)
    expect(await screen.findByText('网络不太顺畅，请检查网络后重试')).toBeTruthy()
    expect(screen.getByText('重试')).toBeTruthy()
  })

  it('shows the empty state when there are no personas', async () => {
    useFake('x')
    stubPersonas({ data: { personas: [] } })
    renderPage(<PersonaPage />)
    expect(await screen.findByText('模拟器没有演示身份')).toBeTruthy()
  })
})
