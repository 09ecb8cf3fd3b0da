/**
 * Timer triggers as a function's config.json declares them (WeChat docs, 云函数 › 定时触发器):
 * `"triggers": [{ "name": "...", "type": "timer", "config": "<cron>" }]`, at most ONE per function; the name has
 * up to 60 characters of `a-z A-Z 0-9 - _` and starts with a letter. Shared by cloud/build.ts (refuses to build)
 * and the emulator (refuses to start).
 */
import fs from 'fs'
import path from 'path'
import type { Cron } from 'croner'
import { parseTimerCron } from './cron'

/** A trigger entry of config.json. */
export interface TriggerConfig {
  name: string
  type: 'timer'
  config: string
}

/** A validated timer trigger of one function. */
export interface TimerTrigger extends TriggerConfig {
  fn: string
  cron: Cron
}

const NAME = /^[A-Za-z][A-Za-z0-9_-]{0,59}$/

/** Validates config.json's `triggers` of function `fn`; returns its timer trigger (or null) or throws a clear message. */
export function validateTriggers(fn: string, triggers: unknown): TimerTrigger | null {
  if (triggers === undefined) return null
  const where = `cloud function ${fn}, config.json "triggers"`
  if (!Array.isArray(triggers)) throw new Error(`${where}: must be an array`)
  if (triggers.length > 1)
    throw new Error(`${where}: ${triggers.length} triggers declared; CloudBase allows one timer trigger per function (run several jobs behind one trigger: cloud/lib/jobs.ts)`)
  if (!triggers.length) return null
  const t = triggers[0] as Partial<TriggerConfig>
  if (t?.type !== 'timer') throw new Error(`${where}: type must be "timer" (the only trigger type), got ${JSON.stringify(t?.type)}`)
  if (typeof t.name !== 'string' || !NAME.test(t.name)) throw new Error(`${where}: name ${JSON.stringify(t.name)} must start with a letter and hold up to 60 of a-z A-Z 0-9 - _`)
  try {
    return { fn, name: t.name, type: 'timer', config: String(t.config), cron: parseTimerCron(String(t.config ?? '')) }
  } catch (err) {
    throw Object.assign(new Error(`${where}: bad cron ${(err as Error).message}`), { cause: err })
  }
}

/** Reads and validates the timer triggers of every built function under `functionsDir` (`<fn>/config.json`). */
export function readTriggers(functionsDir: string): TimerTrigger[] {
  if (!fs.existsSync(functionsDir)) return []
  const found: TimerTrigger[] = []
  for (const fn of fs.readdirSync(functionsDir).sort()) {
    const file = path.join(functionsDir, fn, 'config.json')
    if (!fs.existsSync(file)) continue
    let config: { triggers?: unknown }
    try {
      config = JSON.parse(fs.readFileSync(file, 'utf8'))
    } catch (err) {
      throw Object.assign(new Error(`cloud function ${fn}: config.json is not valid JSON (${(err as Error).message})`), { cause: err })
    }
    const t = validateTriggers(fn, config.triggers)
    if (t) found.push(t)
  }
  return found
}
