// Button, Link and BackBar on h5: real roles, tab stops and keyboard presses (Taro's H5 components).
import { act, fireEvent } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { BackBar } from '@/components/BackBar'
import { Button } from '@/components/Button'
import { Link } from '@/components/Link'
import { renderPage, screen, stubNavigation } from './helpers'

/** The host element that carries the role (Taro renders text inside custom elements). */
const host = (text: string) => screen.getByText(text).closest('[role]') as HTMLElement

describe('h5 controls', () => {
  it('Button is a focusable button that Enter and Space press', async () => {
    const onClick = jest.fn()
    renderPage(<Button onClick={onClick}>提交心愿</Button>)
    const el = host('提交心愿')
    expect(el.getAttribute('role')).toBe('button')
    expect(el.getAttribute('aria-disabled')).toBe('false')
    expect(el.tabIndex).toBe(0)
    await act(async () => {
      fireEvent.keyDown(el, { key: 'Enter' })
      fireEvent.keyDown(el, { key: ' ' })
      fireEvent.keyDown(el, { key: 'a' })
    })
    expect(onClick).toHaveBeenCalledTimes(2)
  })

  it('a disabled Button says so and leaves the tab order', async () => {
    const onClick = jest.fn()
    renderPage(
      <Button disabled onClick={onClick}>
        确认认领
      </Button>,
    )
    const el = host('确认认领')
    expect(el.getAttribute('aria-disabled')).toBe('true')
    expect(el.tabIndex).toBe(-1)
    await act(async () => {
      fireEvent.keyDown(el, { key: 'Enter' })
    })
    expect(onClick).not.toHaveBeenCalled()
  })

  it('Link is a link (or a button) with a tab stop and a plain accessible name', async () => {
    const onClick = jest.fn()
    renderPage(
      <>
        <Link label='返回' onClick={onClick}>
          ‹ 返回
        </Link>
        <Link role='button' onClick={onClick}>
          清除
        </Link>
      </>,
    )
    const back = host('‹ 返回')
    expect(back.getAttribute('role')).toBe('link')
    expect(back.getAttribute('aria-label')).toBe('返回')
    expect(back.tabIndex).toBe(0)
    expect(host('清除').getAttribute('role')).toBe('button')
    await act(async () => {
      fireEvent.keyDown(back, { key: 'Enter' })
    })
    expect(onClick).toHaveBeenCalledTimes(1)
  })
})

describe('BackBar (h5)', () => {
  const at = (path: string, depth: number) => {
    jest.spyOn(Taro, 'getCurrentInstance').mockReturnValue({ router: { path, params: {} } } as never)
    jest.spyOn(Taro, 'getCurrentPages').mockReturnValue(Array.from({ length: depth }) as never)
  }
  afterEach(() => jest.restoreAllMocks())

  it('offers ‹ 返回 on a sub-page with a page behind it', async () => {
    const nav = stubNavigation()
    at('/packages/wish/pages/mine/index', 2)
    renderPage(<BackBar />)
    await act(async () => {
      fireEvent.click(host('‹ 返回'))
    })
    expect(nav.navigateBack).toHaveBeenCalled()
  })

  it('offers ‹ 返回首页 on a sub-page opened on its own (e.g. by link, or after a redirect)', async () => {
    const nav = stubNavigation()
    at('/packages/wish/pages/mine/index?from=post', 1)
    renderPage(<BackBar />)
    await act(async () => {
      fireEvent.click(host('‹ 返回首页'))
    })
    expect(nav.switchTab).toHaveBeenCalledWith({ url: '/pages/home/index' })
  })

  it('shows nothing on a tab page', () => {
    at('/pages/me/index', 2)
    const { container } = renderPage(<BackBar />)
    expect(container.textContent).toBe('')
  })
})
