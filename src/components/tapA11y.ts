import type { ITouchEvent } from '@tarojs/components'

/** The roles of the tappable things in the app (a Taro View or Text with onClick). */
type Role = 'button' | 'link' | 'tab' | 'radio' | 'checkbox'

/** Space and Enter press a focused h5 control, as they do a native button. */
function pressOnKey(e: { key?: string; preventDefault(): void; currentTarget: unknown }): void {
  if (e.key !== 'Enter' && e.key !== ' ') return
  e.preventDefault()
  ;(e.currentTarget as HTMLElement).click()
}

/**
 * The h5 attributes that make a tappable element a real control for screen readers and keyboards: a role,
 * a tab stop, Enter/Space, and aria-disabled. Empty on weapp, where the native components carry their own.
 */
export function tapA11y(role: Role, disabled = false): Record<string, unknown> {
  if (process.env.TARO_ENV !== 'h5') return {}
  return { role, tabIndex: disabled ? -1 : 0, 'aria-disabled': disabled ? 'true' : 'false', onKeyDown: disabled ? undefined : pressOnKey }
}

export type TapHandler = (e: ITouchEvent) => void
