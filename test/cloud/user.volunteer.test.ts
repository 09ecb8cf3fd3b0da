// user function: volunteer applications — apply, withdraw, list, review; scope, state, privacy, concurrency.
import { PRIVACY_VERSION } from '../../src/contracts'
import { newOpenid, rid, startHarness, type Harness } from './helpers'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h?.close()
})

const APPS = 'volunteer_applications'
let phoneSeq = 0
/** A unique, valid phone number, so a test can search raw responses for it. */
function phone(): string {
  phoneSeq += 1
  return `139${String(Date.now() % 1e4).padStart(4, '0')}${String(phoneSeq).padStart(4, '0')}`
}
function applyInput(over: Record<string, unknown> = {}) {
  return { realName: '陈小明', phone: phone(), skills: ['陪伴聊天', '跑腿代办'], intro: '周末有空', birthDate: '1990-01-01', ...over }
}
/** A freshly signed-up resident of the named community. */
async function resident(communityName = '军门社区'): Promise<string> {
  const openid = newOpenid()
  await h.userOk(openid, 'signUp', { privacyAgreed: true, privacyVersion: PRIVACY_VERSION, communityId: h.communityId(communityName), nickname: '测试居民' })
  return openid
}
/** An application's own history (its audit trail) beyond the 'apply' entry. */
async function changes(id: string): Promise<any[]> {
  const [doc] = await h.find(APPS, { _id: id })
  return (doc?.history ?? []).filter((e: any) => e.action !== 'apply')
}
/** A resident with a pending application; returns both. */
async function applicant(communityName = '军门社区') {
  const openid = await resident(communityName)
  const input = applyInput()
  const app = await h.userOk(openid, 'applyVolunteer', input)
  return { openid, app, input }
}

describe('applyVolunteer', () => {
  it("creates a pending application in the user's community, phone unmasked for the applicant", async () => {
    const openid = await resident()
    const input = applyInput()
    const app = await h.userOk(openid, 'applyVolunteer', input)
    expect(app).toMatchObject({
      openid,
      communityId: h.communityId('军门社区'),
      communityName: '军门社区',
      realName: '陈小明',
      phone: input.phone,
      skills: input.skills,
      intro: '周末有空',
      status: 'pending',
    })
    expect(new Date(app.createdAt).toISOString()).toBe(app.createdAt)
    const me = await h.userOk(openid, 'me')
    expect(me.volunteerStatus).toBe('pending')
    expect(me.application).toEqual(app)
  })

  it('allows one pending application at a time (APPLICATION_PENDING)', async () => {
    const { openid } = await applicant()
    const res = await h.user(openid, 'applyVolunteer', applyInput())
    expect(res).toMatchObject({ ok: false, code: 'APPLICATION_PENDING' })
    expect(await h.count(APPS, { openid })).toBe(1)
  })

  it('refuses an approved volunteer (ALREADY_VOLUNTEER) and a user who has not signed up (NOT_SIGNED_UP)', async () => {
    expect(await h.user('demo-volunteer', 'applyVolunteer', applyInput())).toMatchObject({ ok: false, code: 'ALREADY_VOLUNTEER' })
    const stranger = newOpenid()
    expect(await h.user(stranger, 'applyVolunteer', applyInput())).toMatchObject({ ok: false, code: 'NOT_SIGNED_UP' })
    expect(await h.count(APPS, { openid: stranger })).toBe(0)
  })

  it.each([
    ['short name', { realName: '陈' }, 'realName'],
    ['bad phone', { phone: '12345' }, 'phone'],
    ['no skills', { skills: [] }, 'skills'],
    ['unknown skill', { skills: ['飞行'] }, 'skills.0'],
    ['long intro', { intro: '很'.repeat(201) }, 'intro'],
  ])('rejects bad input (%s) and writes nothing', async (_n, over, path) => {
    const openid = await resident()
    const res = await h.user(openid, 'applyVolunteer', applyInput(over))
    expect(res).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    if (!res.ok) expect(res.issues?.map((i) => i.path)).toContain(path)
    expect(await h.count(APPS, { openid })).toBe(0)
    expect((await h.userOk(openid, 'me')).volunteerStatus).toBe('none')
  })

  it('is idempotent: the same requestId twice gives one application and the same result', async () => {
    const openid = await resident()
    const requestId = rid()
    const input = applyInput()
    const first = await h.user(openid, 'applyVolunteer', input, requestId)
    const second = await h.user(openid, 'applyVolunteer', input, requestId)
    expect(first.ok).toBe(true)
    expect(second).toEqual(first)
    expect(await h.count(APPS, { openid })).toBe(1)
    // Still the same answer after the application was approved meanwhile: the retry finds its own application.
    await h.userOk('demo-staff', 'reviewApplication', { applicationId: (first as { data: { id: string } }).data.id, decision: 'approve' })
    expect(await h.user(openid, 'applyVolunteer', input, requestId)).toMatchObject({ ok: true, data: { id: (first as { data: { id: string } }).data.id } })
    expect(await h.count(APPS, { openid })).toBe(1)
  })

  it('answers a late retry with its own application even after it was withdrawn, creating nothing', async () => {
    const openid = await resident()
    const requestId = rid()
    const input = applyInput()
    const first = await h.userOk(openid, 'applyVolunteer', input, requestId)
    await h.userOk(openid, 'withdrawApplication', { applicationId: first.id })
    const retry = await h.user(openid, 'applyVolunteer', input, requestId)
    expect(retry).toMatchObject({ ok: true, data: { id: first.id, status: 'withdrawn' } })
    expect(await h.count(APPS, { openid })).toBe(1)
    expect((await h.userOk(openid, 'me')).volunteerStatus).toBe('none')
  })

  it('gives concurrent applications with different requestIds exactly one success', async () => {
    const openid = await resident()
    const results = await Promise.all([1, 2, 3].map(() => h.user(openid, 'applyVolunteer', applyInput())))
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.code)).toEqual(['APPLICATION_PENDING', 'APPLICATION_PENDING'])
    expect(await h.count(APPS, { openid })).toBe(1)
  })
})

describe('withdrawApplication', () => {
  it("withdraws the applicant's own pending application; they may apply again", async () => {
    const { openid, app } = await applicant()
    const out = await h.userOk(openid, 'withdrawApplication', { applicationId: app.id })
    expect(out).toMatchObject({ id: app.id, status: 'withdrawn', phone: app.phone })
    expect((await h.userOk(openid, 'me')).volunteerStatus).toBe('none')
    expect(await changes(app.id)).toEqual([expect.objectContaining({ action: 'withdraw', by: openid, role: 'applicant', from: 'pending', to: 'withdrawn', requestId: expect.any(String) })])
    const again = await h.userOk(openid, 'applyVolunteer', applyInput())
    expect(again.status).toBe('pending')
  })

  it('is idempotent: a retried withdrawal returns the first answer, not INVALID_STATE', async () => {
    const { openid, app } = await applicant()
    const requestId = rid()
    const first = await h.user(openid, 'withdrawApplication', { applicationId: app.id }, requestId)
    const retry = await h.user(openid, 'withdrawApplication', { applicationId: app.id }, requestId)
    expect(first).toMatchObject({ ok: true, data: { status: 'withdrawn' } })
    expect(retry).toEqual(first)
    expect(await changes(app.id)).toHaveLength(1)
  })

  it("refuses someone else's application (NOT_FOUND), unknown ids (NOT_FOUND) and non-pending ones (INVALID_STATE)", async () => {
    const { openid, app } = await applicant()
    expect(await h.user('demo-resident', 'withdrawApplication', { applicationId: app.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await h.user(openid, 'withdrawApplication', { applicationId: 'no-such-application' })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    await h.userOk(openid, 'withdrawApplication', { applicationId: app.id })
    expect(await h.user(openid, 'withdrawApplication', { applicationId: app.id })).toMatchObject({ ok: false, code: 'INVALID_STATE' })
    expect(await h.user(newOpenid(), 'withdrawApplication', { applicationId: app.id })).toMatchObject({ ok: false, code: 'NOT_SIGNED_UP' })
  })

  it('rejects bad input', async () => {
    const res = await h.user('demo-applicant', 'withdrawApplication', { applicationId: '' })
    expect(res).toMatchObject({ ok: false, code: 'INVALID_INPUT', issues: [{ path: 'applicationId' }] })
    expect(await h.count(APPS, { openid: 'demo-applicant', status: 'pending' })).toBe(1)
  })
})

describe('listApplications', () => {
  it('shows staff the applications of their communities only, newest first, phones unmasked', async () => {
    const { app: junmenApp } = await applicant('军门社区')
    const { app: tangmenApp } = await applicant('汤门社区')
    const page = await h.userOk('demo-staff', 'listApplications', {})
    const ids = page.items.map((a: { id: string }) => a.id)
    expect(ids).toContain(junmenApp.id)
    expect(ids).not.toContain(tangmenApp.id)
    const scope = [h.communityId('军门社区'), h.communityId('庆城社区')]
    for (const a of page.items) expect(scope).toContain(a.communityId)
    const times = page.items.map((a: { createdAt: string }) => a.createdAt)
    expect([...times].sort().reverse()).toEqual(times)
    expect(page.items.find((a: { id: string }) => a.id === junmenApp.id).phone).toBe(junmenApp.phone)
    const pending = await h.userOk('demo-staff', 'listApplications', { status: 'pending', communityId: h.communityId('庆城社区') })
    expect(pending.items.length).toBeGreaterThan(0)
    for (const a of pending.items) expect(a).toMatchObject({ status: 'pending', communityName: '庆城社区' })
  })

  it('pages with hasMore', async () => {
    await applicant('汤门社区')
    await applicant('汤门社区')
    const first = await h.userOk('demo-staff-tangmen', 'listApplications', { pageSize: 1 })
    expect(first).toMatchObject({ page: 1, pageSize: 1, hasMore: true })
    expect(first.items).toHaveLength(1)
    const second = await h.userOk('demo-staff-tangmen', 'listApplications', { pageSize: 1, page: 2 })
    expect(second.items).toHaveLength(1)
    expect(second.items[0].id).not.toBe(first.items[0].id)
    const all = await h.userOk('demo-staff-tangmen', 'listApplications', { pageSize: 20 })
    expect(all.hasMore).toBe(false)
  })

  it('lets the admin see every community', async () => {
    const { app } = await applicant('汤门社区')
    const page = await h.userOk('demo-admin', 'listApplications', { communityId: h.communityId('汤门社区') })
    expect(page.items.map((a: { id: string }) => a.id)).toContain(app.id)
    const all = await h.userOk('demo-admin', 'listApplications', {})
    expect(all.items.length).toBeGreaterThan(0)
  })

  it('refuses non-staff (ROLE_REQUIRED) and staff outside their scope (SCOPE_DENIED)', async () => {
    expect(await h.user('demo-resident', 'listApplications', {})).toMatchObject({ ok: false, code: 'ROLE_REQUIRED' })
    expect(await h.user('demo-volunteer', 'listApplications', {})).toMatchObject({ ok: false, code: 'ROLE_REQUIRED' })
    expect(await h.user(newOpenid(), 'listApplications', {})).toMatchObject({ ok: false, code: 'ROLE_REQUIRED' })
    expect(await h.user('demo-staff-tangmen', 'listApplications', { communityId: h.communityId('军门社区') })).toMatchObject({ ok: false, code: 'SCOPE_DENIED' })
  })

  it('rejects bad input', async () => {
    expect(await h.user('demo-staff', 'listApplications', { pageSize: 21 })).toMatchObject({ ok: false, code: 'INVALID_INPUT', issues: [{ path: 'pageSize' }] })
    expect(await h.user('demo-staff', 'listApplications', { status: 'lost' })).toMatchObject({ ok: false, code: 'INVALID_INPUT', issues: [{ path: 'status' }] })
    expect(await h.user('demo-staff', 'listApplications', { page: 0 })).toMatchObject({ ok: false, code: 'INVALID_INPUT', issues: [{ path: 'page' }] })
  })
})

describe('reviewApplication', () => {
  it("approves: the applicant becomes a volunteer, and the change is in the application's history", async () => {
    const { openid, app } = await applicant('军门社区')
    const out = await h.userOk('demo-staff', 'reviewApplication', { applicationId: app.id, decision: 'approve' })
    expect(out).toMatchObject({ id: app.id, status: 'approved', phone: app.phone, reviewedAt: expect.any(String) })
    const me = await h.userOk(openid, 'me')
    expect(me.roles).toContain('volunteer')
    expect(me.volunteerStatus).toBe('approved')
    expect(me.application.status).toBe('approved')
    expect(await changes(app.id)).toEqual([expect.objectContaining({ by: 'demo-staff', role: 'staff', action: 'review', from: 'pending', to: 'approved' })])
    expect(await h.user(openid, 'applyVolunteer', applyInput())).toMatchObject({ ok: false, code: 'ALREADY_VOLUNTEER' })
  })

  it('rejects with a reason; the applicant may apply again', async () => {
    const { openid, app } = await applicant('庆城社区')
    const out = await h.userOk('demo-staff', 'reviewApplication', { applicationId: app.id, decision: 'reject', reason: '请补充联系方式' })
    expect(out).toMatchObject({ status: 'rejected', reason: '请补充联系方式' })
    expect((await h.userOk(openid, 'me')).volunteerStatus).toBe('rejected')
    expect(await changes(app.id)).toEqual([expect.objectContaining({ to: 'rejected', reason: '请补充联系方式' })])
    expect((await h.userOk(openid, 'applyVolunteer', applyInput())).status).toBe('pending')
  })

  it('requires a reason to reject, and writes nothing without one', async () => {
    const { app } = await applicant()
    const res = await h.user('demo-staff', 'reviewApplication', { applicationId: app.id, decision: 'reject', reason: '  ' })
    expect(res).toMatchObject({ ok: false, code: 'INVALID_INPUT', issues: [{ path: 'reason' }] })
    expect(await h.count(APPS, { _id: app.id, status: 'pending' })).toBe(1)
    expect(await changes(app.id)).toEqual([])
  })

  it('refuses a decided application (INVALID_STATE), unknown ids (NOT_FOUND), bad decisions (INVALID_INPUT)', async () => {
    const { app } = await applicant()
    await h.userOk('demo-staff', 'reviewApplication', { applicationId: app.id, decision: 'approve' })
    expect(await h.user('demo-staff', 'reviewApplication', { applicationId: app.id, decision: 'reject', reason: 'x' })).toMatchObject({ ok: false, code: 'INVALID_STATE' })
    expect(await h.user('demo-staff', 'reviewApplication', { applicationId: 'no-such-application', decision: 'approve' })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await h.user('demo-staff', 'reviewApplication', { applicationId: app.id, decision: 'maybe' })).toMatchObject({ ok: false, code: 'INVALID_INPUT', issues: [{ path: 'decision' }] })
  })

  it('refuses non-staff (ROLE_REQUIRED) and staff of another community (SCOPE_DENIED), changing nothing', async () => {
    const { openid, app } = await applicant('军门社区')
    expect(await h.user('demo-resident', 'reviewApplication', { applicationId: app.id, decision: 'approve' })).toMatchObject({ ok: false, code: 'ROLE_REQUIRED' })
    expect(await h.user(openid, 'reviewApplication', { applicationId: app.id, decision: 'approve' })).toMatchObject({ ok: false, code: 'ROLE_REQUIRED' })
    expect(await h.user('demo-staff-tangmen', 'reviewApplication', { applicationId: app.id, decision: 'approve' })).toMatchObject({ ok: false, code: 'SCOPE_DENIED' })
    expect(await h.count(APPS, { _id: app.id, status: 'pending' })).toBe(1)
    expect((await h.userOk(openid, 'me')).volunteerStatus).toBe('pending')
  })

  it('lets exactly one of two staff approving at the same time succeed', async () => {
    const { app } = await applicant('军门社区')
    const results = await Promise.all([
      h.user('demo-staff', 'reviewApplication', { applicationId: app.id, decision: 'approve' }),
      h.user('demo-admin', 'reviewApplication', { applicationId: app.id, decision: 'reject', reason: '名额已满' }),
    ])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, code: 'INVALID_STATE' })
    expect(await changes(app.id)).toHaveLength(1)
  })

  it('is idempotent: a retried review returns the first answer, not INVALID_STATE', async () => {
    const { app } = await applicant('军门社区')
    const requestId = rid()
    const input = { applicationId: app.id, decision: 'approve' }
    const first = await h.user('demo-staff', 'reviewApplication', input, requestId)
    const retry = await h.user('demo-staff', 'reviewApplication', input, requestId)
    expect(first.ok).toBe(true)
    expect(retry).toEqual(first)
    expect(await changes(app.id)).toHaveLength(1)
  })
})

describe('privacy of applicant phones (raw responses)', () => {
  it('shows the phone to the applicant and scoped staff, and to nobody else', async () => {
    const { openid, app, input } = await applicant('军门社区')
    expect(app.phone).toBe(input.phone)
    expect((await h.userOk(openid, 'me')).application.phone).toBe(input.phone)
    const staffView = await h.user('demo-staff', 'listApplications', { communityId: h.communityId('军门社区'), status: 'pending' })
    expect(JSON.stringify(staffView)).toContain(input.phone)
    // Staff of another community, residents and volunteers never receive it, in any response.
    const others = await Promise.all([
      h.user('demo-staff-tangmen', 'listApplications', {}),
      h.user('demo-staff-tangmen', 'listApplications', { communityId: h.communityId('军门社区') }),
      h.user('demo-resident', 'me'),
      h.user('demo-volunteer', 'listApplications', {}),
      h.user('demo-staff-tangmen', 'reviewApplication', { applicationId: app.id, decision: 'approve' }),
    ])
    for (const res of others) expect(JSON.stringify(res)).not.toContain(input.phone)
  })
})
