import { View } from '@tarojs/components'
import { Button } from '@/components/Button'
import { useState } from 'react'
import { WISH_CATEGORIES, type WishCategory } from '@/contracts/wish'
import { Page } from '@/components/Page'
import { ListBody } from '@/components/ListBody'
import { Chips } from '@/components/Chips'
import { ROUTES, go } from '@/routes'
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

const CATEGORIES: { key: WishCategory | undefined; label: string }[] = [{ key: undefined, label: '全部类别' }, ...WISH_CATEGORIES.map((c) => ({ key: c, label: c }))]

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

  // A visitor who has not signed up has no community: offer the whole district (sign-up comes with the error).
  const toDistrict =
    scope === 'community' && wall.error?.code === 'NOT_SIGNED_UP' ? (
      <Button className='hm-btn hm-btn-plain' onClick={() => setScope('district')}>
        看全区
      </Button>
    ) : undefined

  return (
    <Page>
      <Tabs tabs={SCOPES} value={scope} onChange={setScope} label='范围' />
      <Chips options={CATEGORIES} value={category} onChange={setCategory} label='类别' />
      <Chips options={STATUSES} value={status} onChange={setStatus} label='状态' />
      <Button className='hm-btn' onClick={() => go(ROUTES.wishPost)}>
        发布心愿
      </Button>
      <View style={{ marginTop: '24px' }}>
        <ListBody
          list={wall}
          emptyText={category || status ? '没有符合条件的心愿' : '还没有心愿，来发布第一个吧'}
          renderItem={(w) => <WishCardView key={w.id} wish={w} />}
          errorActions={toDistrict}
        />
      </View>
    </Page>
  )
}
