import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { PHOTO_CHECK_TEXT, PHOTO_UNDER_CHECK, type PhotoCheckState } from '@/contracts/photoChecks'
import { Photo, photoBox } from '@/packages/wish/components/Photo'

export interface PhotosProps {
  urls: string[]
  /** The image-check state of each photo in `urls` (the wisher and staff also see photos under check). */
  states?: PhotoCheckState[]
  /** Photos under check this viewer may not see yet: a 审核中 tile each. */
  pending?: number
  /** The wisher and staff: why photos were hidden. */
  hidden?: string[]
}

/** The wish's photos (a tap opens the large view), 审核中 tiles for photos under check, and why any were hidden. */
export function Photos({ urls, states = [], pending = 0, hidden = [] }: PhotosProps) {
  if (!urls.length && !pending && !hidden.length) return null
  const underCheck = (i: number) => PHOTO_UNDER_CHECK.includes(states[i] ?? 'pass')
  return (
    <View className='hm-card' data-testid='photos'>
      <View className='hm-wrap'>
        {urls.map((u, i) => (
          <View key={u} style={{ marginRight: '8px', marginBottom: '8px' }}>
            <Photo src={u} label={`照片${i + 1}`} onClick={() => void Taro.previewImage({ urls, current: u }).catch(() => undefined)} />
            {underCheck(i) && <Text className='hm-sub hm-block'>{PHOTO_CHECK_TEXT.underCheck}</Text>}
          </View>
        ))}
        {Array.from({ length: pending }, (_, i) => (
          <View
            key={`pending-${i}`}
            role='img'
            aria-label={`照片${PHOTO_CHECK_TEXT.underCheck}`}
            style={{ ...photoBox(), marginRight: '8px', marginBottom: '8px', background: 'var(--hm-bg, #f2f2f2)', display: 'flex', alignItems: 'center', justifyContent: 'center' }}
          >
            <Text className='hm-sub'>{PHOTO_CHECK_TEXT.underCheck}</Text>
          </View>
        ))}
      </View>
      {urls.length > 0 && <Text className='hm-sub hm-block'>点击照片可查看大图</Text>}
      {urls.some((_, i) => underCheck(i)) && <Text className='hm-sub hm-block'>{PHOTO_CHECK_TEXT.ownerUnderCheck}</Text>}
      {hidden.length > 0 && (
        <View role='alert' data-testid='photos-hidden'>
          {hidden.map((reason, i) => (
            <Text key={i} className='hm-text hm-block' style={{ color: 'var(--hm-warn)' }}>
              {reason}
            </Text>
          ))}
        </View>
      )}
    </View>
  )
}
