import { renderPage, waitForText, closeAll } from './harness'

afterEach(() => closeAll())

test('home renders', async () => {
  const page = renderPage('pages/home/index')
  const t = await waitForText(page, '和美社区')
  expect(t).toContain('和美社区')
})
