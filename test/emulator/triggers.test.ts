// Timer triggers in the emulator: config.json declarations (one per function, CloudBase's 7-field cron in UTC+8),
// refused at build and at start; firing on schedule, by hand (emu.fireTrigger, the dev route) and by moving the clock.
import fs from 'fs'
import path from 'path'
import { parseTimerCron, nextRun } from '../../cloud/emulator/triggers/cron'
import { validateTriggers } from '../../cloud/emulator/triggers/config'
import { functionConfig } from '../../cloud/build'
import { clockOffset, nowMs, setClockOffset } from '../../cloud/lib/dates'
import { startTestEmulator, tmpDir } from './helpers'

/** A function that answers what it got: the event, its WX context and its clock (as cloud/lib/dates reads HEMEI_CLOCK). */
const TICKER = `
const cloud = require(${JSON.stringify(require.resolve('wx-server-sdk'))})
exports.main = async (event) => ({ ok: true, data: { event, wx: cloud.getWXContext(), now: Date.now() + Number(process.env.HEMEI_CLOCK || 0) } })
`

/** A functions dir holding `ticker` with the given config.json (and nothing else). */
function functionsWith(config: unknown): string {
  const dir = tmpDir('hemei-fns-')
  fs.mkdirSync(path.join(dir, 'ticker'))
  fs.writeFileSync(path.join(dir, 'ticker', 'index.js'), TICKER)
  fs.writeFileSync(path.join(dir, 'ticker', 'config.json'), typeof config === 'string' ? config : JSON.stringify(config))
  return dir
}

const at = (iso: string) => Date.parse(iso)
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString())

describe('the cron (CloudBase: 7 fields, UTC+8, day OR weekday)', () => {
  it('reads the seven fields in China time', () => {
    // 02:00 on the 1st, China time = 18:00 UTC the day before.
    expect(iso(nextRun(parseTimerCron('0 0 2 1 * * *'), at('2026-11-29T00:00:00Z')))).toBe('2026-11-30T18:00:00.000Z')
    expect(iso(nextRun(parseTimerCron('0 * * * * * *'), at('2026-11-29T00:00:30Z')))).toBe('2026-11-29T00:01:00.000Z')
    // MON-FRI names, and the year field: only 2027.
    expect(iso(nextRun(parseTimerCron('0 15 10 * * MON-FRI *'), at('2026-11-28T00:00:00Z')))).toBe('2026-11-30T02:15:00.000Z')
    expect(iso(nextRun(parseTimerCron('0 0 0 * * * 2027'), at('2026-11-29T00:00:00Z')))).toBe('2026-12-31T16:00:00.000Z')
    // "1/10": from minute 1, every ten minutes (the docs' own example).
    expect(iso(nextRun(parseTimerCron('0 1/10 * * * * *'), at('2026-11-29T00:02:00Z')))).toBe('2026-11-29T00:11:00.000Z')
  })

  it('ORs day and weekday when both are given', () => {
    // The 13th or a Friday (5; 0 = Sunday), China time: Friday 12-04 comes first; after Friday 12-11, Sunday the 13th.
    const c = parseTimerCron('0 0 0 13 * 5 *')
    expect(iso(nextRun(c, at('2026-11-29T00:00:00Z')))).toBe('2026-12-03T16:00:00.000Z')
    expect(iso(nextRun(c, at('2026-12-11T16:00:00Z')))).toBe('2026-12-12T16:00:00.000Z')
  })

  it.each([
    ['0 * * * * *', /7/],
    ['0 * * * * * * *', /7/],
    ['0 0 25 * * * *', /hour/],
    ['0 0 0 ? * * *', /day field/],
    ['0 0 0 L * * *', /day field/],
    ['0 0 0 * * 7 *', /weekday 7/],
    ['0 0 0 * * * 1969', /1970–2099/],
    ['0 0 0 * * * 2100', /1970–2099/],
    ['x * * * * * *', /second field/],
  ])('refuses %s with a clear reason', (cron, why) => {
    expect(() => parseTimerCron(cron)).toThrow(why)
  })
})

describe('config.json triggers', () => {
  const ok = { name: 'everyMinute', type: 'timer', config: '0 * * * * * *' }

  it('allows one timer trigger per function, no more', () => {
    expect(validateTriggers('f', [ok])).toMatchObject({ fn: 'f', name: 'everyMinute' })
    expect(validateTriggers('f', undefined)).toBeNull()
    expect(() => validateTriggers('f', [ok, { ...ok, name: 'other' }])).toThrow(/one timer trigger per function/)
  })

  it('checks the type, the name and the cron', () => {
    expect(() => validateTriggers('f', [{ ...ok, type: 'cos' }])).toThrow(/type must be "timer"/)
    expect(() => validateTriggers('f', [{ ...ok, name: '1st' }])).toThrow(/start with a letter/)
    expect(() => validateTriggers('f', [{ ...ok, name: 'a'.repeat(61) }])).toThrow(/up to 60/)
    expect(() => validateTriggers('f', [{ ...ok, config: '0 * * * *' }])).toThrow(/bad cron .* 5 field/)
  })

  it('fails the build of a function that declares two, and merges a good one with the openapi permissions', () => {
    expect(() => functionConfig('f', '', { triggers: [ok, ok] })).toThrow(/one timer trigger per function/)
    const code = 'cloud.openapi.subscribeMessage.send({})'
    expect(functionConfig('f', code, { triggers: [ok] })).toEqual({ triggers: [ok], permissions: { openapi: ['subscribeMessage.send'] } })
  })

  it('refuses to start the emulator with a bad cron or two triggers, saying which function', async () => {
    await expect(startTestEmulator({ functionsDir: functionsWith({ triggers: [{ ...ok, config: '0 0 0 * * 7 *' }] }) })).rejects.toThrow(/ticker.*weekday 7/)
    await expect(startTestEmulator({ functionsDir: functionsWith({ triggers: [ok, { ...ok, name: 'b' }] }) })).rejects.toThrow(/ticker.*one timer trigger/)
    await expect(startTestEmulator({ functionsDir: functionsWith('{ not json') })).rejects.toThrow(/ticker: config.json is not valid JSON/)
  })
})

describe('firing', () => {
  it('fires the timer event with no user identity (emu.fireTrigger and the loopback dev route)', async () => {
    const emu = await startTestEmulator({ functionsDir: functionsWith({ triggers: [{ name: 'tick', type: 'timer', config: '0 * * * * * *' }] }), timers: false })
    try {
      const { result, stat } = (await emu.fireTrigger('ticker')) as { result: any; stat: any }
      expect(result.data.event).toEqual({ Type: 'Timer', TriggerName: 'tick', Time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/), Message: '' })
      expect(result.data.wx.OPENID).toBeUndefined()
      expect(result.data.wx.APPID).toBeUndefined()
      expect(stat).toMatchObject({ fn: 'ticker', action: 'timer:tick', openid: '' })
      // A user's call to the same worker afterwards has its identity again (nothing leaks either way).
      expect((await emu.invoke('ticker', {}, 'u1')).data.wx).toMatchObject({ OPENID: 'u1', APPID: 'wx-hemei-local' })

      const res = await fetch(`${emu.url}/api/dev/trigger/ticker`, { method: 'POST' })
      expect(res.status).toBe(200)
      expect(await res.json()).toMatchObject({ ok: true, data: { fn: 'ticker', trigger: 'tick', dbRequests: 0 } })
      expect((await fetch(`${emu.url}/api/dev/trigger/nosuch`, { method: 'POST' })).status).toBe(404)
      await expect(emu.fireTrigger('nosuch')).rejects.toThrow(/declares no timer trigger/)
    } finally {
      await emu.close()
    }
  })

  it('closes the dev trigger route when bound beyond loopback', async () => {
    const emu = await startTestEmulator({
      functionsDir: functionsWith({ triggers: [{ name: 'tick', type: 'timer', config: '0 * * * * * *' }] }),
      timers: false,
      host: '0.0.0.0',
      allowNonLoopback: true,
    })
    try {
      const res = await fetch(`http://127.0.0.1:${emu.port}/api/dev/trigger/ticker`, { method: 'POST' })
      expect(res.status).toBe(403)
      expect(await res.json()).toMatchObject({ message: '开发接口只在本机可用' })
      expect(emu.calls).toHaveLength(0)
    } finally {
      await emu.close()
    }
  })

  it('fires on schedule in real time', async () => {
    const emu = await startTestEmulator({ functionsDir: functionsWith({ triggers: [{ name: 'everySecond', type: 'timer', config: '* * * * * * *' }] }), timers: true })
    try {
      const deadline = Date.now() + 8000
      while (emu.calls.filter((c) => c.action === 'timer:everySecond').length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100))
      const runs = emu.calls.filter((c) => c.action === 'timer:everySecond')
      expect(runs.length).toBeGreaterThanOrEqual(2)
      expect(runs.every((r) => r.ok)).toBe(true)
    } finally {
      await emu.close()
    }
  })

  it('advanceClock moves the emulator and worker clocks and fires each run that fell due, once, at its time', async () => {
    const emu = await startTestEmulator({ functionsDir: functionsWith({ triggers: [{ name: 'tenMinutes', type: 'timer', config: '0 */10 * * * * *' }] }), timers: false })
    const before = clockOffset()
    try {
      const start = nowMs()
      const onCall = emu.calls.length
      await emu.advanceClock(3600_000)
      const runs = emu.calls.slice(onCall).filter((c) => c.action === 'timer:tenMinutes')
      expect(runs).toHaveLength(6)
      expect(nowMs() - start).toBeGreaterThanOrEqual(3600_000)
      // The worker reads the moved clock too.
      const { data } = await emu.invoke('ticker', {}, 'u1')
      expect(data.now).toBeGreaterThanOrEqual(start + 3600_000)
      expect(Math.abs(data.now - nowMs())).toBeLessThan(5000)
      // Each run saw the clock at its own time: the six ten-minute boundaries after the start.
      const due = Array.from({ length: 6 }, (_, i) => (Math.floor(start / 600_000) + 1 + i) * 600_000)
      runs.forEach((r, i) => {
        expect(r.at).toBeGreaterThanOrEqual(due[i])
        expect(r.at).toBeLessThan(due[i] + 5000)
      })
      await expect(emu.advanceClock(-1)).rejects.toThrow(/only moves forward/)
    } finally {
      setClockOffset(before)
      await emu.close()
    }
  })

  it('advanceClock with fire: false moves the clocks and skips the runs that fell due (a later advance does not fire them)', async () => {
    const emu = await startTestEmulator({ functionsDir: functionsWith({ triggers: [{ name: 'tenMinutes', type: 'timer', config: '0 */10 * * * * *' }] }), timers: false })
    const before = clockOffset()
    try {
      const start = nowMs()
      const onCall = emu.calls.length
      const ticks = () => emu.calls.slice(onCall).filter((c) => c.action === 'timer:tenMinutes')
      await emu.advanceClock(3600_000, { fire: false })
      expect(ticks()).toHaveLength(0)
      expect(nowMs() - start).toBeGreaterThanOrEqual(3600_000)
      const { data } = await emu.invoke('ticker', {}, 'u1')
      expect(data.now).toBeGreaterThanOrEqual(start + 3600_000)
      // Ten more minutes fire the one run in them, not the hour skipped before.
      await emu.advanceClock(600_000)
      expect(ticks()).toHaveLength(1)
      expect(ticks()[0].at).toBeGreaterThanOrEqual(start + 3600_000)
    } finally {
      setClockOffset(before)
      await emu.close()
    }
  })
})
