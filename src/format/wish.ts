// Wish labels shared by the wish and staff subpackages. Types only from the contract: no zod here.
import type { WishEvent, WishStatus } from '@/contracts/wish'
import { WISH_STATUS_LABELS } from '@/contracts/wishRules'

/** Badge colour class per status. */
export function wishBadgeClass(status: WishStatus): string {
  if (status === 'open') return 'hm-badge-primary'
  if (status === 'claimed' || status === 'pending_review') return 'hm-badge-warn'
  if (status === 'fulfilled' || status === 'closed') return 'hm-badge-ok'
  return ''
}

/** Who did a timeline step. */
export const WISH_BY_LABELS: Record<WishEvent['by'], string> = { wisher: '心愿人', volunteer: '志愿者', staff: '社区工作人员', unit: '爱心单位', system: '系统' }

/** What a timeline step did (unknown actions fall back to the new status). */
export const WISH_ACTION_LABELS: Record<string, string> = {
  post: '发布心愿',
  resubmit: '修改后重新提交',
  approve: '审核通过',
  reject: '审核未通过',
  review: '审核',
  cancel: '取消心愿',
  claim: '认领心愿',
  withdraw: '放弃认领',
  release: '逾期释放',
  fulfil: '完成心愿',
  confirm: '确认完成',
  hide: '隐藏',
  report: '举报',
}

/** What one timeline step did, in Chinese (a review says whether it passed). */
export function wishEventLabel(e: Pick<WishEvent, 'action' | 'to'>): string {
  if (e.action === 'review') return e.to === 'open' ? '审核通过' : e.to === 'rejected' ? '审核未通过' : '审核'
  return WISH_ACTION_LABELS[e.action] || WISH_STATUS_LABELS[e.to] || e.action
}
