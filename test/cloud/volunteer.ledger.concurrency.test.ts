// The hours ledger under concurrency and its append-only rule (issue 10, part C), layer 1: 20 concurrent
// confirmations and corrections on one volunteer leave summary = sum of entries; no action ever updates or removes a
// ledger document (store versions), and no handler has a path that could.
import { readdirSync, readFileSync, statSync } from 'fs'
import { join } from 'path'
import { rid, startHarness, type Harness } from './helpers'
import { ledgerSums, stageSlot, stageVolunteer, summaryOf, vol, volOk } from './volunteerLedgerFixtures'
import { inDays } from '../clock'

let h: Harness
let junmen: string
beforeAll(async () => {
  h = await startHarness({ poolSize: 6 })
  junmen = h.communityId('军门社区')
})
afterAll(async () => {
  await h?.close()
})

/** Calls until the answer is not the transient CONFLICT (the client's retry, with the same requestId). */
async function settled(openid: string, action: string, input: object): Promise<any> {
  const requestId = rid()
  for (let i = 0; i < 20; i++) {
    const res = await vol(h, openid, action, input, requestId)
    if (res.ok || res.code !== 'CONFLICT') return res
  }
  throw new Error(`${action} kept conflicting`)
}

it('20 concurrent confirmations and corrections on one volunteer: summary = sum of entries, every call counted once', async () => {
  const v = await stageVolunteer(h, junmen)
  // Ten entries to correct (confirmed first), and ten slots waiting for confirmation.
  const done = await Promise.all(Array.from({ length: 5 }, (_, i) => stageSlot(h, junmen, [{ openid: v.openid }], { day: inDays(-20 - i) })))
  const entryIds: string[] = []
  for (const s of done) entryIds.push((await volOk(h, 'demo-staff', 'confirmShifts', { slotId: s._id })).confirmed[0].entryId)
  const waiting = await Promise.all(
    Array.from({ length: 10 }, (_, i) => stageSlot(h, junmen, [{ openid: v.openid, pairs: [['09:00', `10:${String(i * 5).padStart(2, '0')}`]] }], { day: inDays(-2 - i) })),
  )
  // Warm every worker of the pool, so the 20 calls really run side by side.
  await Promise.all(Array.from({ length: 12 }, () => vol(h, v.openid, 'myTotals')))
  const txBefore = h.emu.txStats.conflicts
  const callsBefore = h.emu.calls.length
  // Each of the 5 entries corrected twice at once (to 60 and to 90): the corrections of one entry collide.
  const calls = [
    ...waiting.map((s, i) => (i % 2 ? settled('demo-staff', 'confirmShifts', { slotId: s._id }) : settled('demo-admin', 'confirmShifts', { slotId: s._id }))),
    ...entryIds.flatMap((entryId) => [
      settled('demo-staff', 'correctEntry', { entryId, minutes: 60, reason: '复核' }),
      settled('demo-admin', 'correctEntry', { entryId, minutes: 90, reason: '复核' }),
    ]),
  ]
  expect(calls).toHaveLength(20)
  const results = await Promise.all(calls)
  for (const r of results) expect(r).toMatchObject({ ok: true })
  const sums = await ledgerSums(h, v.openid)
  const s = await summaryOf(h, v.openid)
  expect({ live: s.liveMinutes, backfill: s.backfillMinutes, entries: s.entries }).toEqual(sums)
  expect(sums.entries).toBe(5 + 10 + 10)
  // Each corrected entry ends at the figure of the correction that committed last: 60 or 90, never a lost difference.
  const rows = await h.find('vol_ledger', { openid: v.openid })
  for (const id of entryIds) {
    const total = rows.filter((r) => r._id === id || r.correctionOf === id).reduce((n, r) => n + r.minutes, 0)
    expect([60, 90]).toContain(total)
  }
  const confirmed = waiting.reduce((n, _s, i) => n + 60 + i * 5, 0)
  expect(s.liveMinutes).toBe(confirmed + rows.filter((r) => entryIds.includes(r._id) || entryIds.includes(r.correctionOf)).reduce((n, r) => n + r.minutes, 0))
  expect(s.byYear && Object.values(s.byYear as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(s.liveMinutes)
  // The calls really ran side by side (their intervals overlap), yet nothing was lost; the emulator aborts the later
  // of two conflicting commits and the SDK re-runs it (how many depends on the timing).
  const spans = h.emu.calls.slice(callsBefore).map((c) => [c.at - c.durationMs, c.at])
  const overlap = Math.max(...spans.map(([a]) => spans.filter(([b, e]) => b <= a && a < e).length))
  console.log(`ledger race: up to ${overlap} calls at once, ${h.emu.txStats.conflicts - txBefore} transaction conflicts re-run`)
  expect(overlap).toBeGreaterThanOrEqual(3)
})

it('no action ever updates or removes a ledger entry (store versions unchanged after every action)', async () => {
  const [v, w] = await Promise.all([stageVolunteer(h, junmen), stageVolunteer(h, junmen)])
  const slot = await stageSlot(h, junmen, [{ openid: v.openid }, { openid: w.openid }])
  const { confirmed } = await volOk(h, 'demo-staff', 'confirmShifts', { slotId: slot._id })
  const entryId = confirmed.find((c: any) => c.openid === v.openid).entryId
  const ledger = async () => new Map((await h.find('vol_ledger', {})).map((r) => [r._id as string, h.emu.core.store.versionOf('vol_ledger', r._id)]))
  let seen = await ledger()
  const first = seen.size
  /** Runs one action and proves every ledger document that existed before it has its version unchanged. */
  const step = async (run: () => Promise<unknown>) => {
    await run()
    const now = await ledger()
    for (const [id, version] of seen) expect([id, now.get(id)]).toEqual([id, version])
    seen = now
  }
  const slot2 = await stageSlot(h, junmen, [{ openid: v.openid }, { openid: w.openid }])
  const wishId = `wish-${rid()}`
  await h.insert('wishes', {
    _id: wishId,
    wisherOpenid: 'demo-resident',
    communityId: junmen,
    title: '买菜',
    status: 'closed',
    closedAt: new Date(),
    claim: { openid: v.openid, claimantName: 'x', promisedBy: inDays(0), claimedAt: new Date() },
  })
  // Every ledger action, mutations and reads, by volunteers and staff.
  let bf: any, d: any, c: any
  await step(() => volOk(h, 'demo-staff', 'confirmQueue', {}))
  await step(() => volOk(h, 'demo-staff', 'confirmSlot', { slotId: slot2._id }))
  await step(() => volOk(h, 'demo-staff', 'adjustShift', { slotId: slot2._id, openid: v.openid, minutes: 30, reason: '迟到' }))
  await step(() => volOk(h, 'demo-staff', 'voidShift', { slotId: slot2._id, openid: w.openid, reason: '未到' }))
  await step(() => volOk(h, 'demo-staff', 'confirmShifts', { slotId: slot._id }))
  await step(async () => {
    bf = await volOk(h, 'demo-staff', 'backfill', {
      volunteerNo: v.number,
      serviceDate: inDays(-3),
      minutes: 60,
      place: '活动室',
      serviceType: '其他',
      content: '整理图书',
      reason: '线下活动',
      evidence: '照片',
    })
  })
  await step(() => volOk(h, 'demo-staff', 'creditWish', { wishId, minutes: 30 }))
  await step(() => volOk(h, 'demo-admin', 'correctEntry', { entryId, minutes: 100, reason: '复核' }))
  await step(() => volOk(h, 'demo-admin', 'correctEntry', { entryId: bf.id, minutes: 50, reason: '复核' }))
  await step(async () => {
    d = await volOk(h, v.openid, 'disputeEntry', { entryId, reason: '有异议' })
  })
  await step(() => volOk(h, 'demo-staff', 'disputeQueue', {}))
  await step(() => volOk(h, 'demo-staff', 'answerDispute', { disputeId: d.id, decision: 'adjust', minutes: 110, reason: '同意' }))
  await step(async () => {
    c = await volOk(h, v.openid, 'requestCertificate', {})
  })
  await step(() => volOk(h, 'demo-staff', 'certificateQueue', {}))
  await step(() => volOk(h, 'demo-staff', 'recordCertificate', { certificateId: c.id, number: 'JM-9', issuedOn: inDays(0) }))
  await step(() => volOk(h, v.openid, 'myTotals'))
  await step(() => volOk(h, v.openid, 'myRecord', {}))
  await step(() => volOk(h, v.openid, 'myDisputes', {}))
  // Refused and retried calls change nothing either.
  await step(() => vol(h, 'demo-staff', 'correctEntry', { entryId, minutes: 110, reason: '同样' }))
  await step(() => vol(h, 'demo-staff-tangmen', 'correctEntry', { entryId, minutes: 1, reason: '越权' }))
  expect(seen.size).toBe(first + 6)
  const sums = await ledgerSums(h, v.openid)
  const s = await summaryOf(h, v.openid)
  expect({ live: s.liveMinutes, backfill: s.backfillMinutes, entries: s.entries }).toEqual(sums)
})

/** Every .ts file under a folder. */
function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n)
    return statSync(p).isDirectory() ? tsFiles(p) : p.endsWith('.ts') ? [p] : []
  })
}

it('no handler in cloud/ has an update or remove path on the ledger collection', () => {
  const offenders: string[] = []
  // Arguments up to three parentheses deep, so a chain never runs past its own call.
  const args = String.raw`\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*\)`
  const ledger = String.raw`collection\(\s*(?:VOL_LEDGER|['"\x60]vol_ledger['"\x60])\s*\)`
  for (const file of tsFiles(join(__dirname, '../../cloud')).filter((f) => !f.includes(join('cloud', 'emulator')))) {
    const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')
    // The ledger collection's call chains (…collection(VOL_LEDGER).doc(x).update(…)), and variables holding it.
    for (const m of text.matchAll(new RegExp(`${ledger}((?:\\s*\\.\\s*\\w+\\s*${args})*)`, 'g'))) {
      if (/\.\s*(update|remove|set)\s*\(/.test(m[1])) offenders.push(`${file}: ${m[0].slice(0, 120)}`)
    }
    for (const m of text.matchAll(new RegExp(`(?:const|let|var)\\s+(\\w+)\\s*=\\s*[\\w.]*${ledger}`, 'g'))) {
      if (new RegExp(`\\b${m[1]}\\b[\\s\\S]{0,200}?\\.\\s*(update|remove|set)\\s*\\(`).test(text)) offenders.push(`${file}: variable ${m[1]}`)
    }
  }
  expect(offenders).toEqual([])
  // The check can fail: a planted update path is found.
  const planted = 'await t.collection(VOL_LEDGER).doc(id).update({ data: { minutes: 0 } })'
  expect(new RegExp(`${ledger}((?:\\s*\\.\\s*\\w+\\s*${args})*)`).exec(planted)?.[1]).toMatch(/\.update\(/)
})
