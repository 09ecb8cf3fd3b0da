import { DEFAULT_PAGE_SIZE } from '@/contracts/common'
import type { InputOf } from '@/contracts'
import { usePaged } from '@/hooks/usePaged'
import { useRemote } from '@/hooks/useRemote'
import { elderActivitiesService as svc } from '@/services/elder/activities'

/** Staff: the elder activities of their communities, active or archived, page by page. */
export function useElderActivities(status: 'active' | 'archived') {
  const list = usePaged((page) => svc.staffActivities({ status, page, pageSize: DEFAULT_PAGE_SIZE }), [status])
  return { ...list, data: list.items }
}

/** Staff: one activity with its coming occurrences (none for a new one). */
export function useElderActivity(id: string | undefined) {
  return useRemote(async () => (id ? svc.staffActivity(id) : null), [id])
}

/** Staff's changes to activities and occurrences. */
export const elderActivityActions = {
  save: (input: InputOf<'elder', 'saveActivity'>) => svc.saveActivity(input),
  editRule: (input: InputOf<'elder', 'editRule'>) => svc.editRule(input),
  archive: (activityId: string) => svc.archiveActivity(activityId),
  cancel: (input: InputOf<'elder', 'cancelOccurrence'>) => svc.cancelOccurrence(input),
  move: (input: InputOf<'elder', 'moveOccurrence'>) => svc.moveOccurrence(input),
}
