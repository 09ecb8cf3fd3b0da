// Shared helpers for page tests.
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { ReactElement } from 'react'
import type { TemplateKey } from '@/contracts/templates'
import { meStore } from '@/stores/me'
import type { Backend } from './backend'

export { setupBackend } from './backend'

declare global {
  var firePageEvent: (lifecycle: string) => void
  var __routerParams: Record<string, string> | undefined
}

/** The query the page under test sees through useRouter(). */
export function setRouterParams(params: Record<string, string>) {
  globalThis.__routerParams = params
}

/** Stubs navigation (no router in page tests) and returns the spies. */
export function stubNavigation() {
  const ok = () => Promise.resolve({ errMsg: 'ok' }) as never
  return {
    navigateTo: jest.spyOn(Taro, 'navigateTo').mockImplementation(ok),
    switchTab: jest.spyOn(Taro, 'switchTab').mockImplementation(ok),
    navigateBack: jest.spyOn(Taro, 'navigateBack').mockImplementation(ok),
    showToast: jest.spyOn(Taro, 'showToast').mockImplementation(ok),
    stopPullDownRefresh: jest.spyOn(Taro, 'stopPullDownRefresh').mockImplementation(() => undefined as never),
  }
}

/** Stubs showModal with a queue of answers (default: confirm). Returns the spy. */
export function stubModal(...answers: { confirm: boolean; content?: string }[]) {
  return jest.spyOn(Taro, 'showModal').mockImplementation((async () => {
    const a = answers.length ? answers.shift()! : { confirm: true }
    return { ...a, cancel: !a.confirm, errMsg: 'showModal:ok' }
  }) as never)
}

/** Renders a page component. */
export function renderPage(page: ReactElement) {
  return render(page)
}

/** Clicks the element showing exactly `text` (the closest clickable host). */
export async function tap(text: string | RegExp) {
  const el = await screen.findByText(text)
  await act(async () => {
    fireEvent.click(el)
  })
}

/** Clicks the option showing `text` inside the group labelled `group` (chips, tabs). */
export async function tapIn(group: string, text: string) {
  const g = await screen.findByLabelText(group)
  const el = within(g).getByText(text)
  await act(async () => {
    fireEvent.click(el)
  })
}

/** Types into an H5 Input/Textarea (taro-input-core renders a native input inside). */
export async function typeInto(label: string, value: string) {
  const host = await screen.findByLabelText(label)
  // taro-input-core renders its native field asynchronously (Stencil): wait for it.
  const field = await waitFor(() => {
    const f = (host.matches('input,textarea') ? host : host.querySelector('input,textarea')) as HTMLInputElement | null
    if (!f) throw new Error(`no input for ${label}`)
    return f
  })
  await act(async () => {
    field.value = value
    fireEvent.input(field, { target: { value } })
  })
}

export { act, fireEvent, screen, waitFor, within }

/** Chooses option `index` of the n-th Picker, as taro-picker-core's change event does. */
export async function pick(container: HTMLElement, nth: number, index: number) {
  const pickers = container.querySelectorAll('taro-picker-core')
  const p = pickers[nth]
  if (!p) throw new Error(`no picker #${nth}`)
  await act(async () => {
    p.dispatchEvent(new CustomEvent('change', { detail: { value: index }, bubbles: true }))
  })
}

// Waiting on the real functions means a condition is often false a few times first. A failed `expect` on a
// DOM element pretty-prints it with its React fiber (seconds of CPU on a 2-core machine, starving the very
// request being waited for), so the waits below fail with short messages.

/** Waits until nothing shows `text`. */
export async function gone(text: string | RegExp) {
  await waitFor(() => {
    if (screen.queryAllByText(text).length) throw new Error(`still shown: ${text}`)
  })
}

/** Waits until exactly `n` elements match `selector` in `container`. */
export async function countIs(container: HTMLElement, selector: string, n: number) {
  await waitFor(() => {
    const got = container.querySelectorAll(selector).length
    if (got !== n) throw new Error(`${selector}: ${got}, want ${n}`)
  })
}

/**
 * Taps `text` as on weapp, once user.me has given the page the `template` id: the subscription prompt answers `accept`
 * (or refuses), and the tap must send one `action`. Resolves the ids the prompt asked for and how many `action` calls
 * had been sent when it asked (0: asked first, inside the tap, as WeChat requires).
 */
export async function tapOnWeapp(backend: Backend, text: string, action: string, template: TemplateKey, accept = false) {
  await waitFor(() => expect(meStore.get().data?.templates?.[template]).toBeTruthy())
  const prev = process.env.TARO_ENV
  process.env.TARO_ENV = 'weapp'
  const before = backend.eventsFor(action).length
  let sentBeforeAsk = -1
  const asked: string[][] = []
  const prompt = jest.spyOn(Taro, 'requestSubscribeMessage').mockImplementation((async (o: { tmplIds: string[] }) => {
    asked.push(o.tmplIds)
    sentBeforeAsk = backend.eventsFor(action).length - before
    return { errMsg: 'requestSubscribeMessage:ok', ...Object.fromEntries(o.tmplIds.map((id) => [id, accept ? 'accept' : 'reject'])) }
  }) as never)
  try {
    await tap(text)
    await waitFor(() => expect(backend.eventsFor(action)).toHaveLength(before + 1))
  } finally {
    process.env.TARO_ENV = prev
    prompt.mockRestore()
  }
  return { asked, sentBeforeAsk, id: meStore.get().data!.templates![template] }
}
