// Documents of the 4 o'clock school's enrolment part (issue 11, part B), typed with the model, for staging straight
// into a store: sessions and children (part A's functions make them; parts B and C build alongside). Used by the
// layer-1 fixtures (test/cloud/schoolFixturesB.ts), the page tests and the weapp test. Pure: no emulator, no SDK.
import { randomBytes } from 'crypto'
import type { ChildDoc, SessionDoc } from '../../cloud/domain/school/model'
import type { Grade } from '../../src/contracts/school/rules'
import { inDays } from '../clock'

/** A fresh id with a prefix. */
export function stagedId(prefix: string): string {
  return `${prefix}${randomBytes(6).toString('hex')}`
}

export interface SessionOpts {
  capacity?: number
  mode?: SessionDoc['mode']
  grades?: SessionDoc['grades']
  /** The window, relative to `now` in ms (default: opened an hour ago, closes in 7 days). */
  opensInMs?: number
  closesInMs?: number
  announcedNumber?: string
  priorityGroups?: SessionDoc['priorityGroups']
  name?: string
}

/** A session as part A's saveSession makes it (open, no entries), in the community. */
export function sessionDoc(communityId: string, now: number, o: SessionOpts = {}): SessionDoc {
  const mode = o.mode ?? 'first_come'
  return {
    _id: stagedId('ses'),
    communityId,
    name: o.name ?? '2027 春季 四点钟学校 一至三年级',
    termStart: inDays(30),
    termEnd: inDays(120),
    weekdays: [1, 2, 3, 4, 5],
    startTime: '16:00',
    endTime: '18:00',
    capacity: o.capacity ?? 30,
    grades: o.grades ?? { min: 1, max: 3 },
    opensAt: new Date(now + (o.opensInMs ?? -3600_000)),
    closesAt: new Date(now + (o.closesInMs ?? 7 * 86400_000)),
    mode,
    priorityGroups: o.priorityGroups ?? ['left_behind', 'low_income'],
    activities: ['作业辅导', '阅读'],
    status: 'open',
    held: 0,
    waiting: 0,
    entries: [],
    ...(mode === 'lottery' ? { lottery: { announcedNumber: o.announcedNumber ?? '8273', entries: [] } } : {}),
    cancelledDays: [],
    days: {},
    rev: 0,
    createdBy: 'demo-staff',
    createdAt: new Date(now),
    updatedAt: new Date(now),
  }
}

/** A child of the family, consented to by its guardian (as part A's addChild makes it). */
export function childDoc(guardian: string, familyId: string, now: number, o: { name: string; grade?: Grade; healthNote?: string; phone: string; gender?: ChildDoc['gender'] }): ChildDoc {
  const at = new Date(now)
  return {
    _id: stagedId('chd'),
    familyId,
    guardianOpenids: [guardian],
    name: o.name,
    gender: o.gender ?? 'male',
    birthDate: '2018-05-01',
    school: '鼓楼第一中心小学',
    grade: o.grade ?? 2,
    ...(o.healthNote ? { healthNote: o.healthNote } : {}),
    guardianPhone: o.phone,
    pickups: [],
    consent: { version: '2026-11', at, by: guardian },
    status: 'active',
    createdAt: at,
    updatedAt: at,
  }
}

/**
 * A session in the middle of its term (begun `daysIn` days ago, as many to go; the window closed before), every day of
 * the week, holding `entries` (the enrolled ones hold places): what the roster and attendance tests start from.
 */
export function termSessionDoc(communityId: string, now: number, entries: SessionDoc['entries'], o: SessionOpts & { daysIn?: number; days?: SessionDoc['days'] } = {}): SessionDoc {
  const daysIn = o.daysIn ?? 20
  const day = 86_400_000
  return {
    ...sessionDoc(communityId, now, { opensInMs: -(daysIn + 20) * day, closesInMs: -(daysIn + 10) * day, ...o }),
    termStart: inDays(-daysIn),
    termEnd: inDays(daysIn),
    weekdays: [1, 2, 3, 4, 5, 6, 7],
    held: entries.filter((e) => e.status === 'enrolled').length,
    entries,
    days: o.days ?? {},
  }
}
