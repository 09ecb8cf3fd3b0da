import { Text, View } from '@tarojs/components'
import type { PairView } from '@/contracts'
import { pairLine } from '@/format/checkin'

export interface PairsProps {
  pairs: PairView[]
}

/** My check-in/check-out pairs on this slot, one line each. */
export function Pairs({ pairs }: PairsProps) {
  if (!pairs.length) return null
  return (
    <View className='hm-card' data-testid='pairs'>
      <Text className='hm-h2 hm-block'>签到记录</Text>
      {pairs.map((p) => (
        <Text key={p.inAt} className='hm-text hm-block'>
          {pairLine(p)}
        </Text>
      ))}
      <Text className='hm-sub hm-block'>服务时长由社区工作人员确认后计入平台记录</Text>
    </View>
  )
}
