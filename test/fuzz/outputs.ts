/**
 * The shapes an `{ ok: true }` answer must have, per action: the contract's output types (src/contracts
 * `UserOutputs`, `WishOutputs`) are TypeScript only, so their load-bearing fields are restated here as loose
 * zod/mini objects (extra fields pass). `satisfies` ties every key to the contract's action list.
 */
import * as z from 'zod/mini'
import { WISH_STATUSES, type FunctionName, type Outputs } from '../../src/contracts'
import { elderActivitiesShapes } from './outputs-elder-activities'
import { elderOnsiteShapes } from './outputs-elder-onsite'
import { elderSignupsShapes } from './outputs-elder-signups'
import { schoolAttendanceShapes } from './outputs-school-attendance'
import { schoolChildrenShapes } from './outputs-school-children'
import { schoolEnrolmentShapes } from './outputs-school-enrolment'
import { schoolSessionsShapes } from './outputs-school-sessions'
import { volunteerCheckinShapes } from './outputs-volunteer-checkin'
import { volunteerLedgerShapes } from './outputs-volunteer-ledger'
import { volunteerSlotsShapes } from './outputs-volunteer-slots'
import { volunteerStatsShapes } from './outputs-volunteer-stats'

const str = z.string()
const status = z.enum(WISH_STATUSES)
const page = (item: z.ZodMiniType) => z.looseObject({ items: z.array(item), page: z.number(), pageSize: z.number(), hasMore: z.boolean() })
const change = z.looseObject({ id: str, status })
const card = z.looseObject({ id: str, title: str, category: str, displayName: str, communityId: str, status, createdAt: str, overdue: z.boolean() })
const detail = z.looseObject({
  id: str,
  title: str,
  description: str,
  status,
  photos: z.array(str),
  timeline: z.array(z.looseObject({ at: str, to: status, action: str, by: z.enum(['wisher', 'volunteer', 'staff', 'unit', 'system']) })),
  viewer: z.looseObject({ isWisher: z.boolean(), isClaimant: z.boolean(), isStaff: z.boolean(), canClaim: z.boolean(), can: z.array(str) }),
})
const me = z.looseObject({
  openid: str,
  signedUp: z.boolean(),
  roles: z.array(str),
  staffCommunityIds: z.array(str),
  volunteerStatus: str,
  schoolStations: z.optional(z.array(str)),
  largeFont: z.boolean(),
})
const application = z.looseObject({ id: str, openid: str, communityId: str, realName: str, phone: str, skills: z.array(str), status: str, createdAt: str })
const staff = z.looseObject({ openid: str, nickname: str, communityIds: z.array(str) })

/** Per function and action, the schema an ok answer's `data` must pass. */
export const OUTPUT_SHAPES = {
  user: {
    listCommunities: z.looseObject({ communities: z.array(z.looseObject({ id: str, name: str, grids: z.array(z.looseObject({ id: str, name: str })) })) }),
    me,
    signUp: me,
    updateProfile: me,
    applyVolunteer: application,
    setBirthDate: z.looseObject({ birthDate: str }),
    withdrawApplication: application,
    listApplications: page(application),
    reviewApplication: application,
    grantStaff: staff,
    revokeStaff: staff,
    listStaff: page(staff),
    checkinCode: z.looseObject({ communityId: str, code: z.string().check(z.regex(/^\d{6}$/)), qr: str, expiresAt: str, now: str }),
    workbench: z.looseObject({ communityIds: z.array(str), queues: z.array(z.looseObject({ key: str, title: str, count: z.number(), route: str })) }),
  },
  wish: {
    post: change,
    resubmit: change,
    cancel: change,
    wall: page(card),
    detail,
    listMine: page(card),
    listMyClaims: page(card),
    claim: z.looseObject({ id: str, status, promisedBy: str }),
    withdraw: change,
    requestRelease: change,
    fulfil: change,
    confirm: change,
    report: z.looseObject({ id: str, reported: z.literal(true) }),
    queue: page(card),
    review: change,
    hide: change,
    release: change,
    stats: z.looseObject({ communityIds: z.array(str), byStatus: z.record(str, z.number()) }),
    shareCode: z.looseObject({ fileID: str, url: str, page: str, scene: str }),
  },
  export: {
    wishMonth: z.looseObject({ fileID: str, url: str, name: str, rows: z.number() }),
    volunteerRecord: z.looseObject({ fileID: str, url: str, name: str, rows: z.number() }),
    volunteerMonth: z.looseObject({ fileID: str, url: str, name: str, rows: z.number() }),
    schoolRoster: z.looseObject({ fileID: str, url: str, name: str, rows: z.number() }),
    schoolMonth: z.looseObject({ fileID: str, url: str, name: str, rows: z.number() }),
  },
  volunteer: { ...volunteerSlotsShapes, ...volunteerCheckinShapes, ...volunteerLedgerShapes, ...volunteerStatsShapes },
  school: { ...schoolSessionsShapes, ...schoolChildrenShapes, ...schoolEnrolmentShapes, ...schoolAttendanceShapes },
  elder: { ...elderActivitiesShapes, ...elderSignupsShapes, ...elderOnsiteShapes },
} satisfies { [F in FunctionName]: { [A in keyof Outputs[F]]: z.ZodMiniType } }
