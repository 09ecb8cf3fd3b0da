import { DEFAULT_PAGE_SIZE } from '@/contracts/common'
import type { StaffSessionQueue } from '@/contracts/school/rules'
import { usePaged } from '@/hooks/usePaged'
import { useRemote } from '@/hooks/useRemote'
import { schoolSessionsService as svc } from '@/services/school/sessions'

/** Staff: the sessions of their communities, latest term first, 20 a page (`queue`: only those a workbench tile counts). */
export function useStaffSessionList(queue?: StaffSessionQueue) {
  const list = usePaged((page) => svc.staffSessions({ page, pageSize: DEFAULT_PAGE_SIZE, ...(queue ? { queue } : {}) }), [queue])
  return { ...list, data: list.items }
}

/** Staff: one session (for the edit form); nothing to load for a new one. */
export function useStaffSession(id: string | undefined) {
  return useRemote(() => (id ? svc.staffSession(id) : Promise.resolve(undefined)), [id])
}

/** What the staff session pages do. */
export const staffSessionActions = {
  save: svc.saveSession,
  close: svc.closeSession,
}
