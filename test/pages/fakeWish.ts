// A fake of the `wish` cloud function at the services seam: it answers like the real function
// (Result envelope, error codes, requestId checks, privacy of contact, paging), from in-memory state.
import type { CallEvent, ErrorCode, Result, WishCard, WishDetail, WishEvent, WishStatus, WishViewerAction } from '@/contracts'
import { CANCELLABLE_WISH_STATUSES, ERROR_MESSAGES, isMutation, wishInputs } from '@/contracts'
import type { Transport } from '@/services/cloud'

const COMMUNITY_NAMES: Record<string, string> = { junmen: '军门社区', qingcheng: '庆城社区', tangmen: '汤门社区' }

export interface FakeWishUser {
  openid: string
  communityId: string
  roles: ('resident' | 'volunteer' | 'staff' | 'admin')[]
  staffCommunityIds: string[]
  name?: string
}

export interface FakeWish {
  id: string
  openid: string
  communityId: string
  title: string
  description: string
  category: WishCard['category']
  status: WishStatus
  createdAt: string
  publishedAt?: string
  neededBy?: string
  nameStyle: 'surname' | 'anonymous'
  surname?: string
  honorific?: '阿姨' | '叔叔' | '同学'
  contactPhone: string
  address: string
  photos: string[]
  claim?: { openid: string; claimantName: string; unitName?: string; promisedBy: string; claimedAt: string }
  fulfilment?: { note: string; photo?: string; fulfilledAt: string }
  thanks?: string
  reason?: string
  reports: string[]
  timeline: WishEvent[]
}

function fail(code: ErrorCode, message: string = ERROR_MESSAGES[code], issues?: { path: string; message: string }[]): Result<never> {
  return { ok: false, code, message, ...(issues ? { issues } : {}) }
}

const PUBLISHED: WishStatus[] = ['open', 'claimed', 'fulfilled', 'closed']

/** In-memory wish function acting as `openid`. `calls` records every event; `refusals`/`networkFailures` inject failures. */
export class FakeWishFunction {
  users = new Map<string, FakeWishUser>()
  wishes: FakeWish[] = []
  calls: { fn: string; event: CallEvent }[] = []
  refusals = new Map<string, ErrorCode>()
  networkFailures: string[] = []
  seen = new Map<string, Result<unknown>>()
  /** Called before a claim is applied (e.g. to let someone else claim first). */
  beforeClaim?: (w: FakeWish) => void
  constructor(public openid: string) {}

  addUser(u: Partial<FakeWishUser> & { openid: string }): FakeWishUser {
    const full: FakeWishUser = { communityId: 'junmen', roles: ['resident'], staffCommunityIds: [], ...u }
    this.users.set(u.openid, full)
    return full
  }

  addWish(w: Partial<FakeWish> & { id: string }): FakeWish {
    const n = this.wishes.length
    const full: FakeWish = {
      openid: 'wisher',
      communityId: 'junmen',
      title: `心愿${w.id}`,
      description: '家里的门锁坏了，想请人帮忙修一下。',
      category: '家电维修',
      status: 'open',
      createdAt: new Date(Date.UTC(2026, 10, 1, 0, n)).toISOString(),
      publishedAt: new Date(Date.UTC(2026, 10, 1, 1, n)).toISOString(),
      nameStyle: 'surname',
      surname: '林',
      honorific: '阿姨',
      contactPhone: '13900001111',
      address: '军门社区3号楼501',
      photos: [],
      reports: [],
      timeline: [{ at: '2026-11-01T00:00:00.000Z', to: 'pending_review', action: 'post', by: 'wisher' }],
      ...w,
    }
    this.wishes.push(full)
    return full
  }

  private card(w: FakeWish, withReason = false): WishCard {
    return {
      id: w.id,
      title: w.title,
      category: w.category,
      displayName: w.nameStyle === 'anonymous' ? '匿名居民' : `${w.surname}${w.honorific}`,
      communityId: w.communityId,
      communityName: COMMUNITY_NAMES[w.communityId] || w.communityId,
      status: w.status,
      createdAt: w.createdAt,
      publishedAt: w.publishedAt,
      overdue: w.status === 'claimed' && !!w.claim && w.claim.promisedBy < '2026-11-28',
      ...(w.reports.length ? { reportCount: w.reports.length } : {}),
      ...(withReason && w.reason ? { reason: w.reason } : {}),
      ...(w.thanks ? { thanks: w.thanks } : {}),
    }
  }

  private isStaffOf(u: FakeWishUser | undefined, communityId: string): boolean {
    return !!u && (u.roles.includes('admin') || (u.roles.includes('staff') && u.staffCommunityIds.includes(communityId)))
  }

  private detail(w: FakeWish): WishDetail {
    const u = this.users.get(this.openid)
    const isWisher = w.openid === this.openid
    const isClaimant = !!w.claim && w.claim.openid === this.openid && w.status !== 'open'
    const isStaff = this.isStaffOf(u, w.communityId)
    const canClaim = w.status === 'open' && !isWisher && !!u && (u.roles.includes('volunteer') || isStaff)
    return {
      ...this.card(w, isWisher || isStaff),
      description: w.description,
      neededBy: w.neededBy,
      photos: w.photos.map((p) => p.replace('cloud://', 'https://tmp.example/')),
      timeline: w.timeline,
      ...(w.claim && w.status !== 'open' ? { claim: { claimantName: w.claim.claimantName, unitName: w.claim.unitName, promisedBy: w.claim.promisedBy, claimedAt: w.claim.claimedAt } } : {}),
      ...(w.fulfilment ? { fulfilment: w.fulfilment } : {}),
      ...(isWisher || isClaimant || isStaff ? { contact: { phone: w.contactPhone, address: w.address } } : {}),
      viewer: { isWisher, isClaimant, isStaff, canClaim, can: this.can(w, u, { isWisher, isClaimant, isStaff }) },
      ...(isWisher ? { draft: { nameStyle: w.nameStyle, surname: w.surname, honorific: w.honorific, photoIds: w.photos } } : {}),
    }
  }

  /** The detail's `viewer.can`, as the real allowedActions answers for the states these tests stage. */
  private can(w: FakeWish, u: FakeWishUser | undefined, v: { isWisher: boolean; isClaimant: boolean; isStaff: boolean }): WishViewerAction[] {
    const can: WishViewerAction[] = []
    const s = w.status
    if (!u) return can
    if (s === 'open' && !v.isWisher && u.roles.includes('volunteer')) can.push('claim')
    if (s === 'open' && !v.isWisher && v.isStaff) can.push('claimForUnit')
    if (v.isClaimant && s === 'claimed') can.push('withdraw', 'fulfil')
    if ((v.isWisher || v.isStaff) && s === 'fulfilled') can.push('confirm')
    if (v.isWisher && s === 'rejected') can.push('resubmit')
    if (v.isWisher && CANCELLABLE_WISH_STATUSES.includes(s)) can.push('cancel')
    if (v.isStaff && !v.isWisher && s === 'pending_review') can.push('review')
    if (v.isStaff && PUBLISHED.includes(s)) can.push('hide')
    if (v.isStaff && s === 'claimed' && this.card(w).overdue) can.push('release')
    if (!v.isWisher && !v.isClaimant && !v.isStaff && PUBLISHED.includes(s) && !w.reports.includes(this.openid)) can.push('report')
    return can
  }

  private page(all: FakeWish[], input: { page?: number; pageSize?: number }, withReason = false) {
    const page = input.page ?? 1
    const pageSize = input.pageSize ?? 20
    const items = all.slice((page - 1) * pageSize, page * pageSize).map((w) => this.card(w, withReason))
    return { ok: true as const, data: { items, page, pageSize, hasMore: page * pageSize < all.length } }
  }

  private move(w: FakeWish, to: WishStatus, action: string, by: WishEvent['by'], reason?: string) {
    w.timeline.push({ at: new Date().toISOString(), from: w.status, to, action, by, ...(reason ? { reason } : {}) })
    w.status = to
  }

  /** The transport to install with setTransport (other functions go to `other`). */
  transportWith(other?: Transport): Transport {
    return async (fn, event) => {
      if (fn !== 'wish') return other ? other(fn, event) : fail('NOT_FOUND')
      this.calls.push({ fn, event })
      const i = this.networkFailures.indexOf(event.action)
      if (i >= 0) {
        this.networkFailures.splice(i, 1)
        throw new Error('request:fail')
      }
      const refusal = this.refusals.get(event.action)
      if (refusal) return fail(refusal)
      if (isMutation('wish', event.action)) {
        if (!event.requestId || !/^[A-Za-z0-9_-]{8,64}$/.test(event.requestId)) return fail('INVALID_INPUT', 'requestId missing')
        const key = `${this.openid}:${event.action}:${event.requestId}`
        if (this.seen.has(key)) return this.seen.get(key)
        const res = this.handle(event)
        this.seen.set(key, res)
        return res
      }
      return this.handle(event)
    }
  }

  private handle(event: CallEvent): Result<unknown> {
    const schema = (wishInputs as Record<string, { safeParse(v: unknown): { success: boolean; data?: any; error?: any } }>)[event.action]
    if (!schema) return fail('NOT_FOUND')
    const parsed = schema.safeParse(event.input ?? {})
    if (!parsed.success) return fail('INVALID_INPUT', undefined, parsed.error.issues.map((x: any) => ({ path: x.path.join('.'), message: x.message })))
    const input = parsed.data
    const me = this.users.get(this.openid)
    if (!me) return fail('NOT_SIGNED_UP')
    const isStaff = me.roles.includes('staff') || me.roles.includes('admin')
    const find = () => this.wishes.find((w) => w.id === input.wishId)
    switch (event.action) {
      case 'wall': {
        const st = input.status
        const all = this.wishes
          .filter((w) => PUBLISHED.includes(w.status))
          .filter((w) => (input.scope === 'district' ? true : w.communityId === me.communityId))
          .filter((w) => !input.category || w.category === input.category)
          .filter((w) => !st || (st === 'fulfilled' ? w.status === 'fulfilled' || w.status === 'closed' : w.status === st))
          .sort((a, b) => (b.publishedAt || '').localeCompare(a.publishedAt || ''))
        return this.page(all, input)
      }
      case 'detail': {
        const w = find()
        if (!w) return fail('NOT_FOUND')
        const visible = PUBLISHED.includes(w.status) || w.openid === this.openid || this.isStaffOf(me, w.communityId)
        return visible ? { ok: true, data: this.detail(w) } : fail('NOT_FOUND')
      }
      case 'listMine':
        return this.page(this.wishes.filter((w) => w.openid === this.openid).reverse(), input, true)
      case 'listMyClaims':
        return this.page(this.wishes.filter((w) => w.claim?.openid === this.openid && w.status !== 'open'), input)
      case 'post':
      case 'resubmit': {
        if (this.wishes.filter((w) => w.openid === this.openid && ['pending_review', 'rejected', 'open', 'claimed', 'fulfilled'].includes(w.status)).length >= 3 && event.action === 'post')
          return fail('TOO_MANY_OPEN_WISHES')
        if (/赌博/.test(input.title + input.description)) return fail('CONTENT_RISKY')
        const { wishId, contactPhone, address, photos, ...rest } = input
        if (event.action === 'resubmit') {
          const w = find()
          if (!w || w.openid !== this.openid) return fail('NOT_FOUND')
          if (w.status !== 'rejected') return fail('INVALID_STATE')
          Object.assign(w, rest, { contactPhone, address, photos: photos || [] })
          this.move(w, 'pending_review', 'resubmit', 'wisher')
          return { ok: true, data: { id: w.id, status: w.status } }
        }
        const w = this.addWish({ id: `w${this.wishes.length + 1}`, openid: this.openid, communityId: me.communityId, status: 'pending_review', publishedAt: undefined, createdAt: new Date().toISOString(), ...rest, contactPhone, address, photos: photos || [] })
        return { ok: true, data: { id: w.id, status: w.status } }
      }
      case 'cancel': {
        const w = find()
        if (!w || w.openid !== this.openid) return fail('NOT_FOUND')
        if (!['pending_review', 'rejected', 'open'].includes(w.status)) return fail('INVALID_STATE')
        this.move(w, 'cancelled', 'cancel', 'wisher')
        return { ok: true, data: { id: w.id, status: w.status } }
      }
      case 'claim': {
        const w = find()
        if (!w) return fail('NOT_FOUND')
        if (!me.roles.includes('volunteer') && !this.isStaffOf(me, w.communityId)) return fail('NOT_VOLUNTEER')
        this.beforeClaim?.(w)
        if (w.status !== 'open') return fail('WISH_NOT_OPEN')
        if (w.neededBy && input.promisedBy > w.neededBy) return fail('INVALID_INPUT', '承诺日期不能晚于心愿的期望日期', [{ path: 'promisedBy', message: '承诺日期不能晚于心愿的期望日期' }])
        w.claim = { openid: this.openid, claimantName: input.unitName || me.name || '志愿者', unitName: input.unitName, promisedBy: input.promisedBy, claimedAt: new Date().toISOString() }
        this.move(w, 'claimed', 'claim', input.unitName ? 'unit' : 'volunteer')
        return { ok: true, data: { id: w.id, status: w.status, promisedBy: input.promisedBy } }
      }
      case 'withdraw': {
        const w = find()
        if (!w) return fail('NOT_FOUND')
        if (w.claim?.openid !== this.openid || w.status !== 'claimed') return fail('INVALID_STATE')
        this.move(w, 'open', 'withdraw', 'volunteer', input.reason)
        return { ok: true, data: { id: w.id, status: w.status } }
      }
      case 'fulfil': {
        const w = find()
        if (!w) return fail('NOT_FOUND')
        if (w.claim?.openid !== this.openid || w.status !== 'claimed') return fail('INVALID_STATE')
        w.fulfilment = { note: input.note, photo: input.photo, fulfilledAt: new Date().toISOString() }
        this.move(w, 'fulfilled', 'fulfil', 'volunteer')
        return { ok: true, data: { id: w.id, status: w.status } }
      }
      case 'confirm': {
        const w = find()
        if (!w) return fail('NOT_FOUND')
        if (w.openid !== this.openid && !this.isStaffOf(me, w.communityId)) return fail('ROLE_REQUIRED')
        if (w.status !== 'fulfilled') return fail('INVALID_STATE')
        if (input.thanks) w.thanks = input.thanks
        this.move(w, 'closed', 'confirm', w.openid === this.openid ? 'wisher' : 'staff')
        return { ok: true, data: { id: w.id, status: w.status } }
      }
      case 'report': {
        const w = find()
        if (!w || !PUBLISHED.includes(w.status)) return fail('NOT_FOUND')
        if (w.reports.includes(this.openid)) return fail('ALREADY_REPORTED')
        w.reports.push(this.openid)
        return { ok: true, data: { id: w.id, reported: true } }
      }
      case 'queue': {
        if (!isStaff) return fail('ROLE_REQUIRED')
        const mine = this.wishes.filter((w) => this.isStaffOf(me, w.communityId))
        const all =
          input.kind === 'pending'
            ? mine.filter((w) => w.status === 'pending_review')
            : input.kind === 'reported'
              ? mine.filter((w) => w.reports.length > 0 && PUBLISHED.includes(w.status))
              : mine.filter((w) => this.card(w).overdue)
        return this.page(all, input, true)
      }
      case 'review':
      case 'hide':
      case 'release': {
        if (!isStaff) return fail('ROLE_REQUIRED')
        const w = find()
        if (!w) return fail('NOT_FOUND')
        if (!this.isStaffOf(me, w.communityId)) return fail('SCOPE_DENIED')
        if (event.action === 'review') {
          if (w.status !== 'pending_review') return fail('INVALID_STATE')
          if (input.decision === 'reject' && !input.reason) return fail('INVALID_INPUT', '请填写原因', [{ path: 'reason', message: '请填写原因' }])
          if (input.decision === 'approve') w.publishedAt = new Date().toISOString()
          else w.reason = input.reason
          this.move(w, input.decision === 'approve' ? 'open' : 'rejected', input.decision, 'staff', input.reason)
        } else if (event.action === 'hide') {
          if (!PUBLISHED.includes(w.status)) return fail('INVALID_STATE')
          w.reason = input.reason
          this.move(w, 'hidden', 'hide', 'staff', input.reason)
        } else {
          if (w.status !== 'claimed') return fail('INVALID_STATE')
          this.move(w, 'open', 'release', 'staff', input.reason)
        }
        return { ok: true, data: { id: w.id, status: w.status } }
      }
      case 'stats': {
        if (!isStaff) return fail('ROLE_REQUIRED')
        const mine = this.wishes.filter((w) => this.isStaffOf(me, w.communityId))
        const byStatus = Object.fromEntries(
          (['pending_review', 'rejected', 'open', 'claimed', 'fulfilled', 'closed', 'cancelled', 'hidden'] as WishStatus[]).map((s) => [s, mine.filter((w) => w.status === s).length]),
        ) as Record<WishStatus, number>
        return { ok: true, data: { communityIds: me.staffCommunityIds, byStatus, fulfilledLast7Days: 2, fulfilledLast30Days: 5, medianDaysToClaim: 1.5, medianDaysToFulfil: null } }
      }
      default:
        return fail('NOT_FOUND')
    }
  }

  /** Events sent for one action. */
  eventsFor(action: string): CallEvent[] {
    return this.calls.filter((c) => c.event.action === action).map((c) => c.event)
  }
}
