import { Input, Text, Textarea, View } from '@tarojs/components'
import { WISH_LIMITS } from '@/contracts/wish'
import type { SectionProps } from './fields'

/** Title and description, with their length counters. */
export function TextFields({ values, set, errors }: SectionProps) {
  return (
    <View className='hm-card'>
      <View className='hm-field'>
        <View className='hm-row'>
          <Text className='hm-label'>心愿标题</Text>
          <Text className='hm-sub'>
            {values.title.length}/{WISH_LIMITS.title}
          </Text>
        </View>
        <Input className='hm-input' placeholder='例如：想请人帮忙修一下门锁' maxlength={WISH_LIMITS.title} value={values.title} onInput={(e) => set('title', e.detail.value)} aria-label='心愿标题' />
        {errors.title && <Text className='hm-error'>{errors.title}</Text>}
      </View>
      <View className='hm-field'>
        <View className='hm-row'>
          <Text className='hm-label'>心愿描述</Text>
          <Text className='hm-sub'>
            {values.description.length}/{WISH_LIMITS.description}
          </Text>
        </View>
        <Textarea
          className='hm-input hm-textarea'
          placeholder='说说您需要什么帮助'
          maxlength={WISH_LIMITS.description}
          value={values.description}
          onInput={(e) => set('description', e.detail.value)}
          aria-label='心愿描述'
        />
        {errors.description && <Text className='hm-error'>{errors.description}</Text>}
      </View>
    </View>
  )
}
