// The one home of what a session shows (SessionView) and of the child-name mask assigned volunteers see.
import type { SessionView } from '../../../src/contracts/school/views'
import { communityName } from '../../lib/communities'
import type { SessionDoc } from './model'

/** The fields `sessionView` reads: project these (never `days` or `entries` in full) when a list needs only views. */
export const SESSION_VIEW_FIELDS = {
  communityId: true,
  name: true,
  termStart: true,
  termEnd: true,
  weekdays: true,
  startTime: true,
  endTime: true,
  capacity: true,
  held: true,
  waiting: true,
  grades: true,
  opensAt: true,
  closesAt: true,
  mode: true,
  priorityGroups: true,
  activities: true,
  notes: true,
  status: true,
  cancelledDays: true,
  'lottery.announcedNumber': true,
  'lottery.draw.drawnAt': true,
} as const

/** The public facts of a session at `now`. */
export function sessionView(doc: Omit<SessionDoc, 'entries' | 'days'>, now: Date): SessionView {
  const t = now.getTime()
  return {
    id: doc._id,
    communityId: doc.communityId,
    communityName: communityName(doc.communityId),
    name: doc.name,
    termStart: doc.termStart,
    termEnd: doc.termEnd,
    weekdays: doc.weekdays,
    startTime: doc.startTime,
    endTime: doc.endTime,
    capacity: doc.capacity,
    held: doc.held,
    waiting: doc.waiting,
    grades: doc.grades,
    opensAt: new Date(doc.opensAt).toISOString(),
    closesAt: new Date(doc.closesAt).toISOString(),
    mode: doc.mode,
    priorityGroups: doc.priorityGroups,
    activities: doc.activities,
    ...(doc.notes ? { notes: doc.notes } : {}),
    status: doc.status,
    windowOpen: doc.status === 'open' && new Date(doc.opensAt).getTime() <= t && t < new Date(doc.closesAt).getTime(),
    cancelledDays: (doc.cancelledDays ?? []).map((d) => ({ day: d.day, reason: d.reason })),
    ...(doc.lottery ? { lottery: { announcedNumber: doc.lottery.announcedNumber, drawn: !!doc.lottery.draw } } : {}),
  }
}

/** A child's name as assigned volunteers see it: the first and last characters, the middle masked (张*明, 李*). */
export function maskChildName(name: string): string {
  const chars = Array.from(name)
  if (chars.length <= 1) return '*'
  if (chars.length === 2) return `${chars[0]}*`
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`
}
