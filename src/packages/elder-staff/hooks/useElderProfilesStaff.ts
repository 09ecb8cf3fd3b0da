import { DEFAULT_PAGE_SIZE } from '@/contracts/common'
import type { InputOf } from '@/contracts'
import { usePaged } from '@/hooks/usePaged'
import { useRemote } from '@/hooks/useRemote'
import { elderSignupsService as svc } from '@/services/elder/signups'

/** Staff: the community's managed elders (family and staff-managed), page by page. */
export function useStaffProfiles(communityId: string | undefined) {
  const list = usePaged(
    (page) => (communityId ? svc.staffProfiles({ communityId, page, pageSize: DEFAULT_PAGE_SIZE }) : Promise.resolve({ items: [], page, pageSize: DEFAULT_PAGE_SIZE, hasMore: false })),
    [communityId],
  )
  return { ...list, data: list.items }
}

/** Staff: 电话提醒名单 of a community for a day (tomorrow by default). */
export function useCallList(communityId: string | undefined, day: string | undefined) {
  // Without a community yet (or none: not staff), the server picks the caller's first, or says why not.
  return useRemote(() => svc.callList({ ...(communityId ? { communityId } : {}), ...(day ? { day } : {}) }), [communityId, day])
}

/** Staff's actions on managed elders: add one, sign one up for an occurrence. */
export const staffProfileActions = {
  saveStaffProfile: (input: InputOf<'elder', 'saveStaffProfile'>) => svc.saveStaffProfile(input),
  signUpFor: (activityId: string, day: string, profileId: string) => svc.signUp({ activityId, day, person: { profileId }, subscribed: false }),
}
