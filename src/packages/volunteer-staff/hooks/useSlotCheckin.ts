import { useRef, useState } from 'react'
import type { CheckPurpose, CheckResult, Roster, RosterShift, SlotCode } from '@/contracts'
import { DEFAULT_PAGE_SIZE } from '@/contracts/common'
import { useCodeCountdown } from '@/hooks/useCodeCountdown'
import { usePaged } from '@/hooks/usePaged'
import { useRemote } from '@/hooks/useRemote'
import { checkinService } from '@/services/volunteer/checkin'

/** Staff: the slot's on-site code for a purpose, fetched again when it changes, with the seconds it has left. */
export function useSlotCode(slotId: string | undefined, purpose: CheckPurpose) {
  const code = useRemote<SlotCode | undefined>(() => (slotId ? checkinService.slotCode(slotId, purpose) : Promise.resolve(undefined)), [slotId, purpose])
  const left = useCodeCountdown(code.data, code.refresh)
  return { ...code, left }
}

/** The roster's slot and figures, from its latest page. */
export type RosterHead = Omit<Roster, 'shifts' | 'page' | 'pageSize' | 'hasMore'>

/**
 * Staff: the slot's roster (names, statuses, pairs, phones), page by page: `list` holds the shifts loaded, `head`
 * the slot and its figures as the latest page gave them.
 */
export function useRoster(slotId: string | undefined) {
  const [head, setHead] = useState<RosterHead>()
  // The page each loaded shift came from, so one row's change reloads only its page.
  const pageOf = useRef(new Map<string, number>())
  const load = async (page: number) => {
    const { shifts, page: p, pageSize, hasMore, ...rest } = await checkinService.roster({ slotId: slotId!, page, pageSize: DEFAULT_PAGE_SIZE })
    setHead(rest)
    for (const s of shifts) pageOf.current.set(s.openid, p)
    return { items: shifts, page: p, pageSize, hasMore }
  }
  const list = usePaged<RosterShift>((page) => (slotId ? load(page) : Promise.resolve({ items: [], page, pageSize: DEFAULT_PAGE_SIZE, hasMore: false })), [slotId])
  /** Reloads the page holding `openid`'s shift (after a check from the roster) and puts its rows in place. */
  const reloadRowOf = async (openid: string) => {
    const page = pageOf.current.get(openid)
    if (!page) return list.refresh()
    const fresh = (await load(page)).items
    const byOpenid = new Map(fresh.map((s) => [s.openid, s]))
    list.update((items) => items.map((s) => byOpenid.get(s.openid) ?? s))
  }
  return { head, list, reloadRowOf }
}

/** Staff: checks a volunteer without a phone in or out from the roster (the record says so). */
export function rosterCheck(slotId: string, openid: string, purpose: CheckPurpose): Promise<CheckResult> {
  const input = { slotId, method: 'roster' as const, openid }
  return purpose === 'in' ? checkinService.checkIn(input) : checkinService.checkOut(input)
}
