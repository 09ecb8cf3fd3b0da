import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { Paged } from '@/hooks/usePaged'
import { ListFooter } from './ListFooter'
import { StateView } from './StateView'

export interface ListBodyProps<T> {
  list: Pick<Paged<T>, 'items' | 'loading' | 'error' | 'hasMore' | 'loadingMore' | 'moreError' | 'refresh' | 'loadMore'>
  /** Shown when the list is empty. */
  emptyText: string
  /** One item (with its key). */
  renderItem: (item: T) => ReactNode
  /** More ways out of an error than retry (e.g. 看全区). */
  errorActions?: ReactNode
}

/** A paged list's body: loading, error (retry only where it helps), empty, or the items and the load-more footer. */
export function ListBody<T>({ list, emptyText, renderItem, errorActions }: ListBodyProps<T>) {
  if (list.loading) return <StateView kind='loading' />
  if (list.error) return <StateView kind='error' error={list.error} onRetry={() => void list.refresh()} actions={errorActions} />
  if (list.items.length === 0) return <StateView kind='empty' text={emptyText} />
  return (
    <View>
      {list.items.map(renderItem)}
      <ListFooter hasMore={list.hasMore} loadingMore={list.loadingMore} moreError={list.moreError} onMore={() => void list.loadMore()} />
    </View>
  )
}
