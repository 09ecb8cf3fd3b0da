import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { Button } from '@/components/Button'
import { ListBody } from '@/components/ListBody'
import type { CreditDueWish } from '@/contracts/volunteer/ledger'
import { useListPage } from '@/hooks/useListPage'
import { useCreditQueue } from '@/packages/volunteer-staff/hooks/useLedgerStaff'
import { WishCreditForm } from './WishCreditForm'

export interface WishCreditQueueProps {
  /** A wish id handed over by the wish page (?wishId=): its form opens at once. */
  initialWishId?: string
}

/**
 * Staff (part E): the closed wishes whose volunteer's hours wait for the credit (the workbench's 待记录时长的心愿), each
 * with 记录时长 opening the credit form for it; a wish credited leaves the list. A wish the viewer claimed shows why
 * they may not credit it (four eyes). Below the list, the form by wish id.
 */
export function WishCreditQueue({ initialWishId = '' }: WishCreditQueueProps) {
  const list = useCreditQueue()
  useListPage(list, true)
  const [selected, setSelected] = useState<CreditDueWish>()
  const [byId, setById] = useState(!!initialWishId)
  const credited = (wishId: string) => {
    list.update((items) => items.filter((x) => x.wishId !== wishId))
    setSelected(undefined)
    setById(false)
  }
  if (selected) return <WishCreditForm key={selected.wishId} wish={selected} onDone={credited} onCancel={() => setSelected(undefined)} />
  if (byId) return <WishCreditForm initialWishId={initialWishId} onDone={credited} onCancel={() => setById(false)} />
  return (
    <View>
      <Text className='hm-sub hm-block'>以下心愿已由志愿者完成并经确认，请为认领的志愿者记录服务时长（来源标记为“心愿服务”）。</Text>
      <ListBody
        list={list}
        emptyText='暂无待记录时长的心愿'
        renderItem={(w) => (
          <View key={w.wishId} className='hm-card' data-testid='credit-due-wish'>
            <Text className='hm-title hm-block'>{w.title}</Text>
            <Text className='hm-text hm-block'>
              认领志愿者：{w.claimantName}，{w.closedOn} 完成
            </Text>
            {w.allowed.includes('credit') ? (
              <Button className='hm-btn' onClick={() => setSelected(w)}>
                记录时长
              </Button>
            ) : (
              <Text className='hm-sub hm-block'>{w.note}</Text>
            )}
          </View>
        )}
      />
      <Button className='hm-btn hm-btn-plain' onClick={() => setById(true)}>
        按心愿编号记录
      </Button>
    </View>
  )
}
