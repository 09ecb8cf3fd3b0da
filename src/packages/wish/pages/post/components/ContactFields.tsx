import { Input, Text, View } from '@tarojs/components'
import { WISH_LIMITS } from '@/contracts/wish'
import { Field } from '@/components/Field'
import type { SectionProps } from './fields'

/** The private phone and address (only the claimant and staff see them). */
export function ContactFields({ values, set, errors }: SectionProps) {
  return (
    <View className='hm-card'>
      <Text className='hm-label'>联系方式</Text>
      <Text className='hm-sub hm-block'>仅认领人和社区工作人员可见</Text>
      <Field label='联系电话' error={errors.contactPhone}>
        <Input
          className='hm-input'
          type='number'
          placeholder='请输入11位手机号'
          maxlength={11}
          value={values.contactPhone}
          onInput={(e) => set('contactPhone', e.detail.value)}
          aria-label='联系电话'
        />
      </Field>
      <Field label='地址' error={errors.address}>
        <Input
          className='hm-input'
          placeholder='例如：军门社区3号楼2单元501'
          maxlength={WISH_LIMITS.address}
          value={values.address}
          onInput={(e) => set('address', e.detail.value)}
          aria-label='地址'
        />
      </Field>
    </View>
  )
}
