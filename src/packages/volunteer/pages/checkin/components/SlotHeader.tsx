import { Text, View } from '@tarojs/components'
import { SHIFT_STATUS_LABELS, type MyCheckin } from '@/contracts'
import { formatTime } from '@/format/day'
import { formatDay } from '@/format/day'

export interface SlotHeaderProps {
  c: MyCheckin
}

const BADGE: Partial<Record<MyCheckin['status'], string>> = { checked_in: 'hm-badge-ok', checked_out: 'hm-badge-primary', confirmed: 'hm-badge-primary' }

/** The slot (what, when, where), my shift's status, and why check-in is not possible now. */
export function SlotHeader({ c }: SlotHeaderProps) {
  return (
    <View className='hm-card'>
      <Text className='hm-h2 hm-block'>{c.title}</Text>
      <Text className={`hm-badge ${BADGE[c.status] ?? ''}`} data-testid='shift-status'>
        {SHIFT_STATUS_LABELS[c.status]}
      </Text>
      <Text className='hm-text hm-block'>
        {formatDay(c.date)} {c.startTime}–{c.endTime}
      </Text>
      <Text className='hm-text hm-block'>地点：{c.place.name}</Text>
      <Text className='hm-sub hm-block'>
        {formatTime(c.opensAt)} 起可签到（开始前半小时），{c.endTime} 结束；签到范围 {c.place.radiusM} 米
      </Text>
      {c.refusal && (
        <Text className='hm-text hm-block' data-testid='refusal' style={{ color: 'var(--hm-danger)' }}>
          {c.refusal}
        </Text>
      )}
      {c.flagged && (
        <Text className='hm-text hm-block' style={{ color: 'var(--hm-warn)' }}>
          {c.flagged}
        </Text>
      )}
    </View>
  )
}
