import { Text, View } from '@tarojs/components'
import { tapA11y } from './tapA11y'

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
        <View
          key={String(o.key ?? 'all')}
          role='radio'
          {...tapA11y('radio')}
          aria-checked={o.key === value}
          className={`hm-chip ${o.key === value ? 'hm-chip-on' : ''}`}
          onClick={() => onChange(o.key)}
        >
          <Text>{o.label}</Text>
        </View>
      ))}
    </View>
  )
}

export interface CheckChipProps {
  checked: boolean
  onChange: (checked: boolean) => void
  children: string
}

/** A large chip that is ticked on and off (a checkbox): the privacy consent, each of several skills. */
export function CheckChip({ checked, onChange, children }: CheckChipProps) {
  return (
    <View role='checkbox' {...tapA11y('checkbox')} aria-checked={checked} className={`hm-chip ${checked ? 'hm-chip-on' : ''}`} onClick={() => onChange(!checked)}>
      <Text>{children}</Text>
    </View>
  )
}
