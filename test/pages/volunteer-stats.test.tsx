// The staff's monthly volunteer statistics page (issue 10, part D), layer 2, against the real functions: the
// figures the server sends (a month document and quiet summaries staged in the store), the month picker, the quiet
// list's further pages, the error state with a retry, and the link from 服务项目.
import { act } from '@testing-library/react'
import StatsPage from '@/packages/volunteer-staff/pages/stats'
import ProjectsPage from '@/packages/volunteer-staff/pages/projects'
import { COUNTS_NOTE } from '@/contracts/workbench'
import { countIs, renderPage, screen, setRouterParams, setupBackend, stubNavigation, tap, waitFor } from './helpers'
import { stageDocs } from '../support/stageDocs'
import { inDays } from '../clock'

const backend = setupBackend()

function insert(coll: string, docs: { _id: string }[]): Promise<void> {
  return stageDocs(
    globalThis.__hemeiEmulator.control,
    docs.map((doc) => ({ coll, doc })),
  )
}

const thisMonth = inDays(0).slice(0, 7)

async function stageMonth(month: string, minutes: number) {
  await insert('vol_stats', [
    {
      _id: `m_tangmen_${month.replace('-', '')}`,
      communityId: 'tangmen',
      month,
      minutes,
      entries: 3,
      backfillMinutes: 90,
      backfillEntries: 1,
      byType: { 环境保护: { m: minutes - 60, n: 2 }, 助老助残: { m: 60, n: 1 } },
      byVolunteer: { a: { m: minutes - 90, n: 2, name: '陈志远', no: 'TM-001' }, b: { m: 90, n: 1, name: '林秀英', no: 'TM-002' } },
      updatedAt: new Date(),
    } as { _id: string },
  ])
}

beforeEach(() => {
  stubNavigation()
  setRouterParams({})
  backend.as('demo-staff-tangmen')
})

it('shows the month: hours, person-times, volunteers, 补录 apart, by type, the top, and the counts note', async () => {
  await stageMonth(thisMonth, 270)
  renderPage(<StatsPage />)
  expect((await screen.findByTestId('stat-hours')).textContent).toContain('4.5 小时')
  expect(screen.getByTestId('stat-person-times').textContent).toContain('3 人次')
  expect(screen.getByTestId('stat-volunteers').textContent).toContain('2 人')
  expect(screen.getByTestId('stat-backfill').textContent).toContain('1.5 小时 · 1 条')
  expect(screen.getByTestId('stats-by-type').textContent).toContain('环境保护3.5 小时 · 2 人次')
  expect(screen.getByTestId('stats-top').textContent).toMatch(/1\. 陈志远（TM-001）3\.0 小时.*2\. 林秀英（TM-002）1\.5 小时/)
  expect(screen.getByText(COUNTS_NOTE)).toBeTruthy()
  expect(backend.eventsFor('monthStats')).toHaveLength(1)
  expect(backend.eventsFor('monthStats')[0].input).toEqual({ communityId: 'tangmen', month: thisMonth })
})

it('changes the month with the picker; an empty month says so', async () => {
  const { container } = renderPage(<StatsPage />)
  expect(await screen.findByText('本月还没有确认的服务时长')).toBeTruthy()
  await stageMonth('2026-01', 600)
  const p = container.querySelector('taro-picker-core')!
  await act(async () => {
    p.dispatchEvent(new CustomEvent('change', { detail: { value: '2026-01' }, bubbles: true }))
  })
  await waitFor(() => expect(screen.getByTestId('stat-hours').textContent).toContain('10.0 小时'))
  expect(backend.eventsFor('monthStats').at(-1)!.input).toEqual({ communityId: 'tangmen', month: '2026-01' })
})

it('lists the quiet volunteers page by page', async () => {
  const old = inDays(-120)
  await insert(
    'vol_summaries',
    Array.from({ length: 22 }, (_, i) => ({
      _id: `quiet-${i}`,
      communityId: 'tangmen',
      lastServiceDate: old,
      volunteerName: `志愿者${i}`,
      volunteerNo: `TM-Q${i}`,
      liveMinutes: 60,
      backfillMinutes: 0,
      byYear: {},
      entries: 1,
      updatedAt: new Date(),
    })),
  )
  const { container } = renderPage(<StatsPage />)
  await countIs(container, '[data-testid=quiet-row]', 20)
  await tap('加载更多')
  await countIs(container, '[data-testid=quiet-row]', 22)
  expect(new Set(Array.from(container.querySelectorAll('[data-testid=quiet-row]'), (el) => el.textContent)).size).toBe(22)
  expect(backend.eventsFor('monthStats').map((e) => (e.input as { page?: number }).page)).toEqual([undefined, 2])
  expect(screen.queryByText('加载更多')).toBeNull()
})

it('the error state with a retry that works', async () => {
  backend.failNext('monthStats', 2) // the client retries once
  renderPage(<StatsPage />)
  expect(await screen.findByText('重试')).toBeTruthy()
  await tap('重试')
  expect(await screen.findByTestId('stat-hours')).toBeTruthy()
})

it('is linked from 服务项目', async () => {
  const nav = stubNavigation()
  renderPage(<ProjectsPage />)
  await tap('志愿服务统计')
  expect(nav.navigateTo).toHaveBeenCalledWith({ url: '/packages/volunteer-staff/pages/stats/index' })
})
