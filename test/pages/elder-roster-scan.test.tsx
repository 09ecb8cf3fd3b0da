// Layer 2 for part C: the other side of the roster's 签到码 — ScanCheckIn, which the occurrence page renders when
// opened from the code: one large button, the answer (or the refusal) shown in place, never in a pop-up.
import Taro from '@tarojs/taro'
import { ScanCheckIn } from '@/packages/elder/components/ScanCheckIn'
import { ONSITE_MESSAGES } from '@/contracts'
import type { ActivityDoc, OccurrenceDoc } from '../../cloud/domain/elder/model'
import { newOccurrenceDoc, occurrenceOn } from '../../cloud/domain/elder/recurrence'
import { chinaDay, chinaTime } from '../../cloud/lib/dates'
import { testNow } from '../clock'
import { stageDocs } from '../support/stageDocs'
import { renderPage, screen, setupBackend, stubNavigation, tap } from './helpers'

const backend = setupBackend()

beforeEach(() => {
  stubNavigation()
})

/** An occurrence running now with 林阿姨 signed up by herself; the scene of its code. */
async function stageScene(): Promise<{ scene: string; activityId: string; day: string }> {
  const start = testNow() - 5 * 60_000
  const day = chinaDay(start)
  const at = new Date(testNow() - 86_400_000)
  const a: ActivityDoc = {
    _id: `act-scan-${Math.random().toString(36).slice(2, 10)}`,
    communityId: 'junmen',
    title: '健康讲座',
    category: '健康',
    host: '社区医生',
    description: '',
    segments: [{ from: day, kind: 'once', day, startTime: chinaTime(start), durationMin: 60, place: '会议室', capacity: null, signupRequired: true }],
    status: 'active',
    rev: 0,
    createdBy: 'demo-staff',
    createdAt: at,
    updatedAt: at,
  }
  const signup = { personKey: 'u:demo-resident', name: '林阿姨', status: 'signed_up' as const, by: 'demo-resident', role: 'self' as const, at, subscribed: false }
  const occ: OccurrenceDoc = { ...newOccurrenceDoc(a, occurrenceOn(a, day)!, at), signups: [signup], taken: 1 }
  await stageDocs(globalThis.__hemeiEmulator.control, [
    { coll: 'eld_activities', doc: a },
    { coll: 'eld_occurrences', doc: occ },
  ])
  const { scene } = await backend.call('demo-staff', 'elder', 'occurrenceCode', { activityId: a._id, day })
  return { scene, activityId: a._id, day }
}

it('the elder who signed up taps 确认签到 and sees it done; a second scan says so', async () => {
  const { scene, activityId, day } = await stageScene()
  const modal = jest.spyOn(Taro, 'showModal')
  backend.as('demo-resident')
  const onDone = jest.fn()
  const view = renderPage(<ScanCheckIn scene={scene} onDone={onDone} />)
  await tap('确认签到')
  expect(await screen.findByText('签到成功')).toBeTruthy()
  expect(screen.getByText(/^林阿姨 已签到 \d\d:\d\d$/)).toBeTruthy()
  expect(onDone).toHaveBeenCalledWith(expect.objectContaining({ activityId, day, repeated: false }))
  expect(backend.eventsFor('scanCheckIn')[0].input).toEqual({ scene })
  view.unmount()

  renderPage(<ScanCheckIn scene={scene} />)
  await tap('确认签到')
  expect(await screen.findByText('已经签到过了')).toBeTruthy()
  expect(modal).not.toHaveBeenCalled()
  await backend.settled()
  const roster = await backend.call('demo-staff', 'elder', 'roster', { activityId, day })
  expect(roster.signups[0]).toMatchObject({ checkinMethod: 'scan' })
})

it('someone not signed up is told in place to see the staff', async () => {
  const { scene } = await stageScene()
  const modal = jest.spyOn(Taro, 'showModal')
  backend.as('demo-volunteer-2')
  renderPage(<ScanCheckIn scene={scene} />)
  await tap('确认签到')
  expect((await screen.findByTestId('scan-refusal')).textContent).toBe(ONSITE_MESSAGES.notSignedUp)
  expect(modal).not.toHaveBeenCalled()
})
