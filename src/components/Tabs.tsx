import { Text, View } from '@tarojs/components'
import { tapA11y } from './tapA11y'

export interface TabsProps<K extends string> {
  tabs: readonly { key: K; label: string }[]
  value: K
  onChange: (key: K) => void
  /** Names the tab list for screen readers. */
  label?: string
}

/** A row of large, tappable tabs (status filters, scope switches). */
export function Tabs<K extends string>({ tabs, value, onChange, label }: TabsProps<K>) {
  return (
    <View className='hm-tabs' role='tablist' aria-label={label}>
      {tabs.map((t) => (
        <View key={t.key} role='tab' {...tapA11y('tab')} aria-selected={t.key === value} className={`hm-tab ${t.key === value ? 'hm-tab-on' : ''}`} onClick={() => onChange(t.key)}>
          <Text>{t.label}</Text>
        </View>
      ))}
    </View>
  )
}
