// Layer 3: a staff flow in the real weapp build — the volunteer application queue — against the real emulator.
import { calls, env, renderPage, settle, waitFor, waitForText } from './harness'
import { withEmulator } from './emulator'

withEmulator()

afterEach(() => {
  env.modalAnswer = { confirm: true, cancel: false }
})

test('a resident opening the staff queue is refused by the cloud, and sees why', async () => {
  const page = renderPage('packages/staff/pages/applications/index', { persona: 'demo-resident' })
  const text = await settle(page)
  expect(text).toContain('您没有进行此操作的权限')
  expect(text).not.toContain('王晓梅')
  expect(env.cloudCalls.map((c) => c.result?.code)).toContain('ROLE_REQUIRED')
})

test('staff of another community does not see the application', async () => {
  const page = renderPage('packages/staff/pages/applications/index', { persona: 'demo-staff-tangmen' })
  const text = await settle(page)
  expect(text).not.toContain('王晓梅')
})

test('staff approves a pending application after confirming; the applicant then is a volunteer', async () => {
  // before: the applicant's me page shows the pending application
  const before = renderPage('pages/me/index', { persona: 'demo-applicant' })
  expect(await settle(before)).toContain('审核中')

  const page = renderPage('packages/staff/pages/applications/index', { persona: 'demo-staff' })
  expect(await settle(page)).toContain('王晓梅')

  // cancelling the confirmation changes nothing
  env.modalAnswer = { confirm: false, cancel: true }
  await page.tap({ text: '通过' })
  await waitFor(() => calls('showModal').length === 1)
  expect(calls('showModal')[0]).toMatchObject({ title: '通过申请', content: expect.stringContaining('王晓梅') })
  expect(await settle(page)).toContain('王晓梅')
  expect(env.cloudCalls.some((c) => c.data?.action === 'reviewApplication')).toBe(false)

  env.modalAnswer = { confirm: true, cancel: false }
  await page.tap({ text: '通过' })
  await waitFor(() => calls('showToast').some((t) => t.title === '已通过'))
  const approve = env.cloudCalls.find((c) => c.data?.action === 'reviewApplication')
  expect(approve?.data?.input).toMatchObject({ decision: 'approve' })
  expect(approve?.result).toMatchObject({ ok: true })
  // a mutation carries an idempotency key
  expect(approve?.data?.requestId).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
  await waitFor(() => !page.text().includes('王晓梅'))

  const after = renderPage('pages/me/index', { persona: 'demo-applicant' })
  await waitForText(after, '已成为志愿者')
  expect(after.texts('.hm-badge')).toEqual(expect.arrayContaining(['志愿者']))
  expect(env.errors).toEqual([])
})
