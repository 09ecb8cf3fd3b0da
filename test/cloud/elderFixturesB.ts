// Part B's fixtures (issue 12): calls to the `elder` function, and activities and managed profiles staged straight
// in the store (typed with the model; part A's handlers are built at the same time), with days from the one clock.
import { randomBytes } from 'crypto'
import type { ActivityDoc, ProfileDoc, RuleSegment } from '../../cloud/domain/elder/model'
import { inDays, testNow } from '../clock'
import { makeJobDue, runJob, type Harness } from './helpers'

/** A daily activity of the community staged in the store (rule from 30 days ago; `seg` overrides the segment). */
export async function stageActivity(h: Harness, community = '军门社区', seg: Partial<RuleSegment> = {}, over: Partial<ActivityDoc> = {}): Promise<ActivityDoc> {
  const at = new Date(testNow())
  const doc: ActivityDoc = {
    _id: `ea-${randomBytes(6).toString('hex')}`,
    communityId: h.communityId(community),
    title: '八段锦晨练',
    category: '运动',
    host: '陈老师',
    description: '社区达人带练八段锦。',
    segments: [{ from: inDays(-30), kind: 'daily', startTime: '09:30', durationMin: 60, place: '活动室', capacity: 20, signupRequired: true, ...seg }],
    status: 'active',
    rev: 1,
    createdBy: 'demo-staff',
    createdAt: at,
    updatedAt: at,
    ...over,
  }
  await h.insert('eld_activities', doc)
  return doc
}

/** A managed elder staged in the store: a family's (managed by `managers`) or staff-managed (no managers). */
export async function stageProfile(h: Harness, over: Partial<ProfileDoc> & { community?: string } = {}): Promise<ProfileDoc> {
  const at = new Date(testNow())
  const { community = '军门社区', ...rest } = over
  const doc: ProfileDoc = {
    _id: `ep-${randomBytes(6).toString('hex')}`,
    kind: 'family',
    communityId: h.communityId(community),
    name: '林阿婆',
    age: 82,
    consentNote: '已征得本人同意',
    managers: [],
    status: 'active',
    createdBy: 'fixture',
    createdAt: at,
    updatedAt: at,
    ...rest,
  }
  await h.insert('eld_profiles', doc)
  return doc
}

/** Makes the reminder job due at the next scheduler run. */
export async function makeReminderDue(h: Harness): Promise<void> {
  await makeJobDue(h, 'elderReminders')
}

/** Makes the reminder job due and fires the scheduler once; returns the job's report. */
export async function runReminderJob(h: Harness): Promise<{ done: number; error?: string; more?: boolean } | undefined> {
  return runJob(h, 'elderReminders')
}

/** The reminders logged by the emulator's subscription stand-in. */
export function reminders(h: Harness): { touser: string; templateId: string; page: string; data: Record<string, { value: string }> }[] {
  return h.emu.core.store.messages().filter((m: any) => m.templateId === 'local-tpl-elder-reminder') as any
}
