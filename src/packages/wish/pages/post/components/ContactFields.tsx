import { Text, View } from '@tarojs/components'
import { WISH_LIMITS } from '@/contracts/wish'
import { TextField } from '@/components/TextField'
import type { SectionProps } from './fields'

/** The private phone and address (only the claimant and staff see them). */
export function ContactFields({ values, set, errors }: SectionProps) {
  return (
    <View className='hm-card'>
      <Text className='hm-label'>联系方式</Text>
      <Text className='hm-sub hm-block'>仅认领人和社区工作人员可见</Text>
      <TextField
        label='联系电话'
        type='number'
        placeholder='请输入11位手机号'
        maxlength={11}
        value={values.contactPhone}
        onInput={(v) => set('contactPhone', v)}
        error={errors.contactPhone}
      />
      <TextField label='地址' placeholder='例如：军门社区3号楼2单元501' maxlength={WISH_LIMITS.address} value={values.address} onInput={(v) => set('address', v)} error={errors.address} />
    </View>
  )
}
