import type { Me } from '../contracts'
import { toAppError, type AppError } from '../services/cloud'
import { userService } from '../services/user'
import { createStore } from './store'

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

/** Loads the current user into the store (one request at a time). */
export function loadMe(): Promise<void> {
  if (inflight) return inflight
  meStore.set((s) => ({ ...s, loading: true, error: undefined }))
  inflight = userService
    .me()
    .then((me) => meStore.set({ data: me, loading: false, loaded: true }))
    .catch((e) => meStore.set((s) => ({ ...s, loading: false, loaded: true, error: toAppError(e) })))
    .finally(() => {
      inflight = undefined
    })
  return inflight
}

/** Puts a fresh Me (from signUp, updateProfile...) into the store. */
export function setMe(me: Me): void {
  meStore.set({ data: me, loading: false, loaded: true })
}

/** Forgets the user (after switching the h5 dev persona, and between tests). */
export function resetMe(): void {
  meStore.set({ loading: false, loaded: false })
}
