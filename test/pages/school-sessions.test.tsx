// Layer 2, the 4 o'clock school part A (issue 11): the families' session list (my community / district, a card
// opens the session), its loading, empty and error states; staff's session list with its links, and the session
// form (new, and an edit once entries exist). Against the real functions.
import SchoolSessionsPage from '@/packages/school/pages/sessions'
import StaffSessionsPage from '@/packages/school-staff/pages/sessions'
import SessionEditPage from '@/packages/school-staff/pages/session-edit'
import StationPage from '@/packages/school-staff/pages/station'
import { act, fireEvent, renderPage, screen, setRouterParams, setupBackend, stubModal, stubNavigation, tap, tapIn, typeInto, waitFor, within } from './helpers'
import { signUp } from './stage'
import { inDays } from '../clock'

const backend = setupBackend()

/** A session of `communityId` made by its staff; returns its id. */
async function stageSession(over: Record<string, unknown> = {}, communityId = 'junmen'): Promise<string> {
  const made = await backend.call('demo-staff', 'school', 'saveSession', {
    communityId,
    name: '2027 春季 一至三年级',
    termStart: inDays(10),
    termEnd: inDays(100),
    weekdays: [1, 3, 5],
    capacity: 20,
    grades: { min: 1, max: 3 },
    opensAt: `${inDays(-1)} 09:00`,
    closesAt: `${inDays(7)} 18:00`,
    mode: 'first_come',
    priorityGroups: [],
    activities: ['作业辅导'],
    ...over,
  })
  return made.session.id
}

describe('families: the session list', () => {
  let nav: ReturnType<typeof stubNavigation>
  beforeEach(() => {
    nav = stubNavigation()
  })

  it('shows loading, then my community’s sessions as cards; the district tab; a tap opens the session', async () => {
    const id = await stageSession()
    await stageSession({ name: '庆城 秋季班' }, 'qingcheng')
    backend.as(await signUp(backend))
    const held = backend.hold('browseSessions')
    renderPage(<SchoolSessionsPage />)
    await held.reached
    expect(screen.getByText('正在加载…')).toBeTruthy()
    held.release()
    expect(await screen.findByText('2027 春季 一至三年级')).toBeTruthy()
    const card = screen.getByTestId('session-card').textContent!
    expect(card).toContain('报名中')
    expect(card).toContain('周一、周三、周五 16:00–18:00')
    expect(card).toContain('共 20 个名额，还剩 20 个')
    expect(screen.queryByText('庆城 秋季班')).toBeNull()
    expect(backend.eventsFor('browseSessions')[0].input).toEqual({ scope: 'community', page: 1, pageSize: 20 })
    await tap('2027 春季 一至三年级')
    expect(nav.navigateTo).toHaveBeenCalledWith({ url: `/packages/school/pages/session/index?id=${id}` })
    await tapIn('范围', '全区')
    expect(await screen.findByText('庆城 秋季班')).toBeTruthy()
    await tap('我的孩子')
    expect(nav.navigateTo).toHaveBeenCalledWith({ url: '/packages/school/pages/children/index' })
  })

  it('the empty state, and the error state with a retry that works', async () => {
    backend.as(await signUp(backend))
    backend.failNext('browseSessions', 2) // the client retries once
    renderPage(<SchoolSessionsPage />)
    expect(await screen.findByText('重试')).toBeTruthy()
    await tap('重试')
    expect(await screen.findByText('本社区暂时没有四点钟学校班次，可以看看全区')).toBeTruthy()
  })
})

describe('staff: sessions and the session form', () => {
  let nav: ReturnType<typeof stubNavigation>
  beforeEach(() => {
    nav = stubNavigation()
    backend.as('demo-staff')
  })

  it('creates a session with the form (weekday chips, grades, lottery with its announced number)', async () => {
    setRouterParams({})
    renderPage(<SessionEditPage />)
    expect(await screen.findByText('新建班次')).toBeTruthy()
    await tapIn('所属社区', '军门社区')
    await typeInto('班次名称', '2027 春季 摇号班')
    await tapIn('上课日', '✓ 周五')
    await tapIn('最高年级', '四年级')
    await typeInto('名额', '25')
    await tapIn('招生方式', '摇号')
    await tapIn('优先照顾', '留守儿童')
    await tapIn('每天的活动', '手工')
    await tap('发布班次')
    expect(await screen.findByText('摇号班次请填写事先公布的号码（用作摇号种子）')).toBeTruthy()
    await typeInto('摇号种子号码（报名截止前公布）', '20270301')
    await tap('发布班次')
    await waitFor(() => expect(nav.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已保存' })))
    const sent = backend.eventsFor('saveSession').at(-1)!.input as Record<string, unknown>
    expect(sent).toMatchObject({
      communityId: 'junmen',
      name: '2027 春季 摇号班',
      weekdays: [1, 2, 3, 4],
      capacity: 25,
      grades: { min: 1, max: 4 },
      mode: 'lottery',
      announcedNumber: '20270301',
      priorityGroups: ['left_behind'],
      activities: ['作业辅导', '阅读', '手工'],
    })
    const list = await backend.call('demo-staff', 'school', 'staffSessions', { communityId: 'junmen' })
    expect(list.items[0].session).toMatchObject({ name: '2027 春季 摇号班', mode: 'lottery', lottery: { announcedNumber: '20270301', drawn: false } })
    expect(nav.navigateBack).toHaveBeenCalled()
  })

  it('lists the sessions with their links; closes one after a confirmation', async () => {
    const id = await stageSession()
    renderPage(<StaffSessionsPage />)
    expect(await screen.findByText('2027 春季 一至三年级')).toBeTruthy()
    await tap('报名管理')
    expect(nav.navigateTo).toHaveBeenCalledWith({ url: `/packages/school-staff/pages/enrolments/index?sessionId=${id}` })
    await tap('花名册')
    expect(nav.navigateTo).toHaveBeenCalledWith({ url: `/packages/school-staff/pages/roster/index?sessionId=${id}` })
    await tap('统计')
    expect(nav.navigateTo).toHaveBeenCalledWith({ url: `/packages/school-staff/pages/stats/index?sessionId=${id}` })
    const modal = stubModal({ confirm: true })
    await tap('截止报名')
    await waitFor(() => expect(nav.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已截止报名' })))
    expect(modal).toHaveBeenCalledWith(expect.objectContaining({ title: '截止报名' }))
    expect(await screen.findByText('已截止')).toBeTruthy()
    expect(screen.queryByText('截止报名')).toBeNull()
    expect((await backend.call('demo-staff', 'school', 'staffSession', { sessionId: id })).session.status).toBe('closed')
  })
})

describe('staff: the station’s volunteers', () => {
  it('assigns an approved volunteer of the community, and removes them after a confirmation', async () => {
    const nav = stubNavigation()
    backend.as('demo-staff')
    renderPage(<StationPage />)
    await tapIn('社区', '军门社区')
    expect(await screen.findByText('还没有安排志愿者')).toBeTruthy()
    const rows = await screen.findAllByTestId('approved-volunteer')
    const name = rows[0].textContent!.replace('安排到服务站', '').trim()
    await act(async () => {
      fireEvent.click(within(rows[0]).getByText('安排到服务站'))
    })
    await waitFor(() => expect(nav.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已安排' })))
    const assigned = await screen.findByTestId('station-volunteer')
    expect(assigned.textContent).toContain(name)
    expect(assigned.textContent).not.toMatch(/1[3-9]\d{9}/)
    const modal = stubModal({ confirm: true })
    await tap('移出')
    await waitFor(() => expect(nav.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已移出' })))
    expect(modal).toHaveBeenCalledWith(expect.objectContaining({ title: '移出服务站' }))
    expect(await screen.findByText('还没有安排志愿者')).toBeTruthy()
    expect((await backend.call('demo-staff', 'school', 'stationVolunteers', { communityId: 'junmen' })).items).toEqual([])
  })
})
