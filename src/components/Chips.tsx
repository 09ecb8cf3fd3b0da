import { Text, View } from '@tarojs/components'

export interface ChipsProps<K> {
  options: readonly { key: K; label: string }[]
  value: K
  onChange: (key: K) => void
  /** Names the group for screen readers. */
  label: string
}

/** One choice among a few, as large chips (a radio group): categories, filters, name styles. */
export function Chips<K>({ options, value, onChange, label }: ChipsProps<K>) {
  return (
    <View className='hm-wrap' role='radiogroup' aria-label={label}>
      {options.map((o) => (
        <View key={String(o.key ?? 'all')} role='radio' aria-checked={o.key === value} className={`hm-chip ${o.key === value ? 'hm-chip-on' : ''}`} onClick={() => onChange(o.key)}>
          <Text>{o.label}</Text>
        </View>
      ))}
    </View>
  )
}
