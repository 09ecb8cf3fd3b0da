import { askSubscription } from '@/ui/subscribe'
import { DEFAULT_PAGE_SIZE } from '@/contracts/common'
import type { MyShiftTab, ServiceType } from '@/contracts/volunteer/rules'
import { usePaged } from '@/hooks/usePaged'
import { useRemote } from '@/hooks/useRemote'
import { userService } from '@/services/user'
import { volunteerSlotsService as svc } from '@/services/volunteer/slots'

export interface SlotFilters {
  scope: 'community' | 'district'
  serviceType?: ServiceType
  date?: string
}

/** Open slots with their filters, 20 a page, soonest first. */
export function useSlotList(filters: SlotFilters) {
  const { scope, serviceType, date } = filters
  const list = usePaged((page) => svc.browseSlots({ scope, serviceType, date, page, pageSize: DEFAULT_PAGE_SIZE }), [scope, serviceType, date])
  return { ...list, data: list.items }
}

/** One slot with my shift and what I may do; `refresh` after an action. */
export function useSlot(id: string | undefined) {
  return useRemote(() => (id ? svc.slotDetail(id) : Promise.reject(new Error('no id'))), [id])
}

/** 我的服务: my slots on one tab, page by page. */
export function useMyShifts(tab: MyShiftTab) {
  const list = usePaged((page) => svc.myShifts({ tab, page, pageSize: DEFAULT_PAGE_SIZE }), [tab])
  return { ...list, data: list.items }
}

/** The sign-up and its cancellation, as the slot page offers them. */
export const slotActions = {
  /** Call synchronously from the tap: the subscription prompt comes first, then the sign-up with its answer. */
  signUp: (slotId: string, insuranceAck: boolean, templateIds: readonly string[]) => {
    const asked = askSubscription(templateIds)
    return asked.then((subscribed) => svc.signUp({ slotId, insuranceAck, subscribed }))
  },
  cancelSignUp: (slotId: string) => svc.cancelSignUp(slotId),
  /** Adds the birth date an earlier volunteer's record lacks. */
  setBirthDate: (birthDate: string) => userService.setBirthDate(birthDate),
}
