import { useState } from 'react'
import type { ElderCheckInResult, ElderRoster, OccurrenceCode, Page, PosterWeek, RosterSignup, WalkInProfile, WalkInResult } from '@/contracts'
import { useRemote } from '@/hooks/useRemote'
import { downloadCodeFile, onsiteService } from '@/services/elder/onsite'

/** Staff: an occurrence's roster (names, who signed them up, check-ins, walk-ins). */
export function useElderRoster(activityId: string | undefined, day: string | undefined) {
  return useRemote<ElderRoster | undefined>(() => (activityId && day ? onsiteService.roster(activityId, day) : Promise.resolve(undefined)), [activityId, day])
}

/** Staff: tick a sign-up of the roster as checked in. */
export function tickSignup(r: ElderRoster, s: RosterSignup): Promise<ElderCheckInResult> {
  return onsiteService.checkIn({ activityId: r.activityId, day: r.day, index: s.index, personKey: s.personKey })
}

/** Staff: add a walk-in by name or by a managed profile. */
export function addWalkIn(r: ElderRoster, who: { name: string } | { profileId: string }): Promise<WalkInResult> {
  return onsiteService.addWalkIn({ activityId: r.activityId, day: r.day, ...who })
}

/** Staff: the occurrence's 签到码, loaded when `shown`. */
export function useOccurrenceCode(activityId: string | undefined, day: string | undefined, shown: boolean) {
  return useRemote<OccurrenceCode | undefined>(() => (shown && activityId && day ? onsiteService.occurrenceCode(activityId, day) : Promise.resolve(undefined)), [activityId, day, shown])
}

/** Staff: the community's managed profiles to pick a walk-in from, loaded page by page on demand. */
export function useWalkInProfiles(communityId: string | undefined) {
  const [list, setList] = useState<Page<WalkInProfile>>()
  const load = async (page = 1) => {
    if (!communityId) return
    const next = await onsiteService.walkInProfiles(communityId, page)
    setList((prev) => (prev && page > 1 ? { ...next, items: [...prev.items, ...next.items] } : next))
  }
  return { list, load }
}

/** Staff: a month's person-times, once `ready` (the community list known). */
export function useElderMonthStats(ready: boolean, communityId: string | undefined, month: string) {
  return useRemote(() => (ready ? onsiteService.monthStats({ ...(communityId ? { communityId } : {}), month }) : new Promise<never>(() => {})), [ready, communityId, month])
}

/** Staff: the printable week. */
export function usePoster(week: PosterWeek, communityId?: string) {
  return useRemote(() => onsiteService.poster(week, communityId), [week, communityId])
}

/** weapp: the poster's code as a local file for the canvas. */
export function posterCodeFile(url: string): Promise<string> {
  return downloadCodeFile(url)
}
