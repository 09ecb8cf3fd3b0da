import { Text, View } from '@tarojs/components'
import type { StaffOccurrence } from '@/contracts/elder/activities'
import { Button } from '@/components/Button'
import { ROUTES, go } from '@/routes'

export interface StaffOccurrenceRowProps {
  activityId: string
  o: StaffOccurrence
  busy: boolean
  onCancel: (o: StaffOccurrence) => void
  onMove: (o: StaffOccurrence) => void
}

/** One coming occurrence for staff: when, where, how many signed up; 名单, 电话提醒名单, 取消本次, 调整本次. */
export function StaffOccurrenceRow({ activityId, o, busy, onCancel, onMove }: StaffOccurrenceRowProps) {
  const q = `activityId=${encodeURIComponent(activityId)}&day=${o.day}`
  return (
    <View className='hm-card' data-testid='staff-occurrence'>
      <Text className='hm-h2 hm-block'>
        {o.date} {o.start}–{o.end}
      </Text>
      <Text className='hm-text hm-block'>
        {o.place} · 已报名 {o.taken}
        {o.capacity === null ? '（不限名额）' : `/${o.capacity}`}
      </Text>
      {o.cancelled && <Text className='hm-badge hm-badge-warn'>已取消：{o.cancelled.reason}</Text>}
      {o.moved && <Text className='hm-badge hm-badge-warn'>已调整：{o.moved.reason}</Text>}
      <View className='hm-wrap'>
        <Button className='hm-btn hm-btn-plain' onClick={() => go(`${ROUTES.staffElderRoster}?${q}`)}>
          名单
        </Button>
        <Button className='hm-btn hm-btn-plain' onClick={() => go(`${ROUTES.staffElderCallList}?day=${o.date}`)}>
          电话提醒名单
        </Button>
        {o.allowed.includes('move') && (
          <Button className='hm-btn hm-btn-plain' disabled={busy} onClick={() => onMove(o)}>
            调整本次
          </Button>
        )}
        {o.allowed.includes('cancel') && (
          <Button className='hm-btn hm-btn-plain' disabled={busy} onClick={() => onCancel(o)}>
            取消本次
          </Button>
        )}
      </View>
    </View>
  )
}
