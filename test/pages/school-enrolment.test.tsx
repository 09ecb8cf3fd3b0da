// Layer 2, the 4 o'clock school's enrolment (issue 11, part B): a guardian enrols (a place, or the waitlist with its
// position shown), accepts an offer on 我的报名, and staff remove a child with a reason; against the real functions.
// Sessions and children are staged in the store (part A's functions are built alongside); every step after that
// goes through the functions.
import SessionPage from '@/packages/school/pages/session'
import FamilyPage from '@/packages/school/pages/family'
import LotteryPage from '@/packages/school/pages/lottery'
import EnrolmentsPage from '@/packages/school-staff/pages/enrolments'
import { setLargeFontChoice } from '@/hooks/useLargeFont'
import { PRIVACY_VERSION } from '@/contracts'
import { ROUTES } from '@/routes'
import type { Backend } from './backend'
import { act, fireEvent, renderPage, screen, setRouterParams, setupBackend, stubModal, stubNavigation, tap, tapOnWeapp, waitFor } from './helpers'
import { signUp } from './stage'
import type { UserDoc } from '../../cloud/lib/model'
import { stageDocs } from '../support/stageDocs'
import { childDoc, sessionDoc, stagedId, type SessionOpts } from '../support/schoolEnrolmentDocs'

const backend = setupBackend()

const control = () => globalThis.__hemeiEmulator.control

/** A session of 军门社区 staged in the store; returns its id. */
async function stageSession(o: SessionOpts = {}): Promise<string> {
  const doc = sessionDoc('junmen', Date.now(), o)
  await stageDocs(control(), [{ coll: 'sch_sessions', doc }])
  return doc._id
}

/** A signed-up guardian with one child (or none), staged; returns the openid and the child's id. */
async function guardian(b: Backend, name = '王小明', withChild = true): Promise<{ openid: string; childId: string }> {
  const openid = await signUp(b, { nickname: '家长' })
  if (!withChild) return { openid, childId: '' }
  const child = childDoc(openid, stagedId('fam'), Date.now(), { name, phone: '13900002222', healthNote: '花生过敏' })
  await stageDocs(control(), [{ coll: 'sch_children', doc: child }])
  return { openid, childId: child._id }
}

describe('a family enrols', () => {
  let nav: ReturnType<typeof stubNavigation>
  beforeEach(() => {
    nav = stubNavigation()
  })

  it('enrols a child where a place is free: the toast, then 已录取 with cancel', async () => {
    const sessionId = await stageSession({ capacity: 2 })
    const g = await guardian(backend)
    backend.as(g.openid)
    setRouterParams({ id: sessionId })
    renderPage(<SessionPage />)
    expect(await screen.findByText('2027 春季 四点钟学校 一至三年级')).toBeTruthy()
    expect(screen.getByText('为哪个孩子报名')).toBeTruthy()
    // Two taps before the first answer: one call.
    const button = screen.getByText('报名')
    await act(async () => {
      fireEvent.click(button)
      fireEvent.click(button)
    })
    await waitFor(() => expect(nav.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '报名成功' })))
    expect(await screen.findByText('状态：已录取')).toBeTruthy()
    expect(screen.getByText('取消报名')).toBeTruthy()
    await backend.settled()
    expect(backend.eventsFor('enrol').map((e) => e.input)).toEqual([{ sessionId, childId: g.childId, subscribed: false }])
  })

  it('weapp: asks for the offer-notice subscription (the id from user.me) inside the tap, before enrolling', async () => {
    const sessionId = await stageSession({ capacity: 1 })
    const g = await guardian(backend)
    backend.as(g.openid)
    setRouterParams({ id: sessionId })
    renderPage(<SessionPage />)
    expect(await screen.findByText('为哪个孩子报名')).toBeTruthy()
    const tapped = await tapOnWeapp(backend, '报名', 'enrol', 'SCH_OFFER', true)
    // The id the school function sends offers with, as user.me gives it (HEMEI_TPL_SCH_OFFER unset: the local default).
    expect(tapped).toEqual({ asked: [['local-tpl-sch-offer', 'local-tpl-school-day-cancelled']], sentBeforeAsk: 0, id: 'local-tpl-sch-offer' })
    expect(backend.eventsFor('enrol')[0].input).toEqual({ sessionId, childId: g.childId, subscribed: true })
  })

  it('a full session: the child is waitlisted and the page shows 候补第 1 位; cancel asks first', async () => {
    const sessionId = await stageSession({ capacity: 1 })
    const first = await guardian(backend, '陈小红')
    await backend.call(first.openid, 'school', 'enrol', { sessionId, childId: first.childId })
    const g = await guardian(backend)
    backend.as(g.openid)
    setRouterParams({ id: sessionId })
    const modal = stubModal({ confirm: true }, { confirm: false })
    renderPage(<SessionPage />)
    await tap('报名')
    await waitFor(() => expect(modal).toHaveBeenCalledWith(expect.objectContaining({ title: '已进入候补', content: expect.stringContaining('排第 1 位') })))
    expect(await screen.findByText('候补第 1 位')).toBeTruthy()
    expect(document.body.textContent).not.toContain('陈小红')
    await tap('取消候补')
    await waitFor(() => expect(modal).toHaveBeenCalledWith(expect.objectContaining({ title: '取消候补' })))
    await backend.settled()
    expect(backend.eventsFor('cancelEnrolment')).toHaveLength(0)
    expect(screen.getByText('候补第 1 位')).toBeTruthy()
  })

  it('a guardian without children is sent to add one', async () => {
    const sessionId = await stageSession()
    const g = await guardian(backend, '', false)
    backend.as(g.openid)
    setRouterParams({ id: sessionId })
    renderPage(<SessionPage />)
    expect(await screen.findByText('您还没有添加孩子，添加后才能报名。')).toBeTruthy()
    await tap('添加孩子')
    expect(nav.navigateTo).toHaveBeenCalledWith({ url: ROUTES.schoolChild })
  })

  it('a volunteer assigned to the station opens its roster from the session page; a guardian sees no such link', async () => {
    const sessionId = await stageSession()
    const volunteer = `page-v-${stagedId('u')}`
    const user: UserDoc = {
      _id: volunteer,
      nickname: '志愿者',
      communityId: 'junmen',
      privacyVersion: PRIVACY_VERSION,
      privacyAgreedAt: new Date(),
      volunteerStatus: 'approved',
      staffCommunityIds: [],
      createdAt: new Date(),
      updatedAt: new Date(),
      school: { stations: ['junmen'] },
    }
    await stageDocs(control(), [{ coll: 'users', doc: user }])
    backend.as(volunteer)
    setRouterParams({ id: sessionId })
    const view = renderPage(<SessionPage />)
    await tap('花名册（服务站志愿者）')
    expect(nav.navigateTo).toHaveBeenCalledWith({ url: `${ROUTES.schoolRoster}?sessionId=${encodeURIComponent(sessionId)}` })
    view.unmount()

    const g = await guardian(backend)
    backend.as(g.openid)
    renderPage(<SessionPage />)
    expect(await screen.findByText('为哪个孩子报名')).toBeTruthy()
    await backend.settled()
    expect(screen.queryByText('花名册（服务站志愿者）')).toBeNull()
  })

  it('the session page: the error state with a retry that works', async () => {
    const sessionId = await stageSession()
    const g = await guardian(backend)
    backend.as(g.openid)
    setRouterParams({ id: sessionId })
    backend.failNext('sessionDetail', 2)
    renderPage(<SessionPage />)
    await tap('重试')
    expect(await screen.findByText('2027 春季 四点钟学校 一至三年级')).toBeTruthy()
  })
})

describe('我的报名 and offers', () => {
  let nav: ReturnType<typeof stubNavigation>
  beforeEach(() => {
    nav = stubNavigation()
  })

  it('an offered place shows its time left; 确认入学 enrols the child', async () => {
    const sessionId = await stageSession({ capacity: 1 })
    const a = await guardian(backend, '陈小红')
    const g = await guardian(backend)
    await backend.call(a.openid, 'school', 'enrol', { sessionId, childId: a.childId })
    await backend.call(g.openid, 'school', 'enrol', { sessionId, childId: g.childId })
    backend.as(g.openid)
    const { unmount } = renderPage(<FamilyPage />)
    expect(await screen.findByText('候补第 1 位')).toBeTruthy()
    unmount()
    // A cancels: the place is offered to g.
    await backend.call(a.openid, 'school', 'cancelEnrolment', { sessionId, childId: a.childId })
    renderPage(<FamilyPage />)
    expect(await screen.findByText('状态：候补到位，待确认')).toBeTruthy()
    expect(screen.getByText(/剩余 2[34] 小时/)).toBeTruthy()
    expect(document.body.textContent).not.toContain('陈小红')
    await tap('确认入学')
    expect(await screen.findByText('状态：已录取')).toBeTruthy()
    // An enrolled child's days (part C's page) are one tap away.
    await tap('到校和接送记录')
    expect(nav.navigateTo).toHaveBeenCalledWith({ url: `${ROUTES.schoolDay}?childId=${g.childId}` })
    await backend.settled()
    expect((await backend.call(g.openid, 'school', 'sessionDetail', { sessionId })).mine[0]).toMatchObject({ status: 'enrolled' })
  })

  it('放弃 asks first, then the place passes on', async () => {
    const sessionId = await stageSession({ capacity: 1 })
    const a = await guardian(backend, '陈小红')
    const g = await guardian(backend)
    await backend.call(a.openid, 'school', 'enrol', { sessionId, childId: a.childId })
    await backend.call(g.openid, 'school', 'enrol', { sessionId, childId: g.childId })
    await backend.call(a.openid, 'school', 'cancelEnrolment', { sessionId, childId: a.childId })
    backend.as(g.openid)
    const modal = stubModal()
    renderPage(<FamilyPage />)
    await tap('放弃')
    await waitFor(() => expect(modal).toHaveBeenCalledWith(expect.objectContaining({ title: '放弃名额' })))
    expect(await screen.findByText('状态：已放弃')).toBeTruthy()
  })

  it('the empty 我的报名, and large-font mode', async () => {
    const g = await guardian(backend)
    backend.as(g.openid)
    const { container } = renderPage(<FamilyPage />)
    expect(await screen.findByText('还没有报名，去看看四点钟学校的班级吧')).toBeTruthy()
    await act(async () => setLargeFontChoice(true))
    expect(container.querySelector('.hm-page')!.classList.contains('hm-large')).toBe(true)
    await act(async () => setLargeFontChoice(false))
  })
})

describe('staff and the 摇号', () => {
  beforeEach(() => {
    stubNavigation()
  })

  it('staff see the tabs with counts and remove a child with a reason and a confirmation; the place is offered on', async () => {
    const sessionId = await stageSession({ capacity: 1 })
    const a = await guardian(backend, '陈小红')
    const g = await guardian(backend)
    await backend.call(a.openid, 'school', 'enrol', { sessionId, childId: a.childId })
    await backend.call(g.openid, 'school', 'enrol', { sessionId, childId: g.childId })
    backend.as('demo-staff')
    setRouterParams({ sessionId })
    const prompt = jest.spyOn(window, 'prompt').mockReturnValue('家长要求退出')
    const modal = stubModal()
    renderPage(<EnrolmentsPage />)
    expect(await screen.findByText('已录取 1')).toBeTruthy()
    expect(screen.getByText('候补 1')).toBeTruthy()
    expect(screen.getByText('⚠ 过敏/健康提示：花生过敏')).toBeTruthy()
    expect(document.body.textContent).not.toContain('13900002222')
    await tap('移出')
    await waitFor(() => expect(modal).toHaveBeenCalledWith(expect.objectContaining({ title: '确认移出' })))
    expect(await screen.findByText('待确认 1')).toBeTruthy()
    expect(backend.eventsFor('removeEnrolment')[0].input).toEqual({ sessionId, childId: a.childId, reason: '家长要求退出' })
    await tap('待确认名额的电话名单')
    expect(await screen.findByText(/王小明：13900002222/)).toBeTruthy()
    prompt.mockRestore()
  })

  it('the 摇号 results page before the draw shows the rules and the announced number', async () => {
    const sessionId = await stageSession({ mode: 'lottery', announcedNumber: '51327' })
    backend.as('demo-resident')
    setRouterParams({ sessionId })
    renderPage(<LotteryPage />)
    expect(await screen.findByText('事先公布的号码：51327')).toBeTruthy()
    expect(screen.getByText('还没有摇号，截止后由工作人员摇号并公布结果。')).toBeTruthy()
    expect(screen.getByText(/SHA-256/)).toBeTruthy()
  })
})
