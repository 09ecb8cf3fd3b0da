import type { InputOf } from '@/contracts'
import { setMe } from '@/stores/me'
import { useRemote } from '@/hooks/useRemote'
import { userService } from '@/services/user'

/** Communities and grids to choose from at sign-up. */
export function useCommunities() {
  return useRemote(() => userService.listCommunities().then((r) => r.communities), [])
}

/** Signs the user up and shares the new profile with every page. */
export async function signUp(input: InputOf<'user', 'signUp'>) {
  const me = await userService.signUp(input)
  setMe(me)
  return me
}

/** Submits a volunteer application, then reloads the profile so 'me' shows it as pending. */
export async function applyVolunteer(input: InputOf<'user', 'applyVolunteer'>) {
  const app = await userService.applyVolunteer(input)
  try {
    setMe(await userService.me())
  } catch {
    // the application is in; 'me' refreshes on its next show
  }
  return app
}
