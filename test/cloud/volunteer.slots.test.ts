// The volunteer service, part A (issue 10): projects, slots, sign-up and 我的服务, through the real functions on the
// emulator. Sign-up is atomic against the headcount; its rules refuse with their codes; scope; the volunteer number.
import { rid, startHarness, type Harness } from './helpers'
import { resident, staffOf } from './wishFixtures'
import { approvedVolunteer, makeProject, makeSlot, numberVolunteers, projectInput, vol, volOk } from './volunteerFixtures'
import { inDays } from '../clock'
import { nowMs } from '../../cloud/lib/dates'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h?.close()
})

const STAFF = staffOf('军门社区')

describe('projects and slots (staff)', () => {
  it('a repeat rule makes one slot per chosen weekday for N weeks; a retry makes none again', async () => {
    const projectId = await makeProject(h)
    const input = { projectId, date: inDays(1), startTime: '09:00', endTime: '11:00', headcount: 6, repeat: { weekdays: [6], weeks: 8 } }
    const requestId = rid()
    const made = await volOk(h, STAFF, 'createSlots', input, requestId)
    expect(made.created).toBe(8)
    const again = await volOk(h, STAFF, 'createSlots', input, requestId)
    expect(again).toEqual(made)
    expect(await h.count('vol_slots', { projectId })).toBe(8)
    const slots = await h.find('vol_slots', { projectId })
    for (const s of slots) {
      expect(new Date(`${s.date}T00:00:00Z`).getUTCDay()).toBe(6)
      expect(s.creditMinutes).toBe(120)
      expect(new Date(s.startAt).toISOString()).toBe(new Date(`${s.date}T09:00:00+08:00`).toISOString())
    }
    const page = await volOk(h, STAFF, 'listProjectSlots', { projectId })
    expect(page.items.map((s: { date: string }) => s.date)).toEqual(slots.map((s) => s.date).sort())
    expect(page.items[0]).not.toHaveProperty('shifts')
  })

  it('refuses more than 60 slots a call, a credit above the window, a short window, a past start; nothing written', async () => {
    const projectId = await makeProject(h)
    const base = { projectId, date: inDays(1), startTime: '09:00', endTime: '11:00', headcount: 6 }
    const cases: [Record<string, unknown>, string][] = [
      [{ repeat: { weekdays: [1, 2, 3, 4, 5, 6, 7], weeks: 9 } }, 'repeat'],
      [{ creditMinutes: 121 }, 'creditMinutes'],
      [{ endTime: '09:10' }, 'endTime'],
      [{ date: inDays(-1) }, 'date'],
      [{ date: inDays(200) }, 'date'],
    ]
    for (const [over, path] of cases) {
      const res = await vol(h, STAFF, 'createSlots', { ...base, ...over })
      expect(res).toMatchObject({ ok: false, code: 'INVALID_INPUT', issues: [{ path }] })
    }
    expect(await h.count('vol_slots', { projectId })).toBe(0)
  })

  it('a retried project create makes one project and answers it again', async () => {
    const before = await h.count('vol_projects')
    const first = await volOk(h, STAFF, 'saveProject', projectInput(h), 't-project-create-1')
    const again = await volOk(h, STAFF, 'saveProject', projectInput(h), 't-project-create-1')
    expect(again).toEqual(first)
    expect(await h.count('vol_projects')).toBe(before + 1)
  })

  it('staff of another community, residents and volunteers are refused', async () => {
    const projectId = await makeProject(h)
    const v = await approvedVolunteer(h, { numbered: false })
    expect(await vol(h, 'demo-staff-tangmen', 'saveProject', projectInput(h))).toMatchObject({ ok: false, code: 'SCOPE_DENIED' })
    expect(await vol(h, 'demo-staff-tangmen', 'createSlots', { projectId, date: inDays(2), startTime: '09:00', endTime: '10:00', headcount: 1 })).toMatchObject({
      ok: false,
      code: 'SCOPE_DENIED',
    })
    expect(await vol(h, 'demo-staff-tangmen', 'listProjectSlots', { projectId })).toMatchObject({ ok: false, code: 'SCOPE_DENIED' })
    expect(await vol(h, 'demo-staff-tangmen', 'listProjects', { communityId: h.communityId('军门社区') })).toMatchObject({ ok: false, code: 'SCOPE_DENIED' })
    expect(await vol(h, v.openid, 'saveProject', projectInput(h))).toMatchObject({ ok: false, code: 'ROLE_REQUIRED' })
    const slotId = await makeSlot(h, projectId)
    expect(await vol(h, 'demo-staff-tangmen', 'editSlot', { slotId, headcount: 3 })).toMatchObject({ ok: false, code: 'SCOPE_DENIED' })
    expect(await vol(h, 'demo-staff-tangmen', 'cancelSlot', { slotId, reason: '下雨' })).toMatchObject({ ok: false, code: 'SCOPE_DENIED' })
    expect(await vol(h, v.openid, 'cancelSlot', { slotId, reason: '下雨' })).toMatchObject({ ok: false, code: 'ROLE_REQUIRED' })
    expect(await vol(h, 'demo-staff-tangmen', 'setTrainingTags', { openid: v.openid, tags: ['急救培训'] })).toMatchObject({ ok: false, code: 'SCOPE_DENIED' })
    expect(await vol(h, STAFF, 'setTrainingTags', { openid: STAFF, tags: ['急救培训'] })).toMatchObject({ ok: false, code: 'SELF_REVIEW' })
    const [slot] = await h.find('vol_slots', { _id: slotId })
    expect(slot).toMatchObject({ headcount: 10, status: 'published' })
  })

  it('editing a project updates its upcoming slots; archiving stops new slots', async () => {
    const projectId = await makeProject(h)
    const slotId = await makeSlot(h, projectId)
    await volOk(h, STAFF, 'saveProject', { ...projectInput(h), projectId, title: '助老陪伴（改）', requirements: { minAge: 16, trainingTags: ['助老护理'], insuranceRequired: true } })
    const [slot] = await h.find('vol_slots', { _id: slotId })
    expect(slot).toMatchObject({ title: '助老陪伴（改）', requirements: { minAge: 16, trainingTags: ['助老护理'], insuranceRequired: true } })
    expect((await volOk(h, STAFF, 'archiveProject', { projectId })).status).toBe('archived')
    expect(await vol(h, STAFF, 'createSlots', { projectId, date: inDays(2), startTime: '09:00', endTime: '10:00', headcount: 1 })).toMatchObject({ ok: false, code: 'INVALID_STATE' })
    const listed = await volOk(h, STAFF, 'listProjects', { status: 'archived' })
    expect(listed.items.map((p: { id: string }) => p.id)).toContain(projectId)
  })
})

describe('sign-up', () => {
  it('100 concurrent sign-ups for 10 places: exactly 10 shifts and taken 10', async () => {
    const projectId = await makeProject(h)
    const slotId = await makeSlot(h, projectId, { headcount: 10 })
    const people = Array.from({ length: 100 }, (_, i) => `bulk-vol-${process.pid}-${i}`)
    // 100 approved volunteers, staged directly (approving 100 through the functions takes minutes).
    h.emu.core.store.write(
      people.map((id) => ({
        coll: 'users',
        id,
        doc: {
          _id: id,
          nickname: '志愿者',
          communityId: h.communityId('军门社区'),
          privacyVersion: 'x',
          privacyAgreedAt: new Date(),
          volunteerStatus: 'approved',
          staffCommunityIds: [],
          volunteer: { realName: '测试', birthDate: '1990-01-01', trainingTags: [], approvedAt: new Date() },
          createdAt: new Date(),
          updatedAt: new Date(),
        },
      })),
    )
    const results = await Promise.all(people.map((p) => vol(h, p, 'signUp', { slotId })))
    const won = results.filter((r) => r.ok)
    expect(won).toHaveLength(10)
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.code === 'SLOT_FULL')).toBe(true)
    const [slot] = await h.find('vol_slots', { _id: slotId })
    expect(slot.taken).toBe(10)
    expect(slot.shifts).toHaveLength(10)
    expect(new Set(slot.volunteerOpenids).size).toBe(10)
    expect(slot.keys).toHaveLength(11)
  })

  it('a person takes a slot once; a retried sign-up answers the same and takes one place', async () => {
    const slotId = await makeSlot(h, await makeProject(h))
    const v = await approvedVolunteer(h, { numbered: false })
    const requestId = rid()
    const first = await vol(h, v.openid, 'signUp', { slotId }, requestId)
    const retry = await vol(h, v.openid, 'signUp', { slotId }, requestId)
    expect(first).toMatchObject({ ok: true, data: { status: 'signed_up', placesLeft: 9 } })
    expect(retry).toMatchObject({ ok: true, data: { status: 'signed_up' } })
    expect(await vol(h, v.openid, 'signUp', { slotId })).toMatchObject({ ok: false, code: 'INVALID_STATE' })
    const [slot] = await h.find('vol_slots', { _id: slotId })
    expect(slot.taken).toBe(1)
    expect(slot.shifts).toHaveLength(1)
  })

  it('refuses overlapping slots, and takes adjacent ones', async () => {
    const projectId = await makeProject(h)
    const a = await makeSlot(h, projectId, { startTime: '09:00', endTime: '11:00' })
    const b = await makeSlot(h, projectId, { startTime: '10:30', endTime: '12:00' })
    const c = await makeSlot(h, projectId, { startTime: '11:00', endTime: '12:00' })
    const v = await approvedVolunteer(h, { numbered: false })
    await volOk(h, v.openid, 'signUp', { slotId: a })
    const res = await vol(h, v.openid, 'signUp', { slotId: b })
    expect(res).toMatchObject({ ok: false, code: 'SLOT_OVERLAP' })
    expect(!res.ok && res.message).toContain('时间重叠')
    expect(await vol(h, v.openid, 'signUp', { slotId: c })).toMatchObject({ ok: true })
    // After giving `a` back, `b` no longer overlaps anything but `c`.
    await volOk(h, v.openid, 'cancelSignUp', { slotId: c })
    await volOk(h, v.openid, 'cancelSignUp', { slotId: a })
    expect(await vol(h, v.openid, 'signUp', { slotId: b })).toMatchObject({ ok: true })
  })

  it('refuses the too young, the untrained and the unacknowledged insurance with their codes; residents are not volunteers', async () => {
    const projectId = await makeProject(h, '军门社区', { requirements: { minAge: 18, trainingTags: ['急救培训'], insuranceRequired: true } })
    const slotId = await makeSlot(h, projectId)
    const young = await approvedVolunteer(h, { birthDate: inDays(-365 * 17), tags: ['急救培训'], numbered: false })
    const untrained = await approvedVolunteer(h, { numbered: false })
    const ready = await approvedVolunteer(h, { tags: ['急救培训', '消防培训'], numbered: false })
    expect(await vol(h, young.openid, 'signUp', { slotId, insuranceAck: true })).toMatchObject({ ok: false, code: 'TOO_YOUNG' })
    expect(await vol(h, untrained.openid, 'signUp', { slotId, insuranceAck: true })).toMatchObject({ ok: false, code: 'TRAINING_REQUIRED' })
    expect(await vol(h, ready.openid, 'signUp', { slotId })).toMatchObject({ ok: false, code: 'INSURANCE_ACK_REQUIRED' })
    expect(await vol(h, await resident(h), 'signUp', { slotId, insuranceAck: true })).toMatchObject({ ok: false, code: 'NOT_VOLUNTEER' })
    expect((await h.find('vol_slots', { _id: slotId }))[0].taken).toBe(0)
    expect(await vol(h, ready.openid, 'signUp', { slotId, insuranceAck: true })).toMatchObject({ ok: true })
  })

  it('a volunteer without a birth date is asked for it, adds it once, and then signs up', async () => {
    const projectId = await makeProject(h, '军门社区', { requirements: { minAge: 18, trainingTags: [], insuranceRequired: false } })
    const slotId = await makeSlot(h, projectId)
    // demo-volunteer was approved before birth dates were asked.
    expect(await vol(h, 'demo-volunteer', 'signUp', { slotId })).toMatchObject({ ok: false, code: 'BIRTH_DATE_REQUIRED' })
    expect(await h.user('demo-volunteer', 'setBirthDate', { birthDate: inDays(1) })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(await h.user('demo-resident', 'setBirthDate', { birthDate: '1980-02-03' })).toMatchObject({ ok: false, code: 'NOT_VOLUNTEER' })
    await h.userOk('demo-volunteer', 'setBirthDate', { birthDate: '1980-02-03' })
    expect(await h.user('demo-volunteer', 'setBirthDate', { birthDate: '1981-02-03' })).toMatchObject({ ok: false, code: 'INVALID_STATE' })
    expect(await vol(h, 'demo-volunteer', 'signUp', { slotId })).toMatchObject({ ok: true })
  })

  it('closes at the cutoff: neither sign-up nor cancellation after it', async () => {
    const projectId = await makeProject(h)
    const slotId = await makeSlot(h, projectId)
    const v = await approvedVolunteer(h, { numbered: false })
    const w = await approvedVolunteer(h, { numbered: false })
    await volOk(h, v.openid, 'signUp', { slotId })
    await h.update('vol_slots', { _id: slotId }, { signupCutoffAt: new Date(nowMs() - 1000) })
    expect(await vol(h, w.openid, 'signUp', { slotId })).toMatchObject({ ok: false, code: 'SIGNUP_CLOSED' })
    expect(await vol(h, v.openid, 'cancelSignUp', { slotId })).toMatchObject({ ok: false, code: 'SIGNUP_CLOSED' })
    const detail = await volOk(h, v.openid, 'slotDetail', { slotId })
    expect(detail.allowed).toEqual([])
  })

  it('a cancellation gives the place back once, even when retried; the volunteer may come back', async () => {
    const slotId = await makeSlot(h, await makeProject(h), { headcount: 1 })
    const v = await approvedVolunteer(h, { numbered: false })
    const w = await approvedVolunteer(h, { numbered: false })
    await volOk(h, v.openid, 'signUp', { slotId })
    expect(await vol(h, w.openid, 'signUp', { slotId })).toMatchObject({ ok: false, code: 'SLOT_FULL' })
    const requestId = rid()
    expect(await volOk(h, v.openid, 'cancelSignUp', { slotId }, requestId)).toMatchObject({ status: 'cancelled', placesLeft: 1 })
    expect(await volOk(h, v.openid, 'cancelSignUp', { slotId }, requestId)).toMatchObject({ status: 'cancelled' })
    let [slot] = await h.find('vol_slots', { _id: slotId })
    expect(slot.taken).toBe(0)
    expect(slot.volunteerOpenids).toEqual([])
    await volOk(h, v.openid, 'signUp', { slotId })
    expect(await vol(h, w.openid, 'signUp', { slotId })).toMatchObject({ ok: false, code: 'SLOT_FULL' })
    ;[slot] = await h.find('vol_slots', { _id: slotId })
    expect(slot).toMatchObject({ taken: 1, volunteerOpenids: [v.openid] })
    expect(slot.shifts).toHaveLength(1)
    expect(slot.shifts[0].status).toBe('signed_up')
  })
})

describe('changes, notices and privacy', () => {
  it('a time change notifies the subscribed and answers the call list (phones) to the slot staff only', async () => {
    const projectId = await makeProject(h)
    const slotId = await makeSlot(h, projectId)
    const sub = await approvedVolunteer(h, { numbered: false })
    const call = await approvedVolunteer(h, { numbered: false, realName: '何电话' })
    await volOk(h, sub.openid, 'signUp', { slotId, subscribed: true })
    await volOk(h, call.openid, 'signUp', { slotId, subscribed: false })
    expect(await vol(h, STAFF, 'editSlot', { slotId, headcount: 1 })).toMatchObject({ ok: false, code: 'INVALID_INPUT', issues: [{ path: 'headcount' }] })
    expect(await vol(h, sub.openid, 'editSlot', { slotId, startTime: '14:00', endTime: '16:00' })).toMatchObject({ ok: false, code: 'ROLE_REQUIRED' })
    const change = await volOk(h, STAFF, 'editSlot', { slotId, startTime: '14:00', endTime: '16:00' })
    expect(change.notified).toBe(1)
    expect(change.callList).toEqual([{ name: '何电话', phone: call.phone }])
    expect(change.slot).toMatchObject({ startTime: '14:00', endTime: '16:00', creditMinutes: 120 })
    // The one-time consent is spent: the next change puts both on the call list.
    const cancel = await volOk(h, STAFF, 'cancelSlot', { slotId, reason: '场地临时检修' })
    expect(cancel.notified).toBe(0)
    expect(cancel.callList.map((c: { phone: string }) => c.phone).sort()).toEqual([sub.phone, call.phone].sort())
    expect(await vol(h, STAFF, 'cancelSlot', { slotId, reason: '再取消' })).toMatchObject({ ok: false, code: 'INVALID_STATE' })
    const seen = await volOk(h, sub.openid, 'slotDetail', { slotId })
    expect(seen).toMatchObject({ status: 'cancelled', cancelReason: '场地临时检修' })
  })

  it('the call list finds the phone of a volunteer approved before records held one (from the application)', async () => {
    const slotId = await makeSlot(h, await makeProject(h))
    await volOk(h, 'demo-volunteer-2', 'signUp', { slotId })
    const cancel = await volOk(h, STAFF, 'cancelSlot', { slotId, reason: '临时停电' })
    expect(cancel.callList).toEqual([{ name: '黄志强', phone: '13800138003' }])
  })

  it('no phone, birth date or other volunteer in a volunteer’s raw answers; the contact only to those holding a place', async () => {
    const projectId = await makeProject(h)
    const slotId = await makeSlot(h, projectId)
    const a = await approvedVolunteer(h, { birthDate: '1971-07-17', numbered: false })
    const b = await approvedVolunteer(h, { birthDate: '1972-08-18', numbered: false })
    await volOk(h, a.openid, 'signUp', { slotId })
    const raws = [
      JSON.stringify(await vol(h, b.openid, 'browseSlots', {})),
      JSON.stringify(await vol(h, b.openid, 'browseSlots', { scope: 'district' })),
      JSON.stringify(await vol(h, b.openid, 'slotDetail', { slotId })),
      JSON.stringify(await vol(h, b.openid, 'signUp', { slotId })),
      JSON.stringify(await vol(h, b.openid, 'myShifts', { tab: 'upcoming' })),
      JSON.stringify(await vol(h, a.openid, 'slotDetail', { slotId })),
      JSON.stringify(await vol(h, a.openid, 'myShifts', { tab: 'upcoming' })),
    ]
    for (const raw of raws) {
      for (const secret of [a.phone, b.phone, '1971-07-17', '1972-08-18', a.openid === b.openid ? '' : `"${a.openid}"`]) if (secret) expect(raw.includes(secret) && raw).toBe(false)
      expect(raw).not.toContain('"shifts"')
    }
    // `a` holds a place: sees the project's contact; a volunteer without a place does not.
    const c = await approvedVolunteer(h, { numbered: false })
    expect((await volOk(h, a.openid, 'slotDetail', { slotId })).contact).toEqual({ name: '郑社工', phone: '13905910001' })
    expect((await volOk(h, c.openid, 'slotDetail', { slotId })).contact).toBeUndefined()
  })

  it('browse shows my community (or the district) by type and day; 我的服务 shows my slots by tab', async () => {
    const projectId = await makeProject(h, '汤门社区', { serviceType: '环境保护', place: { name: '汤门广场', lat: 26.09, lng: 119.3, radiusM: 300 } })
    const slotId = await makeSlot(h, projectId, {}, '汤门社区', 4)
    const tangmen = await approvedVolunteer(h, { community: '汤门社区', numbered: false })
    const junmen = await approvedVolunteer(h, { numbered: false })
    const mine = await volOk(h, tangmen.openid, 'browseSlots', { serviceType: '环境保护', date: inDays(4) })
    expect(mine.items.map((s: { id: string }) => s.id)).toContain(slotId)
    expect((await volOk(h, tangmen.openid, 'browseSlots', { serviceType: '环境保护', date: inDays(5) })).items).toEqual([])
    expect((await volOk(h, junmen.openid, 'browseSlots', { serviceType: '环境保护' })).items.map((s: { id: string }) => s.id)).not.toContain(slotId)
    expect((await volOk(h, junmen.openid, 'browseSlots', { scope: 'district', serviceType: '环境保护' })).items.map((s: { id: string }) => s.id)).toContain(slotId)
    await volOk(h, junmen.openid, 'signUp', { slotId })
    const upcoming = await volOk(h, junmen.openid, 'myShifts', { tab: 'upcoming' })
    expect(upcoming.items).toEqual([expect.objectContaining({ id: slotId, shiftStatus: 'signed_up', placeName: '汤门广场' })])
    expect((await volOk(h, junmen.openid, 'myShifts', { tab: 'done' })).items).toEqual([])
    // It ended (staged): it moves to done.
    await h.update('vol_slots', { _id: slotId }, { endAt: new Date(nowMs() - 60_000) })
    expect((await volOk(h, junmen.openid, 'myShifts', { tab: 'done' })).items.map((s: { id: string }) => s.id)).toEqual([slotId])
  })

  it('approval copies the record; the numbering job issues one number per volunteer, in sequence', async () => {
    const a = await approvedVolunteer(h, { community: '庆城社区', birthDate: '1985-05-05', numbered: false })
    const b = await approvedVolunteer(h, { community: '庆城社区', numbered: false })
    let [ua] = await h.find('users', { _id: a.openid })
    expect(ua.volunteer).toMatchObject({ realName: a.realName, birthDate: '1985-05-05', phone: a.phone, trainingTags: [] })
    expect(ua.volunteerNumberDue).toBe(true)
    await numberVolunteers(h)
    await numberVolunteers(h)
    ;[ua] = await h.find('users', { _id: a.openid })
    const [ub] = await h.find('users', { _id: b.openid })
    expect(ua.volunteer.number).toMatch(/^\d{8}$/)
    expect(Number(ub.volunteer.number) - Number(ua.volunteer.number)).toBe(1)
    expect(ua.volunteerNumberDue).toBeUndefined()
    await volOk(h, staffOf('庆城社区'), 'setTrainingTags', { openid: a.openid, tags: ['急救培训'] })
    const seen = await vol(h, staffOf('庆城社区'), 'volunteerRecord', { openid: a.openid })
    expect(seen).toEqual({ ok: true, data: { openid: a.openid, realName: a.realName, number: ua.volunteer.number, tags: ['急救培训'] } })
    expect(await vol(h, 'demo-staff-tangmen', 'volunteerRecord', { openid: a.openid })).toMatchObject({ ok: false, code: 'SCOPE_DENIED' })
    expect(await vol(h, b.openid, 'volunteerRecord', { openid: a.openid })).toMatchObject({ ok: false, code: 'ROLE_REQUIRED' })
    ;[ua] = await h.find('users', { _id: a.openid })
    expect(ua.volunteer).toMatchObject({ trainingTags: ['急救培训'], number: expect.stringMatching(/^\d{8}$/), birthDate: '1985-05-05' })
  })
})
