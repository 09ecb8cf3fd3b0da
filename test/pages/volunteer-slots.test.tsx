// Layer 2, the volunteer service part A (issue 10): browse → detail → sign-up as a volunteer, 我的服务, and the staff
// project + repeat-slots path, against the real functions; loading, empty and error states.
import SlotsPage from '@/packages/volunteer/pages/slots'
import SlotPage from '@/packages/volunteer/pages/slot'
import MinePage from '@/packages/volunteer/pages/mine'
import ProjectsPage from '@/packages/volunteer-staff/pages/projects'
import ProjectPage from '@/packages/volunteer-staff/pages/project'
import TrainingPage from '@/packages/volunteer-staff/pages/training'
import { setLargeFontChoice } from '@/hooks/useLargeFont'
import type { Backend } from './backend'
import { act, countIs, fireEvent, renderPage, screen, setRouterParams, setupBackend, stubModal, stubNavigation, tap, tapIn, typeInto, waitFor } from './helpers'
import { inDays } from '../clock'

const backend = setupBackend()

const PROJECT = {
  communityId: 'junmen',
  title: '助老陪伴',
  description: '陪社区独居老人聊天读报。',
  serviceType: '助老助残' as const,
  place: { name: '军门社区服务中心', lat: 26.0865, lng: 119.2965, radiusM: 200 },
  requirements: { trainingTags: [], insuranceRequired: false } as { minAge?: number; trainingTags: []; insuranceRequired: boolean },
  contactName: '郑社工',
  contactPhone: '13905910001',
}

/** A project of 军门社区 with one slot `offset` days ahead, made by its staff; returns the slot's id. */
async function stageSlot(b: Backend, over: Partial<typeof PROJECT> = {}, offset = 2): Promise<{ projectId: string; slotId: string }> {
  const project = await b.call('demo-staff', 'volunteer', 'saveProject', { ...PROJECT, ...over })
  const made = await b.call('demo-staff', 'volunteer', 'createSlots', { projectId: project.id, date: inDays(offset), startTime: '09:00', endTime: '11:00', headcount: 5 })
  return { projectId: project.id, slotId: made.slotIds[0] }
}

describe('volunteer: browse, detail, sign-up, 我的服务', () => {
  let nav: ReturnType<typeof stubNavigation>
  beforeEach(() => {
    nav = stubNavigation()
    backend.as('demo-volunteer-2')
  })

  it('browse shows loading, then the open slots of my community as cards; a tap opens the slot', async () => {
    const { slotId } = await stageSlot(backend)
    const held = backend.hold('browseSlots')
    renderPage(<SlotsPage />)
    await held.reached
    expect(screen.getByText('正在加载…')).toBeTruthy()
    held.release()
    expect(await screen.findByText('助老陪伴')).toBeTruthy()
    const card = screen.getByTestId('slot-card').textContent!
    expect(card).toContain('还剩 5 个名额')
    expect(card).toContain('军门社区服务中心')
    expect(card).toContain(`${inDays(2)} 09:00–11:00`)
    expect(card).not.toContain('13905910001')
    expect(backend.eventsFor('browseSlots')[0].input).toEqual({ scope: 'community', page: 1, pageSize: 20 })
    await tap('助老陪伴')
    expect(nav.navigateTo).toHaveBeenCalledWith({ url: `/packages/volunteer/pages/slot/index?id=${slotId}` })
    await tapIn('服务类型', '环境保护')
    expect(await screen.findByText('没有符合条件的班次')).toBeTruthy()
  })

  it('browse: the empty state, and the error state with a retry that works', async () => {
    backend.failNext('browseSlots', 2) // the client retries once
    renderPage(<SlotsPage />)
    expect(await screen.findByText('重试')).toBeTruthy()
    await tap('重试')
    expect(await screen.findByText('暂时没有可报名的班次')).toBeTruthy()
  })

  it('signs up from the detail (insurance acknowledged first), then cancels after a confirmation', async () => {
    const { slotId } = await stageSlot(backend, { requirements: { trainingTags: [], insuranceRequired: true } })
    setRouterParams({ id: slotId })
    const modal = stubModal()
    renderPage(<SlotPage />)
    expect(await screen.findByText('本项目需要意外保险：请确认您已投保或由组织方统一投保。')).toBeTruthy()
    // No contact before holding a place.
    expect(document.body.textContent).not.toContain('13905910001')
    await tap('报名')
    await waitFor(() => expect(modal).toHaveBeenCalledWith(expect.objectContaining({ content: '这个项目需要意外保险，请确认已知晓' })))
    await tap('我已知晓保险要求')
    await tap('报名')
    await waitFor(() => expect(nav.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '报名成功' })))
    expect(await screen.findByText('状态：已报名')).toBeTruthy()
    expect(screen.getByText('郑社工 13905910001')).toBeTruthy()
    const ev = backend.eventsFor('signUp')
    expect(ev.at(-1)!.input).toEqual({ slotId, insuranceAck: true, subscribed: false })
    expect(ev.at(-1)!.requestId).toBeTruthy()
    await tap('取消报名')
    await waitFor(() => expect(nav.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已取消报名' })))
    expect(modal).toHaveBeenCalledWith(expect.objectContaining({ title: '取消报名' }))
    await backend.settled()
    const seen = await backend.call('demo-volunteer-2', 'volunteer', 'slotDetail', { slotId })
    expect(seen).toMatchObject({ taken: 0, mine: { status: 'cancelled' }, allowed: ['signUp'] })
  })

  it('a volunteer without a birth date adds it on the page and is signed up', async () => {
    const { slotId } = await stageSlot(backend, { requirements: { minAge: 18, trainingTags: [], insuranceRequired: false } })
    setRouterParams({ id: slotId })
    renderPage(<SlotPage />)
    await tap('报名')
    expect(await screen.findByText('请补充出生日期')).toBeTruthy()
    await typeInto('出生日期', '1980-02-03')
    await tap('保存并报名')
    await waitFor(() => expect(nav.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '报名成功' })))
    expect(await screen.findByText('状态：已报名')).toBeTruthy()
    expect(backend.eventsFor('setBirthDate')[0].input).toEqual({ birthDate: '1980-02-03' })
  })

  it('the slot page follows large-font mode', async () => {
    const { slotId } = await stageSlot(backend)
    setRouterParams({ id: slotId })
    const { container } = renderPage(<SlotPage />)
    await screen.findByText('报名')
    expect(container.querySelector('.hm-page')!.classList.contains('hm-large')).toBe(false)
    await act(async () => setLargeFontChoice(true))
    expect(container.querySelector('.hm-page')!.classList.contains('hm-large')).toBe(true)
    await act(async () => setLargeFontChoice(false))
  })

  it('我的服务 lists my slot under 即将开始, and the empty tabs say so', async () => {
    const { slotId } = await stageSlot(backend)
    await backend.call('demo-volunteer-2', 'volunteer', 'signUp', { slotId })
    renderPage(<MinePage />)
    expect(await screen.findByText('助老陪伴')).toBeTruthy()
    expect(screen.getByTestId('slot-card').textContent).toContain('已报名')
    await tapIn('我的服务', '已结束')
    expect(await screen.findByText('还没有已结束的服务')).toBeTruthy()
  })
})

describe('staff: a project and its repeat slots', () => {
  let nav: ReturnType<typeof stubNavigation>
  beforeEach(() => {
    nav = stubNavigation()
    backend.as('demo-staff')
  })

  it('creates a project, publishes every Saturday for 8 weeks, and lists the slots with their roster links', async () => {
    setRouterParams({})
    renderPage(<ProjectPage />)
    expect(await screen.findByText('新建服务项目')).toBeTruthy()
    await tapIn('所属社区', '军门社区')
    await typeInto('项目名称', '周末环保行动')
    await typeInto('项目介绍', '清理河道两岸的垃圾。')
    await tapIn('服务类型', '环境保护')
    await typeInto('服务地点', '白马河公园')
    await typeInto('纬度', '26.08')
    await typeInto('经度', '119.29')
    await typeInto('联系人', '郑社工')
    await typeInto('联系电话', '13905910001')
    await tap('保存项目')
    expect(await screen.findByText('发布班次')).toBeTruthy()
    const saved = backend.eventsFor('saveProject')[0].input as Record<string, unknown>
    expect(saved).toMatchObject({ communityId: 'junmen', title: '周末环保行动', serviceType: '环境保护', place: { name: '白马河公园', lat: 26.08, lng: 119.29, radiusM: 200 } })

    await typeInto('日期（重复时为开始日期）', inDays(1))
    await tap('周六')
    await tap('发布')
    await waitFor(() => expect(nav.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '班次已发布' })))
    await countIs(document.body, '[data-testid="staff-slot"]', 8)
    expect(backend.eventsFor('createSlots')[0].input).toMatchObject({ startTime: '09:00', endTime: '11:00', headcount: 10, cutoffMinutes: 60, repeat: { weekdays: [6], weeks: 8 } })
    await act(async () => {
      fireEvent.click(screen.getAllByText('名单')[0])
    })
    expect(nav.navigateTo).toHaveBeenCalledWith({ url: expect.stringMatching(/^\/packages\/volunteer-staff\/pages\/roster\/index\?slotId=/) })
  })

  it('refuses a credit above the window beside its field, and writes nothing', async () => {
    const { projectId } = await stageSlot(backend)
    setRouterParams({ id: projectId })
    renderPage(<ProjectPage />)
    expect(await screen.findByText('发布班次')).toBeTruthy()
    await typeInto('日期（重复时为开始日期）', inDays(3))
    await typeInto('计入时长（分钟，不填为班次时长）', '150')
    await tap('发布')
    expect(await screen.findByText('计入时长不能超过班次时长')).toBeTruthy()
    await backend.settled()
    expect((await backend.call('demo-staff', 'volunteer', 'listProjectSlots', { projectId })).items).toHaveLength(1)
  })

  it('changes a slot’s time and tells staff whom to call', async () => {
    const { projectId, slotId } = await stageSlot(backend)
    await backend.call('demo-volunteer-2', 'volunteer', 'signUp', { slotId })
    setRouterParams({ id: projectId })
    jest.spyOn(window, 'prompt').mockReturnValue(`${inDays(2)} 14:00-16:00`)
    const modal = stubModal()
    renderPage(<ProjectPage />)
    await tap('改时间')
    await waitFor(() => expect(nav.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已修改' })))
    expect(backend.eventsFor('editSlot')[0].input).toEqual({ slotId, date: inDays(2), startTime: '14:00', endTime: '16:00' })
    const hint = modal.mock.calls.map((c) => (c[0] as { content?: string }).content ?? '').find((c) => c.includes('请电话告知'))
    expect(hint).toContain('黄志强 13800138003')
    expect(await screen.findByText(`${inDays(2)} 14:00–16:00`)).toBeTruthy()
  })

  it('cancels a slot with a reason and shows the call list of those without a subscription', async () => {
    const { projectId, slotId } = await stageSlot(backend)
    await backend.call('demo-volunteer-2', 'volunteer', 'signUp', { slotId })
    setRouterParams({ id: projectId })
    const prompt = jest.spyOn(window, 'prompt').mockReturnValue('场地检修')
    const modal = stubModal({ confirm: true }, { confirm: true })
    renderPage(<ProjectPage />)
    await tap('取消班次')
    await waitFor(() => expect(nav.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '班次已取消' })))
    expect(prompt).toHaveBeenCalled()
    const hint = modal.mock.calls.map((c) => (c[0] as { content?: string }).content ?? '').find((c) => c.includes('请电话告知'))
    expect(hint).toContain('黄志强')
    expect(await screen.findByText('取消原因：场地检修')).toBeTruthy()
  })

  it('the project list opens a project; staff of another community see none of 军门社区', async () => {
    const { projectId } = await stageSlot(backend)
    renderPage(<ProjectsPage />)
    await tap('助老陪伴')
    expect(nav.navigateTo).toHaveBeenCalledWith({ url: `/packages/volunteer-staff/pages/project/index?id=${projectId}` })
    expect((await backend.call('demo-staff-tangmen', 'volunteer', 'listProjects', {})).items).toEqual([])
  })

  it('records a volunteer’s trainings from the training page (the current set first)', async () => {
    setRouterParams({ openid: 'demo-volunteer' })
    renderPage(<TrainingPage />)
    expect(await screen.findByText('陈志远')).toBeTruthy()
    expect(screen.getByText('志愿者编号：编号生成中')).toBeTruthy()
    await tap('急救培训')
    await tap('保存')
    await waitFor(() => expect(nav.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已保存' })))
    expect(backend.eventsFor('setTrainingTags')[0].input).toEqual({ openid: 'demo-volunteer', tags: ['急救培训'] })
    expect(await screen.findByText('✓ 急救培训')).toBeTruthy()
  })
})
