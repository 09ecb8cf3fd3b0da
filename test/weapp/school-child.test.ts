// Layer 3, the 4 o'clock school part A (issue 11) in the real weapp build against the seeded emulator: a new guardian
// taps 添加孩子, is sent to the 儿童个人信息处理规则 first, consents, and adds a child (the calls reach the cloud with
// requestIds; the child carries the consent).
import { CHILD_POLICY_VERSION, PRIVACY_VERSION } from '../../src/contracts'
import { callAs, calls, env, followNavigation, renderPage, settle, waitFor, waitForText } from './harness'
import { withEmulator } from './emulator'

withEmulator()

test('a guardian adds a child: consent first', async () => {
  const persona = `dev-new-wsc${Date.now().toString(36)}`
  const signed = await callAs(persona, 'user', {
    action: 'signUp',
    requestId: `wsc${Date.now().toString(36)}`,
    input: { privacyAgreed: true, privacyVersion: PRIVACY_VERSION, communityId: 'junmen', nickname: '陈妈妈' },
  })
  expect(signed).toMatchObject({ ok: true })

  const list = renderPage('packages/school/pages/children/index', { persona })
  expect(await settle(list)).toContain('还没有添加孩子')
  await list.tap({ text: '添加孩子' })
  const policy = followNavigation({ persona })
  expect(policy.route).toBe('packages/school/pages/policy/index')
  const rules = await settle(policy)
  expect(rules).toContain('二、谁能看到孩子的信息')
  expect(env.cloudCalls.some((c) => c.data?.action === 'addChild')).toBe(false)

  await policy.tap({ text: '我是孩子的监护人，同意以上规则' })
  await waitFor(() => calls('redirectTo').length === 1)
  const consent = env.cloudCalls.find((c) => c.data?.action === 'consentChildPolicy')
  expect(consent?.data).toMatchObject({ input: { version: CHILD_POLICY_VERSION } })
  expect(consent?.data.requestId).toMatch(/^[A-Za-z0-9_-]{8,64}$/)

  const form = followNavigation({ persona })
  expect(form.route).toBe('packages/school/pages/child/index')
  expect(await settle(form)).toContain('填写孩子信息')
  const [name, birthDate, school, phone] = form.all('wx-input')
  expect(name && birthDate && school && phone).toBeTruthy()
  await form.trigger(name, 'input', { value: '陈小乐', cursor: 3, keyCode: 0 })
  await form.trigger(birthDate, 'input', { value: '2019-05-06', cursor: 10, keyCode: 0 })
  await form.trigger(school, 'input', { value: '鼓楼实验小学', cursor: 6, keyCode: 0 })
  await form.trigger(phone, 'input', { value: '13700137000', cursor: 11, keyCode: 0 })
  await form.tap({ text: '一年级' })
  await form.tap({ text: '添加孩子' })
  await waitFor(() => calls('showToast').some((t) => t.title === '已添加'))
  const add = env.cloudCalls.find((c) => c.data?.action === 'addChild')
  expect(add?.data?.input).toEqual({ name: '陈小乐', gender: 'male', birthDate: '2019-05-06', school: '鼓楼实验小学', grade: 1, guardianPhone: '13700137000' })
  expect(add?.result).toMatchObject({ ok: true, data: { name: '陈小乐', consent: { version: CHILD_POLICY_VERSION } } })
  await waitForText(form, '授权接送人')
  expect(env.errors).toEqual([])
})
