import { Text, View } from '@tarojs/components'
import type { SlotCard } from '@/contracts/volunteer'
import { formatHours } from '@/contracts/volunteer/hours'
import { SHIFT_STATUS_LABELS, type ShiftStatus } from '@/contracts/volunteer/rules'
import { tapA11y } from '@/components/tapA11y'
import { ROUTES, go } from '@/routes'

export interface SlotCardViewProps {
  slot: SlotCard
  /** My shift's state (我的服务). */
  shiftStatus?: ShiftStatus
}

/** One slot on a list: title, type, day and time, place, places left (or my shift's state); tap opens it. */
export function SlotCardView({ slot, shiftStatus }: SlotCardViewProps) {
  const cancelled = slot.status === 'cancelled'
  return (
    <View className='hm-card' data-testid='slot-card' onClick={() => go(`${ROUTES.volunteerSlot}?id=${encodeURIComponent(slot.id)}`)} {...tapA11y('link')}>
      <Text className='hm-h2 hm-block'>{slot.title}</Text>
      <Text className='hm-sub hm-block'>
        {slot.serviceType} · {slot.communityName}
      </Text>
      <Text className='hm-text hm-block'>
        {slot.date} {slot.startTime}–{slot.endTime}（计 {formatHours(slot.creditMinutes)} 小时）
      </Text>
      <Text className='hm-text hm-block'>地点：{slot.placeName}</Text>
      <View className='hm-wrap'>
        {cancelled ? (
          <Text className='hm-badge'>已取消</Text>
        ) : shiftStatus ? (
          <Text className='hm-badge hm-badge-primary'>{SHIFT_STATUS_LABELS[shiftStatus]}</Text>
        ) : slot.placesLeft > 0 ? (
          <Text className='hm-badge hm-badge-primary'>还剩 {slot.placesLeft} 个名额</Text>
        ) : (
          <Text className='hm-badge'>名额已满</Text>
        )}
        {slot.requirements.insuranceRequired && <Text className='hm-badge'>需意外保险</Text>}
        {slot.requirements.minAge ? <Text className='hm-badge'>{slot.requirements.minAge} 岁以上</Text> : null}
      </View>
    </View>
  )
}
