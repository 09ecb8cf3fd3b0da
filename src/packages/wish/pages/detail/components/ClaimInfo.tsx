import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { WishDetail } from '@/contracts/wish'
import { formatDay } from '@/format/day'
import { PHOTO_CHECK_TEXT, PHOTO_UNDER_CHECK } from '@/contracts/photoChecks'
import { Photo } from '@/packages/wish/components/Photo'

export interface ClaimInfoProps {
  w: WishDetail
}

/** Who claimed it and by when (and a pending request to release it), how it was fulfilled, and the thanks. */
export function ClaimInfo({ w }: ClaimInfoProps) {
  const { claim, fulfilment, thanks } = w
  if (!claim && !fulfilment && !thanks) return null
  return (
    <View className='hm-card'>
      {claim && (
        <View>
          <Text className='hm-h2'>认领情况</Text>
          <Text className='hm-text hm-block'>
            认领人：{claim.claimantName}
            {claim.unitName ? `（${claim.unitName}）` : ''}
          </Text>
          <Text className='hm-text hm-block'>承诺完成日期：{formatDay(claim.promisedBy)}</Text>
          <Text className='hm-sub hm-block'>认领时间：{formatDay(claim.claimedAt)}</Text>
          {w.releaseRequest && (
            <Text className='hm-sub hm-block' data-testid='release-request'>
              心愿人已申请释放认领（{formatDay(w.releaseRequest.at)}）：{w.releaseRequest.reason}
            </Text>
          )}
        </View>
      )}
      {fulfilment && (
        <View>
          <Text className='hm-h2'>完成情况</Text>
          <Text className='hm-text hm-block'>{fulfilment.note}</Text>
          {fulfilment.photo && <Photo src={fulfilment.photo} label='完成照片' onClick={() => void Taro.previewImage({ urls: [fulfilment.photo!] }).catch(() => undefined)} />}
          {fulfilment.photoState && PHOTO_UNDER_CHECK.includes(fulfilment.photoState) && <Text className='hm-sub hm-block'>{PHOTO_CHECK_TEXT.ownerUnderCheck}</Text>}
          {fulfilment.photoPending && <Text className='hm-sub hm-block'>完成照片{PHOTO_CHECK_TEXT.underCheck}</Text>}
          {fulfilment.photoHidden && (
            <Text className='hm-text hm-block' style={{ color: 'var(--hm-warn)' }}>
              {fulfilment.photoHidden}
            </Text>
          )}
          <Text className='hm-sub hm-block'>完成时间：{formatDay(fulfilment.fulfilledAt)}</Text>
          {w.status === 'fulfilled' && <Text className='hm-sub hm-block'>等待心愿人确认</Text>}
        </View>
      )}
      {thanks && (
        <View>
          <Text className='hm-h2'>感谢的话</Text>
          <Text className='hm-text hm-block'>“{thanks}”</Text>
        </View>
      )}
    </View>
  )
}
