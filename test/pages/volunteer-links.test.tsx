// Layer 2, the volunteer service's links (issue 10, part D): 我的服务 → 签到签退 while check-in is open (and not
// before), the record page from 我的 and from 我的服务, and the staff's 签到码 and 确认时长 from the project's slots,
// against the real functions.
import MinePage from '@/packages/volunteer/pages/mine'
import ProjectPage from '@/packages/volunteer-staff/pages/project'
import MePage from '@/pages/me'
import { ROUTES } from '@/routes'
import { renderPage, screen, setRouterParams, setupBackend, stubNavigation, tap } from './helpers'
import { shift, stageSlot } from './volunteerCheckinStage'
import { inDays } from '../clock'

const backend = setupBackend()

describe('volunteer links', () => {
  let nav: ReturnType<typeof stubNavigation>
  beforeEach(() => {
    nav = stubNavigation()
  })

  it('我的服务 offers 去签到 only on the slot whose check-in is open, and opens 签到签退 for it', async () => {
    backend.as('demo-volunteer')
    const open = await stageSlot([shift('demo-volunteer', '陈志远')])
    const later = await stageSlot([shift('demo-volunteer', '陈志远')], undefined, 3 * 24 * 60)
    renderPage(<MinePage />)
    expect(await screen.findAllByTestId('slot-card')).toHaveLength(2)
    expect(screen.getAllByText('去签到')).toHaveLength(1)
    const mine = await backend.call('demo-volunteer', 'volunteer', 'myShifts', {})
    expect(mine.items.map((s) => [s.id, s.checkinOpen])).toEqual([
      [open, true],
      [later, undefined],
    ])
    await tap('去签到')
    expect(nav.navigateTo).toHaveBeenCalledWith({ url: `${ROUTES.volunteerCheckin}?slotId=${open}` })
  })

  it('我的服务 and 我的 open the record page', async () => {
    backend.as('demo-volunteer')
    renderPage(<MinePage />)
    await tap('我的志愿记录')
    expect(nav.navigateTo).toHaveBeenLastCalledWith({ url: ROUTES.volunteerRecord })
    nav.navigateTo.mockClear()
    renderPage(<MePage />)
    await tap('我的志愿记录')
    expect(nav.navigateTo).toHaveBeenLastCalledWith({ url: ROUTES.volunteerRecord })
  })

  it('a resident sees no record link on 我的', async () => {
    backend.as('demo-resident')
    renderPage(<MePage />)
    expect(await screen.findByText('隐私保护指引')).toBeTruthy()
    expect(screen.queryByText('我的志愿记录')).toBeNull()
  })

  it("staff reach a slot's 签到码 and 确认时长 from the project page", async () => {
    backend.as('demo-staff')
    const project = await backend.call('demo-staff', 'volunteer', 'saveProject', {
      communityId: 'junmen',
      title: '社区环境清洁',
      description: '清理楼道和绿化带。',
      serviceType: '环境保护',
      place: { name: '军门社区文化广场', lat: 26.0872, lng: 119.3015, radiusM: 200 },
      requirements: { trainingTags: [], insuranceRequired: false },
      contactName: '郑社工',
      contactPhone: '13905910001',
    })
    const made = await backend.call('demo-staff', 'volunteer', 'createSlots', { projectId: project.id, date: inDays(1), startTime: '09:00', endTime: '11:00', headcount: 5 })
    const slotId = made.slotIds[0]
    setRouterParams({ id: project.id })
    renderPage(<ProjectPage />)
    await tap('签到码')
    expect(nav.navigateTo).toHaveBeenLastCalledWith({ url: `${ROUTES.staffSlotCode}?slotId=${slotId}` })
    await tap('确认时长')
    expect(nav.navigateTo).toHaveBeenLastCalledWith({ url: `${ROUTES.staffConfirm}?slotId=${slotId}` })
  })
})
