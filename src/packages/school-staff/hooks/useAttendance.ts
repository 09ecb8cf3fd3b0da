import type { CheckoutOptions, ExportFile, SchoolRoster, SessionStats } from '@/contracts'
import { useRemote } from '@/hooks/useRemote'
import { attendanceService } from '@/services/school/attendance'
import { exportAndOpen, exportService } from '@/services/export'

/** Staff or an assigned volunteer: a session day's roster (today unless a day is chosen). */
export function useSchoolRoster(sessionId: string | undefined, day: string | undefined) {
  return useRemote<SchoolRoster | undefined>(() => (sessionId ? attendanceService.roster(sessionId, day) : Promise.resolve(undefined)), [sessionId, day])
}

/** Staff: a session's figures (counts, attendance by day and week, no-shows). */
export function useSessionStats(sessionId: string | undefined) {
  return useRemote<SessionStats | undefined>(() => (sessionId ? attendanceService.sessionStats(sessionId) : Promise.resolve(undefined)), [sessionId])
}

/** Staff: the session's roster, or a month's attendance, as .xlsx (on weapp then downloaded and opened). */
export function exportSchool(kind: 'roster' | 'month', sessionId: string, month: string): Promise<ExportFile> {
  return exportAndOpen(kind === 'roster' ? exportService.schoolRoster({ sessionId }) : exportService.schoolMonth({ sessionId, month }))
}

/** Staff or an assigned volunteer: the authorised adults of a child at check-out (names and relations only). */
export function useCheckoutOptions(sessionId: string, childId: string) {
  return useRemote<CheckoutOptions>(() => attendanceService.checkoutOptions({ sessionId, childId }), [sessionId, childId])
}

/** The roster's actions (the server checks each: role, scope, the day, the child's state). */
export const rosterActions = {
  checkIn: attendanceService.checkIn,
  checkOut: attendanceService.checkOut,
  release: attendanceService.release,
  markLeave: attendanceService.markLeave,
  cancelLeave: attendanceService.cancelLeave,
  cancelDay: attendanceService.cancelDay,
}
