import { Text, View } from '@tarojs/components'
import type { WishCard } from '@/contracts/wish'
import { WISH_STATUS_LABELS } from '@/contracts/wishRules'
import { wishBadgeClass } from '@/format/wish'
import { ago, formatDay } from '@/format/day'

export interface WishCardHeaderProps {
  wish: WishCard
  /** The detail's larger title. */
  large?: boolean
  /** Flag a claim that is past its promised date. */
  showOverdue?: boolean
  /** Show how many times it was reported (staff). */
  showReports?: boolean
  /** The date as a day (staff queues) instead of how long ago. */
  asDay?: boolean
}

/** A wish's header on the wall, the detail and the staff queue: title and status, category and flags, who, where, when. */
export function WishCardHeader({ wish, large = false, showOverdue = true, showReports = false, asDay = false }: WishCardHeaderProps) {
  const when = wish.publishedAt || wish.createdAt
  return (
    <View>
      <View className='hm-row'>
        <Text className={large ? 'hm-title' : 'hm-h2'} style={{ flex: 1 }}>
          {wish.title}
        </Text>
        <Text className={`hm-badge ${wishBadgeClass(wish.status)}`}>{WISH_STATUS_LABELS[wish.status] || wish.status}</Text>
      </View>
      <View className='hm-wrap'>
        <Text className='hm-badge'>{wish.category}</Text>
        {showOverdue && wish.overdue && <Text className='hm-badge hm-badge-warn'>已逾期</Text>}
        {showReports && !!wish.reportCount && <Text className='hm-badge hm-badge-warn'>被举报 {wish.reportCount} 次</Text>}
      </View>
      <Text className='hm-sub hm-block'>
        {wish.displayName} · {wish.communityName} · {asDay ? formatDay(when) : ago(when)}
      </Text>
    </View>
  )
}
