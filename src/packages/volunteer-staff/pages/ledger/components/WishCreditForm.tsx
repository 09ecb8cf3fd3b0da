import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { creditWish } from '@/packages/volunteer-staff/hooks/useLedgerStaff'
import { Button } from '@/components/Button'
import { TextField } from '@/components/TextField'
import type { CreditDueWish } from '@/contracts/volunteer/ledger'
import { SKIP, useAction } from '@/hooks/useAction'
import { confirm } from '@/ui/feedback'

export interface WishCreditFormProps {
  /** A wish id handed over by the wish page (?wishId=), or the queue's row. */
  initialWishId?: string
  /** The queue's row this form credits (part E): shown above the form, its id fixed. */
  wish?: CreditDueWish
  /** After the credit was recorded. */
  onDone?: (wishId: string) => void
  /** Back to the queue. */
  onCancel?: () => void
}

/** Staff: credit hours for a closed wish claimed by a volunteer (once per wish; never to oneself). */
export function WishCreditForm({ initialWishId = '', wish, onDone, onCancel }: WishCreditFormProps) {
  const [wishId, setWishId] = useState(wish?.wishId ?? initialWishId)
  const [minutes, setMinutes] = useState('')
  const action = useAction()
  const onSubmit = () =>
    void action.run(
      async () => {
        const whom = wish ? `为「${wish.title}」的认领志愿者${wish.claimantName}` : '为这个心愿的认领志愿者'
        if (!(await confirm('记录心愿服务时长', `${whom}记录 ${minutes} 分钟？每个心愿只能记录一次。`, '记录'))) return SKIP
        return creditWish({ wishId, minutes: Number(minutes) })
      },
      {
        done: '已记录',
        then: () => {
          setMinutes('')
          onDone?.(wishId)
        },
      },
    )
  return (
    <View className='hm-card' data-testid='wish-credit-form'>
      {wish ? (
        <View>
          <Text className='hm-title hm-block'>{wish.title}</Text>
          <Text className='hm-text hm-block'>
            认领志愿者：{wish.claimantName}，{wish.closedOn} 完成
          </Text>
        </View>
      ) : (
        <Text className='hm-sub hm-block'>心愿完成并确认（已关闭）后，可为认领的志愿者记录服务时长，来源标记为“心愿服务”。</Text>
      )}
      {!wish && <TextField label='心愿编号' value={wishId} onInput={setWishId} maxlength={64} />}
      <TextField label='服务时长（分钟）' type='number' value={minutes} onInput={setMinutes} maxlength={3} />
      <Button className='hm-btn' disabled={action.busy || !wishId || !minutes} onClick={onSubmit}>
        记录时长
      </Button>
      {onCancel && (
        <Button className='hm-btn hm-btn-plain' disabled={action.busy} onClick={onCancel}>
          返回列表
        </Button>
      )}
    </View>
  )
}
