import { useState } from 'react'
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

/** A staff page's community: the staff member's communities and the one chosen (the first until another is picked). */
export function useCommunityChoice() {
  const communities = useStaffCommunities()
  const [chosen, choose] = useState<string>()
  return { communities, communityId: chosen ?? communities.data?.[0]?.key, choose }
}
