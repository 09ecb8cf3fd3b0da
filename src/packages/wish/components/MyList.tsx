import type { ReactNode } from 'react'
import type { WishCard } from '@/contracts/wish'
import type { Paged } from '@/hooks/usePaged'
import { Page } from '@/components/Page'
import { ListBody } from '@/components/ListBody'
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
  return (
    <Page>
      {header}
      <ListBody list={list} emptyText={emptyText} renderItem={(w) => <WishCardView key={w.id} wish={w} showReason={showReason} showOverdue={showOverdue} />} />
    </Page>
  )
}
