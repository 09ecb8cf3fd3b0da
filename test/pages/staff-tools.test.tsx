import CheckinCodePage from '@/packages/staff/pages/checkin-code'
import WishStatsPage from '@/packages/staff/pages/wish-stats'
import DetailPage from '@/packages/wish/pages/detail'
import { today } from '@/format/day'
import { act, renderPage, screen, setRouterParams, setupBackend, stubNavigation, tap, tapIn, waitFor } from './helpers'

const backend = setupBackend()

beforeEach(() => {
  stubNavigation()
})

it('opened from a poster code on h5 (?scene=<wish id>), the wish detail page shows that wish', async () => {
  setRouterParams({ scene: 'wish-demo-lock' })
  backend.as('demo-resident')
  renderPage(<DetailPage />)
  expect(await screen.findByText('帮忙修理门锁')).toBeTruthy()
  expect(backend.eventsFor('detail')[0].input).toEqual({ wishId: 'wish-demo-lock' })
})

it('导出 on h5 exports the chosen community and month and shows a download link to the file', async () => {
  setRouterParams({})
  backend.as('demo-staff')
  renderPage(<WishStatsPage />)
  await tapIn('社区', '庆城社区')
  await tap('导出')
  const link = (await screen.findByText(/^下载 .*心愿月报-庆城社区\.xlsx/)).closest('a')!
  const month = today().slice(0, 7)
  expect(backend.eventsFor('wishMonth')[0].input).toEqual({ communityId: 'qingcheng', month })
  expect(link.getAttribute('download')).toBe(`${month}-心愿月报-庆城社区.xlsx`)
  expect(link.getAttribute('href')).toMatch(new RegExp(`/files/exports/qingcheng/\\d{4}-\\d{2}-\\d{2}-wish-month-${month}\\.xlsx$`))
})

it('the check-in code page shows the 6 digits and the seconds left; another community gets another code', async () => {
  setRouterParams({})
  backend.as('demo-staff')
  renderPage(<CheckinCodePage />)
  const digits = await screen.findByTestId('checkin-digits')
  await waitFor(() => expect(digits.textContent).toMatch(/^\d{6}$/))
  expect(screen.getByTestId('checkin-left').textContent).toMatch(/^\d+ 秒后更新$/)
  const first = backend.eventsFor('checkinCode')[0].input
  expect(first).toEqual({ communityId: 'junmen' })
  await act(async () => {
    await tapIn('社区', '庆城社区')
  })
  await waitFor(() => expect(backend.eventsFor('checkinCode').at(-1)?.input).toEqual({ communityId: 'qingcheng' }))
  await waitFor(() => expect(screen.getByTestId('checkin-digits').textContent).toMatch(/^\d{6}$/))
})
