import { useRemote } from '@/hooks/useRemote'
import { statsService } from '@/services/volunteer/stats'

/**
 * Staff: one community's month of volunteer service, once `ready` (the community list known); communityId undefined:
 * the server takes the first of the caller's (the admin's, who serves none by name).
 */
export function useMonthStats(ready: boolean, communityId: string | undefined, month: string) {
  return useRemote(() => (ready ? statsService.monthStats({ ...(communityId ? { communityId } : {}), month }) : new Promise<never>(() => {})), [ready, communityId, month])
}

/** Staff: a further page of the month's quiet volunteers. */
export function quietPage(communityId: string, month: string, page: number) {
  return statsService.monthStats({ communityId, month, page }).then((s) => s.quiet)
}
