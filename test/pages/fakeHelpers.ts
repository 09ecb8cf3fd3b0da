// TEMPORARY: the fakes' helpers, for the wish page tests not yet moved to the real functions.
import { resetMe } from '@/stores/me'
import { AppError, setTransport, type Transport } from '@/services/cloud'
import { FakeUserFunction } from './fakeUser'
import { FakeWishFunction } from './fakeWish'

/** Fresh fake `wish` and `user` functions acting as `openid`, installed as the transport. */
export function useFakeWish(openid = 'u-test'): { wish: FakeWishFunction; user: FakeUserFunction } {
  const user = new FakeUserFunction(openid)
  const wish = new FakeWishFunction(openid)
  setTransport(wish.transportWith(user.transport))
  resetMe()
  return { wish, user }
}

/** A transport whose every call fails as the network would. */
export const offline: Transport = async () => {
  throw new Error('request:fail timeout')
}

/** A transport that never answers (to see loading states). */
export const hanging: Transport = () => new Promise(() => {})

/** A transport that refuses every call with `code`. */
export function refusing(code: AppError['code']): Transport {
  return async () => ({ ok: false, code, message: new AppError(code).message })
}

/** A fresh fake `user` function acting as `openid`, installed as the transport. */
export function useFake(openid = 'u-test'): FakeUserFunction {
  const fake = new FakeUserFunction(openid)
  setTransport(fake.transport)
  resetMe()
  return fake
}
