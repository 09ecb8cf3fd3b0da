// Large-font mode: the user's switch wins; otherwise WeChat's font setting (weapp) or the saved profile.
import Taro from '@tarojs/taro'

function load(env: 'weapp' | 'h5', fontSizeSetting?: number) {
  const prev = process.env.TARO_ENV
  process.env.TARO_ENV = env
  let mod!: typeof import('@/hooks/useLargeFont')
  let store!: typeof import('@/stores/me')
  try {
    jest.isolateModules(() => {
      const ns = require('@tarojs/taro')
      const T = ns.default || ns
      // a fresh module registry: put the named APIs on the default object, as pages-setup.js does
      for (const [k, v] of Object.entries(ns)) if (k !== 'default' && !(k in T)) T[k] = v
      T.getAppBaseInfo = () => ({ fontSizeSetting })
      mod = require('@/hooks/useLargeFont')
      store = require('@/stores/me')
    })
  } finally {
    process.env.TARO_ENV = prev
  }
  return { ...mod, ...store }
}

describe('large-font mode', () => {
  it("follows WeChat's font size setting above the default in weapp", () => {
    expect(load('weapp', 20).isLargeFont()).toBe(true)
    expect(load('weapp', 17).isLargeFont()).toBe(false)
  })

  it("the user's own choice wins over WeChat's setting and is kept locally", () => {
    window.localStorage.clear()
    const m = load('weapp', 22)
    m.setLargeFontChoice(false)
    expect(m.isLargeFont()).toBe(false)
    expect(Taro.getStorageSync('hemei.largeFont')).toBe('0')
    // a later start reads the kept choice
    expect(load('weapp', 22).isLargeFont()).toBe(false)
  })

  it('without a local choice, follows the saved profile', () => {
    window.localStorage.clear()
    const m = load('h5')
    expect(m.isLargeFont()).toBe(false)
    m.setMe({ openid: 'u', signedUp: true, roles: ['resident'], staffCommunityIds: [], volunteerStatus: 'none', largeFont: true })
    expect(m.isLargeFont()).toBe(true)
  })
})
