// Separation of duties (docs/ARCHITECTURE.md): whoever asks never approves. Each self-approval is refused with
// SELF_REVIEW and writes nothing; another staff member or the admin may act.
import { startHarness, type Harness } from './helpers'
import { day, openWish, resident, stored, uniquePhone, wishInput } from './wishFixtures'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h?.close()
})

/** A new resident of 军门社区 made staff of it by the admin. */
async function newStaff(): Promise<string> {
  const openid = await resident(h, '军门社区', '新社工')
  await h.userOk('demo-admin', 'grantStaff', { openid, communityIds: [h.communityId('军门社区')] })
  return openid
}

it('staff never approve their own volunteer application; another staff member does', async () => {
  const staff = await newStaff()
  const app = await h.userOk(staff, 'applyVolunteer', { realName: '郑自审', phone: uniquePhone(), skills: ['跑腿代办'], birthDate: '1990-01-01' })
  expect(await h.user(staff, 'reviewApplication', { applicationId: app.id, decision: 'approve' })).toMatchObject({ ok: false, code: 'SELF_REVIEW', message: expect.stringContaining('自己') })
  const [doc] = await h.find('volunteer_applications', { _id: app.id })
  expect(doc.status).toBe('pending')
  expect(await h.userOk('demo-staff', 'reviewApplication', { applicationId: app.id, decision: 'approve' })).toMatchObject({ status: 'approved' })
})

it('staff never publish their own wish; the admin does', async () => {
  const { id } = await h.wishOk('demo-staff', 'post', wishInput())
  for (const decision of ['approve', 'reject'] as const) {
    expect(await h.wish('demo-staff', 'review', { wishId: id, decision, reason: '自审' })).toMatchObject({ ok: false, code: 'SELF_REVIEW' })
  }
  expect((await stored(h, id)).status).toBe('pending_review')
  expect((await h.wishOk('demo-staff', 'detail', { wishId: id })).viewer.can).not.toContain('review')
  expect(await h.wishOk('demo-admin', 'review', { wishId: id, decision: 'approve' })).toMatchObject({ status: 'open' })
  await h.wishOk('demo-staff', 'cancel', { wishId: id })
})

it('staff who claimed for a unit and fulfilled it never confirm it themselves; the wisher does', async () => {
  const w = await openWish(h)
  await h.wishOk('demo-staff', 'claim', { wishId: w.id, promisedBy: day(2), unitName: '鼓楼供电共建小组' })
  await h.wishOk('demo-staff', 'fulfil', { wishId: w.id, note: '单位志愿者已上门修好。' })
  expect((await h.wishOk('demo-staff', 'detail', { wishId: w.id })).viewer.can).not.toContain('confirm')
  expect(await h.wish('demo-staff', 'confirm', { wishId: w.id, thanks: '自己确认' })).toMatchObject({ ok: false, code: 'SELF_REVIEW' })
  expect((await stored(h, w.id)).status).toBe('fulfilled')
  expect(await h.wishOk(w.wisher, 'confirm', { wishId: w.id })).toMatchObject({ status: 'closed' })
})

it('a wisher never reports their own wish', async () => {
  const w = await openWish(h)
  expect((await h.wishOk(w.wisher, 'detail', { wishId: w.id })).viewer.can).not.toContain('report')
  expect(await h.wish(w.wisher, 'report', { wishId: w.id, reason: '自己举报' })).toMatchObject({ ok: false, code: 'SELF_REVIEW' })
  expect((await stored(h, w.id)).reportCount).toBe(0)
})
