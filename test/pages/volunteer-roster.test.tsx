// Layer 2 for the roster's pages (issue 10, part E): a roster longer than a page shows the first 20 with 加载更多,
// which brings the rest; a check from the roster on a later page refreshes that row in place (the list keeps what
// was loaded). Against the real `volunteer` function; the slot is staged in the store.
import RosterPage from '@/packages/volunteer-staff/pages/roster'
import { act, fireEvent, renderPage, screen, setRouterParams, setupBackend, stubModal, stubNavigation, tap, waitFor } from './helpers'
import { shift, stageSlot } from './volunteerCheckinStage'

const backend = setupBackend()

beforeEach(() => {
  stubNavigation()
})

it('pages a long roster with 加载更多, and a check on the second page keeps every loaded row', async () => {
  const names = Array.from({ length: 25 }, (_, i) => `志愿者${String(i + 1).padStart(2, '0')}`)
  const slotId = await stageSlot(names.map((n, i) => shift(`dev-roster-page-${i}`, n)))
  setRouterParams({ slotId })
  backend.as('demo-staff')
  const modal = stubModal({ confirm: true })
  renderPage(<RosterPage />)
  expect(await screen.findByText('志愿者01')).toBeTruthy()
  expect(screen.getAllByTestId('roster-row')).toHaveLength(20)
  expect(screen.queryByText('志愿者21')).toBeNull()
  expect(backend.eventsFor('roster').map((e) => e.input)).toEqual([{ slotId, page: 1, pageSize: 20 }])
  await tap('加载更多')
  expect(await screen.findByText('志愿者25')).toBeTruthy()
  expect(screen.getAllByTestId('roster-row')).toHaveLength(25)
  expect(await screen.findByText('没有更多了')).toBeTruthy()

  const row = screen.getAllByTestId('roster-row').find((r) => r.textContent?.includes('志愿者23'))!
  const button = Array.from(row.querySelectorAll('taro-button-core')).find((b) => b.textContent === '代签到') as HTMLElement
  await waitFor(() => expect(button).toBeTruthy())
  await act(async () => {
    fireEvent.click(button)
  })
  await waitFor(() => expect(backend.eventsFor('checkIn')).toHaveLength(1))
  expect(modal).toHaveBeenCalledWith(expect.objectContaining({ content: expect.stringContaining('志愿者23') }))
  // Only the second page is read again; its row shows the check-in, and the first page's rows stay.
  await waitFor(() => expect(backend.eventsFor('roster').map((e) => (e.input as { page: number }).page)).toEqual([1, 2, 2]))
  await waitFor(() => expect(screen.getByTestId('roster-figures').textContent).toContain('在岗 1 人'))
  const after = screen.getAllByTestId('roster-row')
  expect(after).toHaveLength(25)
  expect(after.find((r) => r.textContent?.includes('志愿者23'))!.textContent).toMatch(/工作人员代签/)
})
