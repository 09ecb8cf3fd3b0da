import type { WishDetail } from '@/contracts/wish'
import type { AppError } from '@/hooks/useAction'

/** What the detail gives each of its forms. */
export interface DetailFormProps {
  w: WishDetail
  onCancel: () => void
  /** After success: close the form and reload the wish. */
  onDone: () => Promise<void>
  /** A refusal the detail handles itself (the wish was taken); true when handled. */
  onRefused: (e: AppError) => boolean
}

/** The submit options every detail form shares: its success toast, then `onDone`; refusals go to `onRefused`. */
export function afterSubmit({ onDone, onRefused }: DetailFormProps, done: string) {
  return { done, then: onDone, onError: onRefused }
}
