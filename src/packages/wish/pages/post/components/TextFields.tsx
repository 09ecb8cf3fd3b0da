import { Input, Textarea, View } from '@tarojs/components'
import { WISH_LIMITS } from '@/contracts/wish'
import { Field } from '@/components/Field'
import type { SectionProps } from './fields'

/** Title and description, with their length counters. */
export function TextFields({ values, set, errors }: SectionProps) {
  return (
    <View className='hm-card'>
      <Field label='心愿标题' count={values.title.length} max={WISH_LIMITS.title} error={errors.title}>
        <Input
          className='hm-input'
          placeholder='例如：想请人帮忙修一下门锁'
          maxlength={WISH_LIMITS.title}
          value={values.title}
          onInput={(e) => set('title', e.detail.value)}
          aria-label='心愿标题'
        />
      </Field>
      <Field label='心愿描述' count={values.description.length} max={WISH_LIMITS.description} error={errors.description}>
        <Textarea
          className='hm-input hm-textarea'
          placeholder='说说您需要什么帮助'
          maxlength={WISH_LIMITS.description}
          value={values.description}
          onInput={(e) => set('description', e.detail.value)}
          aria-label='心愿描述'
        />
      </Field>
    </View>
  )
}
