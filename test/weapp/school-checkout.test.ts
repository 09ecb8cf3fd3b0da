// Layer 3: the 4 o'clock school's check-out in the real weapp build (issue 11, part C): staff open the roster, check a
// child in, choose the authorised adult and type the 4-digit code (a wrong one first: refused with the guardian's
// phone), then the right one; and the roster in large-font mode. Sessions and children are staged in the store.
import type { ChildDoc, EnrolmentEntry } from '../../cloud/domain/school/model'
import { CHILD_POLICY_VERSION } from '../../src/contracts/school/rules'
import { testNow } from '../clock'
import { termSessionDoc } from '../support/schoolEnrolmentDocs'
import { stageDocs } from '../support/stageDocs'
import { env, renderPage, settle, waitFor } from './harness'
import { withEmulator } from './emulator'

const emulator = withEmulator()
const ROUTE = 'packages/school-staff/pages/roster/index'

async function stage(): Promise<{ sessionId: string; childId: string; phone: string }> {
  const id = Math.random().toString(36).slice(2, 10)
  const at = new Date(testNow())
  const childId = `child-weapp-${id}`
  const sessionId = `ses-weapp-${id}`
  const phone = `138${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`
  const child: ChildDoc = {
    _id: childId,
    familyId: `fam-weapp-${id}`,
    guardianOpenids: [`g-weapp-${id}`],
    name: '林小雨',
    gender: 'female',
    birthDate: '2018-09-01',
    school: '军门小学',
    grade: 1,
    guardianPhone: phone,
    pickups: [{ id: 'ad-w', name: '林建国', relation: '祖父', phone: '13600000000', code: '8642', codeAt: at }],
    consent: { version: CHILD_POLICY_VERSION, at, by: `g-weapp-${id}` },
    status: 'active',
    createdAt: at,
    updatedAt: at,
  }
  const entry: EnrolmentEntry = {
    childId,
    familyId: child.familyId,
    status: 'enrolled',
    at,
    by: child.guardianOpenids[0],
    child: { name: '林小雨', gender: 'female', grade: 1, allergy: false },
  }
  const session = { ...termSessionDoc('junmen', testNow(), [entry], { name: '秋季四点钟学校', capacity: 10, daysIn: 10 }), _id: sessionId }
  await stageDocs(emulator().control, [
    { coll: 'sch_children', doc: child },
    { coll: 'sch_sessions', doc: session },
  ])
  return { sessionId, childId, phone }
}

test('staff check a child in and out with the adult and the 4-digit code; a wrong code shows the guardian phone', async () => {
  const s = await stage()
  const page = renderPage(ROUTE, { persona: 'demo-staff', query: { sessionId: s.sessionId } })
  await waitFor(() => page.text().includes('林小雨'))
  await page.tap({ text: '到校' })
  await waitFor(() => page.text().includes('接走'))
  await settle(page)
  await page.tap({ text: '接走' })
  await waitFor(() => page.text().includes('林建国（祖父）'))
  expect(page.text()).not.toMatch(/13600000000|8642/)

  const code = page.all('wx-input')[0]
  await page.trigger(code, 'input', { value: '1111', cursor: 4, keyCode: 0 })
  await page.tap({ text: '确认接走' })
  await waitFor(() => page.text().includes('接送码不正确'))
  expect(page.text()).toContain(`联系监护人：${s.phone}`)
  expect(page.text()).toContain('电话确认后放行')

  await page.trigger(page.all('wx-input')[0], 'input', { value: '8642', cursor: 4, keyCode: 0 })
  await page.tap({ text: '确认接走' })
  await waitFor(() => /由林建国（祖父）接走/.test(page.text()))
  const sent = env.cloudCalls.filter((c) => c.data.action === 'checkOutChild')
  expect(sent.map((c) => c.data.input.code)).toEqual(['1111', '8642'])
  expect(sent[1].result).toMatchObject({ ok: true, data: { outcome: 'picked_up', by: { name: '林建国', relation: '祖父' } } })
  expect(env.errors).toEqual([])
})

test('in large-font mode (WeChat font size above the default) the roster and the code entry keep every control', async () => {
  const s = await stage()
  env.system = { fontSizeSetting: 22 }
  try {
    const page = renderPage(ROUTE, { persona: 'demo-staff', query: { sessionId: s.sessionId } })
    await waitFor(() => page.text().includes('林小雨'))
    expect(page.root.dom.querySelector('.hm-page')!.classList.contains('hm-large')).toBe(true)
    await page.tap({ text: '到校' })
    await waitFor(() => page.text().includes('接走'))
    await settle(page)
    await page.tap({ text: '接走' })
    await waitFor(() => page.text().includes('林建国（祖父）'))
    expect(page.text()).toContain('确认接走')
    expect(page.all('wx-input')).toHaveLength(1)
    expect(env.errors).toEqual([])
  } finally {
    env.system = {}
  }
})
