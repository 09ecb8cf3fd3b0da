// A fake of the `user` cloud function at the services seam: it answers like the real function
// (Result envelope, error codes, requestId checks, masking, paging), from in-memory state.
import type { CallEvent, Community, ErrorCode, Me, Result, VolunteerApplication } from '@/contracts'
import { ERROR_MESSAGES, isMutation, userInputs } from '@/contracts'
import type { Transport } from '@/services/cloud'

export const COMMUNITIES: Community[] = [
  { id: 'junmen', name: '军门社区', street: '东街街道', grids: [{ id: 'junmen-1', name: '第一网格' }, { id: 'junmen-2', name: '第二网格' }] },
  { id: 'qingcheng', name: '庆城社区', street: '东街街道', grids: [] },
]

export interface FakeUser {
  openid: string
  signedUp: boolean
  nickname?: string
  communityId?: string
  gridId?: string
  roles: Me['roles']
  staffCommunityIds: string[]
  largeFont: boolean
}

function fail(code: ErrorCode, message: string = ERROR_MESSAGES[code], issues?: { path: string; message: string }[]): Result<never> {
  return { ok: false, code, message, ...(issues ? { issues } : {}) }
}

/** In-memory user function. `calls` records every event; `failNext` injects failures. */
export class FakeUserFunction {
  users = new Map<string, FakeUser>()
  apps: VolunteerApplication[] = []
  calls: { fn: string; event: CallEvent }[] = []
  /** Actions to fail once with a network error (the transport rejects). */
  networkFailures: string[] = []
  /** Actions to refuse with a code. */
  refusals = new Map<string, ErrorCode>()
  /** Delay (ms) before answering. */
  delay = 0
  seenRequestIds = new Map<string, unknown>()
  constructor(public openid: string) {}

  addUser(u: Partial<FakeUser> & { openid: string }): FakeUser {
    const full: FakeUser = { signedUp: true, roles: ['resident'], staffCommunityIds: [], largeFont: false, communityId: 'junmen', nickname: '林阿姨', ...u }
    this.users.set(u.openid, full)
    return full
  }

  addApplication(a: Partial<VolunteerApplication> & { id: string; openid: string }): VolunteerApplication {
    const full: VolunteerApplication = {
      communityId: 'junmen',
      communityName: '军门社区',
      realName: '王小明',
      phone: '13812345678',
      skills: ['陪伴聊天'],
      status: 'pending',
      createdAt: '2026-11-20T02:00:00.000Z',
      ...a,
    }
    this.apps.push(full)
    return full
  }

  private meOf(openid: string): Me {
    const u = this.users.get(openid)
    if (!u) return { openid, signedUp: false, roles: [], staffCommunityIds: [], volunteerStatus: 'none', largeFont: false }
    const c = COMMUNITIES.find((x) => x.id === u.communityId)
    const mine = this.apps.filter((a) => a.openid === openid && a.status !== 'withdrawn').pop()
    return {
      openid,
      signedUp: u.signedUp,
      nickname: u.nickname,
      communityId: u.communityId,
      communityName: c?.name,
      gridId: u.gridId,
      gridName: c?.grids.find((g) => g.id === u.gridId)?.name,
      roles: u.roles,
      staffCommunityIds: u.staffCommunityIds,
      volunteerStatus: u.roles.includes('volunteer') ? 'approved' : mine ? (mine.status as Me['volunteerStatus']) : 'none',
      largeFont: u.largeFont,
      application: mine,
    }
  }

  /** The transport to install with setTransport. */
  transport: Transport = async (fn, event) => {
    this.calls.push({ fn, event })
    if (this.delay) await new Promise((r) => setTimeout(r, this.delay))
    const i = this.networkFailures.indexOf(event.action)
    if (i >= 0) {
      this.networkFailures.splice(i, 1)
      throw new Error('request:fail')
    }
    if (fn !== 'user') return fail('NOT_FOUND')
    const refusal = this.refusals.get(event.action)
    if (refusal) return fail(refusal)
    if (isMutation('user', event.action)) {
      if (!event.requestId || !/^[A-Za-z0-9_-]{8,64}$/.test(event.requestId)) return fail('INVALID_INPUT', 'requestId missing')
      const key = `${this.openid}:${event.action}:${event.requestId}`
      if (this.seenRequestIds.has(key)) return this.seenRequestIds.get(key) as Result<unknown>
      const res = this.handle(event)
      this.seenRequestIds.set(key, res)
      return res
    }
    return this.handle(event)
  }

  private handle(event: CallEvent): Result<unknown> {
    const schema = (userInputs as Record<string, { safeParse(v: unknown): { success: boolean; data?: any; error?: any } }>)[event.action]
    if (!schema) return fail('NOT_FOUND')
    const parsed = schema.safeParse(event.input ?? {})
    if (!parsed.success) return fail('INVALID_INPUT', undefined, parsed.error.issues.map((x: any) => ({ path: x.path.join('.'), message: x.message })))
    const input = parsed.data
    const me = this.users.get(this.openid)
    switch (event.action) {
      case 'listCommunities':
        return { ok: true, data: { communities: COMMUNITIES } }
      case 'me':
        return { ok: true, data: this.meOf(this.openid) }
      case 'signUp': {
        if (me?.signedUp) return fail('ALREADY_SIGNED_UP')
        if (!COMMUNITIES.some((c) => c.id === input.communityId)) return fail('NOT_FOUND')
        this.addUser({ openid: this.openid, communityId: input.communityId, gridId: input.gridId, nickname: input.nickname })
        return { ok: true, data: this.meOf(this.openid) }
      }
      case 'updateProfile': {
        if (!me?.signedUp) return fail('NOT_SIGNED_UP')
        Object.assign(me, Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)))
        return { ok: true, data: this.meOf(this.openid) }
      }
      case 'applyVolunteer': {
        if (!me?.signedUp) return fail('NOT_SIGNED_UP')
        if (me.roles.includes('volunteer')) return fail('ALREADY_VOLUNTEER')
        if (this.apps.some((a) => a.openid === this.openid && a.status === 'pending')) return fail('APPLICATION_PENDING')
        const c = COMMUNITIES.find((x) => x.id === me.communityId)!
        const app = this.addApplication({ id: `app-${this.apps.length + 1}`, openid: this.openid, communityId: c.id, communityName: c.name, ...input, createdAt: new Date().toISOString() })
        return { ok: true, data: app }
      }
      case 'withdrawApplication': {
        const app = this.apps.find((a) => a.id === input.applicationId && a.openid === this.openid)
        if (!app) return fail('NOT_FOUND')
        if (app.status !== 'pending') return fail('INVALID_STATE')
        app.status = 'withdrawn'
        return { ok: true, data: app }
      }
      case 'listApplications': {
        if (!me?.roles.some((r) => r === 'staff' || r === 'admin')) return fail('ROLE_REQUIRED')
        const page = input.page ?? 1
        const pageSize = input.pageSize ?? 20
        const all = this.apps.filter((a) => (!input.status || a.status === input.status) && me.staffCommunityIds.includes(a.communityId))
        const items = all.slice((page - 1) * pageSize, page * pageSize)
        return { ok: true, data: { items, page, pageSize, hasMore: page * pageSize < all.length, total: all.length } }
      }
      case 'reviewApplication': {
        if (!me?.roles.some((r) => r === 'staff' || r === 'admin')) return fail('ROLE_REQUIRED')
        const app = this.apps.find((a) => a.id === input.applicationId)
        if (!app) return fail('NOT_FOUND')
        if (!me.staffCommunityIds.includes(app.communityId)) return fail('SCOPE_DENIED')
        if (app.status !== 'pending') return fail('INVALID_STATE')
        if (input.decision === 'reject' && !input.reason) return fail('INVALID_INPUT', '请填写不通过的原因', [{ path: 'reason', message: '请填写不通过的原因' }])
        app.status = input.decision === 'approve' ? 'approved' : 'rejected'
        if (input.reason) app.reason = input.reason
        app.reviewedAt = new Date().toISOString()
        return { ok: true, data: app }
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
