import { Text, View } from '@tarojs/components'
import type { ElderOccurrenceDetail } from '@/contracts'
import { formatDay, formatTime } from '@/format/day'

/** The occurrence in very large type: what, when, where, who hosts it, places left, and its exceptions. */
export function OccurrenceInfo({ o }: { o: ElderOccurrenceDetail }) {
  return (
    <View>
      {o.cancelled && (
        <View className='hm-card' role='alert' style={{ border: '2px solid var(--hm-warn)' }}>
          <Text className='hm-title hm-block'>本次活动已取消</Text>
        </View>
      )}
      <View className='hm-card'>
        <Text className='hm-title hm-block'>{o.title}</Text>
        <Text className='hm-text hm-block'>
          {formatDay(o.day)} {formatTime(o.startAt)}–{formatTime(o.endAt)}
          {o.moved ? '（时间或地点已调整）' : ''}
        </Text>
        <Text className='hm-text hm-block'>地点：{o.place}</Text>
        <Text className='hm-text hm-block'>带领：{o.host}</Text>
        <Text className='hm-text hm-block'>{!o.signupRequired ? '无需报名，直接参加' : o.placesLeft === null ? '不限名额' : o.placesLeft > 0 ? `余 ${o.placesLeft} 位` : '名额已满'}</Text>
      </View>
      {!!o.description && (
        <View className='hm-card'>
          <Text className='hm-text hm-block'>{o.description}</Text>
        </View>
      )}
    </View>
  )
}
