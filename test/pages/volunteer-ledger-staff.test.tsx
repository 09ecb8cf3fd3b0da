// The staff ledger page (issue 10, part C), layer 2: disputes answered with a reason, certificates recorded, 补录
// with a confirmation, and (part E) the closed wishes whose hours wait for the credit, against the real functions.
import LedgerPage from '@/packages/volunteer-staff/pages/ledger'
import { act, fireEvent, gone, renderPage, screen, setRouterParams, setupBackend, stubModal, stubNavigation, tap, typeInto, waitFor, within } from './helpers'
import { fulfilledWish, signUp } from './stage'
import { stageCheckedOutSlot, stageVolunteer } from './volunteerLedgerStage'
import { inDays } from '../clock'

const backend = setupBackend()

beforeEach(() => {
  stubNavigation()
  setRouterParams({})
  backend.as('demo-staff')
})

it('answers a dispute by keeping the entry, with a reason the volunteer then sees', async () => {
  const v = await stageVolunteer('陈志远')
  const { confirmed } = await backend.call('demo-staff', 'volunteer', 'confirmShifts', { slotId: await stageCheckedOutSlot([v]) })
  await backend.call(v.openid, 'volunteer', 'disputeEntry', { entryId: confirmed[0].entryId, reason: '少算了十分钟' })
  jest.spyOn(window, 'prompt').mockReturnValueOnce('以签到记录为准')
  renderPage(<LedgerPage />)
  expect(await screen.findByText('异议：少算了十分钟')).toBeTruthy()
  await tap('维持原记录')
  await waitFor(() => expect(backend.eventsFor('answerDispute')).toHaveLength(1))
  expect(backend.eventsFor('answerDispute')[0].input).toEqual({ disputeId: confirmed[0].entryId, decision: 'keep', reason: '以签到记录为准' })
  await gone('异议：少算了十分钟')
  expect(await screen.findByText('暂无待答复的异议')).toBeTruthy()
  const mine = await backend.call(v.openid, 'volunteer', 'myDisputes', {})
  expect(mine.items[0]).toMatchObject({ status: 'answered', decision: 'keep', answer: '以签到记录为准' })
})

it('records the certificate the 居委会 issued (number and date)', async () => {
  const v = await stageVolunteer('林秀英')
  await backend.call(v.openid, 'volunteer', 'requestCertificate', { purpose: '评优' })
  jest.spyOn(window, 'prompt').mockReturnValueOnce('JM-2026-031').mockReturnValueOnce(inDays(0))
  renderPage(<LedgerPage />)
  await tap('证明申请')
  expect(await screen.findByText(/林秀英/)).toBeTruthy()
  await tap('登记已出具的证明')
  await waitFor(() => expect(backend.eventsFor('recordCertificate')).toHaveLength(1))
  await gone(/林秀英/)
  const rec = await backend.call(v.openid, 'volunteer', 'myRecord', {})
  expect(rec.certificates?.[0].label).toBe('已出具证明 No. JM-2026-031')
})

it('补录 after the confirmation dialog; a refusal shows its Chinese message and writes nothing', async () => {
  const v = await stageVolunteer('黄志强')
  const modal = stubModal({ confirm: false }, { confirm: true }, { confirm: true }, { confirm: true })
  renderPage(<LedgerPage />)
  await tap('补录')
  await screen.findByTestId('backfill-form')
  await typeInto('志愿者编号', v.number)
  await typeInto('服务日期', inDays(1))
  await typeInto('服务时长（分钟）', '90')
  await typeInto('服务地点', '军门社区活动室')
  await typeInto('服务内容', '整理图书')
  await typeInto('补录原因', '线下活动未签到')
  await typeInto('证明材料说明', '纸质签到表')
  await tap('提交补录') // the dialog cancelled: nothing sent
  await waitFor(() => expect(modal).toHaveBeenCalledTimes(1))
  expect(modal.mock.calls[0][0]).toMatchObject({ title: '提交补录' })
  expect(backend.eventsFor('backfill')).toHaveLength(0)
  await tap('提交补录')
  await waitFor(() => expect(backend.eventsFor('backfill')).toHaveLength(1))
  await waitFor(() => expect(modal.mock.calls.some((c) => String((c[0] as { content?: string }).content).includes('不能晚于今天'))).toBe(true))
  expect((await backend.call(v.openid, 'volunteer', 'myTotals', {})).backfillMinutes).toBe(0)
  await typeInto('服务日期', inDays(-2))
  await tap('提交补录')
  await waitFor(() => expect(backend.eventsFor('backfill')).toHaveLength(2))
  await backend.settled()
  expect((await backend.call(v.openid, 'volunteer', 'myTotals', {})).backfillMinutes).toBe(90)
})

it('lists the closed wishes to credit (the workbench tile’s page); 记录时长 opens the form for the row, and the credited wish leaves the list', async () => {
  const v = await stageVolunteer('郑晓明')
  const wisher = await signUp(backend)
  const wishId = await fulfilledWish(backend, '家具已经搬好了。', { fields: { title: '帮忙搬旧衣柜' }, wisher, claimant: v.openid })
  await backend.call('demo-staff', 'wish', 'confirm', { wishId }) // closed by staff on the wisher's behalf: now due
  setRouterParams({ tab: 'wish' })
  const modal = stubModal({ confirm: true })
  renderPage(<LedgerPage />)
  const card = (await screen.findByText('帮忙搬旧衣柜')).closest('[data-testid="credit-due-wish"]') as HTMLElement
  expect(within(card).getByText(/认领志愿者：郑晓明/)).toBeTruthy()
  await act(async () => {
    fireEvent.click(within(card).getByText('记录时长'))
  })
  await screen.findByTestId('wish-credit-form')
  expect(screen.queryByLabelText('心愿编号')).toBeNull() // the row's wish, not one typed
  await typeInto('服务时长（分钟）', '60')
  await tap('记录时长')
  await waitFor(() => expect(backend.eventsFor('creditWish')).toHaveLength(1))
  expect(modal.mock.calls[0][0]).toMatchObject({ title: '记录心愿服务时长', content: expect.stringContaining('帮忙搬旧衣柜') })
  expect(backend.eventsFor('creditWish')[0].input).toEqual({ wishId, minutes: 60 })
  await screen.findByText('按心愿编号记录') // back on the list
  await gone('帮忙搬旧衣柜')
  await backend.settled()
  expect((await backend.call(v.openid, 'volunteer', 'myTotals', {})).liveMinutes).toBe(60)
  const queue = await backend.call('demo-staff', 'volunteer', 'creditQueue', {})
  expect(queue.items.map((x: { wishId: string }) => x.wishId)).not.toContain(wishId)
})
