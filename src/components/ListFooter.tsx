import { Text, View } from '@tarojs/components'
import { Button } from '@/components/Button'

export interface ListFooterProps {
  hasMore: boolean
  loadingMore: boolean
  moreError?: { message: string }
  onMore: () => void
}

/** Load-more button (also triggered by reaching the bottom), or 没有更多了. */
export function ListFooter({ hasMore, loadingMore, moreError, onMore }: ListFooterProps) {
  return (
    <View>
      {moreError && <Text className='hm-error'>{moreError.message}</Text>}
      {hasMore ? (
        <Button className='hm-btn hm-btn-gray' loading={loadingMore} disabled={loadingMore} onClick={onMore}>
          {loadingMore ? '正在加载…' : '加载更多'}
        </Button>
      ) : (
        <Text className='hm-sub hm-block' style={{ textAlign: 'center', marginTop: '16px' }}>
          没有更多了
        </Text>
      )}
    </View>
  )
}
