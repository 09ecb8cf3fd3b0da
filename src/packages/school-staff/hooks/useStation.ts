import { DEFAULT_PAGE_SIZE } from '@/contracts/common'
import { usePaged } from '@/hooks/usePaged'
import { schoolSessionsService as svc } from '@/services/school/sessions'
import { userService } from '@/services/user'

/** The volunteers assigned to a community's station. */
export function useStationVolunteers(communityId: string | undefined) {
  const list = usePaged(
    (page) => (communityId ? svc.stationVolunteers({ communityId, page, pageSize: DEFAULT_PAGE_SIZE }) : Promise.resolve({ items: [], page, pageSize: DEFAULT_PAGE_SIZE, hasMore: false })),
    [communityId],
  )
  return { ...list, data: list.items }
}

/** The community's approved volunteers (the volunteer applications listing), to choose whom to assign. */
export function useApprovedVolunteers(communityId: string | undefined) {
  const list = usePaged(
    (page) =>
      communityId
        ? userService.listApplications({ status: 'approved', communityId, page, pageSize: DEFAULT_PAGE_SIZE })
        : Promise.resolve({ items: [], page, pageSize: DEFAULT_PAGE_SIZE, hasMore: false }),
    [communityId],
  )
  return { ...list, data: list.items }
}

/** Assign and unassign. */
export const stationActions = {
  assign: svc.assignStationVolunteer,
  unassign: svc.unassignStationVolunteer,
}
