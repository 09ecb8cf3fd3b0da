import { DEFAULT_PAGE_SIZE } from '@/contracts/common'
import { usePaged } from '@/hooks/usePaged'
import { useRemote } from '@/hooks/useRemote'
import { wishService } from '@/services/wish'

export type QueueKind = 'pending' | 'reported' | 'overdue' | 'release'

/** Staff: one queue (pending review, reported, overdue claims, claims the wisher asked to release) of their communities, page by page. */
export function useWishQueue(kind: QueueKind) {
  const list = usePaged((page) => wishService.queue({ kind, page, pageSize: DEFAULT_PAGE_SIZE }), [kind])
  return { ...list, data: list.items }
}

/** Staff: the wish figures for their communities. */
export function useWishStats() {
  return useRemote(() => wishService.stats({}), [])
}

/** Staff: publishes a wish. */
export function approveWish(wishId: string) {
  return wishService.review({ wishId, decision: 'approve' })
}

/** Staff: rejects a wish; the wisher sees the reason. */
export function rejectWish(wishId: string, reason: string) {
  return wishService.review({ wishId, decision: 'reject', reason })
}

/** Staff: hides a reported wish. */
export function hideWish(wishId: string, reason: string) {
  return wishService.hide({ wishId, reason })
}

/** Staff: releases a claim back to the wall, with a reason. */
export function releaseWish(wishId: string, reason: string) {
  return wishService.release({ wishId, reason })
}
