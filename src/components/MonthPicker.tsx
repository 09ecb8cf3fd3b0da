import { Picker, Text, View } from '@tarojs/components'
import { today } from '@/format/day'

export interface MonthPickerProps {
  /** YYYY-MM. */
  value: string
  onChange: (month: string) => void
  testId?: string
}

/** The 月份 row of the statistics and export pages: a month up to this one (China time), shown as 2026年11月. */
export function MonthPicker({ value, onChange, testId }: MonthPickerProps) {
  return (
    <Picker mode='date' fields='month' value={value} end={today().slice(0, 7)} onChange={(e) => onChange(String(e.detail.value).slice(0, 7))}>
      <View className='hm-row' data-testid={testId}>
        <Text className='hm-text'>月份</Text>
        <Text className='hm-text'>{value.replace('-', '年')}月 ›</Text>
      </View>
    </Picker>
  )
}
