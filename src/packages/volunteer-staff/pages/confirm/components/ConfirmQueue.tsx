import { Text, View } from '@tarojs/components'
import { Button } from '@/components/Button'
import { ListBody } from '@/components/ListBody'
import type { ConfirmSlotCard } from '@/contracts/volunteer/ledger'
import { useListPage } from '@/hooks/useListPage'
import { ROUTES, go } from '@/routes'
import { useConfirmQueue } from '@/packages/volunteer-staff/hooks/useLedgerStaff'

/** Slots of my communities with checked-out shifts waiting, the longest-ended first; tap opens one. */
export function ConfirmQueue() {
  const list = useConfirmQueue()
  useListPage(list, true)
  const renderItem = (s: ConfirmSlotCard) => (
    <View key={s.slotId} className='hm-card' data-testid='confirm-slot'>
      <Text className='hm-title hm-block'>{s.title}</Text>
      <Text className='hm-text hm-block'>
        {s.date} {s.startTime}–{s.endTime} · {s.place}
      </Text>
      <Text className='hm-sub hm-block'>
        待确认 {s.waiting} 人{s.flagged ? ` · 需复核 ${s.flagged} 人` : ''}
      </Text>
      <Button className='hm-btn hm-btn-plain' onClick={() => go(`${ROUTES.staffConfirm}?slotId=${encodeURIComponent(s.slotId)}`)}>
        去确认
      </Button>
    </View>
  )
  return <ListBody list={list} emptyText='暂无待确认的服务时长' renderItem={renderItem} />
}
