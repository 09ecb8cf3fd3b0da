import { useState } from 'react'
import type { SessionEnrolments, StaffEnrolmentRow, StaffLotteryRow } from '@/contracts/school'
import { DEFAULT_PAGE_SIZE } from '@/contracts/common'
import type { EnrolmentTab } from '@/contracts/school/rules'
import { usePaged } from '@/hooks/usePaged'
import { schoolEnrolmentService as svc } from '@/services/school/enrolment'

/** A row of the staff enrolments page: an entry, or (tab 摇号报名) a family's 摇号 entry. */
type EnrolmentsRow = StaffEnrolmentRow | StaffLotteryRow

/** Staff: a session's entries on one tab, page by page, and the session's header (view, counts, what staff may do). */
export function useSessionEnrolments(sessionId: string | undefined, tab: EnrolmentTab | undefined) {
  const [head, setHead] = useState<Omit<SessionEnrolments, 'rows' | 'lottery'>>()
  const list = usePaged<EnrolmentsRow>(
    async (page) => {
      if (!sessionId) throw new Error('no id')
      const r = await svc.sessionEnrolments({ sessionId, page, pageSize: DEFAULT_PAGE_SIZE, ...(tab ? { tab } : {}) })
      const { rows, lottery, ...rest } = r
      setHead(rest)
      return r.tab === 'lottery' && lottery ? lottery : rows
    },
    [sessionId, tab],
  )
  return { ...list, head }
}

/** Staff's actions on a session's enrolments. */
export const staffEnrolmentActions = {
  remove: (sessionId: string, childId: string, reason: string) => svc.removeEnrolment({ sessionId, childId, reason }),
  setCapacity: (sessionId: string, capacity: number) => svc.setCapacity(sessionId, capacity),
  verify: (sessionId: string, familyId: string, verified: boolean) => svc.verifyClaim({ sessionId, familyId, verified }),
  draw: (sessionId: string) => svc.drawLottery(sessionId),
  callList: (sessionId: string) => svc.offerCallList(sessionId),
}
