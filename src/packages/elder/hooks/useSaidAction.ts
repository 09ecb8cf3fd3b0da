import { useState } from 'react'
import { SKIP, useAction } from '@/hooks/useAction'
import { confirm } from '@/ui/feedback'

export interface SaidOptions {
  /** What the page says after success. */
  done: string
  /** After success, and after a refusal (e.g. refresh what changed). */
  then?: () => void | Promise<unknown>
}

/**
 * The elder pages' actions (large type, no pop-ups but a confirmation): one at a time, the outcome or the refusal said
 * on the page (`notice`, shown by `Notice`), never as a toast.
 */
export function useSaidAction() {
  const action = useAction()
  const [notice, setNotice] = useState('')
  /** Runs `step` now (its first call is still inside the tap), then says `done` or why it was refused. */
  const run = <R>(step: () => Promise<R | typeof SKIP>, o: SaidOptions) => {
    setNotice('')
    void action.run(step, {
      then: () => {
        setNotice(o.done)
        return o.then?.()
      },
      onError: (e) => {
        setNotice(e.message)
        void o.then?.()
        return true
      },
    })
  }
  /** Asks `title`/`content` first (confirm button `confirmText`), then runs `step` as `run` does. */
  const confirmed = <R>(ask: { title: string; content: string; confirmText: string }, step: () => Promise<R>, o: SaidOptions) =>
    run(async () => ((await confirm(ask.title, ask.content, ask.confirmText)) ? step() : SKIP), o)
  return { busy: action.busy, notice, setNotice, run, confirmed }
}
