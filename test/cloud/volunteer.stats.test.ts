// Issue 10 part D: the monthly statistics of one community (volunteer.monthStats). After the statistics job, the
// figures equal what the ledger entries say (hours, person-times, distinct volunteers, by service type, the top
// volunteers, 补录 apart, corrections as minutes only); each entry is counted once, also with writes and job runs
// at the same time; the quiet list comes from the summaries; ≤ 4 database requests on indexes; scope refusals.
import { VOL_STATS_RULES } from '../../src/contracts'
import { inDays } from '../clock'
import { startHarness, type Harness } from './helpers'
import { stageSlot, stageVolunteer, vol, volOk, type StagedVolunteer } from './volunteerLedgerFixtures'

let h: Harness
beforeAll(async () => {
  h = await startHarness({ poolSize: 1 })
})
afterAll(async () => {
  await h?.close()
})

const day = inDays(-1)
const month = day.slice(0, 7)

function backfill(v: StagedVolunteer, minutes: number, serviceDate = day) {
  return { volunteerNo: v.number, serviceDate, minutes, place: '军门社区活动室', serviceType: '社区服务', content: '整理图书角', reason: '线下服务补登', evidence: '签到表照片已存档' }
}

/** What the entries of a community's month say, computed from the ledger itself (the test's oracle). */
async function fromEntries(communityId: string, m: string) {
  const rows = (await h.find('vol_ledger', { communityId })).filter((e) => e.serviceDate.startsWith(m))
  const live = rows.filter((e) => e.source !== 'backfill')
  const byVol = new Map<string, { name: string; minutes: number }>()
  for (const e of live) byVol.set(e.openid, { name: e.volunteerName, minutes: (byVol.get(e.openid)?.minutes ?? 0) + e.minutes })
  const byType = new Map<string, { minutes: number; personTimes: number }>()
  for (const e of live) {
    const t = byType.get(e.serviceType) ?? { minutes: 0, personTimes: 0 }
    byType.set(e.serviceType, { minutes: t.minutes + e.minutes, personTimes: t.personTimes + (e.correctionOf ? 0 : 1) })
  }
  const backfills = rows.filter((e) => e.source === 'backfill')
  return {
    minutes: live.reduce((n, e) => n + e.minutes, 0),
    personTimes: live.filter((e) => !e.correctionOf).length,
    volunteers: [...byVol.values()].filter((v) => v.minutes > 0).length,
    backfillMinutes: backfills.reduce((n, e) => n + e.minutes, 0),
    backfillEntries: backfills.filter((e) => !e.correctionOf).length,
    byType: [...byType].map(([serviceType, t]) => ({ serviceType, ...t })).sort((a, b) => b.minutes - a.minutes),
    top: [...byVol.values()]
      .filter((v) => v.minutes > 0)
      .sort((a, b) => b.minutes - a.minutes)
      .slice(0, VOL_STATS_RULES.topShown)
      .map((v) => v.minutes),
  }
}

function figures(s: any) {
  const { minutes, personTimes, volunteers, backfillMinutes, backfillEntries, byType } = s
  return { minutes, personTimes, volunteers, backfillMinutes, backfillEntries, byType, top: s.top.map((t: any) => t.minutes) }
}

let a: StagedVolunteer, b: StagedVolunteer, c: StagedVolunteer, quietOne: StagedVolunteer

describe('monthStats', () => {
  it('equals what the entries say once the job ran: hours, person-times, distinct volunteers, by type, top, 补录 apart', async () => {
    ;[a, b, c, quietOne] = await Promise.all([0, 1, 2, 3].map(() => stageVolunteer(h, 'junmen')))
    const d = await stageVolunteer(h, 'tangmen')
    const s1 = await stageSlot(
      h,
      'junmen',
      [
        { openid: a.openid, pairs: [['09:00', '11:00']] },
        { openid: b.openid, pairs: [['09:30', '10:30']] },
      ],
      { day },
    )
    const s2 = await stageSlot(h, 'junmen', [{ openid: a.openid, pairs: [['09:00', '10:00']] }], { day, title: '陪伴老人' })
    await h.update('vol_slots', { _id: s2._id }, { serviceType: '助老助残' })
    const s3 = await stageSlot(h, 'tangmen', [{ openid: d.openid }], { day })
    const r1 = await volOk(h, 'demo-staff', 'confirmShifts', { slotId: s1._id })
    await volOk(h, 'demo-staff', 'confirmShifts', { slotId: s2._id })
    await volOk(h, 'demo-staff-tangmen', 'confirmShifts', { slotId: s3._id })
    await volOk(h, 'demo-staff', 'backfill', backfill(c, 90))
    const bEntry = r1.confirmed.find((x: any) => x.openid === b.openid).entryId
    await volOk(h, 'demo-staff', 'correctEntry', { entryId: bEntry, minutes: 90, reason: '核实后补足' })

    // Not yet counted: the figures come from the month document the job keeps.
    expect(await volOk(h, 'demo-staff', 'monthStats', { communityId: 'junmen', month })).toMatchObject({ minutes: 0, personTimes: 0, volunteers: 0 })
    expect((await h.countNow({ reconcile: false })).volStatsTally).toMatchObject({ done: 6 })
    const s = await volOk(h, 'demo-staff', 'monthStats', { communityId: 'junmen', month })
    expect(figures(s)).toEqual(await fromEntries('junmen', month))
    expect(figures(s)).toEqual({
      minutes: 120 + 60 + 30 + 60,
      personTimes: 3,
      volunteers: 2,
      backfillMinutes: 90,
      backfillEntries: 1,
      byType: [
        { serviceType: '环境保护', minutes: 210, personTimes: 2 },
        { serviceType: '助老助残', minutes: 60, personTimes: 1 },
      ],
      top: [180, 90],
    })
    expect(s.top.map((t: any) => t.name)).toEqual([a.realName, b.realName])
    expect(figures(await volOk(h, 'demo-staff-tangmen', 'monthStats', { month }))).toEqual(await fromEntries('tangmen', month))
    // A second run finds nothing; the ledger itself was never written by the job.
    expect((await h.countNow({ reconcile: false })).volStatsTally).toMatchObject({ done: 0 })
    expect((await h.find('vol_ledger', { communityId: 'junmen' })).filter((e) => 'untallied' in e || 'tallied' in e)).toEqual([])
    expect(figures(await volOk(h, 'demo-staff', 'monthStats', { communityId: 'junmen', month }))).toEqual(await fromEntries('junmen', month))
  })

  it('counts each entry once with writes and job runs at the same time', async () => {
    const vs = await Promise.all(Array.from({ length: 6 }, () => stageVolunteer(h, 'junmen')))
    const writes = vs.flatMap((v, i) => [volOk(h, 'demo-staff', 'backfill', backfill(v, 30 + i)), volOk(h, 'demo-staff', 'backfill', { ...backfill(v, 10), content: '第二次' })])
    // The job runs while the entries are written (its transactions and the writes' re-run on conflict), then again.
    const during = h.countNow({ reconcile: false })
    await Promise.all([...writes, during])
    await h.countNow({ reconcile: false })
    expect(figures(await volOk(h, 'demo-staff', 'monthStats', { communityId: 'junmen', month }))).toEqual(await fromEntries('junmen', month))
  })

  it('lists volunteers quiet for 90 days, from the summaries, paged', async () => {
    await volOk(h, 'demo-staff', 'backfill', backfill(quietOne, 60, inDays(-VOL_STATS_RULES.quietDays - 5)))
    await h.countNow({ reconcile: false })
    const s = await volOk(h, 'demo-staff', 'monthStats', { communityId: 'junmen', month })
    expect(s.quietSince).toBe(inDays(-VOL_STATS_RULES.quietDays))
    expect(s.quiet.items).toEqual([{ name: quietOne.realName, volunteerNo: quietOne.number, lastServiceDate: inDays(-VOL_STATS_RULES.quietDays - 5) }])
    // Serving again takes them off the list.
    await volOk(h, 'demo-staff', 'backfill', backfill(quietOne, 30))
    expect((await volOk(h, 'demo-staff', 'monthStats', { communityId: 'junmen', month })).quiet.items).toEqual([])
    // No phone or birth date in the raw response.
    const raw = JSON.stringify(await vol(h, 'demo-staff', 'monthStats', { communityId: 'junmen', month }))
    for (const v of [a, b, c, quietOne]) {
      expect(raw).not.toContain(v.phone)
      expect(raw).not.toContain(v.birthDate)
      expect(raw).not.toContain(v.openid)
    }
  })

  it('refuses other communities, volunteers and bad months with a clear message', async () => {
    expect(await vol(h, 'demo-staff-tangmen', 'monthStats', { communityId: 'junmen' })).toMatchObject({ ok: false, code: 'SCOPE_DENIED' })
    expect(await vol(h, 'demo-volunteer', 'monthStats', {})).toMatchObject({ ok: false, code: 'ROLE_REQUIRED' })
    const bad = await vol(h, 'demo-staff', 'monthStats', { month: '2026-13' })
    expect(bad).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect((bad as any).message).toMatch(/月份/)
  })

  it('answers in ≤ 4 database requests on indexes (3: the user, the month document, the quiet page)', async () => {
    for (const [openid, input] of [
      ['demo-staff', { communityId: 'junmen', month }],
      ['demo-staff-tangmen', {}],
      ['demo-admin', { communityId: 'qingcheng' }],
    ] as const) {
      await volOk(h, openid, 'monthStats', input)
      const call = h.emu.calls[h.emu.calls.length - 1]
      expect({ openid, dbRequests: call.dbRequests }).toEqual({ openid, dbRequests: 3 }) // the budget is 4
      expect(call.queries.filter((q) => q.endsWith(':SCAN'))).toEqual([])
      expect(call.queries).toEqual(expect.arrayContaining(['vol_stats:_id', 'vol_summaries:quiet']))
      expect(call.queries.some((q) => q.startsWith('vol_ledger'))).toBe(false)
    }
  })

  it('at size (2,000 volunteers, a month with 1,000 of them): 3 requests, response ≤ 32 KB; reports p50/p95', async () => {
    const byVolunteer: Record<string, { m: number; n: number; name: string; no: string }> = {}
    for (let i = 0; i < 1000; i++) byVolunteer[`big-${i}`] = { m: 60 + (i % 300), n: 1 + (i % 5), name: `志愿者${i}`, no: `QC-${String(i).padStart(5, '0')}` }
    const big = { communityId: 'qingcheng', month, minutes: 1, entries: 1, backfillMinutes: 0, backfillEntries: 0, byType: { 社区服务: { m: 1, n: 1 } }, byVolunteer, updatedAt: new Date() }
    const summaries = Array.from({ length: 2000 }, (_, i) => ({
      coll: 'vol_summaries',
      id: `big-${i}`,
      doc: {
        _id: `big-${i}`,
        communityId: 'qingcheng',
        lastServiceDate: inDays(-(i % 200)),
        volunteerName: `志愿者${i}`,
        volunteerNo: `QC-${i}`,
        liveMinutes: 60,
        backfillMinutes: 0,
        byYear: {},
        entries: 1,
        updatedAt: new Date(),
      },
    }))
    h.emu.core.store.write([{ coll: 'vol_stats', id: `m_qingcheng_${month.replace('-', '')}`, doc: { _id: `m_qingcheng_${month.replace('-', '')}`, ...big } }, ...summaries])
    const ms: number[] = []
    let bytes = 0
    for (let i = 0; i < 30; i++) {
      const t = performance.now()
      const res = await vol(h, 'demo-staff', 'monthStats', { communityId: 'qingcheng', month, page: 1 + (i % 3) })
      ms.push(performance.now() - t)
      bytes = Math.max(bytes, Buffer.byteLength(JSON.stringify(res)))
      expect(res).toMatchObject({ ok: true, data: { top: expect.any(Array) } })
      expect(h.emu.calls[h.emu.calls.length - 1].dbRequests).toBe(3)
    }
    const s = await volOk(h, 'demo-staff', 'monthStats', { communityId: 'qingcheng', month })
    expect(s.volunteers).toBe(1000)
    expect(s.top).toHaveLength(VOL_STATS_RULES.topShown)
    expect(s.quiet.items).toHaveLength(20)
    expect(bytes).toBeLessThanOrEqual(32 * 1024)
    ms.sort((x, y) => x - y)
    console.log(`monthStats at 1,000 volunteers in the month / 2,000 summaries: 3 requests, p50 ${ms[14].toFixed(1)} ms, p95 ${ms[28].toFixed(1)} ms, largest response ${bytes} bytes`)
  })
})
