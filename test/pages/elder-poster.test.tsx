// Layer 2 for part C: the h5 poster renders every occurrence of the week (cancelled ones marked) from the real
// `elder` function, the code, and 打印 calls window.print(). Activities are staged in the store.
import ElderPosterPage from '@/packages/elder-staff/pages/poster'
import type { ActivityDoc, RuleSegment } from '../../cloud/domain/elder/model'
import { newOccurrenceDoc, occurrenceOn } from '../../cloud/domain/elder/recurrence'
import { addDays, chinaDay } from '../../cloud/lib/dates'
import { testNow } from '../clock'
import { stageDocs } from '../support/stageDocs'
import { act, fireEvent, renderPage, screen, setRouterParams, setupBackend, stubNavigation, tap, waitFor } from './helpers'

const backend = setupBackend()

beforeEach(() => {
  stubNavigation()
})

const at = new Date(testNow() - 60 * 86_400_000)
const seg = (s: Partial<RuleSegment>): RuleSegment => ({
  from: chinaDay(at),
  kind: 'weekly',
  startTime: '09:30',
  durationMin: 60,
  place: '活动室',
  capacity: null,
  signupRequired: false,
  ...s,
})
const activity = (title: string, segments: RuleSegment[]): ActivityDoc => ({
  _id: `act-${title.length}-${Math.random().toString(36).slice(2, 8)}`,
  communityId: 'junmen',
  title,
  category: '文娱',
  host: '王老师',
  description: '',
  segments,
  status: 'active',
  rev: 0,
  createdBy: 'demo-staff',
  createdAt: at,
  updatedAt: at,
})

it("the week's poster shows every title of the week, marks a cancelled one, and prints", async () => {
  const choir = activity('合唱团', [seg({ weekdays: [2] })])
  const baduanjin = activity('八段锦', [seg({ kind: 'daily', startTime: '07:00', place: '广场' })])
  const flowers = activity('纸花手工', [seg({ weekdays: [4], startTime: '14:00' })])
  // Next week's Tuesday choir is cancelled.
  const today = chinaDay(testNow())
  const monday = addDays(today, 1 - (new Date(`${today}T00:00:00Z`).getUTCDay() || 7))
  const nextTue = addDays(monday, 8)
  const cancelled = { ...newOccurrenceDoc(choir, occurrenceOn(choir, nextTue)!, at), cancelled: { reason: '场地维修', by: 'demo-staff', at } }
  await stageDocs(globalThis.__hemeiEmulator.control, [
    { coll: 'eld_activities', doc: choir },
    { coll: 'eld_activities', doc: baduanjin },
    { coll: 'eld_activities', doc: flowers },
    { coll: 'eld_occurrences', doc: cancelled },
  ])
  setRouterParams({ week: 'next' })
  backend.as('demo-staff')
  renderPage(<ElderPosterPage />)
  expect(await screen.findByText('军门社区 长者活动安排')).toBeTruthy()
  const items = () => screen.getAllByTestId('poster-item').map((e) => e.textContent)
  await waitFor(() => expect(items()).toHaveLength(9))
  expect(items().filter((t) => t?.includes('八段锦'))).toHaveLength(7)
  expect(items()).toContain('09:30  合唱团  活动室（本次取消）')
  expect(items()).toContain('14:00  纸花手工  活动室')
  expect(backend.eventsFor('poster')[0].input).toEqual({ week: 'next' })
  expect(screen.getByText('微信扫码，查看本周活动、报名')).toBeTruthy()

  const print = jest.fn()
  window.print = print
  await tap('打印')
  expect(print).toHaveBeenCalledTimes(1)

  // 本周: this week's days.
  await act(async () => {
    fireEvent.click(screen.getByText('本周'))
  })
  await waitFor(() => expect(backend.eventsFor('poster').at(-1)?.input).toEqual({ week: 'this' }))
  await backend.settled()
  await waitFor(() => expect(items()).toHaveLength(9))
  expect(items()).toContain('09:30  合唱团  活动室')
})
