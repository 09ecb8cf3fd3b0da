// A session's figures for staff (issue 11, part C), its exports (.xlsx, staff only), and the workbench tiles from
// the session counters (after the tally job), against the real emulator and the real SDK.
import ExcelJS from 'exceljs'
import type { Workbench } from '../../src/contracts'
import { SCH_SESSIONS } from '../../cloud/domain/school/model'
import { nowMs } from '../../cloud/lib/dates'
import { startHarness, type Harness } from './helpers'
import { resident, staffOf } from './wishFixtures'
import { assignedVolunteer, entryOf, guardian, stageChild, stageSession, type StagedChild } from './schoolFixturesC'
import { exp, sch, schOk } from './schoolFixtures'
import { inDays } from '../clock'

let h: Harness
beforeAll(async () => {
  h = await startHarness({ poolSize: 1 })
})
afterAll(async () => {
  await h?.close()
})

const STAFF = staffOf('军门社区')
const key = (d: string) => d.replace(/-/g, '')
const at = (daysAgo: number, hour: number) => new Date(nowMs() - daysAgo * 86_400_000 + hour * 3_600_000)

async function kids(n: number): Promise<StagedChild[]> {
  const out: StagedChild[] = []
  for (let i = 0; i < n; i++) out.push(await stageChild(h, await guardian(h), { name: ['赵一一', '钱二二', '孙三三'][i] ?? `学生${i}` }))
  return out
}

/**
 * Three enrolled children over three past session days (the term began 3 days ago): day −3 all arrived; day −2 only
 * the first; day −1 the first arrived, the second on leave, the third absent. One waitlisted child besides.
 */
async function stagedTerm(): Promise<{ sessionId: string; c: StagedChild[] }> {
  const c = await kids(4)
  const sessionId = await stageSession(h, [entryOf(c[0]), entryOf(c[1]), entryOf(c[2]), entryOf(c[3], 'waitlisted')], { termStart: inDays(-3) })
  const arrived = (daysAgo: number) => ({ arrivedAt: at(daysAgo, 0), arrivedBy: STAFF })
  await h.update(
    SCH_SESSIONS,
    { _id: sessionId },
    {
      days: {
        [key(inDays(-3))]: {
          [c[0].childId]: arrived(3),
          [c[1].childId]: arrived(3),
          [c[2].childId]: { ...arrived(3), pickedUpAt: at(3, 1), pickedUpBy: { adultId: c[2].adult.id, name: c[2].adult.name, relation: '祖母' } },
        },
        [key(inDays(-2))]: { [c[0].childId]: arrived(2) },
        [key(inDays(-1))]: { [c[0].childId]: arrived(1), [c[1].childId]: { leave: { by: 'g', role: 'guardian', at: at(2, 0) } } },
      },
    },
  )
  return { sessionId, c }
}

it('counts enrolled and waitlisted, the rate by day and week, and the no-shows, from the one session', async () => {
  const { sessionId, c } = await stagedTerm()
  const start = h.emu.calls.length
  const s = await schOk(h, STAFF, 'sessionStats', { sessionId })
  expect(h.emu.calls.slice(start).find((x) => x.action === 'sessionStats')?.dbRequests).toBe(2)
  expect(s).toMatchObject({ enrolled: 3, waitlisted: 1, offered: 0, capacity: 30 })
  expect(s.byDay).toEqual([
    { day: inDays(-1), expected: 2, onLeave: 1, arrived: 1, rate: 0.5 },
    { day: inDays(-2), expected: 3, onLeave: 0, arrived: 1, rate: 0.333 },
    { day: inDays(-3), expected: 3, onLeave: 0, arrived: 3, rate: 1 },
  ])
  expect(s.rate).toBe(0.625)
  const weeks = s.byWeek.reduce((t: any, w: any) => ({ expected: t.expected + w.expected, arrived: t.arrived + w.arrived }), { expected: 0, arrived: 0 })
  expect(weeks).toEqual({ expected: 8, arrived: 5 })
  expect(s.noShows).toEqual([
    { childId: c[2].childId, name: '孙三三', days: 2, lastDay: inDays(-1) },
    { childId: c[1].childId, name: '钱二二', days: 1, lastDay: inDays(-2) },
  ])
  expect(s.noShowDays).toBe(3)
  expect(await sch(h, staffOf('汤门社区'), 'sessionStats', { sessionId })).toMatchObject({ ok: false, code: 'SCOPE_DENIED' })
  expect(await sch(h, await assignedVolunteer(h), 'sessionStats', { sessionId })).toMatchObject({ ok: false, code: 'ROLE_REQUIRED' })
})

async function openWorkbook(url: string): Promise<ExcelJS.Workbook> {
  const res = await fetch(url)
  expect(res.status).toBe(200)
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer)
  return wb
}

const rowsOf = (ws: ExcelJS.Worksheet) =>
  ws
    .getSheetValues()
    .slice(1)
    .map((r) => (Array.isArray(r) ? r.slice(1) : []))

it('exports the roster (phones, adults, notes) and a month child × day, staff only', async () => {
  const { sessionId, c } = await stagedTerm()
  const file = await exp(h, STAFF, 'schoolRoster', { sessionId })
  expect(file).toMatchObject({ ok: true, data: { rows: 3 } })
  const roster = await openWorkbook(file.ok ? file.data.url : '')
  const rows = rowsOf(roster.getWorksheet('花名册')!)
  expect(rows[0]).toEqual(['序号', '姓名', '性别', '年级', '监护人电话', '授权接送人', '过敏/健康提示'])
  expect(rows[1]).toEqual([1, '赵一一', '男', '二年级', c[0].phone, `${c[0].adult.name}（祖母）`, '花生过敏'])
  expect(JSON.stringify(rows)).not.toContain(c[0].adult.code)
  expect(JSON.stringify(rows)).not.toContain(c[3].name)

  for (const month of new Set([inDays(-3).slice(0, 7), inDays(-1).slice(0, 7)])) {
    const m = await exp(h, STAFF, 'schoolMonth', { sessionId, month })
    expect(m).toMatchObject({ ok: true, data: { rows: 3 } })
    const sheet = rowsOf((await openWorkbook(m.ok ? m.data.url : '')).getWorksheet('出勤')!)
    const header = sheet[0] as string[]
    const col = (d: string) => header.indexOf(d.slice(5))
    const row = (name: string) => sheet.find((r) => r[0] === name) as string[]
    if (inDays(-1).startsWith(month)) {
      expect(row('赵一一')[col(inDays(-1))]).toMatch(/^到 \d\d:\d\d$/)
      expect(row('钱二二')[col(inDays(-1))]).toBe('请假')
      expect(row('孙三三')[col(inDays(-1))]).toBe('未到')
    }
    if (inDays(-3).startsWith(month)) expect(row('孙三三')[col(inDays(-3))]).toMatch(/^到 \d\d:\d\d–\d\d:\d\d$/)
  }
  for (const openid of [staffOf('汤门社区'), await assignedVolunteer(h), await resident(h)]) {
    expect(await exp(h, openid, 'schoolRoster', { sessionId })).toMatchObject({ ok: false })
    expect(await exp(h, openid, 'schoolMonth', { sessionId, month: inDays(0).slice(0, 7) })).toMatchObject({ ok: false })
  }
})

async function tiles(openid: string): Promise<Record<string, number>> {
  const w: Workbench = await h.userOk(openid, 'workbench', {})
  return Object.fromEntries(w.queues.filter((q) => q.key.startsWith('school')).map((q) => [q.key, q.count]))
}

it('the workbench tiles count offered places and claims to verify once the tally job ran, within the workbench budget', async () => {
  await h.countNow()
  const before = await tiles(STAFF)
  const c = await kids(3)
  const lottery = {
    announcedNumber: '20261130',
    entries: [
      { familyId: c[0].familyId, no: 1, childIds: [c[0].childId], by: 'g', at: new Date(nowMs()), claim: 'left_behind' as const },
      { familyId: c[1].familyId, no: 2, childIds: [c[1].childId], by: 'g', at: new Date(nowMs()), claim: 'low_income' as const, verified: true },
      { familyId: c[2].familyId, no: 3, childIds: [c[2].childId], by: 'g', at: new Date(nowMs()) },
    ],
  }
  await stageSession(
    h,
    c.map((x) => entryOf(x, 'lottery_entered')),
    { mode: 'lottery', lottery, untallied: 'staged' },
  )
  const offeredId = await stageSession(h, [entryOf(c[0], 'offered'), entryOf(c[1], 'offered'), entryOf(c[2], 'waitlisted')], { untallied: 'staged' })
  // Not counted before the tally job runs.
  expect(await tiles(STAFF)).toEqual(before)
  await h.countNow({ reconcile: false })
  expect(await tiles(STAFF)).toEqual({ schoolOffers: before.schoolOffers + 2, schoolClaims: before.schoolClaims + 1 })
  // An offer answered: the count moves with the next tally.
  await h.update(SCH_SESSIONS, { _id: offeredId }, { 'entries.0.status': 'enrolled', untallied: 'moved' })
  await h.countNow({ reconcile: false })
  expect(await tiles(STAFF)).toEqual({ schoolOffers: before.schoolOffers + 1, schoolClaims: before.schoolClaims + 1 })
  // Another community's staff see none of it.
  const tangmen = await tiles(staffOf('汤门社区'))
  expect(tangmen.schoolOffers).toBe(0)
  // The tally job and the reconcile read the sessions on indexes (untallied, browse).
  const jobQueries = h.emu.calls.filter((x) => x.fn === 'scheduler').flatMap((x) => x.queries)
  expect(jobQueries.filter((q) => q.startsWith('sch_sessions:'))).not.toEqual([])
  expect(jobQueries.filter((q) => q.startsWith('sch_sessions:') && q.endsWith(':SCAN'))).toEqual([])
  const start = h.emu.calls.length
  await tiles(STAFF)
  expect(h.emu.calls.slice(start).find((x) => x.action === 'workbench')?.dbRequests).toBeLessThanOrEqual(4)
})
