// Layer 3, the volunteer service part A (issue 10) in the real weapp build against the seeded emulator: a volunteer
// finds a slot on 志愿服务, opens it and signs up (the call reaches the cloud with a requestId), and 我的服务 lists it.
import { callAs, env, followNavigation, renderPage, settle, waitFor, calls } from './harness'
import { withEmulator } from './emulator'
import { inDays } from '../clock'

withEmulator()

let seq = 0
const rid = () => `wv${Date.now().toString(36)}${(seq++).toString(36)}`

/** A project of 军门社区 with one slot in 2 days, made by demo-staff through the functions; returns the slot's id. */
async function stageSlot(title: string): Promise<string> {
  const project = await callAs('demo-staff', 'volunteer', {
    action: 'saveProject',
    requestId: rid(),
    input: {
      communityId: 'junmen',
      title,
      description: '清理小区楼道的小广告。',
      serviceType: '文明实践',
      place: { name: '军门社区服务中心', lat: 26.0865, lng: 119.2965 },
      requirements: { trainingTags: [], insuranceRequired: false },
      contactName: '郑社工',
      contactPhone: '13905910001',
    },
  })
  expect(project).toMatchObject({ ok: true })
  const made = await callAs('demo-staff', 'volunteer', {
    action: 'createSlots',
    requestId: rid(),
    input: { projectId: project.data.id, date: inDays(2), startTime: '14:00', endTime: '16:00', headcount: 3 },
  })
  expect(made).toMatchObject({ ok: true })
  return made.data.slotIds[0]
}

test('a volunteer finds a slot, signs up, and sees it in 我的服务', async () => {
  const slotId = await stageSlot('楼道清理')
  const list = renderPage('packages/volunteer/pages/slots/index', { persona: 'demo-volunteer-2' })
  let text = await settle(list)
  expect(text).toContain('楼道清理')
  expect(text).toContain('还剩 3 个名额')
  await list.tap({ text: '楼道清理' })
  const detail = followNavigation({ persona: 'demo-volunteer-2' })
  expect(detail.route).toBe('packages/volunteer/pages/slot/index')
  text = await settle(detail)
  expect(text).toContain(`时间：${inDays(2)} 14:00–16:00`)
  expect(text).not.toContain('13905910001')

  await detail.tap({ text: '报名' })
  await waitFor(() => calls('showToast').some((t) => t.title === '报名成功'))
  const signUp = env.cloudCalls.find((c) => c.name === 'volunteer' && c.data?.action === 'signUp')
  // The harness accepts the prompt: the sign-up says so.
  expect(signUp?.data).toMatchObject({ input: { slotId, insuranceAck: false, subscribed: true } })
  expect(signUp?.data.requestId).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
  expect(signUp?.result).toMatchObject({ ok: true, data: { status: 'signed_up', placesLeft: 2 } })
  // One prompt, for the template the volunteer function sends slot changes with (user.me's templates).
  expect(calls('requestSubscribeMessage')).toEqual([expect.objectContaining({ tmplIds: ['local-tpl-vol-slot-changed'] })])
  await waitFor(() => detail.text().includes('状态：已报名'))
  expect(detail.text()).toContain('郑社工 13905910001')

  const mine = renderPage('packages/volunteer/pages/mine/index', { persona: 'demo-volunteer-2' })
  text = await settle(mine)
  expect(text).toContain('楼道清理')
  expect(text).toContain('已报名')
})
