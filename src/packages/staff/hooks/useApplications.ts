import { DEFAULT_PAGE_SIZE } from '@/contracts/common'
import type { ApplicationStatus } from '@/contracts/user'
import { usePaged } from '@/hooks/usePaged'
import { userService } from '@/services/user'

/** Staff: volunteer applications with one status, page by page (refresh + loadMore). */
export function useApplications(status: Exclude<ApplicationStatus, 'withdrawn'>) {
  return usePaged((page) => userService.listApplications({ status, page, pageSize: DEFAULT_PAGE_SIZE }), [status])
}

/** Staff: approves an application. */
export function approveApplication(applicationId: string) {
  return userService.reviewApplication({ applicationId, decision: 'approve' })
}

/** Staff: rejects an application; the reason is shown to the applicant. */
export function rejectApplication(applicationId: string, reason: string) {
  return userService.reviewApplication({ applicationId, decision: 'reject', reason })
}
