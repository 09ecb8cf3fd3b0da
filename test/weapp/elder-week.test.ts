// Layer 3, elder activities part A (issue 12) in the real weapp build against the seeded emulator: the 长者活动 tile
// opens the week, which is in large font for a user who chose normal text, with its rows by day; a row opens the
// occurrence page.
import { callAs, env, followNavigation, renderPage, settle, waitFor } from './harness'
import { withEmulator } from './emulator'
import { inDays } from '../clock'

withEmulator()

let seq = 0
const rid = () => `we${Date.now().toString(36)}${(seq++).toString(36)}`

test('the home tile opens the week: large font whatever the setting, rows with time, place, host and places left', async () => {
  const made = await callAs('demo-staff', 'elder', {
    action: 'saveActivity',
    requestId: rid(),
    input: {
      communityId: 'junmen',
      title: '银龄合唱团',
      category: '文娱',
      host: '王秀兰老师',
      description: '一起唱老歌。',
      rule: { kind: 'daily', from: inDays(0), startTime: '09:30', durationMin: 60, place: '服务站一楼活动室', capacity: 12, signupRequired: true },
    },
  })
  expect(made).toMatchObject({ ok: true })

  const home = renderPage('pages/home/index', { persona: 'demo-volunteer' })
  await settle(home)
  await home.tap({ text: '长者活动' })
  const week = followNavigation({ persona: 'demo-volunteer' })
  expect(week.route).toBe('packages/elder/pages/week/index')
  await settle(week)
  await week.tap({ text: '下周' })
  await waitFor(() => env.cloudCalls.some((c) => c.name === 'elder' && c.data?.input?.week === 'next' && c.result), { message: 'the week call for 下周' })
  await waitFor(() => week.text().split('银龄合唱团').length === 8, { message: 'seven rows of next week' })
  expect(week.root.dom.querySelector('.hm-page')!.classList.contains('hm-large')).toBe(true)
  const text = week.text()
  expect(text).toContain('09:30–10:30 银龄合唱团')
  expect(text).toContain('服务站一楼活动室')
  expect(text).toContain('王秀兰老师')
  expect(text).toContain('余 12 位')
  // A daily activity: one row on each of next week's seven days.
  expect(text.split('银龄合唱团')).toHaveLength(8)
  const call = env.cloudCalls.filter((c) => c.name === 'elder' && c.data?.action === 'week').at(-1)
  expect(call?.data).toMatchObject({ input: { communityId: 'junmen', week: 'next' } })
  expect(call?.result).toMatchObject({ ok: true })
  expect(env.errors).toEqual([])
})
