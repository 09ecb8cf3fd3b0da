import { useCallback, useRef, useState } from 'react'
import { toAppError, type AppError } from '@/services/cloud'
import { showDone, showError } from '@/ui/feedback'

export type { AppError }

/** Returned by an action's steps to stop quietly (the user cancelled a dialog): no toast, no refresh. */
export const SKIP = Symbol('skip')

export interface ActionOptions<R> {
  /** The success toast. */
  done?: string
  /** After success (and the toast): refresh, navigate, update a list. */
  then?: (result: R) => void | Promise<unknown>
  /** A refusal the caller handles itself (return true); otherwise the error dialog shows it. */
  onError?: (e: AppError) => boolean | void
  /** Which item the action is for (`busyKey`), e.g. a row of a list. */
  key?: string
}

interface Action {
  /** An action is running (from its first dialog to its refresh). */
  busy: boolean
  /** The `key` of the running action. */
  busyKey: string | undefined
  /**
   * Runs `steps` unless an action is already running: a synchronous guard, so two taps that arrive before
   * the busy state renders make one call. Then the success toast or the error dialog, then `then`.
   * Resolves the result, or undefined when refused, skipped or failed.
   */
  run: <R>(steps: () => Promise<R | typeof SKIP>, options?: ActionOptions<R>) => Promise<R | undefined>
  /** True while an action runs (read synchronously, e.g. by a form before validating). */
  running: () => boolean
}

/** One mutation at a time for a page or section: guard, busy state, feedback, refresh. */
export function useAction(): Action {
  const running = useRef(false)
  const [busyKey, setBusyKey] = useState<string>()
  const [busy, setBusy] = useState(false)

  const run = useCallback(async <R>(steps: () => Promise<R | typeof SKIP>, options: ActionOptions<R> = {}): Promise<R | undefined> => {
    if (running.current) return undefined
    running.current = true
    setBusy(true)
    setBusyKey(options.key)
    try {
      const result = await steps()
      if (result === SKIP) return undefined
      if (options.done) showDone(options.done)
      await options.then?.(result)
      return result
    } catch (e) {
      const err = toAppError(e)
      if (!options.onError?.(err)) showError(err)
      return undefined
    } finally {
      running.current = false
      setBusy(false)
      setBusyKey(undefined)
    }
  }, [])

  const isRunning = useCallback(() => running.current, [])
  return { busy, busyKey, run, running: isRunning }
}
