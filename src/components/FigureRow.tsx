import { Text, View } from '@tarojs/components'

export interface FigureRowProps {
  label: string
  value: string | number
  testId?: string
}

/** One figure of a statistics page: what it counts on the left, the figure on the right. */
export function FigureRow({ label, value, testId }: FigureRowProps) {
  return (
    <View className='hm-row' data-testid={testId}>
      <Text className='hm-text'>{label}</Text>
      <Text className='hm-text'>{value}</Text>
    </View>
  )
}
