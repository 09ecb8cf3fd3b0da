import { Text } from '@tarojs/components'
import type { ReactNode } from 'react'
import { tapA11y, type TapHandler } from './tapA11y'

export interface LinkProps {
  onClick: TapHandler
  /** 'link' opens a page, 'button' acts on this one (e.g. 清除, 删除). */
  role?: 'link' | 'button'
  className?: string
  /** The accessible name, when the visible text has decoration (e.g. '‹ 返回'). */
  label?: string
  children?: ReactNode
}

/** Tappable underlined text (hm-link) that is a real link or button for screen readers and keyboards on h5. */
export function Link({ onClick, role = 'link', className = '', label, children }: LinkProps) {
  return (
    <Text className={`hm-link ${className}`} onClick={onClick} aria-label={label} {...tapA11y(role)}>
      {children}
    </Text>
  )
}
