// Scope: staff see only their own communities' applications. A 军门 resident applies (set up through
// the HTTP API); 黄网格员 (staff of 汤门 only) does not see it in the queue, 郑社工 (军门) does.
import { PRIVACY_VERSION } from '../../src/contracts/user'
import { choosePersona, current } from './app'
import { openApp, see, story, tap, useStack } from './harness'

const stack = useStack()

const APPLICANT = '吴建国'

/** A user-function call as `openid`, the way the h5 transport sends it. */
async function api(openid: string, action: string, input: unknown, requestId?: string) {
  const res = await fetch(`${stack.url}api/fn/user`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-hemei-openid': openid },
    body: JSON.stringify({ action, input, requestId }),
  })
  const body = await res.json()
  if (!body.ok) throw new Error(`${action}: ${body.code} ${body.message}`)
  return body.data
}

beforeAll(async () => {
  const openid = 'dev-new-scope01'
  await api(openid, 'signUp', { privacyAgreed: true, privacyVersion: PRIVACY_VERSION, communityId: 'junmen', nickname: '吴叔叔' }, 'e2e-scope-signup')
  await api(openid, 'applyVolunteer', { realName: APPLICANT, phone: '13700001111', skills: ['家电维修'], birthDate: '1990-01-01' }, 'e2e-scope-apply')
})

/** Opens the application queue as this persona and returns the list once it has loaded. */
async function openQueueAs(label: string) {
  const page = await stack.newPage()
  await openApp(stack, page)
  await choosePersona(page, label)
  await tap(current(page), '志愿者申请审核')
  const queue = current(page)
  await see(queue, '待审核')
  // Loaded: either cards or the empty state, not the loading state.
  await queue.locator('[data-testid="application"], .hm-state:not([aria-busy="true"])').first().waitFor({ state: 'visible' })
  return { page, queue }
}

test('staff of 汤门 do not see 军门 applications', async () => {
  const { page, queue } = await openQueueAs('黄网格员（汤门社工）')
  await story(page, 'scope-tangmen', async () => {
    const cards = queue.locator('[data-testid="application"]')
    expect(await cards.filter({ hasText: APPLICANT }).count()).toBe(0)
    expect(await cards.filter({ hasText: '军门社区' }).count()).toBe(0)
    expect(await cards.filter({ hasText: '庆城社区' }).count()).toBe(0)
    await see(queue, '暂无待审核的申请')
  })
  await page.close()
})

test('staff of 军门 do see it (the same queue, the other scope)', async () => {
  const { page, queue } = await openQueueAs('郑社工（军门、庆城社工）')
  await story(page, 'scope-junmen', async () => {
    const card = queue.locator('[data-testid="application"]').filter({ hasText: APPLICANT })
    await card.waitFor({ state: 'visible' })
    await see(card, '军门社区')
  })
  await page.close()
})
