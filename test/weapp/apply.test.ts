// Layer 3: a resident applies to volunteer in the real weapp build (inputs, chips, validation), against the real emulator.
import { calls, env, followNavigation, renderPage, settle, waitFor, waitForText } from './harness'
import { withEmulator } from './emulator'

withEmulator()

test('demo-resident applies from the me tab; a bad phone is refused first; then the application is pending', async () => {
  const me = renderPage('pages/me/index', { persona: 'demo-resident' })
  await settle(me)
  await me.tap({ text: '申请成为志愿者' })
  const page = followNavigation()
  expect(page.route).toBe('packages/user/pages/apply/index')
  expect(await settle(page)).toContain('提交申请')

  const [realName, phone, birthDate] = page.all('wx-input')
  expect(realName && phone && birthDate).toBeTruthy()
  await page.trigger(birthDate, 'input', { value: '1958-03-02', cursor: 10, keyCode: 0 })
  await page.trigger(realName, 'input', { value: '林秀英', cursor: 3, keyCode: 0 })
  await page.trigger(phone, 'input', { value: '1390013900', cursor: 10, keyCode: 0 }) // 10 digits
  await page.tap({ text: '陪伴聊天' })
  await waitForText(page, '✓ 陪伴聊天')

  await page.tap({ text: '提交申请' })
  await waitFor(() => page.texts('.hm-error').includes('请输入11位手机号'))
  expect(env.cloudCalls.some((c) => c.data?.action === 'applyVolunteer')).toBe(false)

  await page.trigger(phone, 'input', { value: '13900139001', cursor: 11, keyCode: 0 })
  await page.tap({ text: '提交申请' })
  await waitFor(() => calls('showToast').some((t) => t.title === '申请已提交'))
  const apply = env.cloudCalls.find((c) => c.data?.action === 'applyVolunteer')
  expect(apply?.data?.input).toMatchObject({ realName: '林秀英', phone: '13900139001', birthDate: '1958-03-02', skills: ['陪伴聊天'] })
  expect(apply?.result).toMatchObject({ ok: true })
  expect(calls('navigateBack')).toHaveLength(1)

  const after = renderPage('pages/me/index', { persona: 'demo-resident' })
  const text = await settle(after)
  expect(text).toContain('审核中')
  expect(text).toContain('撤回申请')
  expect(env.errors).toEqual([])
})
