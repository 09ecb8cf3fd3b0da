import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { WishCard } from '@/contracts/wish'
import type { Paged } from '@/hooks/usePaged'
import { Page } from '@/components/Page'
import { StateView } from '@/components/StateView'
import { ListFooter } from '@/components/ListFooter'
import { WishCardView } from './WishCardView'
import { useListPage } from '@/hooks/useListPage'

export interface MyListProps {
  list: Paged<WishCard>
  emptyText: string
  showReason?: boolean
  showOverdue?: boolean
  /** Shown above the list (e.g. a 发布心愿 button). */
  header?: ReactNode
}

/** A personal wish list page: pull-to-refresh, load-more, reload when shown again. */
export function MyList({ list, emptyText, showReason, showOverdue, header }: MyListProps) {
  useListPage(list, true)
  let body
  if (list.loading) body = <StateView kind='loading' />
  else if (list.error) body = <StateView kind='error' error={list.error} onRetry={list.refresh} />
  else if (list.items.length === 0) body = <StateView kind='empty' text={emptyText} />
  else
    body = (
      <View>
        {list.items.map((w) => (
          <WishCardView key={w.id} wish={w} showReason={showReason} showOverdue={showOverdue} />
        ))}
        <ListFooter hasMore={list.hasMore} loadingMore={list.loadingMore} moreError={list.moreError} onMore={() => void list.loadMore()} />
      </View>
    )
  return (
    <Page>
      {header}
      {body}
    </Page>
  )
}

