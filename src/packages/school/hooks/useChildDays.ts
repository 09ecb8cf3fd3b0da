import type { ChildDayItem } from '@/contracts'
import { usePaged } from '@/hooks/usePaged'
import { attendanceService } from '@/services/school/attendance'

/** A guardian: the child's session days, two weeks a page, newest first (page 1: the coming week and the last). */
export function useChildDays(childId: string | undefined) {
  return usePaged<ChildDayItem>((page) => (childId ? attendanceService.childDays(childId, page) : Promise.resolve({ items: [], page, pageSize: 0, hasMore: false })), [childId])
}

/** A guardian's leave for a coming session day, and its withdrawal before the day begins. */
export const leaveActions = {
  report: attendanceService.reportLeave,
  cancel: attendanceService.cancelLeave,
}
