import { Text, View } from '@tarojs/components'

export interface NoticeProps {
  /** What to say; nothing is shown when empty. */
  text: string
}

/** The outcome of an elder page's action, said on the page (read out by screen readers as a status). */
export function Notice({ text }: NoticeProps) {
  if (!text) return null
  return (
    <View className='hm-card' role='status'>
      <Text className='hm-text hm-block'>{text}</Text>
    </View>
  )
}
