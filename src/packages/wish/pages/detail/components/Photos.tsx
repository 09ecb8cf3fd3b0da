import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Photo } from '@/packages/wish/components/Photo'

export interface PhotosProps {
  urls: string[]
}

/** The wish's photos; a tap opens the large view. */
export function Photos({ urls }: PhotosProps) {
  if (!urls.length) return null
  return (
    <View className='hm-card'>
      <View className='hm-wrap'>
        {urls.map((u, i) => (
          <View key={u} style={{ marginRight: '8px', marginBottom: '8px' }}>
            <Photo src={u} label={`照片${i + 1}`} onClick={() => void Taro.previewImage({ urls, current: u }).catch(() => undefined)} />
          </View>
        ))}
      </View>
      <Text className='hm-sub hm-block'>点击照片可查看大图</Text>
    </View>
  )
}
