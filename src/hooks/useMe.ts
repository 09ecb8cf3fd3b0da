import { useEffect } from 'react'
import { userService } from '@/services/user'
import { loadMe, meStore, setMe } from '@/stores/me'
import { useStore } from '@/stores/store'
import { setLargeFontChoice } from './useLargeFont'

/** The current user: `{ data, loading, error, refresh }`; loads on first use. */
export function useMe() {
  const s = useStore(meStore)
  useEffect(() => {
    if (!meStore.get().loaded && !meStore.get().loading) void loadMe()
  }, [])
  return { data: s.data, loading: s.loading || !s.loaded, error: s.error, refresh: loadMe }
}

/** Saves the large-font switch: locally at once, and to the profile when signed up. */
export async function saveLargeFont(on: boolean): Promise<void> {
  setLargeFontChoice(on)
  if (meStore.get().data?.signedUp) setMe(await userService.updateProfile({ largeFont: on }))
}

/** Withdraws the user's own pending volunteer application, then reloads the profile. */
export async function withdrawMyApplication(applicationId: string): Promise<void> {
  await userService.withdrawApplication(applicationId)
  await loadMe()
}
