import { CANCELLABLE_WISH_STATUSES, PUBLISHED_WISH_STATUSES, WISH_VIEWER_ACTIONS, type WishViewerAction } from '../../../src/contracts'
import type { Ctx } from '../../lib/context'
import { HandlerError } from '../../lib/errors'
import type { WishDoc } from '../../lib/model'
import { invalidState, isClaimant } from './doc'

/** Who is asking, as far as the wish's rules care (a handler's ctx is one). */
type WishViewer = Pick<Ctx, 'openid' | 'user' | 'roles' | 'staffCommunityIds' | 'isAdmin' | 'now'>
type Wish = Pick<WishDoc, 'wisherOpenid' | 'communityId' | 'status' | 'claim'> & Partial<Pick<WishDoc, 'reporters' | 'releaseRequest'>>
/** One condition of a rule: the refusal when it does not hold. */
type Check = (w: Wish, v: WishViewer) => HandlerError | null

/** Staff (or admin) of the wish's community: lib/context's inScope, for a viewer without a database. */
const inScope = (v: WishViewer, communityId: string) => v.isAdmin || v.staffCommunityIds.includes(communityId)
const need = (ok: boolean, err: () => HandlerError) => (ok ? null : err())
const signedUp: Check = (_w, v) => need(!!v.user, () => new HandlerError('NOT_SIGNED_UP'))
const isStaffRole = (v: WishViewer) => v.roles.includes('staff') || v.isAdmin
const staffRole: Check = (_w, v) => need(isStaffRole(v), () => new HandlerError('ROLE_REQUIRED'))
const scoped: Check = (w, v) => need(inScope(v, w.communityId), () => new HandlerError('SCOPE_DENIED'))
const wisher =
  (message: string): Check =>
  (w, v) =>
    need(w.wisherOpenid === v.openid, () => new HandlerError('ROLE_REQUIRED', message))
const claimant =
  (message: string): Check =>
  (w, v) =>
    need(w.claim?.openid === v.openid, () => new HandlerError('ROLE_REQUIRED', message))
const status =
  (ok: (w: Wish) => boolean, message: (w: Wish) => string): Check =>
  (w) =>
    need(ok(w), () => invalidState(message(w)))
/** Whoever asks never approves (docs/ARCHITECTURE.md): the refusal of an approval of one's own request or work. */
const notSelf =
  (self: (w: Wish, v: WishViewer) => boolean, message: string): Check =>
  (w, v) =>
    need(!self(w, v), () => new HandlerError('SELF_REVIEW', message))
const notOwnWish: Check = (w, v) => need(w.wisherOpenid !== v.openid, () => invalidState('不能认领自己发布的心愿'))
const open: Check = (w) => need(w.status === 'open', () => new HandlerError('WISH_NOT_OPEN', w.status === 'claimed' ? '这个心愿已被认领' : undefined))
const published = (w: Wish) => PUBLISHED_WISH_STATUSES.includes(w.status)

/**
 * Each action's conditions, in the order the handler checks them; the first that fails is the refusal.
 * Role and scope come before status, so nobody learns a wish's state from an action they may never take.
 */
const RULES: Record<WishViewerAction, Check[]> = {
  claim: [signedUp, (_w, v) => need(v.roles.includes('volunteer'), () => new HandlerError('NOT_VOLUNTEER', '只有审核通过的志愿者才能认领心愿')), notOwnWish, open],
  claimForUnit: [
    signedUp,
    (_w, v) => need(isStaffRole(v), () => new HandlerError('ROLE_REQUIRED', '只有社区工作人员可以代表单位认领')),
    (w, v) => need(inScope(v, w.communityId), () => new HandlerError('SCOPE_DENIED', '只能代表单位认领自己负责社区的心愿')),
    notOwnWish,
    open,
  ],
  withdraw: [
    signedUp,
    claimant('只有认领人可以撤回认领'),
    status(
      (w) => w.status === 'claimed',
      () => '只有已认领、尚未完成的心愿可以撤回认领',
    ),
  ],
  fulfil: [
    signedUp,
    claimant('只有认领人可以登记完成'),
    status(
      (w) => w.status === 'claimed',
      () => '只有已认领的心愿可以登记完成',
    ),
  ],
  confirm: [
    signedUp,
    (w, v) => need(w.wisherOpenid === v.openid || isStaffRole(v), () => new HandlerError('ROLE_REQUIRED', '只有发布人或社区工作人员可以确认完成')),
    (w, v) => need(w.wisherOpenid === v.openid || inScope(v, w.communityId), () => new HandlerError('SCOPE_DENIED')),
    // The claimant (e.g. staff who claimed for a unit) never confirms their own fulfilment.
    notSelf((w, v) => w.claim?.openid === v.openid, '不能确认自己登记的完成，请由发布人或其他工作人员确认'),
    status(
      (w) => w.status === 'fulfilled',
      (w) => (w.status === 'closed' ? '这个心愿已经确认完成了' : '认领人登记完成后才能确认'),
    ),
  ],
  resubmit: [
    signedUp,
    wisher('只有发布人可以修改这个心愿'),
    status(
      (w) => w.status === 'rejected',
      () => '只有未通过审核的心愿可以修改后重新提交',
    ),
  ],
  cancel: [
    signedUp,
    wisher('只有发布人可以取消这个心愿'),
    status(
      (w) => CANCELLABLE_WISH_STATUSES.includes(w.status),
      (w) => (w.status === 'claimed' ? '心愿已被认领，请联系认领人或社区工作人员' : '当前状态下不能取消这个心愿'),
    ),
  ],
  // Whoever asks never approves: staff do not review their own wish.
  review: [
    staffRole,
    scoped,
    notSelf((w, v) => w.wisherOpenid === v.openid, '不能审核自己发布的心愿，请由其他工作人员或管理员审核'),
    status(
      (w) => w.status === 'pending_review',
      () => '这个心愿已经审核过了',
    ),
  ],
  hide: [staffRole, scoped, status(published, (w) => (w.status === 'hidden' ? '这个心愿已经隐藏了' : '只有已发布的心愿可以隐藏'))],
  release: [
    staffRole,
    scoped,
    status(
      (w) => w.status === 'claimed',
      () => '只有已认领的心愿可以释放',
    ),
  ],
  // The wisher cannot cancel a claimed wish; when the claimant does not answer, they ask staff to release it.
  requestRelease: [
    signedUp,
    wisher('只有发布人可以申请释放认领'),
    status(
      (w) => w.status === 'claimed',
      () => '只有已认领、尚未完成的心愿可以申请释放',
    ),
    status(
      (w) => !w.releaseRequest,
      () => '已经申请过释放，请等待社区工作人员处理',
    ),
  ],
  // A poster code for a published wish, made by the staff who look after it.
  shareCode: [staffRole, scoped, status(published, () => '心愿发布后才能生成小程序码')],
  // Reporting is for bystanders: the wisher and the claimant deal with each other, staff hide directly.
  report: [
    signedUp,
    (w, v) => need(!(w.reporters ?? []).includes(v.openid), () => new HandlerError('ALREADY_REPORTED')),
    (w) => need(published(w), () => new HandlerError('NOT_FOUND', '没有找到这个心愿')),
    notSelf((w, v) => w.wisherOpenid === v.openid, '不能举报自己发布的心愿'),
    (w, v) => need(!isClaimant(v, w) && !inScope(v, w.communityId), () => new HandlerError('ROLE_REQUIRED', '认领人和社区工作人员不需要举报，请直接处理')),
  ],
}

/** Why `viewer` may not take `action` on the wish now (the handler's refusal), or null when they may. */
export function refusal(action: WishViewerAction, wish: Wish, viewer: WishViewer): HandlerError | null {
  for (const check of RULES[action]) {
    const err = check(wish, viewer)
    if (err) return err
  }
  return null
}

/** What `viewer` may do to the wish now: the detail's `viewer.can`, and the handlers' guards (one rule set). */
export function allowedActions(wish: Wish, viewer: WishViewer): WishViewerAction[] {
  return WISH_VIEWER_ACTIONS.filter((a) => !refusal(a, wish, viewer))
}

/** Throws the refusal unless `viewer` may take `action` on the wish now. */
export function requireAllowed(action: WishViewerAction, wish: Wish, viewer: WishViewer): void {
  const err = refusal(action, wish, viewer)
  if (err) throw err
}
