import { act } from '@testing-library/react'
import { PrivacySheet } from '@/components/PrivacySheet'
import { StateView } from '@/components/StateView'
import { Page } from '@/components/Page'
import { privacyRequest } from '@/stores/privacy'
import { setLargeFontChoice } from '@/hooks/useLargeFont'
import { AppError } from '@/services/cloud'
import { renderPage, screen, stubNavigation, tap } from './helpers'

describe('PrivacySheet (weapp onNeedPrivacyAuthorization)', () => {
  it('is hidden until WeChat asks, reports exposure, and answers disagree', async () => {
    const nav = stubNavigation()
    const resolve = jest.fn()
    const { container } = renderPage(<PrivacySheet />)
    expect(container.textContent).toBe('')
    await act(async () => privacyRequest.set(() => resolve))
    expect(screen.getByText('隐私保护提示')).toBeTruthy()
    expect(resolve).toHaveBeenCalledWith({ event: 'exposureAuthorization' })
    await tap('查看《隐私保护指引》')
    expect(nav.navigateTo).toHaveBeenCalledWith({ url: '/packages/user/pages/privacy/index' })
    await tap('不同意')
    expect(resolve).toHaveBeenLastCalledWith({ event: 'disagree' })
    expect(screen.queryByText('隐私保护提示')).toBeNull()
  })

  it('agrees through the agreePrivacyAuthorization button, naming its id', async () => {
    const resolve = jest.fn()
    const { container } = renderPage(<PrivacySheet />)
    await act(async () => privacyRequest.set(() => resolve))
    const button = container.querySelector('#hm-agree-privacy') as HTMLElement
    expect(button).toBeTruthy()
    expect(button.getAttribute('open-type') || button.getAttribute('opentype') || (button as unknown as { openType?: string }).openType).toBe('agreePrivacyAuthorization')
    await act(async () => {
      button.dispatchEvent(new CustomEvent('agreeprivacyauthorization', { bubbles: true }))
    })
    expect(resolve).toHaveBeenLastCalledWith({ event: 'agree', buttonId: 'hm-agree-privacy' })
  })
})

describe('StateView and Page', () => {
  it('offers sign-up, and no retry that cannot help, when the refusal is NOT_SIGNED_UP', async () => {
    const nav = stubNavigation()
    const retry = jest.fn()
    renderPage(<StateView kind='error' error={new AppError('NOT_SIGNED_UP')} onRetry={retry} />)
    expect(screen.getByText('请先完成注册（同意隐私指引并选择社区）')).toBeTruthy()
    expect(screen.queryByText('重试')).toBeNull()
    await tap('去注册')
    expect(nav.navigateTo).toHaveBeenCalledWith({ url: '/packages/user/pages/signup/index' })
  })

  it('Page shows loading over error over empty over content, and applies the large-font class', async () => {
    const { container, rerender } = renderPage(
      <Page loading error={new AppError('INTERNAL')} empty>
        内容
      </Page>,
    )
    expect(screen.getByText('正在加载…')).toBeTruthy()
    rerender(
      <Page error={new AppError('INTERNAL')} empty>
        内容
      </Page>,
    )
    expect(screen.getByText('系统繁忙，请稍后再试')).toBeTruthy()
    rerender(
      <Page empty emptyText='这里还没有东西'>
        内容
      </Page>,
    )
    expect(screen.getByText('这里还没有东西')).toBeTruthy()
    rerender(<Page>内容</Page>)
    expect(screen.getByText('内容')).toBeTruthy()
    expect(container.querySelector('.hm-page')!.classList.contains('hm-large')).toBe(false)
    await act(async () => setLargeFontChoice(true))
    expect(container.querySelector('.hm-page')!.classList.contains('hm-large')).toBe(true)
  })
})
