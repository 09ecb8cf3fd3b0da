import type { Me } from '@/contracts'
import { toAppError, type AppError } from '@/services/cloud'
import { rememberPersona } from '@/services/persona'
import { userService } from '@/services/user'
import { createStore } from '@/stores/store'

export interface MeState {
  data?: Me
  loading: boolean
  error?: AppError
  /** True once a load has finished (ok or not). */
  loaded: boolean
}

/** The signed-in user, shared by every page so they agree after sign-up or a profile change. */
export const meStore = createStore<MeState>({ loading: false, loaded: false })

let inflight: Promise<void> | undefined
/** Bumped by setMe/resetMe so an older load cannot overwrite newer data. */
let generation = 0

/** Loads the current user into the store (one request at a time). */
export function loadMe(): Promise<void> {
  if (inflight) return inflight
  const gen = generation
  meStore.set((s) => ({ ...s, loading: true, error: undefined }))
  const p: Promise<void> = userService
    .me()
    .then((me) => {
      if (gen === generation) setLoaded(me)
    })
    .catch((e) => {
      if (gen === generation) meStore.set((s) => ({ ...s, loading: false, loaded: true, error: toAppError(e) }))
    })
    .finally(() => {
      if (inflight === p) inflight = undefined
    })
  inflight = p
  return p
}

/** Puts a fresh Me (from signUp, updateProfile...) into the store. */
export function setMe(me: Me): void {
  generation++
  inflight = undefined
  setLoaded(me)
}

function setLoaded(me: Me): void {
  meStore.set({ data: me, loading: false, loaded: true })
  // h5 local runs: let the persona picker offer this identity again, by its nickname.
  if (process.env.TARO_ENV === 'h5') rememberPersona(me.openid, me.nickname)
}

/** Forgets the user (after switching the h5 dev persona, and between tests). */
export function resetMe(): void {
  generation++
  inflight = undefined
  meStore.set({ loading: false, loaded: false })
}
