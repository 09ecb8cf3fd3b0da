import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { creditWish } from '@/packages/volunteer-staff/hooks/useLedgerStaff'
import { Button } from '@/components/Button'
import { TextField } from '@/components/TextField'
import { SKIP, useAction } from '@/hooks/useAction'
import { confirm } from '@/ui/feedback'

export interface WishCreditFormProps {
  /** A wish id handed over by the workbench or the wish page (?wishId=). */
  initialWishId?: string
}

/** Staff: credit hours for a closed wish claimed by a volunteer (once per wish; never to oneself). */
export function WishCreditForm({ initialWishId = '' }: WishCreditFormProps) {
  const [wishId, setWishId] = useState(initialWishId)
  const [minutes, setMinutes] = useState('')
  const action = useAction()
  const onSubmit = () =>
    void action.run(
      async () => {
        if (!(await confirm('记录心愿服务时长', `为这个心愿的认领志愿者记录 ${minutes} 分钟？每个心愿只能记录一次。`, '记录'))) return SKIP
        return creditWish({ wishId, minutes: Number(minutes) })
      },
      { done: '已记录', then: () => setMinutes('') },
    )
  return (
    <View className='hm-card' data-testid='wish-credit-form'>
      <Text className='hm-sub hm-block'>心愿完成并确认（已关闭）后，可为认领的志愿者记录服务时长，来源标记为“心愿服务”。</Text>
      <TextField label='心愿编号' value={wishId} onInput={setWishId} maxlength={64} />
      <TextField label='服务时长（分钟）' type='number' value={minutes} onInput={setMinutes} maxlength={3} />
      <Button className='hm-btn' disabled={action.busy || !wishId || !minutes} onClick={onSubmit}>
        记录时长
      </Button>
    </View>
  )
}
