import { Text, View } from '@tarojs/components'
import type { StaffSlotCard } from '@/contracts/volunteer'
import { Button } from '@/components/Button'
import { ROUTES, go } from '@/routes'

export interface SlotRowProps {
  slot: StaffSlotCard
  busy: boolean
  onHeadcount: (slot: StaffSlotCard) => void
  onTime: (slot: StaffSlotCard) => void
  onCancel: (slot: StaffSlotCard) => void
}

/** One slot of the project for its staff: when, how many signed up and checked in; 名单, 签到码, 确认时长, 改时间, 改人数, 取消. */
export function SlotRow({ slot, busy, onHeadcount, onTime, onCancel }: SlotRowProps) {
  const cancelled = slot.status === 'cancelled'
  return (
    <View className='hm-card' data-testid='staff-slot'>
      <Text className='hm-h2 hm-block'>
        {slot.date} {slot.startTime}–{slot.endTime}
      </Text>
      <Text className='hm-text hm-block'>
        已报名 {slot.taken}/{slot.headcount} · 已签到 {slot.checkedIn}
        {cancelled ? ' · 已取消' : ''}
      </Text>
      {slot.cancelReason && <Text className='hm-sub hm-block'>取消原因：{slot.cancelReason}</Text>}
      <View className='hm-wrap'>
        <Button className='hm-btn hm-btn-plain' onClick={() => go(`${ROUTES.staffRoster}?slotId=${encodeURIComponent(slot.id)}`)}>
          名单
        </Button>
        {!cancelled && (
          <Button className='hm-btn hm-btn-plain' onClick={() => go(`${ROUTES.staffSlotCode}?slotId=${encodeURIComponent(slot.id)}`)}>
            签到码
          </Button>
        )}
        {!cancelled && (
          <Button className='hm-btn hm-btn-plain' onClick={() => go(`${ROUTES.staffConfirm}?slotId=${encodeURIComponent(slot.id)}`)}>
            确认时长
          </Button>
        )}
        {!cancelled && (
          <Button className='hm-btn hm-btn-plain' disabled={busy} onClick={() => onTime(slot)}>
            改时间
          </Button>
        )}
        {!cancelled && (
          <Button className='hm-btn hm-btn-plain' disabled={busy} onClick={() => onHeadcount(slot)}>
            改人数
          </Button>
        )}
        {!cancelled && (
          <Button className='hm-btn hm-btn-plain' disabled={busy} onClick={() => onCancel(slot)}>
            取消班次
          </Button>
        )}
      </View>
    </View>
  )
}
