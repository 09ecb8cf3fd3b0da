// Layer 2, elder activities part A (issue 12): the week's view at large font (whatever the global setting) with its
// rows, tabs and states, against the real functions.
import ElderWeekPage from '@/packages/elder/pages/week'
import { act, fireEvent, renderPage, screen, setupBackend, stubNavigation, tap, tapIn } from './helpers'
import { addDays } from '../../cloud/lib/dates'
import { nextMonday, stageActivity } from './elderStage'

const backend = setupBackend()

describe('the week (elders, large font by default)', () => {
  let nav: ReturnType<typeof stubNavigation>
  beforeEach(() => {
    nav = stubNavigation()
    backend.as('demo-resident')
  })

  it('renders next week at large font as big rows by day; a row opens the occurrence', async () => {
    const a = await stageActivity(backend)
    await stageActivity(
      backend,
      { title: '免费量血压', category: '健康', host: '社区医生' },
      { kind: 'daily', weekdays: undefined, startTime: '08:00', capacity: null, signupRequired: false },
    )
    const { container } = renderPage(<ElderWeekPage />)
    await tapIn('哪一周', '下周')
    await screen.findAllByText(/老年合唱团/)
    expect(container.querySelector('.hm-page')!.classList.contains('hm-large')).toBe(true)
    const days = screen.getAllByTestId('elder-day')
    expect(days).toHaveLength(7)
    expect(days[0].textContent).toContain('周一')
    expect(days[6].textContent).toContain('周日')
    const monday = nextMonday()
    const rows = screen.getAllByTestId('elder-occurrence')
    expect(rows).toHaveLength(7 + 2)
    const choir = rows.find((r) => r.textContent!.includes('老年合唱团'))!
    expect(choir.textContent).toContain('09:30–10:30')
    expect(choir.textContent).toContain('服务站一楼活动室')
    expect(choir.textContent).toContain('王秀兰老师')
    expect(choir.textContent).toContain('余 20 位')
    expect(rows.find((r) => r.textContent!.includes('免费量血压'))!.textContent).toContain('无需报名')
    // Rows are big targets (≥ 60 px: 120 design px).
    expect(choir.style.minHeight).toBe('120px')
    await act(async () => {
      fireEvent.click(choir)
    })
    expect(nav.navigateTo).toHaveBeenCalledWith({ url: `/packages/elder/pages/occurrence/index?activityId=${a.id}&day=${monday}` })
    expect(backend.eventsFor('week').at(-1)!.input).toEqual({ communityId: 'junmen', week: 'next' })
  })

  it('marks a cancelled occurrence and hides its places', async () => {
    const a = await stageActivity(backend, { title: '剪纸课', category: '手工' }, { weekdays: [3], startTime: '14:00' })
    const wed = addDays(nextMonday(), 2)
    await backend.call('demo-staff', 'elder', 'cancelOccurrence', { activityId: a.id, day: wed, reason: '老师生病' })
    renderPage(<ElderWeekPage />)
    await tapIn('哪一周', '下周')
    const row = (await screen.findAllByTestId('elder-occurrence')).find((r) => r.textContent!.includes('剪纸课'))!
    expect(row.textContent).toContain('本次取消')
    expect(row.textContent).not.toContain('余 20 位')
  })

  it('the empty state, and the error state with a retry that works', async () => {
    backend.failNext('week', 2) // the client retries once
    renderPage(<ElderWeekPage />)
    expect(await screen.findByText('重试')).toBeTruthy()
    await tap('重试')
    await tapIn('哪一周', '下周')
    expect(await screen.findByText('下周还没有活动安排')).toBeTruthy()
  })
})
