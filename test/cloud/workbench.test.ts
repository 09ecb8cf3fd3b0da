// The staff workbench (user.workbench): each queue's count is the length of that queue as the queue pages list
// it (wishes, applications and, issue 10 part D, the volunteer service's), for staff of one community, of two, and for the admin; residents are refused; ≤ 4 database requests on indexes.
import { startHarness, type Harness } from './helpers'
import { bulkWishes } from '../../cloud/emulator/seed/wishes'
import { asTallied } from '../../cloud/domain/wish/tallies'
import type { VolunteerApplicationDoc, WishDoc } from '../../cloud/lib/model'
import { WORKBENCH_QUEUES, type Workbench } from '../../src/contracts'
import { testNow } from '../clock'
import { certificateTallies, disputeTallies } from '../../cloud/domain/volunteer/tallies'
import { stageSlot, stageVolunteer, volOk } from './volunteerLedgerFixtures'
import { SCH_SESSIONS, type SessionDoc } from '../../cloud/domain/school/model'
import { sessionTallies } from '../../cloud/domain/school/tallies'

let h: Harness
beforeAll(async () => {
  h = await startHarness({ poolSize: 1 })
  const now = testNow()
  const ids = h.communities.map((c) => c.id)
  // Every status in every community; claims promised from 5 days ago to 14 ahead (some overdue); some reported.
  const wishes: WishDoc[] = bulkWishes(400, ids, now).map((d, i) =>
    asTallied({
      ...d,
      _id: `wb-${i}`,
      ...(i % 7 === 0 && d.status !== 'hidden' ? { reportCount: 1 + (i % 3), reporters: ['x'], lastReportedAt: new Date(now - i * 60_000) } : {}),
    }),
  )
  const apps: VolunteerApplicationDoc[] = ids.flatMap((communityId, c) =>
    Array.from({ length: c + 1 }, (_, i) => ({
      _id: `wb-app-${communityId}-${i}`,
      openid: `wb-app-${communityId}-${i}`,
      communityId,
      realName: '测试人',
      phone: '13800000000',
      skills: ['其他'],
      status: i % 3 === 2 ? ('rejected' as const) : ('pending' as const),
      createdAt: new Date(now - i * 60_000),
      updatedAt: new Date(now - i * 60_000),
    })),
  )
  h.emu.core.store.write([...wishes.map((d) => ({ coll: 'wishes', id: d._id, doc: { ...d } })), ...apps.map((d) => ({ coll: 'volunteer_applications', id: d._id, doc: { ...d } }))])
  // The volunteer service (issue 10 part D): in every community, shifts waiting (one flagged), an open dispute, a certificate request.
  for (const communityId of ids) {
    // The 4 o'clock school (issue 11 part C): a session with an offered place and a priority claim to verify.
    await h.insert(SCH_SESSIONS, schoolSession(communityId, now))
    const [a, b, c] = await Promise.all([0, 1, 2].map(() => stageVolunteer(h, communityId)))
    await stageSlot(h, communityId, [{ openid: a.openid }, { openid: b.openid }, { openid: c.openid, flagged: '未签退' }])
    const dispute = {
      _id: `wb-d-${communityId}`,
      entryId: `wb-e-${communityId}`,
      openid: a.openid,
      volunteerName: a.realName,
      communityId,
      serviceDate: '2026-01-01',
      content: '环境保护：清洁',
      entryMinutes: 60,
      reason: '时长不对',
      status: 'open' as const,
      createdAt: new Date(now),
      requestId: 'wb',
    }
    const cert = {
      _id: `wb-c-${communityId}`,
      openid: b.openid,
      communityId,
      volunteerName: b.realName,
      volunteerNo: b.number,
      status: 'requested' as const,
      requestedAt: new Date(now),
      requestId: 'wb',
    }
    await h.insert('vol_disputes', { ...dispute, tallied: disputeTallies(dispute) })
    await h.insert('vol_certificates', { ...cert, tallied: certificateTallies(cert) })
  }
})
afterAll(async () => {
  await h?.close()
})

/** How many items a staff queue lists, paging to the end. */
async function listed(read: (page: number) => Promise<{ items: unknown[]; hasMore: boolean }>): Promise<number> {
  let n = 0
  for (let page = 1; ; page++) {
    const p = await read(page)
    n += p.items.length
    if (!p.hasMore) return n
  }
}

/** The queues as the staff pages list them. */
async function queues(openid: string): Promise<Record<string, number>> {
  const wishQueue = (kind: string) => listed((page) => h.wishOk(openid, 'queue', { kind, page, pageSize: 20 }))
  return {
    wishPending: await wishQueue('pending'),
    wishReported: await wishQueue('reported'),
    wishOverdue: await wishQueue('overdue'),
    volunteerApplications: await listed((page) => h.userOk(openid, 'listApplications', { status: 'pending', page, pageSize: 20 })),
    ...(await volunteerQueues(openid)),
    ...(await schoolQueues(openid)),
  }
}

/** A session of the community with one offered place and one unverified priority claim (tallied, as the job would). */
function schoolSession(communityId: string, now: number): SessionDoc {
  const at = new Date(now)
  const child = { name: '测试童', gender: 'male' as const, grade: 2 as const, allergy: false }
  const entry = (childId: string, status: SessionDoc['entries'][number]['status']) => ({ childId, familyId: `f-${childId}`, status, at, by: 'g', child })
  const doc: SessionDoc = {
    _id: `wb-s-${communityId}`,
    communityId,
    name: '四点钟学校',
    termStart: '2026-09-01',
    termEnd: '2027-01-15',
    weekdays: [1, 2, 3, 4, 5],
    startTime: '16:00',
    endTime: '18:00',
    capacity: 1,
    grades: { min: 1, max: 3 },
    opensAt: at,
    closesAt: at,
    mode: 'lottery',
    priorityGroups: ['left_behind'],
    activities: [],
    status: 'open',
    held: 1,
    waiting: 1,
    entries: [entry(`wb-k1-${communityId}`, 'offered'), entry(`wb-k2-${communityId}`, 'lottery_entered')],
    lottery: { announcedNumber: '1', entries: [{ familyId: `f-wb-k2-${communityId}`, no: 1, childIds: [`wb-k2-${communityId}`], by: 'g', at, claim: 'left_behind' }] },
    cancelledDays: [],
    days: {},
    rev: 0,
    createdBy: 'wb',
    createdAt: at,
    updatedAt: at,
  }
  return { ...doc, tallied: sessionTallies(doc) }
}

/** The school's queues, from the sessions of the caller's scope in the store (part B's staff pages list them). */
async function schoolQueues(openid: string): Promise<Record<string, number>> {
  const [user] = await h.find('users', { _id: openid })
  const scope = new Set<string>(openid === 'demo-admin' ? h.communities.map((c) => c.id) : user.staffCommunityIds)
  const sessions = ((await h.find(SCH_SESSIONS)) as SessionDoc[]).filter((s) => scope.has(s.communityId) && s.status !== 'cancelled')
  return {
    schoolOffers: sessions.reduce((n, s) => n + s.entries.filter((e) => e.status === 'offered').length, 0),
    schoolClaims: sessions.reduce((n, s) => n + (s.lottery && !s.lottery.draw ? s.lottery.entries.filter((l) => l.claim && l.verified === undefined).length : 0), 0),
  }
}

/** The volunteer service's queues: shifts waiting on the confirm queue's cards (flagged apart), disputes, certificates, wishes to credit. */
async function volunteerQueues(openid: string): Promise<Record<string, number>> {
  const pages = async (action: string) => {
    const items: any[] = []
    for (let page = 1; ; page++) {
      const p = await volOk(h, openid, action, { page, pageSize: 20 })
      items.push(...p.items)
      if (!p.hasMore) return items
    }
  }
  const cards = await pages('confirmQueue')
  return {
    volToConfirm: cards.reduce((n, c) => n + c.waiting - c.flagged, 0),
    volFlagged: cards.reduce((n, c) => n + c.flagged, 0),
    volDisputes: (await pages('disputeQueue')).length,
    volCertificates: (await pages('certificateQueue')).length,
    volCreditDue: (await pages('creditQueue')).length, // part E: closed wishes whose volunteer's hours wait for the credit
  }
}

function counts(w: Workbench): Record<string, number> {
  return Object.fromEntries(w.queues.map((q) => [q.key, q.count]))
}

it.each([
  ['staff of one community', 'demo-staff-tangmen', ['tangmen']],
  ['staff of two communities', 'demo-staff', ['junmen', 'qingcheng']],
  ['the admin (every community)', 'demo-admin', null],
])('%s: each count is the length of its queue', async (_who, openid, scope) => {
  const w: Workbench = await h.userOk(openid, 'workbench', {})
  expect(w.communityIds).toEqual(scope ?? h.communities.map((c) => c.id))
  const want = await queues(openid)
  expect(counts(w)).toEqual(want)
  for (const n of Object.values(want)) expect(n).toBeGreaterThan(0)
  // Titles and routes come from the contract, in its order: the page draws what it gets.
  expect(w.queues.map(({ key, title, route }) => ({ key, title, route }))).toEqual(Object.entries(WORKBENCH_QUEUES).map(([key, q]) => ({ key, ...q })))
})

it('moves with the queues once the counters are tallied (each minute): a review takes one off the count to review', async () => {
  await h.countNow()
  const before = counts(await h.userOk('demo-staff-tangmen', 'workbench', {}))
  expect(before).toEqual(await queues('demo-staff-tangmen'))
  const pending = (await h.wishOk('demo-staff-tangmen', 'queue', { kind: 'pending' })).items[0]
  await h.wishOk('demo-staff-tangmen', 'review', { wishId: pending.id, decision: 'approve' })
  expect(counts(await h.userOk('demo-staff-tangmen', 'workbench', {}))).toEqual(before) // not yet tallied
  expect((await h.countNow({ reconcile: false })).wishTally).toMatchObject({ done: 1 })
  const after = counts(await h.userOk('demo-staff-tangmen', 'workbench', {}))
  expect(after).toEqual({ ...before, wishPending: before.wishPending - 1 })
})

it('refuses residents and volunteers (ROLE_REQUIRED) and users who have not signed up', async () => {
  expect(await h.user('demo-resident', 'workbench', {})).toMatchObject({ ok: false, code: 'ROLE_REQUIRED' })
  expect(await h.user('demo-volunteer', 'workbench', {})).toMatchObject({ ok: false, code: 'ROLE_REQUIRED' })
  expect(await h.user('dev-new-nobody42', 'workbench', {})).toMatchObject({ ok: false })
})

it('answers in ≤ 4 database requests, every query on a declared index (warm instance, counters in place)', async () => {
  await h.countNow()
  for (const openid of ['demo-staff-tangmen', 'demo-staff', 'demo-admin']) {
    await h.userOk(openid, 'workbench', {})
    const call = h.emu.calls[h.emu.calls.length - 1]
    expect({ openid, dbRequests: call.dbRequests }).toEqual({ openid, dbRequests: 4 })
    expect(call.queries.filter((q) => q.endsWith(':SCAN'))).toEqual([])
    expect(call.queries).toEqual(expect.arrayContaining(['users:_id', 'counters:_id', 'volunteer_applications:queue', 'wishes:overdue']))
  }
})
