// 我的志愿记录 and the staff confirm page (issue 10, part C), layer 2: the pages against the real functions.
import RecordPage from '@/packages/volunteer/pages/record'
import ConfirmPage from '@/packages/volunteer-staff/pages/confirm'
import { act, gone, renderPage, screen, setRouterParams, setupBackend, stubModal, stubNavigation, tap, waitFor, within } from './helpers'
import { stageCheckedOutSlot, stageVolunteer } from './volunteerLedgerStage'
import { inDays } from '../clock'

const backend = setupBackend()

beforeEach(() => {
  stubNavigation()
  setRouterParams({})
})

describe('我的志愿记录', () => {
  it('shows the totals as 平台记录 with 补录 apart, the star progress, and the entries', async () => {
    const v = await stageVolunteer('陈志远')
    const slotId = await stageCheckedOutSlot([v])
    await backend.call('demo-staff', 'volunteer', 'confirmShifts', { slotId })
    await backend.call('demo-staff', 'volunteer', 'backfill', {
      volunteerNo: v.number,
      serviceDate: inDays(-10),
      minutes: 90,
      place: '军门社区活动室',
      serviceType: '助老助残',
      content: '陪伴独居老人',
      reason: '线下活动',
      evidence: '纸质签到表',
    })
    backend.as(v.openid)
    renderPage(<RecordPage />)
    const totals = await screen.findByTestId('record-totals')
    expect(within(totals).getByText(/服务时长（平台记录）/)).toBeTruthy()
    expect(within(totals).getByText('平台确认时长：2.0 小时')).toBeTruthy()
    expect(within(totals).getByText('补录时长：1.5 小时（单独统计）')).toBeTruthy()
    expect(within(totals).getByTestId('star-progress').textContent).toBe('距 1 星（100 小时）还差 98 小时，进度 2%')
    expect(totals.textContent).not.toMatch(/证明/)
    expect(screen.getByText('服务明细（平台记录）')).toBeTruthy()
    expect(await screen.findByText('环境保护：社区环境清洁')).toBeTruthy()
    expect(screen.getByText('助老助残：陪伴独居老人')).toBeTruthy()
    expect(screen.getByText('补录')).toBeTruthy()
    expect(screen.getAllByTestId('record-entry')).toHaveLength(2)
    expect(document.body.textContent).not.toMatch(/已出具证明/)
    // myTotals is one call, myRecord's first page one call.
    expect(backend.eventsFor('myTotals')).toHaveLength(1)
    expect(backend.eventsFor('myRecord')[0].input).toEqual({ page: 1, pageSize: 20 })
  })

  it('disputes an entry with a reason; the answer shows once staff reply', async () => {
    const v = await stageVolunteer('黄志强')
    const slotId = await stageCheckedOutSlot([{ ...v, out: '10:00' }])
    await backend.call('demo-staff', 'volunteer', 'confirmShifts', { slotId })
    backend.as(v.openid)
    const prompt = jest.spyOn(window, 'prompt').mockReturnValueOnce(null).mockReturnValueOnce('我 11 点才离开')
    renderPage(<RecordPage />)
    await screen.findByText('环境保护：社区环境清洁')
    await tap('对这条记录有异议') // cancelled
    expect(backend.eventsFor('disputeEntry')).toHaveLength(0)
    await tap('对这条记录有异议')
    await waitFor(() => expect(backend.eventsFor('disputeEntry')).toHaveLength(1))
    expect(prompt).toHaveBeenCalledTimes(2)
    expect(await screen.findByText('已提出异议：我 11 点才离开（等待社区答复）')).toBeTruthy()
    await gone('对这条记录有异议')
    const [d] = (await backend.call('demo-staff', 'volunteer', 'disputeQueue', {})).items
    await backend.call('demo-staff', 'volunteer', 'answerDispute', { disputeId: d.id, decision: 'adjust', minutes: 120, reason: '核实签到表' })
    await act(async () => globalThis.firePageEvent('onPullDownRefresh'))
    expect(await screen.findByText('异议答复：已更正，核实签到表')).toBeTruthy()
    // The correction is a new entry of +1.0 h beside the original 1.0 h; the totals follow.
    expect(await screen.findByText(/更正：\+1\.0 小时/)).toBeTruthy()
    expect(screen.getByText('平台确认时长：2.0 小时')).toBeTruthy()
  })

  it('requests a certificate after confirming; shows 已出具证明 No. … once staff record it', async () => {
    const v = await stageVolunteer('林秀英')
    backend.as(v.openid)
    const modal = stubModal({ confirm: false }, { confirm: true })
    jest.spyOn(window, 'prompt').mockReturnValueOnce('升学')
    renderPage(<RecordPage />)
    expect(await screen.findByText(/还没有确认的服务时长/)).toBeTruthy()
    await tap('申请志愿服务记录证明')
    expect(modal.mock.calls[0][0]).toMatchObject({ title: '申请证明' })
    expect(backend.eventsFor('requestCertificate')).toHaveLength(0)
    await tap('申请志愿服务记录证明')
    await waitFor(() => expect(backend.eventsFor('requestCertificate')).toHaveLength(1))
    expect(await screen.findByText(/已申请，等待社区办理/)).toBeTruthy()
    await gone('申请志愿服务记录证明')
    const [c] = (await backend.call('demo-staff', 'volunteer', 'certificateQueue', {})).items
    await backend.call('demo-staff', 'volunteer', 'recordCertificate', { certificateId: c.id, number: 'JM-2026-017', issuedOn: inDays(0) })
    await act(async () => globalThis.firePageEvent('onPullDownRefresh'))
    expect(await screen.findByText(/已出具证明 No\. JM-2026-017/)).toBeTruthy()
  })

  it('loads more entries on reaching the bottom (pages of 20)', async () => {
    const v = await stageVolunteer('郑秀兰')
    for (let i = 0; i < 23; i++)
      await backend.call('demo-staff', 'volunteer', 'backfill', {
        volunteerNo: v.number,
        serviceDate: inDays(-1 - i),
        minutes: 30,
        place: '活动室',
        serviceType: '其他',
        content: `整理图书 ${i + 1}`,
        reason: '线下活动',
        evidence: '签到表',
      })
    backend.as(v.openid)
    renderPage(<RecordPage />)
    await screen.findByText('其他：整理图书 1')
    expect(screen.getAllByTestId('record-entry')).toHaveLength(20)
    await act(async () => globalThis.firePageEvent('onReachBottom'))
    expect(await screen.findByText('其他：整理图书 23')).toBeTruthy()
    expect(screen.getAllByTestId('record-entry')).toHaveLength(23)
    expect(backend.eventsFor('myRecord').map((e) => (e.input as { page: number }).page)).toEqual([1, 2])
  })

  it('follows the large-font profile', async () => {
    const v = await stageVolunteer('赵大爷', 'junmen', true)
    await backend.call('demo-staff', 'volunteer', 'confirmShifts', { slotId: await stageCheckedOutSlot([v]) })
    backend.as(v.openid)
    const { container } = renderPage(<RecordPage />)
    await screen.findByText('平台确认时长：2.0 小时')
    await waitFor(() => expect(container.querySelector('.hm-page.hm-large')).toBeTruthy())
    expect(await screen.findByText('对这条记录有异议')).toBeTruthy()
  })

  it('shows the error state with retry when the totals cannot load', async () => {
    const v = await stageVolunteer('王芳')
    backend.as(v.openid)
    backend.offline()
    renderPage(<RecordPage />)
    expect(await screen.findByText('重试', {}, { timeout: 15_000 })).toBeTruthy()
    expect(screen.queryByTestId('record-totals')).toBeNull()
    backend.online()
    await tap('重试')
    expect(await screen.findByTestId('record-totals')).toBeTruthy()
  })
})

describe('staff confirm page', () => {
  it('lists the slots waiting, then bulk confirms a slot only after the confirmation dialog', async () => {
    const a = await stageVolunteer('陈志远')
    const b = await stageVolunteer('黄志强')
    const slotId = await stageCheckedOutSlot([a, { ...b, out: '10:00' }], '敬老院陪伴')
    backend.as('demo-staff')
    const queue = renderPage(<ConfirmPage />)
    const card = await screen.findByTestId('confirm-slot')
    expect(within(card).getByText('敬老院陪伴')).toBeTruthy()
    expect(within(card).getByText('待确认 2 人')).toBeTruthy()
    queue.unmount()

    setRouterParams({ slotId })
    const modal = stubModal({ confirm: false }, { confirm: true })
    renderPage(<ConfirmPage />)
    await screen.findByText('计算时长：2.0 小时')
    expect(screen.getByText('计算时长：1.0 小时')).toBeTruthy() // 08:50–10:00 clipped to the window: 60 min
    await tap('批量确认（2 人）')
    expect(modal.mock.calls[0][0]).toMatchObject({ title: '批量确认', content: expect.stringContaining('共 3.0 小时') })
    expect(backend.eventsFor('confirmShifts')).toHaveLength(0)
    await tap('批量确认（2 人）')
    await waitFor(() => expect(backend.eventsFor('confirmShifts')).toHaveLength(1))
    expect(backend.eventsFor('confirmShifts')[0].input).toEqual({ slotId, openids: [a.openid, b.openid] })
    await gone('批量确认（2 人）')
    expect(await screen.findAllByText('已确认')).toHaveLength(2)
    expect((await backend.call(a.openid, 'volunteer', 'myTotals', {})).liveMinutes).toBe(120)
    expect((await backend.call(b.openid, 'volunteer', 'myTotals', {})).liveMinutes).toBe(60)
  })

  it('leaves a flagged shift out of the bulk confirm; it is confirmed on its own after a look', async () => {
    const a = await stageVolunteer('陈志远')
    const b = await stageVolunteer('黄志强')
    const slotId = await stageCheckedOutSlot([a, { ...b, out: '11:00', flagged: '忘记签退，系统自动签退' }])
    backend.as('demo-staff')
    setRouterParams({ slotId })
    const modal = stubModal({ confirm: true }, { confirm: true })
    renderPage(<ConfirmPage />)
    expect(await screen.findByText('需复核：忘记签退，系统自动签退')).toBeTruthy()
    await tap('批量确认（1 人）')
    await waitFor(() => expect(backend.eventsFor('confirmShifts')).toHaveLength(1))
    expect(backend.eventsFor('confirmShifts')[0].input).toEqual({ slotId, openids: [a.openid] })
    await gone(/批量确认/)
    expect(await screen.findByText('已确认')).toBeTruthy()
    await tap('复核后确认')
    await waitFor(() => expect(backend.eventsFor('confirmShifts')).toHaveLength(2))
    expect(modal.mock.calls[1][0]).toMatchObject({ title: '复核后确认' })
    expect(backend.eventsFor('confirmShifts')[1].input).toEqual({ slotId, openids: [b.openid] })
    await gone('复核后确认')
    expect((await backend.call(b.openid, 'volunteer', 'myTotals', {})).liveMinutes).toBe(120)
  })

  it('voids one shift with a reason after confirming; staff of another community are refused', async () => {
    const a = await stageVolunteer('陈志远')
    const slotId = await stageCheckedOutSlot([a])
    backend.as('demo-staff-tangmen')
    setRouterParams({ slotId })
    const first = renderPage(<ConfirmPage />)
    expect(await screen.findByText('您只能管理自己负责的社区')).toBeTruthy()
    first.unmount()
    backend.as('demo-staff')
    stubModal({ confirm: true })
    jest.spyOn(window, 'prompt').mockReturnValueOnce('未实际到场')
    renderPage(<ConfirmPage />)
    await screen.findByText('计算时长：2.0 小时')
    await tap('作废')
    await waitFor(() => expect(backend.eventsFor('voidShift')).toHaveLength(1))
    expect(backend.eventsFor('voidShift')[0].input).toEqual({ slotId, openid: a.openid, reason: '未实际到场' })
    expect(await screen.findByText('原因：未实际到场')).toBeTruthy()
    expect(screen.getByText('已作废')).toBeTruthy()
  })
})
