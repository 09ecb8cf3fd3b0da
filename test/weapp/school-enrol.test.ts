// Layer 3: enrolment in the real weapp build (issue 11, part B): a guardian enrols a child in a full session and the
// page shows 候补第 1 位; a place frees and 我的报名 offers it; 确认入学 enrols the child. Sessions and children are
// staged in the store (test/support/schoolEnrolmentDocs.ts; part A's functions are built alongside); every step
// after that goes through the functions.
import { PRIVACY_VERSION } from '../../src/contracts/user'
import { callAs, calls, env, renderPage, settle, waitFor } from './harness'
import { withEmulator } from './emulator'
import { stageDocs } from '../support/stageDocs'
import { childDoc, sessionDoc, stagedId } from '../support/schoolEnrolmentDocs'

const emulator = withEmulator()
let seq = 0
const rid = () => `ws${Date.now().toString(36)}${(seq++).toString(36)}`

/** A signed-up guardian of 军门社区 with one child, staged; returns the openid and the child's id. */
async function guardian(name: string): Promise<{ openid: string; childId: string }> {
  const openid = `weapp-sch-${Math.random().toString(36).slice(2, 8)}`
  const at = new Date()
  const child = childDoc(openid, stagedId('fam'), Date.now(), { name, phone: '13900003333' })
  await stageDocs(emulator().control, [
    {
      coll: 'users',
      doc: { _id: openid, nickname: '家长', communityId: 'junmen', privacyVersion: PRIVACY_VERSION, privacyAgreedAt: at, staffCommunityIds: [], createdAt: at, updatedAt: at } as {
        _id: string
      },
    },
    { coll: 'sch_children', doc: child },
  ])
  return { openid, childId: child._id }
}

test('enrol in a full session: 候补第 1 位; the freed place is offered on 我的报名 and 确认入学 enrols the child', async () => {
  const session = sessionDoc('junmen', Date.now(), { capacity: 1 })
  await stageDocs(emulator().control, [{ coll: 'sch_sessions', doc: session }])
  const first = await guardian('陈小红')
  expect(await callAs(first.openid, 'school', { action: 'enrol', requestId: rid(), input: { sessionId: session._id, childId: first.childId } })).toMatchObject({
    ok: true,
    data: { status: 'enrolled' },
  })
  const me = await guardian('王小明')

  const page = renderPage('packages/school/pages/session/index', { persona: me.openid, query: { id: session._id } })
  await waitFor(() => page.text().includes('为哪个孩子报名'))
  await page.tap({ text: '报名' })
  await waitFor(() => page.text().includes('候补第 1 位'))
  const sent = env.cloudCalls.find((c) => c.data?.action === 'enrol')!
  expect(sent.data.input).toEqual({ sessionId: session._id, childId: me.childId, subscribed: false })
  expect(sent.data.requestId).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
  expect(sent.result).toMatchObject({ ok: true, data: { status: 'waitlisted', position: 1 } })
  expect(calls('showModal').at(-1)).toMatchObject({ title: '已进入候补' })
  await settle(page)
  expect(page.text()).not.toContain('陈小红')
  expect(env.errors).toEqual([])

  // The first family cancels: the place is offered to mine.
  expect(await callAs(first.openid, 'school', { action: 'cancelEnrolment', requestId: rid(), input: { sessionId: session._id, childId: first.childId } })).toMatchObject({ ok: true })
  const family = renderPage('packages/school/pages/family/index', { persona: me.openid })
  await waitFor(() => family.text().includes('确认入学'))
  expect(family.text()).toMatch(/剩余 2[34] 小时/)
  await family.tap({ text: '确认入学' })
  await waitFor(() => family.text().includes('状态：已录取'))
  expect(env.cloudCalls.find((c) => c.data?.action === 'acceptOffer')?.result).toMatchObject({ ok: true, data: { status: 'enrolled' } })
  expect(calls('showToast').some((t) => t.title === '已确认入学')).toBe(true)
  expect(env.errors).toEqual([])
})

test('large font: the family page follows the system font setting', async () => {
  const me = await guardian('李小华')
  env.system = { ...env.system, fontSizeSetting: 22 }
  try {
    const page = renderPage('packages/school/pages/family/index', { persona: me.openid })
    await waitFor(() => page.text().includes('还没有报名'))
    expect(page.root.dom.querySelector('.hm-page')!.classList.contains('hm-large')).toBe(true)
    expect(env.errors).toEqual([])
  } finally {
    env.system = { ...env.system, fontSizeSetting: 17 }
  }
})
