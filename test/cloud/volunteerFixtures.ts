// Fixtures for the volunteer service's tests (issue 10): calls to the `volunteer` function, an approved volunteer
// with a birth date, training tags and a number, a project and slots, all made through the functions.
import { callAs, callOk, runJob, type Harness } from './helpers'
import { resident, staffOf, uniquePhone } from './wishFixtures'
import { inDays } from '../clock'

/** Calls `volunteer` as `openid` (the raw Result; see callAs). */
export const vol = <T = any>(h: Harness, openid: string, action: string, input?: unknown, requestId?: string | null) => callAs<T>(h, 'volunteer', openid, action, input, requestId)

/** Calls `volunteer` and fails the test unless ok; returns data. */
export const volOk = <T = any>(h: Harness, openid: string, action: string, input?: unknown, requestId?: string) => callOk<T>(h, 'volunteer', openid, action, input, requestId)

/** Runs the scheduler's volunteer numbering job now (the other jobs are left as they are). */
export async function numberVolunteers(h: Harness): Promise<void> {
  const job = await runJob(h, 'volunteerNumbers')
  if (job?.error) throw new Error(`numbering failed: ${JSON.stringify(job)}`)
}

export interface VolunteerOpts {
  community?: string
  birthDate?: string
  tags?: string[]
  realName?: string
  phone?: string
  /** Run the numbering job so the volunteer has a number (default true). */
  numbered?: boolean
}

/** A freshly approved volunteer with a birth date, optional training tags (recorded by staff) and a volunteer number. */
export async function approvedVolunteer(h: Harness, opts: VolunteerOpts = {}): Promise<{ openid: string; phone: string; realName: string }> {
  const community = opts.community ?? '军门社区'
  const openid = await resident(h, community, '志愿者')
  const phone = opts.phone ?? uniquePhone()
  const realName = opts.realName ?? '林志愿'
  const app = await h.userOk(openid, 'applyVolunteer', { realName, phone, skills: ['跑腿代办'], birthDate: opts.birthDate ?? '1990-01-01' })
  await h.userOk(staffOf(community), 'reviewApplication', { applicationId: app.id, decision: 'approve' })
  if (opts.tags?.length) await volOk(h, staffOf(community), 'setTrainingTags', { openid, tags: opts.tags })
  if (opts.numbered !== false) await numberVolunteers(h)
  return { openid, phone, realName }
}

/** A valid saveProject input for the community (`over` replaces fields). */
export function projectInput(h: Harness, community = '军门社区', over: Record<string, unknown> = {}) {
  return {
    communityId: h.communityId(community),
    title: '社区助老陪伴',
    description: '陪伴社区独居老人聊天、读报，协助整理房间。',
    serviceType: '助老助残',
    place: { name: '军门社区党群服务中心', lat: 26.0865, lng: 119.2965, radiusM: 200 },
    requirements: { trainingTags: [], insuranceRequired: false },
    contactName: '郑社工',
    contactPhone: '13905910001',
    ...over,
  }
}

/** A project made by the community's staff; returns its id. */
export async function makeProject(h: Harness, community = '军门社区', over: Record<string, unknown> = {}): Promise<string> {
  return (await volOk(h, staffOf(community), 'saveProject', projectInput(h, community, over))).id
}

/** One slot of `projectId` on the day `offset` days from today (China), 09:00–11:00 unless given; returns its id. */
export async function makeSlot(h: Harness, projectId: string, over: Record<string, unknown> = {}, community = '军门社区', offset = 3): Promise<string> {
  const res = await volOk(h, staffOf(community), 'createSlots', { projectId, date: inDays(offset), startTime: '09:00', endTime: '11:00', headcount: 10, ...over })
  return res.slotIds[0]
}
