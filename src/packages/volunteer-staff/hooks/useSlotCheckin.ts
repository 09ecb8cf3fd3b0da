import type { CheckPurpose, CheckResult, Roster, SlotCode } from '@/contracts'
import { useCodeCountdown } from '@/hooks/useCodeCountdown'
import { useRemote } from '@/hooks/useRemote'
import { checkinService } from '@/services/volunteer/checkin'

/** Staff: the slot's on-site code for a purpose, fetched again when it changes, with the seconds it has left. */
export function useSlotCode(slotId: string | undefined, purpose: CheckPurpose) {
  const code = useRemote<SlotCode | undefined>(() => (slotId ? checkinService.slotCode(slotId, purpose) : Promise.resolve(undefined)), [slotId, purpose])
  const left = useCodeCountdown(code.data, code.refresh)
  return { ...code, left }
}

/** Staff: the slot's roster (names, statuses, pairs, phones). */
export function useRoster(slotId: string | undefined) {
  return useRemote<Roster | undefined>(() => (slotId ? checkinService.roster(slotId) : Promise.resolve(undefined)), [slotId])
}

/** Staff: checks a volunteer without a phone in or out from the roster (the record says so). */
export function rosterCheck(slotId: string, openid: string, purpose: CheckPurpose): Promise<CheckResult> {
  const input = { slotId, method: 'roster' as const, openid }
  return purpose === 'in' ? checkinService.checkIn(input) : checkinService.checkOut(input)
}
