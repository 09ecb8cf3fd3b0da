import { useMe } from './useMe'
import { useRemote } from './useRemote'
import { userService } from '@/services/user'

/** The communities the staff member serves (admin: every one), with names, in the district's order (as chips' options). */
export function useStaffCommunities() {
  const me = useMe()
  const ids = me.data?.staffCommunityIds ?? []
  const all = useRemote(() => userService.listCommunities().then((r) => r.communities), [])
  const data = all.data?.filter((c) => ids.includes(c.id)).map((c) => ({ key: c.id, label: c.name }))
  return { ...all, loading: all.loading || me.loading, data }
}
