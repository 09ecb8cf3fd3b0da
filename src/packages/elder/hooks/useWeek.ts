import { useRemote } from '@/hooks/useRemote'
import { elderActivitiesService as svc } from '@/services/elder/activities'

/** The week's view tabs: 今天 / 本周 / 下周. */
export type WeekTab = 'today' | 'this' | 'next'

/**
 * The week's schedule of a community (the caller's when undefined), for one tab; null: not yet known (waits, loading).
 */
export function useWeek(tab: WeekTab, communityId: string | undefined | null) {
  return useRemote(
    () =>
      communityId === null
        ? new Promise<never>(() => undefined)
        : svc.week({ ...(communityId ? { communityId } : {}), week: tab === 'next' ? 'next' : 'this', ...(tab === 'today' ? { todayOnly: true } : {}) }),
    [tab, communityId],
  )
}
