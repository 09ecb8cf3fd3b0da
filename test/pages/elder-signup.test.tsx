// Layer 2, elder activities part B (issue 12): a family member adds her mother (consent noted), signs her up for an
// occurrence from its page (为家人报名), sees it in 我的报名 and cancels after a confirmation — large type, and
// outcomes said on the page, never in a pop-up. The activity is staged in the store (part A is built meanwhile).
import type { ActivityDoc } from '../../cloud/domain/elder/model'
import OccurrencePage from '@/packages/elder/pages/occurrence'
import MinePage from '@/packages/elder/pages/mine'
import ProfilesPage from '@/packages/elder/pages/profiles'
import CallListPage from '@/packages/elder-staff/pages/call-list'
import StaffProfilesPage from '@/packages/elder-staff/pages/profiles'
import { stageDocs } from '../support/stageDocs'
import { inDays } from '../clock'
import { act, fireEvent, renderPage, screen, setRouterParams, setupBackend, stubModal, stubNavigation, tap, typeInto, waitFor } from './helpers'

const backend = setupBackend()

/** A daily 09:30 activity of 军门社区 with `capacity` places, written into the store; returns its id. */
async function stageActivity(capacity: number | null = 20): Promise<string> {
  const _id = `ea-page-${Math.random().toString(36).slice(2, 10)}`
  const at = new Date()
  const doc: ActivityDoc = {
    _id,
    communityId: 'junmen',
    title: '合唱团排练',
    category: '文娱',
    host: '王老师',
    description: '社区合唱团每日排练。',
    segments: [{ from: inDays(-7), kind: 'daily', startTime: '09:30', durationMin: 90, place: '二楼活动室', capacity, signupRequired: true }],
    status: 'active',
    rev: 1,
    createdBy: 'demo-staff',
    createdAt: at,
    updatedAt: at,
  }
  await stageDocs(globalThis.__hemeiEmulator.control, [{ coll: 'eld_activities', doc }])
  return _id
}

describe('elder sign-up pages', () => {
  beforeEach(() => {
    stubNavigation()
    backend.as('demo-resident')
  })

  it('a daughter adds her mother with the consent noted, then signs her up for a family elder and cancels', async () => {
    const activityId = await stageActivity()
    const day = inDays(2)
    const modal = stubModal({ confirm: true })
    const profiles = renderPage(<ProfilesPage />)
    expect(await screen.findByText('还没有添加家人')).toBeTruthy()
    expect(profiles.container.querySelector('.hm-page.hm-large')).toBeTruthy()
    await tap('添加家人')
    await typeInto('长者姓名', '林妈妈')
    await typeInto('年龄', '81')
    await tap('保存')
    expect(await screen.findByText('请注明已征得长者本人同意')).toBeTruthy()
    expect(backend.eventsFor('saveProfile')).toHaveLength(0)
    await tap('已征得长者本人同意')
    await tap('保存')
    expect(await screen.findByText('已添加 林妈妈')).toBeTruthy()
    expect(await screen.findByText('81 岁 · 未留手机号')).toBeTruthy()
    profiles.unmount()

    setRouterParams({ activityId, day })
    const page = renderPage(<OccurrencePage />)
    expect(await screen.findByText('合唱团排练')).toBeTruthy()
    expect(page.container.querySelector('.hm-page.hm-large')).toBeTruthy()
    expect(screen.getByText('余 20 位')).toBeTruthy()
    await tap('为家人报名')
    await tap('为林妈妈报名')
    expect(await screen.findByText('林妈妈 报名成功')).toBeTruthy()
    const [signUp] = backend.eventsFor('signUp')
    expect(signUp.input).toMatchObject({ activityId, day, person: { profileId: expect.any(String) }, subscribed: false, stored: false })
    expect(await screen.findByText('余 19 位')).toBeTruthy()
    expect(screen.getByText('林妈妈：已报名（家属代报名）')).toBeTruthy()
    // No pop-up for the outcome: the only modal so far is none.
    expect(modal).not.toHaveBeenCalled()
    page.unmount()

    const mine = renderPage(<MinePage />)
    expect(await screen.findByText('林妈妈：已报名')).toBeTruthy()
    await tap('取消报名')
    await waitFor(() => expect(modal).toHaveBeenCalledWith(expect.objectContaining({ title: '取消报名' })))
    expect(await screen.findByText('已取消 林妈妈 的报名')).toBeTruthy()
    expect(await screen.findByText('林妈妈：已取消')).toBeTruthy()
    mine.unmount()
    await backend.settled()
    const detail = await backend.call('demo-resident', 'elder', 'occurrenceDetail', { activityId, day })
    expect(detail.placesLeft).toBe(20)
  })

  it('a refusal (the last place taken meanwhile) is said on the page, and the page refreshes', async () => {
    const activityId = await stageActivity(1)
    const day = inDays(3)
    const modal = stubModal()
    setRouterParams({ activityId, day })
    renderPage(<OccurrencePage />)
    expect(await screen.findByText('余 1 位')).toBeTruthy()
    await backend.call('demo-volunteer', 'elder', 'signUp', { activityId, day, person: 'self' })
    await tap('我要报名')
    expect(await screen.findByText('名额已满')).toBeTruthy()
    expect(modal).not.toHaveBeenCalled()
  })

  it('staff add a staff-managed elder, see who manages whom, and sign one up for an occurrence (代报名)', async () => {
    const activityId = await stageActivity()
    const day = inDays(2)
    await backend.call('demo-resident', 'elder', 'saveProfile', { name: '林妈妈', age: 81, consentNote: '已征得长者本人同意' })
    backend.as('demo-staff')
    stubModal({ confirm: true })
    setRouterParams({ activityId, day })
    renderPage(<StaffProfilesPage />)
    expect(await screen.findByText('林妈妈')).toBeTruthy()
    expect(screen.getByText('家属管理：林阿姨')).toBeTruthy()
    await tap('添加长者')
    await typeInto('长者姓名', '许阿公')
    await typeInto('年龄', '90')
    await tap('保存')
    expect(await screen.findByText('许阿公')).toBeTruthy()
    expect(screen.getByText('工作人员管理（纸质同等）')).toBeTruthy()
    const rows = await screen.findAllByText('代报名')
    await waitFor(() => expect(rows.length).toBe(2))
    // Profiles come family first, then staff-managed: 许阿公's button is the last.
    const buttons = screen.getAllByText('代报名')
    await act(async () => {
      fireEvent.click(buttons[buttons.length - 1])
    })
    await waitFor(() => expect(backend.eventsFor('signUp')).toHaveLength(1))
    await backend.settled()
    expect(backend.eventsFor('signUp')[0].input).toMatchObject({ activityId, day, person: { profileId: expect.any(String) }, subscribed: false })
    const calls = await backend.call('demo-staff', 'elder', 'callList', { communityId: 'junmen', day })
    expect(calls.lines.map((l) => [l.name, l.reason])).toEqual([['许阿公', 'staff']])
  })

  it('staff see tomorrow’s call list with the elders who get no message', async () => {
    const activityId = await stageActivity()
    const day = inDays(1)
    const profile = await backend.call('demo-staff', 'elder', 'saveStaffProfile', { communityId: 'junmen', name: '陈阿公', age: 88, phone: '13900000021', consentNote: '纸质同意书已存档' })
    await backend.call('demo-staff', 'elder', 'signUp', { activityId, day, person: { profileId: profile.id } })
    backend.as('demo-staff')
    renderPage(<CallListPage />)
    expect(await screen.findByText('陈阿公')).toBeTruthy()
    expect(screen.getByText('拨打 13900000021')).toBeTruthy()
    expect(screen.getByText('工作人员代报名')).toBeTruthy()
  })
})
