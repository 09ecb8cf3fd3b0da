// Layer 2, the workbench's 4 o'clock school tiles (src/contracts/workbench.ts): 待确认的候补名额 and 待核实的优先资格
// open the staff's session list at their route, which shows only the sessions the tile counts; each card opens
// 报名管理 on the tab where staff act. Against the real functions.
import { WORKBENCH_QUEUES } from '@/contracts/workbench'
import StaffSessionsPage from '@/packages/school-staff/pages/sessions'
import EnrolmentsPage from '@/packages/school-staff/pages/enrolments'
import type { Backend } from './backend'
import { renderPage, screen, setRouterParams, setupBackend, stubNavigation, tap, waitFor } from './helpers'
import { signUp } from './stage'
import { stageDocs } from '../support/stageDocs'
import { childDoc, sessionDoc, stagedId, type SessionOpts } from '../support/schoolEnrolmentDocs'

const backend = setupBackend()
const control = () => globalThis.__hemeiEmulator.control

/** A session of 军门社区 staged in the store (extra fields over the doc); returns its id. */
async function stageSession(name: string, o: SessionOpts = {}, over: Record<string, unknown> = {}): Promise<string> {
  const doc = { ...sessionDoc('junmen', Date.now(), { ...o, name }), ...over }
  await stageDocs(control(), [{ coll: 'sch_sessions', doc }])
  return doc._id
}

/** A signed-up guardian with one child, staged. */
async function guardian(b: Backend, name: string): Promise<{ openid: string; childId: string }> {
  const openid = await signUp(b, { nickname: '家长' })
  const child = childDoc(openid, stagedId('fam'), Date.now(), { name, phone: '13900002222' })
  await stageDocs(control(), [{ coll: 'sch_children', doc: child }])
  return { openid, childId: child._id }
}

/** The route's query as the page's router params (`?queue=offers` → { queue: 'offers' }). */
function paramsOf(route: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(route.split('?')[1] ?? ''))
}

/** The session names the list shows (one per card). */
async function shownSessions(): Promise<string[]> {
  const cards = await screen.findAllByTestId('staff-session-card')
  return cards.map((c) => c.querySelector('.hm-h2')?.textContent ?? '').sort()
}

describe('the workbench school tiles open what they count', () => {
  let nav: ReturnType<typeof stubNavigation>
  let offered: string
  let claimed: string
  beforeEach(async () => {
    nav = stubNavigation()
    // An offered place: capacity 1, a second child waits, staff remove the first → the place is offered.
    offered = await stageSession('有待确认名额的班', { capacity: 1 })
    const a = await guardian(backend, '陈小红')
    const g = await guardian(backend, '王小明')
    await backend.call(a.openid, 'school', 'enrol', { sessionId: offered, childId: a.childId })
    await backend.call(g.openid, 'school', 'enrol', { sessionId: offered, childId: g.childId })
    await backend.call('demo-staff', 'school', 'removeEnrolment', { sessionId: offered, childId: a.childId, reason: '家长要求退出' })
    // A 摇号 family claims a priority group staff have not decided yet.
    claimed = await stageSession('有待核实资格的班', { mode: 'lottery' })
    const l = await guardian(backend, '李小华')
    await backend.call(l.openid, 'school', 'enterLottery', { sessionId: claimed, childIds: [l.childId], claim: 'left_behind' })
    // Neither: a waitlist only; a 摇号 whose claim is already verified.
    const w = await stageSession('只有候补的班', { capacity: 1 })
    const w1 = await guardian(backend, '赵小一')
    const w2 = await guardian(backend, '赵小二')
    await backend.call(w1.openid, 'school', 'enrol', { sessionId: w, childId: w1.childId })
    await backend.call(w2.openid, 'school', 'enrol', { sessionId: w, childId: w2.childId })
    const at = new Date()
    await stageSession(
      '资格已核实的班',
      { mode: 'lottery' },
      {
        lottery: {
          announcedNumber: '8273',
          entries: [{ familyId: 'fam-x', childIds: ['child-x'], by: 'someone', at, no: 1, claim: 'low_income', verified: true, verifiedBy: 'demo-staff', verifiedAt: at }],
        },
      },
    )
    backend.as('demo-staff')
  })

  it('without a queue: every session', async () => {
    setRouterParams({})
    renderPage(<StaffSessionsPage />)
    expect(await shownSessions()).toEqual(['只有候补的班', '有待核实资格的班', '有待确认名额的班', '资格已核实的班'])
    expect(screen.getByText('新建班次')).toBeTruthy()
  })

  it('待确认的候补名额: the sessions holding an offered place; 报名管理 opens on 待确认 with the child', async () => {
    setRouterParams(paramsOf(WORKBENCH_QUEUES.schoolOffers.route))
    renderPage(<StaffSessionsPage />)
    expect(await shownSessions()).toEqual(['有待确认名额的班'])
    expect(screen.getByText('有待确认候补名额的班次')).toBeTruthy()
    expect(backend.eventsFor('staffSessions')[0].input).toMatchObject({ queue: 'offers' })
    await tap('报名管理')
    const url = `/packages/school-staff/pages/enrolments/index?sessionId=${offered}&tab=offered`
    expect(nav.navigateTo).toHaveBeenCalledWith({ url })
    setRouterParams(paramsOf(url))
    renderPage(<EnrolmentsPage />)
    expect(await screen.findByText('待确认名额的电话名单')).toBeTruthy()
    await waitFor(() => expect(document.body.textContent).toContain('王小明'))
    expect(document.body.textContent).not.toContain('陈小红')
  })

  it('待核实的优先资格: the 摇号 sessions with an undecided claim; 报名管理 opens on 摇号报名', async () => {
    setRouterParams(paramsOf(WORKBENCH_QUEUES.schoolClaims.route))
    renderPage(<StaffSessionsPage />)
    expect(await shownSessions()).toEqual(['有待核实资格的班'])
    expect(screen.getByText('有待核实优先资格的班次')).toBeTruthy()
    await tap('报名管理')
    const url = `/packages/school-staff/pages/enrolments/index?sessionId=${claimed}&tab=lottery`
    expect(nav.navigateTo).toHaveBeenCalledWith({ url })
    setRouterParams(paramsOf(url))
    renderPage(<EnrolmentsPage />)
    await waitFor(() => expect(document.body.textContent).toContain('李小华'))
  })
})
