// Layer 2 for check-in (issue 10, part B): the volunteer's code-entry path, 签到码, and the staff roster, against
// the real `volunteer` function. Slots are staged in the store (volunteerCheckinStage.ts).
import CheckinPage from '@/packages/volunteer/pages/checkin'
import RosterPage from '@/packages/volunteer-staff/pages/roster'
import SlotCodePage from '@/packages/volunteer-staff/pages/slot-code'
import { CHECKIN_MESSAGES } from '@/contracts'
import { setLargeFontChoice } from '@/hooks/useLargeFont'
import { act, fireEvent, renderPage, screen, setRouterParams, setupBackend, stubModal, stubNavigation, tap, tapIn, typeInto, waitFor } from './helpers'
import { shift, stageSlot } from './volunteerCheckinStage'

const backend = setupBackend()

beforeEach(() => {
  stubNavigation()
})

const statusIs = (label: string) => waitFor(() => expect(screen.getByTestId('shift-status').textContent).toBe(label))

it('a volunteer types the 6 digits staff show to check in, then the 签退码 to check out', async () => {
  const slotId = await stageSlot([shift('demo-volunteer', '陈志远')])
  setRouterParams({ slotId })
  backend.as('demo-volunteer')
  const modal = stubModal()
  renderPage(<CheckinPage />)
  await statusIs('已报名')
  // h5: typing the code is the only way (no scan, no location).
  expect(screen.queryByText('扫码签到')).toBeNull()
  expect(screen.queryByText('定位签到')).toBeNull()
  expect(screen.getByText('提交签到码')).toBeTruthy()

  // A wrong code: refused with the reason, nothing changes.
  const { code } = await backend.call('demo-staff', 'volunteer', 'slotCode', { slotId, purpose: 'in' })
  const wrong = String((Number(code) + 1) % 1e6).padStart(6, '0')
  await typeInto('签到码', wrong)
  await tap('提交签到码')
  await waitFor(() => expect(modal).toHaveBeenCalledWith(expect.objectContaining({ content: CHECKIN_MESSAGES.codeWrong })))
  await backend.settled()
  expect(screen.getByTestId('shift-status').textContent).toBe('已报名')

  await typeInto('签到码', code)
  await tap('提交签到码')
  await statusIs('已签到')
  expect(backend.eventsFor('checkIn').at(-1)?.input).toEqual({ slotId, method: 'code', code })
  expect(await screen.findByText(/^签到 \d\d:\d\d 扫码\/签到码 · 未签退$/)).toBeTruthy()

  const out = await backend.call('demo-staff', 'volunteer', 'slotCode', { slotId, purpose: 'out' })
  await typeInto('签退码', out.code)
  await tap('提交签退码')
  await statusIs('已签退')
  expect(await screen.findByText(/^签到 \d\d:\d\d 扫码\/签到码 · 签退 \d\d:\d\d 扫码\/签到码$/)).toBeTruthy()
  const mine = await backend.call('demo-volunteer', 'volunteer', 'myCheckin', { slotId })
  expect(mine.pairs).toHaveLength(1)
})

it('a volunteer not signed up for the slot sees why', async () => {
  const slotId = await stageSlot([shift('demo-volunteer', '陈志远')])
  setRouterParams({ slotId })
  backend.as('demo-volunteer-2')
  renderPage(<CheckinPage />)
  expect(await screen.findByText(CHECKIN_MESSAGES.notSignedUp)).toBeTruthy()
})

it('签到码 shows the 6 digits in large type with the seconds left, and the 签退码 on request', async () => {
  const slotId = await stageSlot([shift('demo-volunteer', '陈志远')])
  setRouterParams({ slotId })
  backend.as('demo-staff')
  renderPage(<SlotCodePage />)
  const digits = await screen.findByTestId('slot-code-digits')
  await waitFor(() => expect(digits.textContent).toMatch(/^\d{6}$/))
  expect(screen.getByTestId('slot-code-left').textContent).toMatch(/^\d+ 秒后更新/)
  expect(backend.eventsFor('slotCode')[0].input).toEqual({ slotId, purpose: 'in' })
  await tapIn('用途', '签退码')
  await waitFor(() => expect(backend.eventsFor('slotCode').at(-1)?.input).toEqual({ slotId, purpose: 'out' }))
  await backend.settled()
  const out = await backend.call('demo-staff', 'volunteer', 'slotCode', { slotId, purpose: 'out' })
  await waitFor(() => expect(screen.getByTestId('slot-code-digits').textContent).toBe(out.code))
})

it('the staff roster lists names, statuses and phones, and checks in a volunteer without a phone after a confirmation', async () => {
  const slotId = await stageSlot([shift('demo-volunteer', '陈志远'), shift('demo-volunteer-2', '黄志强')])
  setRouterParams({ slotId })
  backend.as('demo-staff')
  const modal = stubModal({ confirm: true })
  renderPage(<RosterPage />)
  expect(await screen.findByText('陈志远')).toBeTruthy()
  expect(screen.getByText('电话：13800138001')).toBeTruthy()
  expect(screen.getByText('电话：13800138003')).toBeTruthy()
  expect(screen.getByTestId('roster-figures').textContent).toBe('已报名 2/10 人，在岗 0 人')
  const rows = screen.getAllByTestId('roster-row')
  const first = rows.find((r) => r.textContent?.includes('陈志远'))!
  const button = Array.from(first.querySelectorAll('taro-button-core')).find((b) => b.textContent === '代签到') as HTMLElement
  await waitFor(() => expect(button).toBeTruthy())
  await act(async () => {
    fireEvent.click(button)
  })
  await waitFor(() => expect(screen.getByTestId('roster-figures').textContent).toBe('已报名 2/10 人，在岗 1 人'))
  expect(modal).toHaveBeenCalledWith(expect.objectContaining({ content: expect.stringContaining('陈志远') }))
  expect(backend.eventsFor('checkIn')[0].input).toEqual({ slotId, method: 'roster', openid: 'demo-volunteer' })
  expect(await screen.findByText(/^签到 \d\d:\d\d 工作人员代签 · 未签退$/)).toBeTruthy()
})

it('the roster opened by a volunteer shows the refusal and no phone', async () => {
  const slotId = await stageSlot([shift('demo-volunteer', '陈志远'), shift('demo-volunteer-2', '黄志强')])
  setRouterParams({ slotId })
  backend.as('demo-volunteer')
  renderPage(<RosterPage />)
  expect(await screen.findByText('您没有进行此操作的权限')).toBeTruthy()
  expect(document.body.textContent).not.toMatch(/13800138003|黄志强/)
})

it('in large-font mode the check-in page and 签到码 keep every control', async () => {
  const slotId = await stageSlot([shift('demo-volunteer', '陈志远')])
  setRouterParams({ slotId })
  await act(async () => setLargeFontChoice(true))
  try {
    backend.as('demo-volunteer')
    const { container, unmount } = renderPage(<CheckinPage />)
    await statusIs('已报名')
    expect(container.querySelector('.hm-page')!.classList.contains('hm-large')).toBe(true)
    expect(screen.getByText('提交签到码')).toBeTruthy()
    expect(screen.getByLabelText('签到码')).toBeTruthy()
    unmount()
    backend.as('demo-staff')
    const staff = renderPage(<SlotCodePage />)
    await waitFor(() => expect(screen.getByTestId('slot-code-digits').textContent).toMatch(/^\d{6}$/))
    expect(staff.container.querySelector('.hm-page')!.classList.contains('hm-large')).toBe(true)
  } finally {
    await act(async () => setLargeFontChoice(false))
  }
})
