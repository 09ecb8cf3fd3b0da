import { Button } from '@/components/Button'
import { go } from '@/routes'
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
  /** A button above the list, to where the list fills from (e.g. 发布心愿). */
  link: { label: string; url: string; plain?: boolean }
}

/** A personal wish list page: pull-to-refresh, load-more, reload when shown again. */
export function MyList({ list, emptyText, showReason, showOverdue, link }: MyListProps) {
  useListPage(list, true)
  return (
    <Page>
      <Button className={link.plain ? 'hm-btn hm-btn-plain' : 'hm-btn'} onClick={() => go(link.url)}>
        {link.label}
      </Button>
      <ListBody list={list} emptyText={emptyText} renderItem={(w) => <WishCardView key={w.id} wish={w} showReason={showReason} showOverdue={showOverdue} />} />
    </Page>
  )
}
