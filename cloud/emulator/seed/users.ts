/** Demo users and volunteer applications, shaped exactly as UserDoc / VolunteerApplicationDoc. */
import type { UserDoc, VolunteerApplicationDoc } from '../../lib/model'
import { PRIVACY_VERSION } from '../../../src/contracts/user'
import { nowMs } from '../../lib/dates'

const DAY = 24 * 3600 * 1000

function user(openid: string, nickname: string, communityId: string, extra: Partial<UserDoc>, now: number): UserDoc {
  const at = new Date(now - 30 * DAY)
  return {
    _id: openid,
    nickname,
    communityId,
    gridId: `${communityId}-g1`,
    privacyVersion: PRIVACY_VERSION,
    privacyAgreedAt: at,
    largeFont: false,
    volunteerStatus: 'none',
    staffCommunityIds: [],
    createdAt: at,
    updatedAt: at,
    ...extra,
  }
}

/** The demo users (one per persona). */
export function demoUsers(now = nowMs()): UserDoc[] {
  return [
    user('demo-resident', '林阿姨', 'junmen', { largeFont: true }, now),
    user('demo-volunteer', '陈志远', 'junmen', { volunteerStatus: 'approved', gridId: 'junmen-g2' }, now),
    user('demo-volunteer-2', '黄志强', 'junmen', { volunteerStatus: 'approved', gridId: 'junmen-g3' }, now),
    user('demo-applicant', '王晓梅', 'qingcheng', { volunteerStatus: 'pending' }, now),
    user('demo-staff', '郑社工', 'junmen', { staffCommunityIds: ['junmen', 'qingcheng'] }, now),
    user('demo-staff-tangmen', '黄网格员', 'tangmen', { staffCommunityIds: ['tangmen'] }, now),
    user('demo-admin', '区管理员', 'junmen', {}, now),
  ]
}

/** The demo volunteer applications: approved (demo-volunteer, demo-volunteer-2), pending (demo-applicant). */
export function demoApplications(now = nowMs()): VolunteerApplicationDoc[] {
  return [
    {
      _id: 'app-demo-volunteer',
      openid: 'demo-volunteer',
      communityId: 'junmen',
      realName: '陈志远',
      phone: '13800138001',
      skills: ['家电维修', '跑腿代办'],
      intro: '退休电工，周末有空。',
      status: 'approved',
      reviewedBy: 'demo-staff',
      reviewedAt: new Date(now - 20 * DAY),
      createdAt: new Date(now - 25 * DAY),
      updatedAt: new Date(now - 20 * DAY),
    },
    {
      _id: 'app-demo-volunteer-2',
      openid: 'demo-volunteer-2',
      communityId: 'junmen',
      realName: '黄志强',
      phone: '13800138003',
      skills: ['跑腿代办', '陪伴聊天'],
      intro: '社区快递站店主，附近跑腿方便。',
      status: 'approved',
      reviewedBy: 'demo-staff',
      reviewedAt: new Date(now - 18 * DAY),
      createdAt: new Date(now - 22 * DAY),
      updatedAt: new Date(now - 18 * DAY),
    },
    {
      _id: 'app-demo-applicant',
      openid: 'demo-applicant',
      communityId: 'qingcheng',
      realName: '王晓梅',
      phone: '13900139002',
      skills: ['课业辅导', '陪伴聊天'],
      intro: '师范大学在读，暑假可以辅导小学生功课。',
      status: 'pending',
      createdAt: new Date(now - 2 * DAY),
      updatedAt: new Date(now - 2 * DAY),
    },
  ]
}

const SURNAMES = '林陈黄郑王李张刘吴杨何许高谢周'
const GIVEN = ['秀英', '建国', '丽华', '志强', '美玲', '文斌', '淑珍', '海峰', '晓燕', '国平']

/** `n` plain residents spread over the communities, for the bench (ids `bulk-00001`…). */
export function bulkUsers(n: number, communityIds: string[], now = nowMs()): UserDoc[] {
  const out: UserDoc[] = []
  for (let i = 1; i <= n; i++) {
    const c = communityIds[i % communityIds.length]
    const openid = `bulk-${String(i).padStart(5, '0')}`
    const nickname = SURNAMES[i % SURNAMES.length] + GIVEN[i % GIVEN.length]
    out.push(user(openid, nickname, c, { gridId: `${c}-g${(i % 3) + 1}`, volunteerStatus: i % 10 === 0 ? 'approved' : 'none' }, now - (i % 1000) * 60_000))
  }
  return out
}
