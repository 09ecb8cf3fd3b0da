import { Text, View } from '@tarojs/components'
import type { WishDetail } from '@/contracts/wish'
import { WishCardHeader } from '@/components/WishCardHeader'
import { formatDay } from '@/format/day'

export interface SummaryProps {
  w: WishDetail
}

/** The wish itself: header, description, needed-by date, why it was rejected or hidden, what happens next. */
export function Summary({ w }: SummaryProps) {
  return (
    <View className='hm-card'>
      <WishCardHeader wish={w} large />
      <Text className='hm-text hm-block' style={{ marginTop: '16px', whiteSpace: 'pre-wrap' }}>
        {w.description}
      </Text>
      {w.neededBy && <Text className='hm-text hm-block'>希望在 {formatDay(w.neededBy)} 前完成</Text>}
      {w.reason && (
        <Text className='hm-text hm-block' style={{ color: 'var(--hm-danger)' }}>
          {w.status === 'rejected' ? '未通过原因' : '隐藏原因'}：{w.reason}
        </Text>
      )}
      {w.status === 'pending_review' && <Text className='hm-sub hm-block'>社区工作人员审核通过后，心愿会出现在心愿墙上。</Text>}
    </View>
  )
}
