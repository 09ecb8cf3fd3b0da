import { Text, View } from '@tarojs/components'
import type { WishCard } from '@/contracts/wish'
import { WISH_STATUS_LABELS, wishBadgeClass } from '@/format/wish'
import { ROUTES, go } from '@/routes'
import { ago } from '@/format/day'

export interface WishCardViewProps {
  wish: WishCard
  /** Show why it was rejected or hidden (the wisher's own list). */
  showReason?: boolean
  /** Flag a claim that is past its promised date. */
  showOverdue?: boolean
}

/** One wish on a list: title, category, display name, community, how long ago, status badge; tap opens it. */
export function WishCardView({ wish, showReason = false, showOverdue = false }: WishCardViewProps) {
  return (
    <View className='hm-card' data-testid='wish-card' onClick={() => go(`${ROUTES.wishDetail}?id=${encodeURIComponent(wish.id)}`)}>
      <View className='hm-row'>
        <Text className='hm-h2' style={{ flex: 1 }}>
          {wish.title}
        </Text>
        <Text className={`hm-badge ${wishBadgeClass(wish.status)}`}>{WISH_STATUS_LABELS[wish.status] || wish.status}</Text>
      </View>
      <View className='hm-wrap'>
        <Text className='hm-badge'>{wish.category}</Text>
        {showOverdue && wish.overdue && <Text className='hm-badge hm-badge-warn'>已逾期</Text>}
      </View>
      <Text className='hm-sub hm-block'>
        {wish.displayName} · {wish.communityName} · {ago(wish.publishedAt || wish.createdAt)}
      </Text>
      {showReason && wish.reason && (wish.status === 'rejected' || wish.status === 'hidden') && <Text className='hm-text hm-block'>原因：{wish.reason}</Text>}
      {wish.thanks && <Text className='hm-text hm-block'>感谢：{wish.thanks}</Text>}
    </View>
  )
}
