// Part A of the 4 o'clock school (issue 11): sessions as station staff make, change, close and list them; the
// sessions families browse; the station's assigned volunteers. Real emulator, real SDK.
import { ERROR_MESSAGES } from '../../src/contracts'
import { startHarness, type Harness } from './helpers'
import { resident, staffOf } from './wishFixtures'
import { assignedVolunteer, makeSession, sch, schOk, sessionInput } from './schoolFixtures'
import { inDays } from '../clock'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h?.close()
})

const STAFF = staffOf('军门社区')
const OTHER_STAFF = staffOf('汤门社区')

describe('saveSession', () => {
  it('creates an empty open session with the defaults, and a retried create finds it', async () => {
    const input = sessionInput(h)
    const first = await schOk(h, STAFF, 'saveSession', input, 'retry-create-1')
    const again = await schOk(h, STAFF, 'saveSession', input, 'retry-create-1')
    expect(again.session.id).toBe(first.session.id)
    expect(await h.count('sch_sessions', { _id: first.session.id })).toBe(1)
    expect(first.session).toMatchObject({ startTime: '16:00', endTime: '18:00', held: 0, waiting: 0, status: 'open', windowOpen: true, mode: 'first_come' })
    expect(first.allowed).toEqual(['edit', 'close', 'enrolments', 'roster', 'stats'])
    const [doc] = await h.find('sch_sessions', { _id: first.session.id })
    expect(doc).toMatchObject({ held: 0, waiting: 0, entries: [], cancelledDays: [], days: {}, rev: 0 })
    expect(typeof doc.untallied).toBe('string')
  })

  it.each([
    ['termEnd', { termStart: inDays(20), termEnd: inDays(10) }, '学期结束日期不能早于开始日期'],
    ['termEnd', { termStart: inDays(10), termEnd: inDays(300) }, '一个学期最长 200 天'],
    ['endTime', { startTime: '18:00', endTime: '16:00' }, '结束时间应晚于开始时间'],
    ['grades', { grades: { min: 4, max: 2 } }, '最低年级不能高于最高年级'],
    ['closesAt', { opensAt: `${inDays(3)} 09:00`, closesAt: `${inDays(2)} 09:00` }, '报名截止时间应晚于开始时间'],
    ['closesAt', { termEnd: inDays(12), closesAt: `${inDays(20)} 09:00` }, '报名应在学期结束前截止'],
    ['closesAt', { opensAt: `${inDays(-5)} 09:00`, closesAt: `${inDays(-1)} 09:00` }, '报名截止时间已过，请重新选择'],
    ['announcedNumber', { mode: 'lottery' }, '摇号班次请填写事先公布的号码（用作摇号种子）'],
  ])('refuses a bad %s (%j) and writes nothing', async (path, over, message) => {
    const before = await h.count('sch_sessions')
    const res = await sch(h, STAFF, 'saveSession', sessionInput(h, '军门社区', over))
    expect(res).toMatchObject({ ok: false, code: 'INVALID_INPUT', message, issues: [{ path, message }] })
    expect(await h.count('sch_sessions')).toBe(before)
  })

  it('refuses bad input at the contract: capacity, weekdays, grade, announced number, a day that does not exist', async () => {
    for (const over of [{ capacity: 0 }, { capacity: 201 }, { weekdays: [] }, { weekdays: [8] }, { grades: { min: 0, max: 3 } }, { mode: 'lottery', announcedNumber: '12a' }]) {
      const res = await sch(h, STAFF, 'saveSession', sessionInput(h, '军门社区', over))
      expect(res).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    }
    // A day that does not exist is refused by the contract's calendarDay, on its field, and nothing is written.
    const before = await h.count('sch_sessions')
    for (const path of ['termStart', 'termEnd']) {
      const res = await sch(h, STAFF, 'saveSession', sessionInput(h, '军门社区', { [path]: '2027-02-30' }))
      expect(res).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: `${ERROR_MESSAGES.INVALID_INPUT}：日期不存在`, issues: [{ path, message: '日期不存在' }] })
    }
    expect(await h.count('sch_sessions')).toBe(before)
  })

  it('edits a session; once it has entries, mode, grades and capacity are fixed, the rest may change', async () => {
    const id = await makeSession(h, '军门社区', { mode: 'lottery', announcedNumber: '20270301' })
    const edited = await schOk(h, STAFF, 'saveSession', { ...sessionInput(h), sessionId: id, capacity: 40, mode: 'first_come' })
    expect(edited.session).toMatchObject({ capacity: 40, mode: 'first_come' })
    expect(edited.session.lottery).toBeUndefined()
    const [doc] = await h.find('sch_sessions', { _id: id })
    expect(doc.rev).toBe(1)
    expect(doc.lottery).toBeUndefined()
    // An entry arrives (part B's enrol, staged in the store).
    await h.update(
      'sch_sessions',
      { _id: id },
      { entries: [{ childId: 'c-staged', familyId: 'f', status: 'enrolled', at: new Date(), by: 'x', child: { name: '李*', gender: 'male', grade: 1, allergy: false } }], held: 1 },
    )
    for (const over of [{ capacity: 41 }, { mode: 'lottery', announcedNumber: '1' }, { grades: { min: 1, max: 4 } }]) {
      const res = await sch(h, STAFF, 'saveSession', { ...sessionInput(h), sessionId: id, capacity: 40, mode: 'first_come', ...over })
      expect(res).toMatchObject({ ok: false, code: 'INVALID_STATE', message: '已有报名的班次不能修改招生方式、年级或名额（名额请在报名管理中调整）' })
    }
    const renamed = await schOk(h, STAFF, 'saveSession', { ...sessionInput(h), sessionId: id, capacity: 40, mode: 'first_come', name: '改名的班次', weekdays: [2, 4] })
    expect(renamed).toMatchObject({ locked: true, session: { name: '改名的班次', weekdays: [2, 4], held: 1 } })
    const [after] = await h.find('sch_sessions', { _id: id })
    expect(after.entries).toHaveLength(1)
  })

  it('closes a session once (a second close answers the same)', async () => {
    const id = await makeSession(h)
    const closed = await schOk(h, STAFF, 'closeSession', { sessionId: id })
    expect(closed).toMatchObject({ session: { status: 'closed', windowOpen: false }, allowed: ['edit', 'enrolments', 'roster', 'stats'] })
    expect((await schOk(h, STAFF, 'closeSession', { sessionId: id })).session.status).toBe('closed')
    expect((await h.find('sch_sessions', { _id: id }))[0].rev).toBe(1)
  })
})

describe('scope', () => {
  it('refuses staff of another community, residents and volunteers on every staff action', async () => {
    const id = await makeSession(h)
    const communityId = h.communityId('军门社区')
    const v = await assignedVolunteer(h)
    const r = await resident(h)
    const actions: [string, unknown][] = [
      ['saveSession', sessionInput(h)],
      ['saveSession', { ...sessionInput(h), sessionId: id }],
      ['closeSession', { sessionId: id }],
      ['staffSessions', { communityId }],
      ['staffSession', { sessionId: id }],
      ['assignStationVolunteer', { communityId, openid: v }],
      ['unassignStationVolunteer', { communityId, openid: v }],
      ['stationVolunteers', { communityId }],
    ]
    for (const [action, input] of actions) {
      expect(await sch(h, OTHER_STAFF, action, input)).toMatchObject({ ok: false, code: 'SCOPE_DENIED' })
      for (const who of [r, v]) expect(await sch(h, who, action, input)).toMatchObject({ ok: false, code: 'ROLE_REQUIRED' })
    }
    // Nothing changed: the session is open, the volunteer still assigned.
    expect((await h.find('sch_sessions', { _id: id }))[0]).toMatchObject({ status: 'open', rev: 0 })
    expect((await h.find('users', { _id: v }))[0].school.stations).toEqual([communityId])
    // The volunteer's profile names the station, so the session page offers its roster.
    expect((await h.userOk(v, 'me')).schoolStations).toEqual([communityId])
    // Staff's own list never holds another community's sessions.
    const other = await schOk(h, OTHER_STAFF, 'staffSessions', {})
    expect(other.items.map((s: any) => s.session.communityId)).not.toContain(communityId)
  })
})

describe('browseSessions', () => {
  it('lists my community (open first, no cancelled) or the district, with the public facts only', async () => {
    const open = await makeSession(h, '汤门社区', { name: '汤门开放班' })
    const closed = await makeSession(h, '汤门社区', { name: '汤门已截止班', termStart: inDays(30) })
    await schOk(h, staffOf('汤门社区'), 'closeSession', { sessionId: closed })
    const cancelled = await makeSession(h, '汤门社区', { name: '汤门取消班' })
    await h.update('sch_sessions', { _id: cancelled }, { status: 'cancelled' })
    const family = await resident(h, '汤门社区')
    const mine = await schOk(h, family, 'browseSessions', {})
    const ids = mine.items.map((s: any) => s.id)
    expect(ids).toContain(open)
    expect(ids).toContain(closed)
    expect(ids).not.toContain(cancelled)
    expect(ids.indexOf(open)).toBeLessThan(ids.indexOf(closed))
    expect(mine.items.every((s: any) => s.communityId === h.communityId('汤门社区'))).toBe(true)
    for (const s of mine.items) {
      expect(s).not.toHaveProperty('entries')
      expect(s).not.toHaveProperty('days')
      expect(s).not.toHaveProperty('createdBy')
    }
    const district = await schOk(h, family, 'browseSessions', { scope: 'district', pageSize: 20 })
    expect(new Set(district.items.map((s: any) => s.communityId)).size).toBeGreaterThan(1)
  })
})

describe('the station', () => {
  it('assigns and unassigns approved volunteers; the list holds names and numbers, never phones', async () => {
    const communityId = h.communityId('庆城社区')
    const v = await assignedVolunteer(h, '庆城社区')
    const again = await schOk(h, STAFF, 'assignStationVolunteer', { communityId, openid: v })
    expect(again).toMatchObject({ openid: v, name: '王志愿' })
    expect((await h.find('users', { _id: v }))[0].school.stations).toEqual([communityId])
    const list = await schOk(h, STAFF, 'stationVolunteers', { communityId })
    expect(list.items).toEqual([{ openid: v, name: '王志愿' }])
    expect(JSON.stringify(list)).not.toMatch(/1[3-9]\d{9}/)
    const r = await resident(h, '庆城社区')
    expect(await sch(h, STAFF, 'assignStationVolunteer', { communityId, openid: r })).toMatchObject({ ok: false, code: 'NOT_VOLUNTEER', message: '只能安排审核通过的志愿者' })
    expect(await sch(h, STAFF, 'assignStationVolunteer', { communityId, openid: 'nobody' })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    await schOk(h, STAFF, 'unassignStationVolunteer', { communityId, openid: v })
    expect((await h.find('users', { _id: v }))[0].school.stations).toEqual([])
    expect(await h.userOk(v, 'me')).not.toHaveProperty('schoolStations')
    expect((await schOk(h, STAFF, 'stationVolunteers', { communityId })).items).toEqual([])
  })
})

describe('budgets', () => {
  it('keeps every sessions action within its database-request budget, on indexes', async () => {
    const communityId = h.communityId('军门社区')
    const v = await assignedVolunteer(h)
    const family = await resident(h)
    await schOk(h, STAFF, 'staffSessions', {}) // warm: the communities cache
    const start = h.emu.calls.length
    const made = await schOk(h, STAFF, 'saveSession', sessionInput(h))
    const id = made.session.id
    await schOk(h, STAFF, 'saveSession', { ...sessionInput(h), sessionId: id, name: '改个名字' })
    await schOk(h, STAFF, 'staffSessions', {})
    await schOk(h, STAFF, 'staffSessions', { communityId, status: 'open' })
    await schOk(h, STAFF, 'staffSession', { sessionId: id })
    await schOk(h, STAFF, 'closeSession', { sessionId: id })
    await schOk(h, STAFF, 'assignStationVolunteer', { communityId, openid: v })
    await schOk(h, STAFF, 'stationVolunteers', { communityId })
    await schOk(h, STAFF, 'unassignStationVolunteer', { communityId, openid: v })
    await schOk(h, family, 'browseSessions', {})
    await schOk(h, family, 'browseSessions', { scope: 'district', page: 2 })
    const calls = h.emu.calls.slice(start).filter((c) => c.fn === 'school')
    const ceiling: Record<string, number> = {
      saveSession: 3,
      closeSession: 3,
      staffSessions: 2,
      staffSession: 2,
      assignStationVolunteer: 3,
      unassignStationVolunteer: 2,
      stationVolunteers: 2,
      browseSessions: 2,
    }
    const table: Record<string, number> = {}
    for (const c of calls) {
      expect({ action: c.action, dbRequests: Math.min(c.dbRequests, ceiling[c.action]) }).toEqual({ action: c.action, dbRequests: c.dbRequests })
      expect({ action: c.action, scans: c.queries.filter((q) => q.endsWith(':SCAN')) }).toEqual({ action: c.action, scans: [] })
      expect(c.responseBytes).toBeLessThanOrEqual(32 * 1024)
      table[c.action] = Math.max(table[c.action] ?? 0, c.dbRequests)
    }
    expect(calls).toHaveLength(11)
    console.log('school sessions budgets', JSON.stringify(table))
  })
})
