import { Text, View } from '@tarojs/components'
import type { WishCard } from '@/contracts/wish'
import { WishCardHeader } from '@/components/WishCardHeader'
import { tapA11y } from '@/components/tapA11y'
import { ROUTES, go } from '@/routes'

export interface WishCardViewProps {
  wish: WishCard
  /** Show why it was rejected or hidden (the wisher's own list). */
  showReason?: boolean
  /** Flag a claim that is past its promised date. */
  showOverdue?: boolean
}

/** One wish on a list: its header, the reason or the thanks; tap opens it. */
export function WishCardView({ wish, showReason = false, showOverdue = false }: WishCardViewProps) {
  return (
    <View className='hm-card' data-testid='wish-card' onClick={() => go(`${ROUTES.wishDetail}?id=${encodeURIComponent(wish.id)}`)} {...tapA11y('link')}>
      <WishCardHeader wish={wish} showOverdue={showOverdue} />
      {showReason && wish.reason && <Text className='hm-text hm-block'>原因：{wish.reason}</Text>}
      {wish.thanks && <Text className='hm-text hm-block'>感谢：{wish.thanks}</Text>}
    </View>
  )
}
