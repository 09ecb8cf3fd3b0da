import { Button as TaroButton, type ButtonProps as TaroButtonProps } from '@tarojs/components'
import { tapA11y } from './tapA11y'

export type ButtonProps = TaroButtonProps

/**
 * Every button in the app. On h5 Taro's button is a custom element with no role and no tab stop, so screen
 * readers, keyboards and axe saw none: it gets role=button, a tab stop, Enter/Space and aria-disabled here.
 * weapp's native button needs none of them.
 */
export function Button({ disabled, children, ...rest }: ButtonProps) {
  return (
    <TaroButton {...tapA11y('button', !!disabled)} {...rest} disabled={disabled}>
      {children}
    </TaroButton>
  )
}
