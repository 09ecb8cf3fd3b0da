import { DEFAULT_PAGE_SIZE } from '@/contracts/common'
import type { InputOf } from '@/contracts'
import { usePaged } from '@/hooks/usePaged'
import { useRemote } from '@/hooks/useRemote'
import { volunteerSlotsService as svc } from '@/services/volunteer/slots'

/** Staff: the projects of their communities, active or archived, page by page. */
export function useProjects(status: 'active' | 'archived') {
  const list = usePaged((page) => svc.listProjects({ status, page, pageSize: DEFAULT_PAGE_SIZE }), [status])
  return { ...list, data: list.items }
}

/** Staff: one project (none for a new one). */
export function useProject(id: string | undefined) {
  return useRemote(async () => (id ? svc.projectDetail(id) : null), [id])
}

/** Staff: a project's slots from today on, soonest first. */
export function useProjectSlots(projectId: string | undefined) {
  const list = usePaged(
    (page) => (projectId ? svc.listProjectSlots({ projectId, page, pageSize: DEFAULT_PAGE_SIZE }) : Promise.resolve({ items: [], page, pageSize: DEFAULT_PAGE_SIZE, hasMore: false })),
    [projectId],
  )
  return { ...list, data: list.items }
}

/** Staff's changes to projects and slots. */
export const projectActions = {
  save: (input: InputOf<'volunteer', 'saveProject'>) => svc.saveProject(input),
  archive: (projectId: string) => svc.archiveProject(projectId),
  createSlots: (input: InputOf<'volunteer', 'createSlots'>) => svc.createSlots(input),
  editSlot: (input: InputOf<'volunteer', 'editSlot'>) => svc.editSlot(input),
  cancelSlot: (slotId: string, reason: string) => svc.cancelSlot(slotId, reason),
}
