import { Text, View } from '@tarojs/components'
import { MAX_WISH_PHOTOS } from '@/contracts/wish'
import { Button } from '@/components/Button'
import { Link } from '@/components/Link'
import { Photo } from '@/packages/wish/components/Photo'
import type { usePhotoUpload } from '@/packages/wish/hooks/usePhotoUpload'

export interface PhotoFieldsProps {
  photos: ReturnType<typeof usePhotoUpload>
  error?: string
}

/** Up to MAX_WISH_PHOTOS photos: thumbnails with 删除, and 添加照片 while there is room. */
export function PhotoFields({ photos, error }: PhotoFieldsProps) {
  return (
    <View className='hm-card'>
      <View className='hm-row'>
        <Text className='hm-label'>照片（可不加）</Text>
        <Text className='hm-sub'>
          {photos.items.length}/{MAX_WISH_PHOTOS}
        </Text>
      </View>
      <View className='hm-wrap'>
        {photos.items.map((p, i) => (
          <View key={`${p.src}-${i}`} style={{ marginRight: '16px', marginBottom: '16px' }}>
            <Photo src={p.src} label={`照片${i + 1}`} size={180} />
            {p.uploading ? (
              <Text className='hm-sub hm-block'>正在上传…</Text>
            ) : (
              <Link role='button' label={`删除照片${i + 1}`} onClick={() => photos.remove(i)}>
                删除
              </Link>
            )}
          </View>
        ))}
      </View>
      {photos.items.length < MAX_WISH_PHOTOS && (
        <Button className='hm-btn hm-btn-plain' onClick={() => void photos.add()}>
          添加照片
        </Button>
      )}
      {error && <Text className='hm-error'>{error}</Text>}
    </View>
  )
}
