// Layer 2, elder activities part A (issue 12): the staff activity form (the recurrence chooser), cancelling and moving
// one occurrence with a reason and a confirmation, and the list, against the real functions.
import ElderActivityPage from '@/packages/elder-staff/pages/activity'
import ElderActivitiesPage from '@/packages/elder-staff/pages/activities'
import { act, fireEvent, renderPage, screen, setRouterParams, setupBackend, stubModal, stubNavigation, tap, tapIn, typeInto, waitFor, within } from './helpers'
import { addDays } from '../../cloud/lib/dates'
import { inDays } from '../clock'
import { nextMonday, stageActivity } from './elderStage'

const backend = setupBackend()

describe('staff: the activity form and its occurrences', () => {
  beforeEach(() => {
    stubNavigation()
    backend.as('demo-staff')
  })

  it('creates a weekly activity with the weekday chips, then cancels one occurrence with a reason and a confirmation', async () => {
    setRouterParams({})
    const modal = stubModal({ confirm: true })
    renderPage(<ElderActivityPage />)
    await typeInto('活动名称', '八段锦晨练')
    await tapIn('类别', '运动')
    await typeInto('带领人（如社区达人）', '李师傅')
    await tapIn('每周哪几天', '周二')
    await tapIn('每周哪几天', '周四')
    await typeInto('开始时间', '07:00')
    await typeInto('地点', '小区中心广场')
    await tap('保存活动')
    await waitFor(() => expect(backend.eventsFor('saveActivity')).toHaveLength(1))
    expect(backend.eventsFor('saveActivity')[0].input).toMatchObject({
      communityId: 'junmen',
      title: '八段锦晨练',
      category: '运动',
      host: '李师傅',
      rule: { kind: 'weekly', weekdays: [2, 4], from: inDays(0), startTime: '07:00', durationMin: 60, place: '小区中心广场', capacity: 20, signupRequired: true },
    })
    expect(await screen.findByText('每周二、周四 07:00 · 小区中心广场')).toBeTruthy()
    const rows = await screen.findAllByTestId('staff-occurrence')
    expect(rows.length).toBeGreaterThanOrEqual(7)
    const prompt = jest.spyOn(window, 'prompt').mockReturnValueOnce('场地检修')
    const first = rows.find((r) => r.textContent!.includes('取消本次'))!
    const day = first.textContent!.slice(0, 10)
    await act(async () => {
      fireEvent.click(within(first).getByText('取消本次'))
    })
    await waitFor(() => expect(backend.eventsFor('cancelOccurrence')).toHaveLength(1))
    expect(prompt).toHaveBeenCalledTimes(1)
    expect(modal).toHaveBeenCalledWith(expect.objectContaining({ title: '确认取消本次' }))
    expect(backend.eventsFor('cancelOccurrence')[0].input).toMatchObject({ day, reason: '场地检修' })
    expect(await screen.findByText('已取消：场地检修')).toBeTruthy()
  })

  it('a weekly rule without a day is refused with the reason beside the chips, and nothing is written', async () => {
    setRouterParams({})
    renderPage(<ElderActivityPage />)
    await typeInto('活动名称', '太极拳')
    await typeInto('带领人（如社区达人）', '张师傅')
    await typeInto('地点', '活动室')
    await tap('保存活动')
    // The server refuses it (rule.weekdays) and the form shows why beside the chips; nothing is written.
    expect(await screen.findByText('请至少选择一天')).toBeTruthy()
    await backend.settled()
    expect((await backend.call('demo-staff', 'elder', 'staffActivities', {})).items).toEqual([])
  })

  it('moves one occurrence within its week: new time and place, after a confirmation', async () => {
    const a = await stageActivity(backend, { title: '太极拳' }, { weekdays: [2], startTime: '08:00' })
    const tue = addDays(nextMonday(), 1)
    setRouterParams({ id: a.id })
    const modal = stubModal({ confirm: true })
    renderPage(<ElderActivityPage />)
    const rows = await screen.findAllByTestId('staff-occurrence')
    const row = rows.find((r) => r.textContent!.startsWith(tue))!
    const prompt = jest
      .spyOn(window, 'prompt')
      .mockReturnValueOnce(`${addDays(tue, 2)} 09:00`)
      .mockReturnValueOnce('小区花园')
      .mockReturnValueOnce('活动室装修')
    await act(async () => {
      fireEvent.click(within(row).getByText('调整本次'))
    })
    await waitFor(() => expect(backend.eventsFor('moveOccurrence')).toHaveLength(1))
    expect(prompt).toHaveBeenCalledTimes(3)
    expect(modal).toHaveBeenCalledWith(expect.objectContaining({ title: '确认调整' }))
    expect(backend.eventsFor('moveOccurrence')[0].input).toEqual({ activityId: a.id, day: tue, newDay: addDays(tue, 2), startTime: '09:00', place: '小区花园', reason: '活动室装修' })
    expect(await screen.findByText('已调整：活动室装修')).toBeTruthy()
    expect(document.body.textContent).toContain(`${addDays(tue, 2)} 09:00–10:00`)
  })

  it('lists the activities of my communities; 新建 opens the form', async () => {
    await stageActivity(backend, { title: '书法班', category: '学习' })
    renderPage(<ElderActivitiesPage />)
    const card = await screen.findByTestId('elder-activity-card')
    expect(card.textContent).toContain('书法班')
    expect(card.textContent).toContain('每周一、周三 09:30')
  })
})
