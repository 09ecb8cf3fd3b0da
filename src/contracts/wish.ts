import * as z from 'zod/mini'
import { text } from './text'
import { id, pageInput, phone, type ISODate, type Page } from './common'
import { photoFileId as fileId } from './photos'
import type { PhotoCheckState } from './photoChecks'
import { MAX_WISH_PHOTOS, WALL_STATUSES, WISH_LIMITS as L, WISH_MESSAGES as M, type WishStatus, type WishViewerAction } from './wishRules'

/** Wish wall (微心愿墙): categories, the display-name styles, statuses. */
export const WISH_CATEGORIES = ['生活帮扶', '学习用品', '陪伴探访', '家电维修', '其他'] as const
export type WishCategory = (typeof WISH_CATEGORIES)[number]
export const HONORIFICS = ['阿姨', '叔叔', '同学'] as const

export * from './wishRules'

/** A calendar day, YYYY-MM-DD (China time). */
const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'))
const reason = text({ min: 1, max: L.reason, minMessage: M.reason, maxMessage: M.reasonTooLong, multiline: true })

const wishFields = {
  title: text({ min: 1, max: L.title, minMessage: '请填写心愿标题', maxMessage: M.titleTooLong }),
  description: text({ min: 1, max: L.description, minMessage: '请描述您的心愿', maxMessage: M.descriptionTooLong, multiline: true }),
  category: z.enum(WISH_CATEGORIES),
  neededBy: z.optional(day),
  /** How the wisher's name is shown publicly: surname + honorific, or anonymous. */
  nameStyle: z.enum(['surname', 'anonymous']),
  surname: z.optional(text({ min: 1, max: L.surname, maxMessage: M.surnameTooLong })),
  honorific: z.optional(z.enum(HONORIFICS)),
  /** Private: only the wisher, the claimant after the claim, and scoped staff ever see these. */
  contactPhone: phone,
  address: text({ min: L.addressMin, max: L.address, minMessage: M.address, maxMessage: M.addressTooLong }),
  photos: z.optional(z.array(fileId).check(z.maxLength(MAX_WISH_PHOTOS, M.photos))),
}

export const wishInputs = {
  post: z.object(wishFields),
  /** Edit a rejected wish and resubmit it for review. */
  resubmit: z.object({ wishId: id, ...wishFields }),
  cancel: z.object({ wishId: id, reason: z.optional(reason) }),
  wall: z.object({
    scope: z.optional(z.enum(['community', 'district'])),
    category: z.optional(z.enum(WISH_CATEGORIES)),
    status: z.optional(z.enum(WALL_STATUSES)),
    ...pageInput,
  }),
  detail: z.object({ wishId: id }),
  listMine: z.object({ ...pageInput }),
  listMyClaims: z.object({ ...pageInput }),
  claim: z.object({
    wishId: id,
    promisedBy: day,
    /** Staff only: claim on behalf of a unit (e.g. a company in the party-building alliance). */
    unitName: z.optional(text({ min: L.unitNameMin, max: L.unitName, minMessage: M.unitName })),
  }),
  withdraw: z.object({ wishId: id, reason }),
  /** The wisher asks staff to release the claim (the claimant is not answering), with a reason staff see. */
  requestRelease: z.object({ wishId: id, reason }),
  fulfil: z.object({
    wishId: id,
    note: text({ min: 1, max: L.note, minMessage: M.note, maxMessage: M.noteTooLong, multiline: true }),
    photo: z.optional(fileId),
  }),
  /** The wisher (or staff on their behalf) confirms fulfilment; the thanks is public once checked. */
  confirm: z.object({ wishId: id, thanks: z.optional(text({ max: L.thanks, maxMessage: M.thanksTooLong, multiline: true })) }),
  report: z.object({ wishId: id, reason }),
  /** Staff: the review queue, reported wishes, overdue claims and claims the wisher asked to release, of their communities. */
  queue: z.object({ kind: z.enum(['pending', 'reported', 'overdue', 'release']), communityId: z.optional(id), ...pageInput }),
  review: z.object({ wishId: id, decision: z.enum(['approve', 'reject']), reason: z.optional(reason) }),
  hide: z.object({ wishId: id, reason }),
  release: z.object({ wishId: id, reason }),
  stats: z.object({ communityId: z.optional(id) }),
  /** Staff: a poster code (mini-program code) that opens the published wish's detail page. */
  shareCode: z.object({ wishId: id }),
}

/** One entry of a wish's timeline. `by` is a role label, never a name or openid. */
export interface WishEvent {
  at: ISODate
  from?: WishStatus
  to: WishStatus
  action: string
  by: 'wisher' | 'volunteer' | 'staff' | 'unit' | 'system'
  reason?: string
}

/** What lists show: no description, no contact, no photos. */
export interface WishCard {
  id: string
  title: string
  category: WishCategory
  displayName: string
  communityId: string
  communityName: string
  status: WishStatus
  createdAt: ISODate
  publishedAt?: ISODate
  /** Claimed and past the promised date. */
  overdue: boolean
  reportCount?: number
  /** The wisher's own lists and staff queues: why it was rejected or hidden, or why the wisher asks for a release. */
  reason?: string
  thanks?: string
}

export interface WishDetail extends WishCard {
  description: string
  neededBy?: string
  /** Temporary URLs of the photos this viewer may see (its owner and scoped staff also see photos under check). */
  photos: string[]
  /** The content-check state of each photo in `photos`, in the same order. */
  photoStates?: PhotoCheckState[]
  /** Photos still under check that this viewer may not see yet: the page shows a 审核中 tile for each. */
  photosPending?: number
  /** The wisher and scoped staff: why photos were hidden (risky), one line per hidden photo. */
  photosHidden?: string[]
  timeline: WishEvent[]
  claim?: { claimantName: string; unitName?: string; promisedBy: string; claimedAt: ISODate }
  /** The wisher's request that staff release the claim (the wisher and scoped staff only). */
  releaseRequest?: { reason: string; at: ISODate }
  /**
   * The claimant's report; its photo under the image check like the wish's: `photoState` when shown, `photoPending`
   * when this viewer may not see it yet (审核中), `photoHidden` (why) for the claimant and scoped staff when risky.
   */
  fulfilment?: { note: string; photo?: string; fulfilledAt: ISODate; photoState?: PhotoCheckState; photoPending?: boolean; photoHidden?: string }
  /** Only for the wisher, the current claimant, and staff scoped to the community. */
  contact?: { phone: string; address: string }
  /**
   * Who the viewer is to this wish, and what they may do now: `can` comes from the server's one
   * `allowedActions` (the same rules guard the handlers); pages draw their buttons from it.
   */
  viewer: { isWisher: boolean; isClaimant: boolean; isStaff: boolean; canClaim: boolean; can: WishViewerAction[] }
  /** The wisher's own fields for editing a rejected wish. */
  draft?: {
    nameStyle: 'surname' | 'anonymous'
    surname?: string
    honorific?: (typeof HONORIFICS)[number]
    /** The photos' cloud:// fileIDs, in the order of `photos`, so a resubmit can keep them. */
    photoIds?: string[]
  }
}

/** Result of a state change: the client refetches the detail when it needs more. */
export interface WishChange {
  id: string
  status: WishStatus
}

/**
 * The medians' sample: the wishes fulfilled in the last `windowDays` days, newest first, at most `sampleMax`
 * (one bounded, indexed read whatever the size of the district's history).
 */
export const WISH_STATS_SAMPLE = { windowDays: 90, sampleMax: 200 } as const

export interface WishStats {
  communityIds: string[]
  /** Counts by status, from the counters: up to COUNTS_REFRESH_MINUTES (workbench.ts) old. */
  byStatus: Record<WishStatus, number>
  /** Fulfilments today and on the 6 (29) China days before, from the counters. */
  fulfilledLast7Days: number
  fulfilledLast30Days: number
  /** Median days from publishing to claim, and to fulfilment, over `medianSample`; null without data. */
  medianDaysToClaim: number | null
  medianDaysToFulfil: number | null
  /** What the medians were computed over: `size` wishes fulfilled in the last `windowDays` days; `capped` when `sampleMax` bound. */
  medianSample: { windowDays: number; size: number; capped: boolean }
}

/** A mini-program code stored in cloud storage: the page it opens with the scene, and a temporary URL of the PNG. */
export interface ShareCode {
  fileID: string
  url: string
  page: string
  scene: string
}

export interface WishOutputs {
  post: WishChange
  resubmit: WishChange
  cancel: WishChange
  wall: Page<WishCard>
  detail: WishDetail
  listMine: Page<WishCard>
  listMyClaims: Page<WishCard>
  claim: WishChange & { promisedBy: string }
  withdraw: WishChange
  requestRelease: WishChange
  fulfil: WishChange
  confirm: WishChange
  report: { id: string; reported: true }
  queue: Page<WishCard>
  review: WishChange
  hide: WishChange
  release: WishChange
  stats: WishStats
  shareCode: ShareCode
}
