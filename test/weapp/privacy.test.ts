// Layer 3: WeChat's privacy authorisation flow (__usePrivacyCheck__) in the real weapp build.
import { readAppJson, renderPage, settle, needPrivacy, waitFor, env } from './harness'
import { withEmulator } from './emulator'

withEmulator()

test('app.json opts into the privacy check', () => {
  expect(readAppJson().__usePrivacyCheck__).toBe(true)
})

test('when a privacy API needs consent the sheet asks; 不同意 and 同意并继续 answer WeChat', async () => {
  const page = renderPage('pages/me/index', { persona: 'demo-resident' })
  await settle(page)
  expect(page.text()).not.toContain('隐私保护提示')

  const first = needPrivacy()
  await waitFor(() => page.text().includes('隐私保护提示'))
  // the sheet tells WeChat it is showing the privacy prompt
  expect(first).toEqual([{ event: 'exposureAuthorization' }])
  await page.tap({ text: '不同意' })
  await waitFor(() => !page.text().includes('隐私保护提示'))
  expect(first).toEqual([{ event: 'exposureAuthorization' }, { event: 'disagree' }])

  const second = needPrivacy()
  await waitFor(() => page.text().includes('隐私保护提示'))
  // the agree button is an open-type button: WeChat fires agreeprivacyauthorization on it
  await page.trigger({ text: '同意并继续' }, 'agreeprivacyauthorization', {})
  await waitFor(() => !page.text().includes('隐私保护提示'))
  expect(second).toEqual([{ event: 'exposureAuthorization' }, { event: 'agree', buttonId: 'hm-agree-privacy' }])
  expect(env.errors).toEqual([])
})
