import { Text, View } from '@tarojs/components'
import type { WishEvent } from '@/contracts/wish'
import { WISH_BY_LABELS, wishEventLabel } from '@/format/wish'
import { formatDay } from '@/format/day'

export interface TimelineProps {
  events: WishEvent[]
}

/** The wish's history: who did what, why, and when. */
export function Timeline({ events }: TimelineProps) {
  if (!events.length) return null
  return (
    <View className='hm-card' data-testid='timeline'>
      <Text className='hm-h2'>进展</Text>
      {events.map((e, i) => (
        <View key={`${e.at}-${i}`} style={{ marginBottom: '16px' }}>
          <Text className='hm-text hm-block'>
            {WISH_BY_LABELS[e.by] || e.by} {wishEventLabel(e)}
          </Text>
          {e.reason && <Text className='hm-sub hm-block'>原因：{e.reason}</Text>}
          <Text className='hm-sub hm-block'>{formatDay(e.at)}</Text>
        </View>
      ))}
    </View>
  )
}
