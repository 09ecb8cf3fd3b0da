import { Button as TaroButton, type ButtonProps as TaroButtonProps } from '@tarojs/components'

export type ButtonProps = TaroButtonProps

/**
 * Every button in the app. On h5 Taro's button is a custom element with no role, so screen readers and axe
 * saw none: it gets role=button and aria-disabled here. weapp's native button needs neither.
 */
export function Button({ disabled, children, ...rest }: ButtonProps) {
  const a11y = process.env.TARO_ENV === 'h5' ? { role: 'button', 'aria-disabled': disabled ? 'true' : 'false' } : {}
  return (
    <TaroButton {...a11y} {...rest} disabled={disabled}>
      {children}
    </TaroButton>
  )
}
