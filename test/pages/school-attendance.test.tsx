// Layer 2 for the 4 o'clock school's attendance (issue 11, part C): the roster (staff and an assigned volunteer),
// check-out with the authorised adult and the code, the refusal with the guardian's phone, and the guardian's day,
// against the real `school` function. Sessions, children and users are staged in the store (part A's actions are
// built alongside).
import RosterPage from '@/packages/school-staff/pages/roster'
import StatsPage from '@/packages/school-staff/pages/stats'
import DayPage from '@/packages/school/pages/day'
import { setLargeFontChoice } from '@/hooks/useLargeFont'
import type { ChildDoc, EnrolmentEntry, SessionDoc } from '../../cloud/domain/school/model'
import type { UserDoc } from '../../cloud/lib/model'
import { CHILD_POLICY_VERSION } from '@/contracts/school/rules'
import { PRIVACY_VERSION } from '@/contracts'
import { termSessionDoc } from '../support/schoolEnrolmentDocs'
import { stageDocs } from '../support/stageDocs'
import { inDays } from '../clock'
import { act, renderPage, screen, setRouterParams, setupBackend, stubModal, stubNavigation, tap, typeInto, waitFor, within } from './helpers'

const backend = setupBackend()

beforeEach(() => {
  stubNavigation()
})

const uid = () => Math.random().toString(36).slice(2, 10)
const now = () => new Date(Date.now())

function userDoc(openid: string, nickname: string, over: Partial<UserDoc>): UserDoc {
  return {
    _id: openid,
    nickname,
    communityId: 'junmen',
    privacyVersion: PRIVACY_VERSION,
    privacyAgreedAt: now(),
    volunteerStatus: 'none',
    staffCommunityIds: [],
    createdAt: now(),
    updatedAt: now(),
    ...over,
  }
}

interface Staged {
  sessionId: string
  childId: string
  guardian: string
  phone: string
}

/** A guardian (with a family), the child with one authorised adult (王秀英, code 2468), and a session of 军门社区 holding it, every day. */
async function stage(name = '张小明', days: SessionDoc['days'] = {}): Promise<Staged> {
  const familyId = `fam-${uid()}`
  const guardian = `page-g-${uid()}`
  const childId = `child-${uid()}`
  const sessionId = `ses-${uid()}`
  const phone = `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`
  const child: ChildDoc = {
    _id: childId,
    familyId,
    guardianOpenids: [guardian],
    name,
    gender: 'male',
    birthDate: '2018-05-01',
    school: '军门小学',
    grade: 2,
    healthNote: '花生过敏',
    guardianPhone: phone,
    pickups: [{ id: 'ad-1', name: '王秀英', relation: '祖母', phone: '13700000000', code: '2468', codeAt: now() }],
    consent: { version: CHILD_POLICY_VERSION, at: now(), by: guardian },
    status: 'active',
    createdAt: now(),
    updatedAt: now(),
  }
  const entry: EnrolmentEntry = {
    childId,
    familyId,
    status: 'enrolled',
    at: new Date(Date.now() - 30 * 86_400_000),
    by: guardian,
    child: { name, gender: 'male', grade: 2, allergy: true, healthNote: '花生过敏' },
  }
  const session = { ...termSessionDoc('junmen', Date.now(), [entry], { name: '秋季四点钟学校', capacity: 20, days }), _id: sessionId }
  await stageDocs(globalThis.__hemeiEmulator.control, [
    { coll: 'users', doc: userDoc(guardian, '家长', { school: { familyId } }) },
    { coll: 'sch_children', doc: child },
    { coll: 'sch_sessions', doc: session },
  ])
  return { sessionId, childId, guardian, phone }
}

async function assignedVolunteer(): Promise<string> {
  const openid = `page-v-${uid()}`
  await stageDocs(globalThis.__hemeiEmulator.control, [{ coll: 'users', doc: userDoc(openid, '志愿者', { volunteerStatus: 'approved', school: { stations: ['junmen'] } }) }])
  return openid
}

it('staff check a child in, refuse a wrong code with the guardian phone to call, then check out with the right code', async () => {
  const s = await stage()
  setRouterParams({ sessionId: s.sessionId })
  backend.as('demo-staff')
  renderPage(<RosterPage />)
  expect(await screen.findByText('张小明')).toBeTruthy()
  expect(screen.getByText('健康提示：花生过敏')).toBeTruthy()
  expect(screen.getByTestId('roster-day').textContent).toContain('（今天）')
  await tap('到校')
  expect(await screen.findByText(/^\d\d:\d\d 到校$/)).toBeTruthy()
  await tap('接走')
  expect(await screen.findByText('王秀英（祖母）')).toBeTruthy()
  // Never a phone or a code in the chooser.
  expect(document.body.textContent).not.toMatch(/13700000000|2468/)

  await typeInto('接送码', '1357')
  await tap('确认接走')
  expect(await screen.findByTestId('checkout-refusal')).toBeTruthy()
  expect(screen.getByTestId('checkout-refusal').textContent).toContain('接送码不正确，还可以再试 2 次')
  expect(screen.getByText(`联系监护人：${s.phone}`)).toBeTruthy()
  expect(within(screen.getByTestId('checkout-sheet')).getByText('电话确认后放行')).toBeTruthy()

  await typeInto('接送码', '2468')
  await tap('确认接走')
  expect(await screen.findByText(/^\d\d:\d\d 由王秀英（祖母）接走$/)).toBeTruthy()
  expect(screen.queryByTestId('checkout-sheet')).toBeNull()
  expect(backend.eventsFor('checkOutChild').map((e) => e.input)).toEqual([
    { sessionId: s.sessionId, childId: s.childId, adultId: 'ad-1', code: '1357' },
    { sessionId: s.sessionId, childId: s.childId, adultId: 'ad-1', code: '2468' },
  ])
})

it('an assigned volunteer sees the masked name and no health note, and is told to ask staff on a refusal', async () => {
  const s = await stage('陈思远')
  const v = await assignedVolunteer()
  await backend.call('demo-staff', 'school', 'checkInChild', { sessionId: s.sessionId, childId: s.childId })
  setRouterParams({ sessionId: s.sessionId })
  backend.as(v)
  renderPage(<RosterPage />)
  expect(await screen.findByText('陈*远')).toBeTruthy()
  expect(document.body.textContent).not.toMatch(/陈思远|花生/)
  await tap('接走')
  await typeInto('接送码', '0000')
  await tap('确认接走')
  expect(await screen.findByText('请联系工作人员')).toBeTruthy()
  expect(screen.queryByText('电话确认后放行')).toBeNull()
  expect(document.body.textContent).not.toContain(s.phone)
})

it('the guardian sees the day (arrival, pick-up by whom, a staff release) and reports leave for a coming day after a confirmation', async () => {
  const yesterday = inDays(-1).replace(/-/g, '')
  const twoAgo = inDays(-2).replace(/-/g, '')
  const s = await stage('张小明')
  await backend.call('demo-staff', 'school', 'checkInChild', { sessionId: s.sessionId, childId: s.childId })
  await backend.call('demo-staff', 'school', 'checkOutChild', { sessionId: s.sessionId, childId: s.childId, adultId: 'ad-1', code: '2468' })
  const seeded = await stage('李小华', {
    [yesterday]: {},
    [twoAgo]: {},
  })
  setRouterParams({ childId: s.childId })
  backend.as(s.guardian)
  const prompt = jest.spyOn(window, 'prompt').mockReturnValue('看牙医')
  const modal = stubModal({ confirm: true })
  renderPage(<DayPage />)
  expect(await screen.findByText(/^\d\d:\d\d 由 王秀英（祖母）接走$/)).toBeTruthy()
  expect(screen.getAllByText(/^\d\d:\d\d 到校$/)).toHaveLength(1)
  expect(screen.getAllByText('未到校（未请假）').length).toBeGreaterThan(0)
  const leaveButtons = await screen.findAllByText('请假')
  await act(async () => {
    leaveButtons[0].click()
  })
  await waitFor(() => expect(backend.eventsFor('reportLeave')).toHaveLength(1))
  expect(modal).toHaveBeenCalledWith(expect.objectContaining({ title: '确认请假' }))
  expect(backend.eventsFor('reportLeave')[0].input).toMatchObject({ sessionId: s.sessionId, childId: s.childId, reason: '看牙医' })
  expect(await screen.findByText('已请假：看牙医')).toBeTruthy()
  expect(await screen.findAllByText('取消请假')).toHaveLength(1)
  prompt.mockRestore()
  // Another family's child is never shown here.
  expect(document.body.textContent).not.toContain('李小华')
  expect(seeded.childId).not.toBe(s.childId)
})

it('the guardian sees a staff release with the staff name and reason', async () => {
  const s = await stage()
  await backend.call('demo-staff', 'school', 'checkInChild', { sessionId: s.sessionId, childId: s.childId })
  await backend.call('demo-staff', 'school', 'releaseChild', { sessionId: s.sessionId, childId: s.childId, reason: '已电话联系妈妈，由舅舅接走' })
  setRouterParams({ childId: s.childId })
  backend.as(s.guardian)
  renderPage(<DayPage />)
  expect(await screen.findByText(/^\d\d:\d\d 工作人员 .+ 电话确认后放行：已电话联系妈妈，由舅舅接走$/)).toBeTruthy()
})

it('staff stats show the counts, the rate and the exports', async () => {
  const s = await stage('赵一一', { [inDays(-1).replace(/-/g, '')]: {} })
  setRouterParams({ sessionId: s.sessionId })
  backend.as('demo-staff')
  renderPage(<StatsPage />)
  expect(await screen.findByTestId('stats-counts')).toBeTruthy()
  expect(screen.getByTestId('stats-counts').textContent).toBe('名额 20 · 在读 1 · 候补 0 · 待确认 0')
  expect(screen.getByTestId('stats-rate').textContent).toMatch(/^出勤率 0%/)
  expect(screen.getAllByTestId('stats-no-show')[0].textContent).toContain('赵一一')
  await tap('导出花名册')
  expect(await screen.findByTestId('export-link')).toBeTruthy()
  expect(screen.getByTestId('export-link').textContent).toMatch(/四点钟学校花名册/)
})

it('in large-font mode the roster and the check-out sheet keep every control', async () => {
  const s = await stage()
  await backend.call('demo-staff', 'school', 'checkInChild', { sessionId: s.sessionId, childId: s.childId })
  setRouterParams({ sessionId: s.sessionId })
  await act(async () => setLargeFontChoice(true))
  try {
    backend.as('demo-staff')
    const { container } = renderPage(<RosterPage />)
    await tap('接走')
    expect(container.querySelector('.hm-page')!.classList.contains('hm-large')).toBe(true)
    expect(await screen.findByLabelText('接送码')).toBeTruthy()
    expect(screen.getByText('确认接走')).toBeTruthy()
    expect(screen.getByText('王秀英（祖母）')).toBeTruthy()
  } finally {
    await act(async () => setLargeFontChoice(false))
  }
})

it('staff cancel a coming day after a reason and a confirmation: the roster says so', async () => {
  const s = await stage()
  const day = inDays(2)
  setRouterParams({ sessionId: s.sessionId, day })
  backend.as('demo-staff')
  const prompt = jest.spyOn(window, 'prompt').mockReturnValue('台风停课')
  const modal = stubModal({ confirm: true })
  try {
    renderPage(<RosterPage />)
    expect(await screen.findByText('张小明')).toBeTruthy()
    await tap('这一天停课…')
    expect(await screen.findByText('这一天已停课：台风停课')).toBeTruthy()
    expect(modal).toHaveBeenCalledWith(expect.objectContaining({ title: '确认停课' }))
    expect(backend.eventsFor('cancelDay')[0].input).toEqual({ sessionId: s.sessionId, day, reason: '台风停课' })
    expect(screen.queryByText('张小明')).toBeNull()
  } finally {
    prompt.mockRestore()
  }
})
