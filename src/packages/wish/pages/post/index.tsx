import { useRouter } from '@tarojs/taro'
import { Page } from '@/components/Page'
import { useRemotePage } from '@/hooks/useRemotePage'
import { useOpenWishLimit, useWish } from '@/packages/wish/hooks/useWish'
import { LimitNotice } from './components/LimitNotice'
import { WishForm } from './components/WishForm'

/** Post a wish, or edit a rejected one and resubmit it (?id=). A resident at the open-wish limit is told at once. */
export default function PostPage() {
  const { params } = useRouter()
  const editId = params?.id ? decodeURIComponent(params.id) : undefined
  const existing = useWish(editId)
  const limit = useOpenWishLimit(!editId)
  const page = useRemotePage(existing)
  if (editId) {
    return <Page {...page}>{existing.data && <WishForm editId={editId} initial={existing.data} />}</Page>
  }
  // The count is a courtesy: while it loads, or if it fails, the form shows and the server still enforces the limit.
  return <Page>{limit.data ? <LimitNotice /> : <WishForm />}</Page>
}
