import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'

export interface FieldProps {
  label: string
  /** The field's error, shown beside it. */
  error?: string
  /** Characters typed so far, with `max`: a counter beside the label. */
  count?: number
  max?: number
  children: ReactNode
}

/** One form field: its label (and counter), the control, and its error underneath. */
export function Field({ label, error, count, max, children }: FieldProps) {
  return (
    <View className='hm-field'>
      {max === undefined ? (
        <Text className='hm-label'>{label}</Text>
      ) : (
        <View className='hm-row'>
          <Text className='hm-label'>{label}</Text>
          <Text className='hm-sub'>
            {count ?? 0}/{max}
          </Text>
        </View>
      )}
      {children}
      {error && <Text className='hm-error'>{error}</Text>}
    </View>
  )
}
