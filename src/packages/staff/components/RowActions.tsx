import { View } from '@tarojs/components'
import { Button } from '@/components/Button'

export interface RowAction {
  label: string
  onClick: () => void
  /** A secondary (gray) button. */
  gray?: boolean
}

export interface RowActionsProps {
  actions: RowAction[]
  /** This row's action is running. */
  busy: boolean
  /** Side by side (short labels) instead of full width. */
  inline?: boolean
}

/** The decision buttons of one row in a staff queue (通过, 不通过, 隐藏, 释放认领…). */
export function RowActions({ actions, busy, inline = false }: RowActionsProps) {
  if (!actions.length) return null
  return (
    <View className={inline ? 'hm-wrap' : undefined}>
      {actions.map((a) => (
        <Button key={a.label} className={`hm-btn${a.gray ? ' hm-btn-gray' : ''}${inline ? ' hm-btn-inline' : ''}`} disabled={busy} onClick={a.onClick}>
          {a.label}
        </Button>
      ))}
    </View>
  )
}
