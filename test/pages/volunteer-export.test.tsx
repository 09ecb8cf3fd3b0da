// Part D2 of issue 10, layer 2: 导出我的记录 on the record page and 导出本月服务记录 on the staff confirm page,
// against the real export function (h5: a download link to the file written).
import RecordPage from '@/packages/volunteer/pages/record'
import ConfirmPage from '@/packages/volunteer-staff/pages/confirm'
import { today } from '@/format/day'
import { renderPage, screen, setRouterParams, setupBackend, stubNavigation, tap, tapIn, waitFor } from './helpers'
import { stageCheckedOutSlot, stageVolunteer } from './volunteerLedgerStage'

const backend = setupBackend()

beforeEach(() => {
  stubNavigation()
  setRouterParams({})
})

it('导出我的记录 writes my record and links the file (平台记录 in its name); no button before any entry', async () => {
  const v = await stageVolunteer('林志明')
  backend.as(v.openid)
  const { unmount } = renderPage(<RecordPage />)
  await screen.findByTestId('record-totals')
  expect(screen.queryByText('导出我的记录')).toBeNull()
  unmount()

  await backend.call('demo-staff', 'volunteer', 'confirmShifts', { slotId: await stageCheckedOutSlot([v]) })
  renderPage(<RecordPage />)
  await tap('导出我的记录')
  const link = (await screen.findByText(/^下载 .*志愿服务平台记录-林志明\.xlsx（1 条记录）/)).closest('a')!
  expect(backend.eventsFor('volunteerRecord')[0].input).toEqual({})
  expect(link.getAttribute('href')).toMatch(/\/files\/exports\/junmen\/\d{4}-\d{2}-\d{2}-volunteer-record-[^/]+\.xlsx$/)
})

it('导出本月服务记录 exports the chosen community and month (本月 or 上月) and links the file', async () => {
  backend.as('demo-staff')
  renderPage(<ConfirmPage />)
  await tapIn('社区', '庆城社区')
  await tap('导出本月服务记录')
  const month = today().slice(0, 7)
  const link = (await screen.findByText(new RegExp(`^下载 ${month}-志愿服务记录-庆城社区\\.xlsx`))).closest('a')!
  expect(backend.eventsFor('volunteerMonth')[0].input).toEqual({ communityId: 'qingcheng', month })
  expect(link.getAttribute('download')).toBe(`${month}-志愿服务记录-庆城社区.xlsx`)
  await tapIn('月份', '上月')
  await tap('导出上月服务记录')
  await waitFor(() => expect(backend.eventsFor('volunteerMonth')).toHaveLength(2))
  expect((backend.eventsFor('volunteerMonth')[1].input as { month: string }).month).not.toBe(month)
})
