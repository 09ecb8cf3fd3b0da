// Issue 10 part E, layer 1: scripts/rebuild-vol-stats.ts rebuilds a community's month statistics document from the
// ledger. Run as an operator would (npx tsx, the emulator's /tcb as the database): it reproduces what the statistics
// job made, repairs a lost or damaged document, leaves another community's alone, and leaves an entry still queued to
// the job (no double count once the job runs).
import { spawn } from 'child_process'
import { join } from 'path'
import { monthDocId } from '../../cloud/domain/volunteer/stats'
import { startHarness, type Harness } from './helpers'
import { stageSlot, stageVolunteer, vol, volOk, type StagedVolunteer } from './volunteerLedgerFixtures'
import { inDays } from '../clock'

let h: Harness
let junmen: string
let tangmen: string
const day = inDays(-1)
const month = day.slice(0, 7)
let a: StagedVolunteer, b: StagedVolunteer, c: StagedVolunteer

beforeAll(async () => {
  h = await startHarness({ poolSize: 1 })
  junmen = h.communityId('军门社区')
  tangmen = h.communityId('汤门社区')
  ;[a, b] = await Promise.all([stageVolunteer(h, junmen, { realName: '林建国' }), stageVolunteer(h, junmen, { realName: '陈美玲' })])
  c = await stageVolunteer(h, tangmen, { realName: '黄文华' })
  const slot = await stageSlot(h, junmen, [{ openid: a.openid }, { openid: b.openid }], { day })
  const { confirmed } = await volOk(h, 'demo-staff', 'confirmShifts', { slotId: slot._id })
  await volOk(h, 'demo-admin', 'correctEntry', { entryId: confirmed[1].entryId, minutes: 90, reason: '提前离开' })
  await volOk(h, 'demo-staff', 'backfill', backfillInput(a.number, 45))
  const other = await stageSlot(h, tangmen, [{ openid: c.openid }], { day })
  await volOk(h, 'demo-staff-tangmen', 'confirmShifts', { slotId: other._id })
  await h.countNow()
})
afterAll(async () => {
  await h?.close()
})

function backfillInput(volunteerNo: string, minutes: number) {
  return { volunteerNo, serviceDate: day, minutes, place: '军门社区活动室', serviceType: '社区服务', content: '整理图书', reason: '线下活动', evidence: '纸质签到表' }
}

/**
 * Runs the script as an operator would, against the test's emulator (asynchronously: the emulator answers from this
 * process).
 */
function rebuild(communityId: string, ...args: string[]): Promise<{ status: number | null; out: any; stderr: string }> {
  const env = {
    ...process.env,
    HEMEI_TCB_URL: `${h.emu.url.replace(/\/$/, '')}/tcb/admin`,
    HEMEI_SECRET_ID: h.emu.credentials.secretId,
    HEMEI_SECRET_KEY: h.emu.credentials.secretKey,
    HEMEI_CLOUD_ENV: 'local',
  }
  const child = spawn(process.execPath, [require.resolve('tsx/cli'), join(__dirname, '../../scripts/rebuild-vol-stats.ts'), communityId, ...args], { env })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d) => (stdout += d))
  child.stderr.on('data', (d) => (stderr += d))
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (status) => {
      const line = stdout.trim().split('\n').pop() ?? ''
      resolve({ status, out: line.startsWith('{') ? JSON.parse(line) : undefined, stderr })
    })
  })
}

async function monthDoc(communityId: string): Promise<any> {
  const [doc] = await h.find('vol_stats', { _id: monthDocId(communityId, month) })
  if (!doc) return null
  const { updatedAt: _u, ...rest } = doc
  return rest
}

it('reproduces the document the statistics job made (dry run writes nothing)', async () => {
  const made = await monthDoc(junmen)
  expect(made).toMatchObject({ minutes: 120 + 90, entries: 2, backfillMinutes: 45, backfillEntries: 1 })
  const dry = await rebuild(junmen, month, '--dry-run')
  expect(dry.stderr).toBe('')
  expect(dry.out).toMatchObject({ id: monthDocId(junmen, month), written: false, queued: 0, before: { minutes: made.minutes }, after: { minutes: made.minutes, entries: made.entries } })
  const done = await rebuild(junmen, month)
  expect(done.out).toMatchObject({ written: true, queued: 0 })
  expect(await monthDoc(junmen)).toEqual(made)
})

it('repairs a lost or damaged document, and leaves another community’s alone', async () => {
  const made = await monthDoc(junmen)
  const theirs = await monthDoc(tangmen)
  const id = monthDocId(junmen, month)
  h.emu.core.store.write([{ coll: 'vol_stats', id, doc: null }])
  expect(await monthDoc(junmen)).toBeNull()
  expect((await rebuild(junmen, month)).out).toMatchObject({ written: true, before: null })
  expect(await monthDoc(junmen)).toEqual(made)
  h.emu.core.store.write([{ coll: 'vol_stats', id, doc: { ...made, _id: id, minutes: 1, byVolunteer: {}, updatedAt: new Date() } }])
  expect((await rebuild(junmen, month)).out).toMatchObject({ written: true, before: { minutes: 1 }, after: { minutes: made.minutes } })
  expect(await monthDoc(junmen)).toEqual(made)
  expect(await monthDoc(tangmen)).toEqual(theirs)
})

it('leaves an entry still queued to the job: no double count once the job runs', async () => {
  await volOk(h, 'demo-staff', 'backfill', backfillInput(b.number, 30))
  const before = await monthDoc(junmen)
  const r = await rebuild(junmen, month)
  expect(r.out).toMatchObject({ written: true, queued: 1, after: { backfillMinutes: before.backfillMinutes } })
  await h.countNow()
  const after = await monthDoc(junmen)
  expect(after.backfillMinutes).toBe(before.backfillMinutes + 30)
  expect(after.backfillEntries).toBe(before.backfillEntries + 1)
  // And a rebuild now agrees with the job.
  expect((await rebuild(junmen, month)).out).toMatchObject({ written: true, queued: 0 })
  expect(await monthDoc(junmen)).toEqual(after)
})

it('refuses a malformed month', async () => {
  expect((await rebuild(junmen, '2026-13')).status).not.toBe(0)
  expect((await rebuild(junmen, 'june')).status).toBe(2)
  expect(await vol(h, 'demo-staff', 'monthStats', { communityId: junmen, month })).toMatchObject({ ok: true })
})
