import { askSubscription } from '@/ui/subscribe'
import { DEFAULT_PAGE_SIZE } from '@/contracts/common'
import type { ElderPersonRef, InputOf } from '@/contracts'
import { usePaged } from '@/hooks/usePaged'
import { useRemote } from '@/hooks/useRemote'
import { elderSignupsService as svc } from '@/services/elder/signups'

/** One occurrence with whom I may sign up; `refresh` after an action. */
export function useOccurrence(activityId: string | undefined, day: string | undefined) {
  return useRemote(() => (activityId && day ? svc.occurrenceDetail(activityId, day) : Promise.reject(new Error('no occurrence'))), [activityId, day])
}

/** 我的报名, page by page. */
export function useMySignups() {
  const list = usePaged((page) => svc.mySignups({ page, pageSize: DEFAULT_PAGE_SIZE }), [])
  return { ...list, data: list.items }
}

/** The elders I manage, page by page. */
export function useMyProfiles() {
  const list = usePaged((page) => svc.myProfiles({ page, pageSize: DEFAULT_PAGE_SIZE }), [])
  return { ...list, data: list.items }
}

/** The sign-up actions of the occurrence and mine pages. */
export const signupActions = {
  /** Call synchronously from the tap: the subscription prompt comes first, then the sign-up with its answer. */
  signUp: (input: Omit<InputOf<'elder', 'signUp'>, 'subscribed'>, templateIds: readonly string[]) => {
    const asked = askSubscription(templateIds)
    return asked.then((subscribed) => svc.signUp({ ...input, subscribed }))
  },
  cancelSignUp: (activityId: string, day: string, person: ElderPersonRef) => svc.cancelSignUp({ activityId, day, person }),
  saveProfile: (input: InputOf<'elder', 'saveProfile'>) => svc.saveProfile(input),
  archiveProfile: (profileId: string) => svc.archiveProfile(profileId),
}
