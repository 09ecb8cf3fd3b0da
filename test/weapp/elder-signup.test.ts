// Layer 3, elder activities part B (issue 12) in the real weapp build against the seeded emulator: a daughter signs
// her mother up from the occurrence page (为家人报名). WeChat shows the one-time subscription prompt only from the
// tap itself, so wx.requestSubscribeMessage must come first, synchronously inside the tap handler (no await before
// it), and then the sign-up reaches the cloud with the answer. The test records the order of both calls and the
// stack of the prompt's call (the tap's dispatch is on it only when nothing was awaited before).
import type { ActivityDoc } from '../../cloud/domain/elder/model'
import { stageDocs } from '../support/stageDocs'
import { callAs, env, renderPage, settle, waitFor } from './harness'
import { withEmulator } from './emulator'
import { inDays } from '../clock'

const emu = withEmulator()

let seq = 0
const rid = () => `we${Date.now().toString(36)}${(seq++).toString(36)}`

test('a daughter signs her mother up: the subscription is asked first in the tap, then the sign-up carries the answer', async () => {
  const activityId = `ea-weapp-${Date.now().toString(36)}`
  const at = new Date()
  const activity: ActivityDoc = {
    _id: activityId,
    communityId: 'junmen',
    title: '剪纸手工课',
    category: '手工',
    host: '陈阿姨',
    description: '学剪窗花。',
    segments: [{ from: inDays(-7), kind: 'daily', startTime: '14:00', durationMin: 90, place: '三楼手工室', capacity: 12, signupRequired: true }],
    status: 'active',
    rev: 1,
    createdBy: 'demo-staff',
    createdAt: at,
    updatedAt: at,
  }
  await stageDocs(emu().control, [{ coll: 'eld_activities', doc: activity }])
  const mum = await callAs('demo-resident', 'elder', { action: 'saveProfile', requestId: rid(), input: { name: '林妈妈', age: 79, consentNote: '已征得长者本人同意' } })
  expect(mum).toMatchObject({ ok: true })
  const day = inDays(2)

  const page = renderPage(`packages/elder/pages/occurrence/index?activityId=${activityId}&day=${day}`, { persona: 'demo-resident' })
  let text = await settle(page)
  expect(text).toContain('剪纸手工课')
  expect(text).toContain('余 12 位')

  // Record, in one sequence, the prompt and every cloud call, and where the prompt was called from.
  const wx = (global as any).wx
  const order: string[] = []
  let promptStack = ''
  const prompt = wx.requestSubscribeMessage
  const callFunction = wx.cloud.callFunction
  wx.requestSubscribeMessage = (opts: any) => {
    order.push(`requestSubscribeMessage:${(opts.tmplIds || []).join(',')}`)
    const limit = Error.stackTraceLimit
    Error.stackTraceLimit = Infinity
    promptStack = new Error('prompt').stack || ''
    Error.stackTraceLimit = limit
    return prompt(opts)
  }
  wx.cloud.callFunction = (opts: any) => {
    order.push(`callFunction:${opts.name}.${opts.data?.action}`)
    return callFunction(opts)
  }
  try {
    await page.tap({ text: '为家人报名' })
    await waitFor(() => page.text().includes('为林妈妈报名'))
    await page.tap({ text: '为林妈妈报名' })
    await waitFor(() => page.text().includes('林妈妈 报名成功'))
  } finally {
    wx.requestSubscribeMessage = prompt
    wx.cloud.callFunction = callFunction
  }
  expect(order.slice(0, 2)).toEqual(['requestSubscribeMessage:local-tpl-elder-reminder,local-tpl-elder-changed', 'callFunction:elder.signUp'])
  // Called synchronously from the tap's handler (the button's onClick): an await before it would have cut the stack
  // at a microtask, without the handler.
  expect(promptStack).toMatch(/\bonClick\b/)
  const signUp = env.cloudCalls.find((c) => c.name === 'elder' && c.data?.action === 'signUp')
  expect(signUp?.data).toMatchObject({ input: { activityId, day, person: { profileId: mum.data.id }, subscribed: true } })
  expect(signUp?.data.requestId).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
  expect(signUp?.result).toMatchObject({ ok: true, data: { status: 'signed_up', placesLeft: 11 } })
  text = await settle(page)
  expect(text).toContain('林妈妈：已报名（家属代报名）')
  expect(text).toContain('余 11 位')
})
