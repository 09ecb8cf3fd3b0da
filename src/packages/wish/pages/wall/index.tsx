import { Text, View } from '@tarojs/components'
import { Button } from '@/components/Button'
import { useState } from 'react'
import { WISH_CATEGORIES, type WishCategory } from '@/contracts/wish'
import { Page } from '@/components/Page'
import { StateView } from '@/components/StateView'
import { ROUTES, go } from '@/routes'
import { ListFooter } from '@/components/ListFooter'
import { Tabs } from '@/components/Tabs'
import { WishCardView } from '@/packages/wish/components/WishCardView'
import { useWishWall, type WallFilters } from '@/packages/wish/hooks/useWish'
import { useListPage } from '@/hooks/useListPage'

const STATUSES: { key: WallFilters['status']; label: string }[] = [
  { key: undefined, label: '全部' },
  { key: 'open', label: '待认领' },
  { key: 'claimed', label: '已认领' },
  { key: 'fulfilled', label: '已完成' },
]

const SCOPES = [
  { key: 'community', label: '本社区' },
  { key: 'district', label: '全区' },
] as const

/** The wish wall: my community or the whole district, category and status filters, newest first. */
export default function WallPage() {
  const [scope, setScope] = useState<WallFilters['scope']>('community')
  const [category, setCategory] = useState<WishCategory>()
  const [status, setStatus] = useState<WallFilters['status']>()
  const wall = useWishWall({ scope, category, status })
  useListPage(wall, true)

  let body
  if (wall.loading) body = <StateView kind='loading' />
  else if (wall.error) body = <StateView kind='error' error={wall.error} onRetry={wall.refresh} />
  else if (wall.data.length === 0) body = <StateView kind='empty' text={category || status ? '没有符合条件的心愿' : '还没有心愿，来发布第一个吧'} />
  else
    body = (
      <View>
        {wall.data.map((w) => (
          <WishCardView key={w.id} wish={w} />
        ))}
        <ListFooter hasMore={wall.hasMore} loadingMore={wall.loadingMore} moreError={wall.moreError} onMore={() => void wall.loadMore()} />
      </View>
    )

  return (
    <Page>
      <Tabs tabs={SCOPES} value={scope} onChange={setScope} label='范围' />
      <View className='hm-wrap' role='radiogroup' aria-label='类别'>
        {[undefined, ...WISH_CATEGORIES].map((c) => (
          <View key={c || 'all'} role='radio' aria-checked={category === c} className={`hm-chip ${category === c ? 'hm-chip-on' : ''}`} onClick={() => setCategory(c)}>
            <Text>{c || '全部类别'}</Text>
          </View>
        ))}
      </View>
      <View className='hm-wrap' role='radiogroup' aria-label='状态'>
        {STATUSES.map((s) => (
          <View key={s.label} role='radio' aria-checked={status === s.key} className={`hm-chip ${status === s.key ? 'hm-chip-on' : ''}`} onClick={() => setStatus(s.key)}>
            <Text>{s.label}</Text>
          </View>
        ))}
      </View>
      <Button className='hm-btn' onClick={() => go(ROUTES.wishPost)}>
        发布心愿
      </Button>
      <View style={{ marginTop: '24px' }}>{body}</View>
    </Page>
  )
}
