/** The event a timer trigger delivers (SCF's timer event, as CloudBase passes it to the function's main). */
import type { TimerTrigger } from './config'

/** `{ Type: 'Timer', TriggerName, Time, Message }`: Time is the scheduled instant in UTC, to the second; Message is empty (config.json cannot set one). */
export function timerEvent(trigger: Pick<TimerTrigger, 'name'>, atMs: number): { Type: 'Timer'; TriggerName: string; Time: string; Message: string } {
  return { Type: 'Timer', TriggerName: trigger.name, Time: new Date(Math.floor(atMs / 1000) * 1000).toISOString().replace('.000Z', 'Z'), Message: '' }
}
