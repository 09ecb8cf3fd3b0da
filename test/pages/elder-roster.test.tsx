// Layer 2 for part C: the staff roster of an occurrence against the real `elder` function — names and who signed
// them up (no phones), a tick, a walk-in by name and one picked from the managed profiles. Activities, occurrences
// and profiles are staged in the store (parts A and B are built alongside).
import RosterPage from '@/packages/elder-staff/pages/roster'
import type { ActivityDoc, OccurrenceDoc, ProfileDoc, SignupEntry } from '../../cloud/domain/elder/model'
import { newOccurrenceDoc, occurrenceOn } from '../../cloud/domain/elder/recurrence'
import { chinaDay, chinaTime } from '../../cloud/lib/dates'
import { testNow } from '../clock'
import { stageDocs } from '../support/stageDocs'
import { renderPage, screen, setRouterParams, setupBackend, stubNavigation, tap, typeInto, waitFor } from './helpers'

const backend = setupBackend()

beforeEach(() => {
  stubNavigation()
})

const uid = (p: string) => `${p}${Math.random().toString(36).slice(2, 10)}`

/** A one-off activity of 军门社区 that started 5 minutes ago, its occurrence with `signups`, and `profiles`. */
async function stage(signups: SignupEntry[], profiles: ProfileDoc[] = []) {
  const start = testNow() - 5 * 60_000
  const day = chinaDay(start)
  const at = new Date(testNow() - 86_400_000)
  const activity: ActivityDoc = {
    _id: uid('act'),
    communityId: 'junmen',
    title: '纸花手工',
    category: '手工',
    host: '王老师',
    description: '',
    segments: [{ from: day, kind: 'once', day, startTime: chinaTime(start), durationMin: 90, place: '老年活动室', capacity: 20, signupRequired: true }],
    status: 'active',
    rev: 0,
    createdBy: 'demo-staff',
    createdAt: at,
    updatedAt: at,
  }
  const occ: OccurrenceDoc = { ...newOccurrenceDoc(activity, occurrenceOn(activity, day)!, at), signups, taken: signups.length }
  await stageDocs(globalThis.__hemeiEmulator.control, [
    { coll: 'eld_activities', doc: activity },
    { coll: 'eld_occurrences', doc: occ },
    ...profiles.map((doc) => ({ coll: 'eld_profiles', doc })),
  ])
  setRouterParams({ activityId: activity._id, day })
  return { activityId: activity._id, day }
}

const signup = (by: string, name: string, over: Partial<SignupEntry> = {}): SignupEntry => ({
  personKey: `u:${by}`,
  name,
  status: 'signed_up',
  by,
  role: 'self',
  at: new Date(testNow() - 86_400_000),
  subscribed: false,
  ...over,
})

const profile = (name: string, over: Partial<ProfileDoc> = {}): ProfileDoc => {
  const at = new Date(testNow() - 86_400_000)
  return {
    _id: uid('prof'),
    kind: 'staff',
    communityId: 'junmen',
    name,
    age: 84,
    phone: '13611112222',
    consentNote: '本人同意',
    managers: [],
    status: 'active',
    createdBy: 'demo-staff',
    createdAt: at,
    updatedAt: at,
    ...over,
  }
}

it('staff tick a name, add a walk-in by name and one from the profiles; no phone anywhere', async () => {
  const mother = profile('林奶奶', { kind: 'family', managers: ['demo-resident'], phone: '13955556666' })
  const { activityId, day } = await stage(
    [signup('demo-resident', '林奶奶', { personKey: `p:${mother._id}`, role: 'family' }), signup('demo-volunteer', '陈志远')],
    [mother, profile('孙爷爷')],
  )
  backend.as('demo-staff')
  renderPage(<RosterPage />)
  expect(await screen.findByText('纸花手工')).toBeTruthy()
  expect(screen.getByTestId('roster-figures').textContent).toBe('已报名 2 人，已签到 0 人，现场参加 0 人，共到场 0 人')
  expect(await screen.findByText(/^家属代报名 · /)).toBeTruthy()
  expect(screen.getByText('本人报名')).toBeTruthy()

  await tap('签到 林奶奶')
  await waitFor(() => expect(screen.getByTestId('roster-figures').textContent).toBe('已报名 2 人，已签到 1 人，现场参加 0 人，共到场 1 人'))
  expect(backend.eventsFor('checkIn')[0].input).toEqual({ activityId, day, index: 0, personKey: `p:${mother._id}` })
  expect(await screen.findByText(/^已签到 \d\d:\d\d$/)).toBeTruthy()

  await typeInto('现场参加者姓名', '赵大爷')
  await tap('按姓名添加')
  expect(await screen.findByText(/^赵大爷 · \d\d:\d\d$/)).toBeTruthy()
  await tap('从长者档案选择')
  await tap('孙爷爷')
  expect(await screen.findByText(/^孙爷爷 · \d\d:\d\d · 长者档案$/)).toBeTruthy()
  await waitFor(() => expect(screen.getByTestId('roster-figures').textContent).toBe('已报名 2 人，已签到 1 人，现场参加 2 人，共到场 3 人'))
  expect(backend.eventsFor('addWalkIn').map((e) => e.input)).toEqual([
    { activityId, day, name: '赵大爷' },
    { activityId, day, profileId: expect.stringMatching(/^prof/) },
  ])
  await backend.settled()
  const r = await backend.call('demo-staff', 'elder', 'roster', { activityId, day })
  expect(r.walkIns.map((w: { name: string }) => w.name)).toEqual(['赵大爷', '孙爷爷'])
  expect(document.body.textContent).not.toMatch(/13955556666|13611112222/)
})

it('the 签到码 shows the occurrence code', async () => {
  await stage([signup('demo-resident', '林阿姨')])
  backend.as('demo-staff')
  renderPage(<RosterPage />)
  await tap('签到码')
  await waitFor(() => expect(screen.getByTestId('occurrence-code').querySelector('img, taro-image-core')).toBeTruthy())
  expect(backend.eventsFor('occurrenceCode')).toHaveLength(1)
  expect(screen.getByText('请已报名的长者或家属用微信扫码签到')).toBeTruthy()
})

it('a resident opening the roster sees the refusal and no names', async () => {
  await stage([signup('demo-volunteer', '陈志远')])
  backend.as('demo-resident')
  renderPage(<RosterPage />)
  expect(await screen.findByText('您没有进行此操作的权限')).toBeTruthy()
  expect(document.body.textContent).not.toContain('陈志远')
})
