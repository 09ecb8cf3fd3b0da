import * as z from 'zod/mini'
import { id, pageInput, phone, type ISODate, type Page } from './common'
import type { TemplateIds } from './templates'
import { text } from './text'
import type { Workbench } from './workbench'

/** The privacy guide version a user agrees to; bump it when the guide changes. */
export const PRIVACY_VERSION = '2026-11-28'

export type Role = 'resident' | 'volunteer' | 'staff' | 'admin'
export type VolunteerStatus = 'none' | 'pending' | 'approved' | 'rejected'
export type ApplicationStatus = 'pending' | 'approved' | 'rejected' | 'withdrawn'

export const SKILLS = ['陪伴聊天', '课业辅导', '家电维修', '医疗护理', '文艺教学', '法律咨询', '跑腿代办', '其他'] as const

export interface Community {
  id: string
  name: string
  street: string
  grids: { id: string; name: string }[]
}

export interface Me {
  openid: string
  signedUp: boolean
  nickname?: string
  communityId?: string
  communityName?: string
  gridId?: string
  gridName?: string
  roles: Role[]
  /** Communities this user may act on as staff (all for admin). */
  staffCommunityIds: string[]
  volunteerStatus: VolunteerStatus
  /** An approved volunteer: the communities whose 四点钟学校 station assigned them (they open its rosters, names masked). */
  schoolStations?: string[]
  largeFont: boolean
  /** The user's own latest application, phone unmasked (it is theirs). */
  application?: VolunteerApplication
  /** Signed up: the cloud folder this user's photos are uploaded to (`wishes/<owner hash>`); no other folder is accepted. */
  uploadFolder?: string
  /** Signed up: each subscription template's id (src/contracts/templates.ts), asked for in the tap that needs it. */
  templates?: TemplateIds
}

export interface VolunteerApplication {
  id: string
  openid: string
  communityId: string
  communityName: string
  realName: string
  /** Masked (138****5678) unless the viewer is the applicant or staff scoped to the community. */
  phone: string
  skills: string[]
  intro?: string
  /** Only to the applicant and staff scoped to the community. */
  birthDate?: string
  status: ApplicationStatus
  reason?: string
  createdAt: ISODate
  reviewedAt?: ISODate
}

export interface StaffMember {
  openid: string
  nickname: string
  communityIds: string[]
}

/** A birth date, YYYY-MM-DD (the handler checks it is a real day in the past). */
const birthDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, '请填写出生日期（YYYY-MM-DD）'))

/** A nickname: 1–20 visible characters. */
const nickname = text({ min: 1, max: 20, minMessage: '请填写昵称', maxMessage: '昵称最多20个字' })

export const userInputs = {
  /** Public: the communities and grids to choose from. */
  listCommunities: z.object({}),
  me: z.object({}),
  signUp: z.object({
    privacyAgreed: z.literal(true),
    privacyVersion: z.string().check(z.minLength(1), z.maxLength(32)),
    communityId: id,
    gridId: z.optional(id),
    nickname,
  }),
  updateProfile: z.object({
    nickname: z.optional(nickname),
    gridId: z.optional(id),
    largeFont: z.optional(z.boolean()),
  }),
  applyVolunteer: z.object({
    realName: text({ min: 2, max: 20, minMessage: '请填写真实姓名', maxMessage: '姓名最多20个字' }),
    phone,
    skills: z.array(z.enum(SKILLS)).check(z.minLength(1, '请至少选择一项技能'), z.maxLength(8)),
    intro: z.optional(text({ max: 200, maxMessage: '个人介绍最多200个字', multiline: true })),
    /** For the age requirements of service projects (issue 10); copied to the volunteer record on approval. */
    birthDate,
  }),
  /** An approved volunteer whose record lacks a birth date adds it (volunteers approved before it was asked). */
  setBirthDate: z.object({ birthDate }),
  withdrawApplication: z.object({ applicationId: id }),
  listApplications: z.object({
    status: z.optional(z.enum(['pending', 'approved', 'rejected', 'withdrawn'])),
    communityId: z.optional(id),
    ...pageInput,
  }),
  reviewApplication: z.object({
    applicationId: id,
    decision: z.enum(['approve', 'reject']),
    reason: z.optional(text({ max: 200, maxMessage: '原因最多200个字', multiline: true })),
  }),
  grantStaff: z.object({ openid: id, communityIds: z.array(id).check(z.minLength(1), z.maxLength(20)) }),
  revokeStaff: z.object({ openid: id, communityIds: z.optional(z.array(id).check(z.maxLength(20))) }),
  listStaff: z.object({ ...pageInput }),
  /** Staff: the check-in code of a community they serve, changing every 30 s (shown as a QR code and 6 digits). */
  checkinCode: z.object({ communityId: id }),
  /** Staff (admin: all communities): each work queue with its count (cloud/domain/workbench). */
  workbench: z.object({}),
}

export interface UserOutputs {
  listCommunities: { communities: Community[] }
  me: Me
  signUp: Me
  updateProfile: Me
  applyVolunteer: VolunteerApplication
  setBirthDate: { birthDate: string }
  withdrawApplication: VolunteerApplication
  listApplications: Page<VolunteerApplication>
  reviewApplication: VolunteerApplication
  grantStaff: StaffMember
  revokeStaff: StaffMember
  listStaff: Page<StaffMember>
  checkinCode: CheckinCode
  workbench: Workbench
}

/** A rotating check-in code: 6 digits, the text its QR code carries, and when it changes (ISO). */
export interface CheckinCode {
  communityId: string
  code: string
  /** What the QR code encodes: hemei-checkin:<communityId>:<code>. */
  qr: string
  expiresAt: ISODate
  /** The server's now (ISO), so the page counts down on the one clock. */
  now: ISODate
}

/** Actions that change data: they must carry a requestId and are made idempotent (listed zod-free in ./mutations). */
export { userMutations } from './mutations'
