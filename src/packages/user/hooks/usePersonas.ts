import { resetMe, loadMe } from '@/stores/me'
import { useRemote } from '@/hooks/useRemote'
import { getPersona, listPersonas, newPersonaId, recentPersonas, setPersona } from '@/services/persona'

/** h5 local only: the emulator's demo personas and the current one. */
export function usePersonas() {
  return useRemote(listPersonas, [])
}

/** Switches the dev identity and reloads the shared profile. */
export async function switchPersona(openid: string): Promise<void> {
  setPersona(openid)
  resetMe()
  await loadMe()
}

/** Switches to a brand-new (not signed-up) identity. */
export function switchToNewUser(): Promise<void> {
  return switchPersona(newPersonaId())
}

export { getPersona, recentPersonas }
