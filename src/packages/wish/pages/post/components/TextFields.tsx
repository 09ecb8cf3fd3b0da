import { View } from '@tarojs/components'
import { WISH_LIMITS } from '@/contracts/wish'
import { TextField } from '@/components/TextField'
import type { SectionProps } from './fields'

/** Title and description, with their length counters. */
export function TextFields({ values, set, errors }: SectionProps) {
  return (
    <View className='hm-card'>
      <TextField label='心愿标题' counter placeholder='例如：想请人帮忙修一下门锁' maxlength={WISH_LIMITS.title} value={values.title} onInput={(v) => set('title', v)} error={errors.title} />
      <TextField
        label='心愿描述'
        multiline
        counter
        placeholder='说说您需要什么帮助'
        maxlength={WISH_LIMITS.description}
        value={values.description}
        onInput={(v) => set('description', v)}
        error={errors.description}
      />
    </View>
  )
}
