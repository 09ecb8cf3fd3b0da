import { askSubscription } from '@/ui/subscribe'
import { DEFAULT_PAGE_SIZE } from '@/contracts/common'
import { usePaged } from '@/hooks/usePaged'
import { useRemote } from '@/hooks/useRemote'
import { schoolEnrolmentService as svc } from '@/services/school/enrolment'
import type { PriorityGroup } from '@/contracts/school/rules'

/** One session as my family sees it (my children's status there, what I may do); `refresh` after an action. */
export function useSessionDetail(id: string | undefined) {
  return useRemote(() => (id ? svc.sessionDetail(id) : Promise.reject(new Error('no id'))), [id])
}

/** 我的报名: my children's entries across sessions, 20 sessions a page. */
export function useFamilyView() {
  const list = usePaged((page) => svc.familyView(page, DEFAULT_PAGE_SIZE), [])
  return { ...list, data: list.items }
}

/** A 摇号's published results. */
export function useLotteryResults(id: string | undefined) {
  return useRemote(() => (id ? svc.lotteryResults(id) : Promise.reject(new Error('no id'))), [id])
}

/** What a family does with a session: enrol, enter the 摇号, cancel, accept or decline an offer. */
export const enrolmentActions = {
  /** Call synchronously from the tap: the subscription prompt comes first, then the enrolment with its answer. */
  enrol: (sessionId: string, childId: string, templateIds: readonly string[]) => askSubscription(templateIds).then((subscribed) => svc.enrol({ sessionId, childId, subscribed })),
  /** Call synchronously from the tap (as `enrol`). */
  enterLottery: (sessionId: string, childIds: string[], templateIds: readonly string[], claim?: PriorityGroup) =>
    askSubscription(templateIds).then((subscribed) => svc.enterLottery({ sessionId, childIds, subscribed, ...(claim ? { claim } : {}) })),
  cancel: (sessionId: string, childId: string) => svc.cancelEnrolment(sessionId, childId),
  accept: (sessionId: string, childId: string) => svc.acceptOffer(sessionId, childId),
  decline: (sessionId: string, childId: string) => svc.declineOffer(sessionId, childId),
}
